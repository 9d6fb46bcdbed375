"""The spec's end-to-end check: the demo trainee signs in, writes a journal entry, reloads and
finds it; screenshots of the home page (desktop and 360 px) and the editor go to test-output/."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, sign_in, status_log, watch_status
from tend.journal.models import JournalEntry

pytestmark = pytest.mark.browser

TITLE = "Noticing my threat system"
BODY = "Today a client's shame landed in me too. I slowed my breathing and stayed warm."


def test_demo_trainee_writes_an_entry_that_survives_a_reload(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Alex Rivera")
    page.screenshot(path=screenshot_dir / "home-desktop-1280.png", full_page=True)

    # The home page's next step starts a new entry (a real POST) and opens the editor.
    page.get_by_role("button", name="Start writing").click()
    expect(page).to_have_url(re.compile(r"/journal/\d+/edit/$"))
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")
    watch_status(page)

    page.locator("#id_title").press_sequentially(TITLE)
    page.locator("#id_body").press_sequentially(BODY)
    expect(status).to_have_text(SAVED)
    # The status told the story in order: unsaved, saving, saved at a time.
    log = status_log(page)
    assert "Unsaved changes" in log and "Saving…" in log, log
    assert log.index("Unsaved changes") < log.index("Saving…") < max(
        i for i, text in enumerate(log) if SAVED.match(text)
    ), log
    page.screenshot(path=screenshot_dir / "journal-editor.png", full_page=True)

    entry = JournalEntry.objects.get(owner=demo_trainee)
    assert (entry.title, entry.body) == (TITLE, BODY)

    # Reloaded, the editor still holds the text (from the server, not from browser storage).
    page.reload()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_body")).to_have_value(BODY)
    expect(status).to_have_text("All changes saved")

    page.goto("/journal/")
    page.reload()
    link = page.get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".prose")).to_contain_text(BODY)

    # The home page now counts the entry; photographed again at a phone's width.
    page.goto("/")
    expect(page.locator("#journal-heading + p .stat")).to_have_text("1")
    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    page.screenshot(path=screenshot_dir / "home-mobile-360.png", full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"The home page scrolls sideways by {overflow}px at 360 px wide"

    watcher.assert_clean()
    # Browser storage never holds the writing (only the server does).
    stored = page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")
    assert BODY not in stored
