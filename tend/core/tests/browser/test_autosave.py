"""The shared autosave component in a real browser: two tabs on one entry, a lost network,
and a save that committed although its reply never arrived."""

import re

import pytest
from playwright.sync_api import expect

from tend.core import autosave
from tend.core.models import ConflictCopy
from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in, status_log, watch_status
from tend.journal.models import JournalEntry

pytestmark = pytest.mark.browser


@pytest.fixture
def entry(demo_trainee):
    return JournalEntry.objects.create(owner=demo_trainee, title="Two tabs", body="")


def test_two_tabs_on_one_entry_keep_both_texts_and_resolve(context, page, watcher, entry, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    tab_a, tab_b = page, context.new_page()
    for tab in (tab_a, tab_b):
        tab.goto(f"/journal/{entry.pk}/edit/")
        expect(tab.locator("#autosave-status")).to_have_text("All changes saved")

    text_a = "Written in tab A: my soothing system needs practice."
    text_b = "Written in tab B: I noticed self-criticism after the session."
    tab_a.bring_to_front()
    tab_a.locator("#id_body").fill(text_a)
    expect(tab_a.locator("#autosave-status")).to_have_text(SAVED)
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text_a, 2)

    # Tab B still holds version 1: its save is refused, its text kept, and it says so.
    tab_b.bring_to_front()
    tab_b.locator("#id_body").fill(text_b)
    alert = tab_b.locator("#autosave-conflict")
    expect(alert).to_be_visible()
    expect(alert).to_be_focused()
    expect(tab_b.locator("#autosave-status")).to_have_text("Not saved here: a newer version exists")
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text_a, 2), "the stale tab must not overwrite the saved text"
    copy = autosave.open_conflicts(entry).get()
    assert autosave.conflict_values(copy)["body"] == text_b
    assert copy.base_version == 1

    # Tab B stops saving: more typing there sends nothing and makes no second copy...
    tab_b.locator("#id_body").press_sequentially(" More.")
    tab_b.wait_for_timeout(2000)
    assert ConflictCopy.objects.count() == 1
    # ...and as that extra text exists only in this tab, leaving now asks first (staying here).
    dialogs = []
    tab_b.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    compare = alert.get_by_role("link", name="Compare both versions and choose")
    compare.click()
    tab_b.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(tab_b).to_have_url(re.compile(rf"/journal/{entry.pk}/edit/$"))
    expect(tab_b.locator("#id_body")).to_have_value(text_b + " More.")

    # With the text back to what was kept, it leaves without asking.
    tab_b.locator("#id_body").fill(text_b)
    compare.click()
    expect(tab_b).to_have_url(re.compile(rf"/journal/{entry.pk}/conflicts/{copy.pk}/$"))
    assert dialogs == ["beforeunload"]
    saved_card = tab_b.locator("section", has=tab_b.locator("#saved-heading"))
    theirs_card = tab_b.locator("section", has=tab_b.locator("#mine-heading"))
    expect(saved_card.locator(".version-text")).to_have_text(text_a)
    expect(theirs_card.locator(".version-text")).to_have_text(text_b)
    expect(tab_b.locator("#merged-body")).to_have_value(f"{text_a}\n\n{text_b}")
    tab_b.screenshot(path=screenshot_dir / "journal-conflict.png", full_page=True)
    assert axe_violations(tab_b) == []

    # Tab A, reloaded, learns about the other text too.
    tab_a.reload()
    expect(tab_a.get_by_role("link", name="Compare and choose")).to_be_visible()

    tab_b.get_by_role("button", name="Keep the combined text").click()
    expect(tab_b).to_have_url(re.compile(rf"/journal/{entry.pk}/edit/$"))
    expect(tab_b.locator(".messages")).to_contain_text("It now holds the version you chose")
    expect(tab_b.locator("#id_body")).to_have_value(f"{text_a}\n\n{text_b}")
    expect(tab_b.locator(".conflict-alert")).to_have_count(1)  # only the hidden live one is left
    entry.refresh_from_db()
    # A plain form post sends a textarea's line breaks as CRLF (autosave's fetch sends LF);
    # the server stores what it is sent, so compare the text, not the line-break bytes.
    assert entry.body.replace("\r\n", "\n") == f"{text_a}\n\n{text_b}"
    assert entry.version == 3
    assert not autosave.open_conflicts(entry).exists()
    copy.refresh_from_db()
    assert copy.resolved_at is not None
    watcher.assert_clean()


def test_a_save_made_offline_is_retried_and_lands_once_the_network_returns(context, page, watcher, entry):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/journal/{entry.pk}/edit/")
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")
    watch_status(page)
    requests = []
    page.on("request", lambda r: requests.append(r) if r.url.endswith("/autosave/") else None)

    context.set_offline(True)
    text = "Written on a train with no signal. Nothing should be lost."
    page.locator("#id_body").press_sequentially(text)
    expect(status).to_have_text(re.compile(r"^Not saved — retrying"))
    expect(status).to_have_attribute("data-state", "error")
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("", 1)

    context.set_offline(False)
    expect(status).to_have_text(SAVED)
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text, 2), "one save, written exactly once"
    assert "Saving…" in status_log(page)
    # Every attempt carried the same idempotency key and the same text.
    bodies = {(r.post_data_json or {}).get("save_id") for r in requests if r.post_data}
    assert len(bodies) == 1, bodies
    assert entry.last_save_id in bodies
    watcher.assert_clean()


def test_a_save_whose_reply_is_lost_is_acknowledged_not_duplicated(page, watcher, entry):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/journal/{entry.pk}/edit/")
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")
    answers = []

    def lose_first_two_replies(route):
        response = route.fetch()  # the server receives and commits the save...
        answers.append(response.json())
        if len(answers) <= 2:
            route.abort("connectionreset")  # ...but the browser never hears back
        else:
            route.fulfill(response=response)

    page.route("**/autosave/", lose_first_two_replies)
    text = "A reply lost on the way back must not turn into a second version."
    page.locator("#id_body").fill(text)
    expect(status).to_have_text(SAVED, timeout=15_000)
    assert [a["status"] for a in answers] == ["saved", "replayed", "replayed"]
    assert [a["version"] for a in answers] == [2, 2, 2]
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text, 2)
    assert not ConflictCopy.objects.exists(), "a retry of its own save is not a conflict"

    # Saving continues normally afterwards, from the acknowledged version.
    page.unroute("**/autosave/")
    page.locator("#id_body").press_sequentially(" Then one more line.")
    expect(status).to_have_text(SAVED)
    expect(page.locator("input[name=base_version]")).to_have_value("3")
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text + " Then one more line.", 3)
    watcher.assert_clean()


def test_saving_resumes_after_signing_in_again_in_another_tab(context, page, watcher, entry):
    """The signed-out message promises that signing in in another tab lets saving resume; signing
    in gives a new session and a new CSRF secret, and the waiting save must use both."""
    from django.contrib.sessions.models import Session

    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/journal/{entry.pk}/edit/")
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")

    Session.objects.all().delete()  # the session ends on the server (idle or absolute limit)
    text = "Written while the session had quietly ended."
    page.locator("#id_body").fill(text)
    expect(status).to_have_text(re.compile(r"^Not saved: you may have been signed out"))

    other_tab = context.new_page()
    sign_in(other_tab, *DEMO_TRAINEE)
    other_tab.close()
    expect(status).to_have_text(SAVED, timeout=20_000)
    entry.refresh_from_db()
    assert (entry.body, entry.version) == (text, 2)

    # The plain "Save and close" (a normal form post) works with the new sign-in too.
    page.locator("#id_title").fill("After signing in again")
    page.get_by_role("button", name="Save and close").click()
    expect(page).to_have_url(re.compile(rf"/journal/{entry.pk}/$"))
    entry.refresh_from_db()
    assert entry.title == "After signing in again"
    watcher.assert_clean()


def test_typing_then_deleting_it_again_saves_nothing_and_says_so(page, watcher, entry):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/journal/{entry.pk}/edit/")
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)

    body = page.locator("#id_body")
    body.press_sequentially("x")
    expect(status).to_have_text("Unsaved changes")
    body.press("Backspace")
    expect(status).to_have_text("All changes saved")
    page.wait_for_timeout(2000)  # longer than the idle delay: no save was due
    assert posts == []
    entry.refresh_from_db()
    assert entry.version == 1
    watcher.assert_clean()
