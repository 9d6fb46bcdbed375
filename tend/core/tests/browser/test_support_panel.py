"""The risk screen in the product: writing in the journal that suggests risk brings calm support
to the writer, while saving carries on; everyday words do not."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in
from tend.journal.models import JournalEntry
from tend.safety.models import ScreenEvent

pytestmark = pytest.mark.browser


def open_new_entry(page):
    page.goto("/journal/")
    page.get_by_role("button", name=re.compile("New entry|Write your first entry")).first.click()
    expect(page).to_have_url(re.compile(r"/journal/\d+/edit/$"))


def test_support_appears_while_writing_and_saving_continues(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    expect(page.get_by_role("link", name="Get support").first).to_be_visible()
    open_new_entry(page)
    status = page.locator("#autosave-status")

    page.locator("#id_body").press_sequentially("This deadline is killing me, but the day was fine.")
    expect(status).to_have_text(SAVED)
    expect(page.locator('[data-support-panel="possible"]')).to_be_hidden()
    expect(page.locator('[data-support-panel="high"]')).to_be_hidden()

    page.locator("#id_body").press_sequentially(" Honestly everyone would be better off without me.")
    expect(status).to_have_text(SAVED)
    check_in = page.locator('[data-support-panel="possible"]')
    expect(check_in).to_be_visible()
    expect(check_in).to_contain_text("Checking in with you")

    page.locator("#id_body").press_sequentially(" I have been saving my tablets.")
    expect(status).to_have_text(SAVED)
    panel = page.locator('[data-support-panel="high"]')
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(panel).to_contain_text("Find A Helpline")
    expect(check_in).to_be_hidden()
    page.screenshot(path=screenshot_dir / "support-panel.png", full_page=True)
    assert axe_violations(page) == []

    # The writing is saved in full, and only the fact of the screen is counted.
    entry = JournalEntry.objects.get(owner__email=DEMO_TRAINEE[0])
    assert entry.body.endswith("I have been saving my tablets.")
    assert sorted(ScreenEvent.objects.values_list("level", flat=True)) == ["high", "possible"]

    panel.get_by_role("button", name="Close for now").click()
    expect(panel).to_be_hidden()
    page.get_by_role("link", name="Get support").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get support")
    assert axe_violations(page) == []
    watcher.assert_clean()
