"""A trainee starts a thread, a peer drafts a reply (autosaved, still there after a reload), posts it
without a page reload, and both see both posts."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, PageWatcher, axe_violations, sign_in

pytestmark = pytest.mark.browser

PEER = ("trainee2@example.com", "compassion")
OPENING = "Before a session I notice my shoulders are up by my ears. What helps you?"
SECOND = "It helps most on busy days."
REPLY = "Thanks for asking. I put my feet flat on the floor and breathe out slowly."


def test_a_trainee_posts_a_thread_and_a_peer_replies(page, browser, browser_context_args, watcher, demo_data, screenshot_dir):
    from tend.cohorts.models import Cohort

    cohort = Cohort.objects.get(name__startswith="Demo cohort")
    problems = {}
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/cohorts/{cohort.pk}/discussion/")
    problems["list"] = axe_violations(page)
    page.get_by_role("link", name="Start a thread").click()
    page.get_by_label("Title").fill("Settling before sessions")
    page.get_by_label("Your first post").fill(OPENING)
    page.get_by_role("button", name="Post thread").click()
    expect(page).to_have_url(re.compile(rf"/cohorts/{cohort.pk}/discussion/threads/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Settling before sessions")
    expect(page.locator("#post-list")).to_contain_text(OPENING)
    problems["thread"] = axe_violations(page)
    thread_url = page.url

    peer_context = browser.new_context(**browser_context_args)
    peer_watcher = PageWatcher(peer_context)
    peer = peer_context.new_page()
    sign_in(peer, *PEER)
    peer.goto(thread_url)
    expect(peer.locator("#post-list")).to_contain_text(OPENING)
    peer.get_by_label("Your reply").press_sequentially(REPLY)
    expect(peer.locator("#reply-draft-status")).to_have_text(SAVED)
    problems["draft"] = axe_violations(peer)
    # The draft survives leaving the page: it is back in the box after a reload.
    peer.reload()
    expect(peer.get_by_label("Your reply")).to_have_value(REPLY)
    expect(peer.locator("#reply-draft-status")).to_have_text(SAVED)
    peer.get_by_role("button", name="Post reply").click()
    # Posted with htmx: the reply joins the list and the box is empty again, without a reload.
    expect(peer.locator("#post-list li")).to_have_count(2)
    expect(peer.locator("#post-list")).to_contain_text(REPLY)
    expect(peer.get_by_label("Your reply")).to_have_value("")
    expect(peer.locator("#reply-status")).to_have_text("Your reply is posted.")
    # Posting cleared the draft: a reload brings back an empty box.
    peer.reload()
    expect(peer.locator("#post-list li")).to_have_count(2)
    expect(peer.get_by_label("Your reply")).to_have_value("")
    # A second reply; the box htmx puts in its place autosaves too.
    peer.get_by_label("Your reply").press_sequentially(SECOND)
    expect(peer.locator("#reply-draft-status")).to_have_text(SAVED)
    peer.get_by_role("button", name="Post reply").click()
    expect(peer.locator("#post-list li")).to_have_count(3)
    expect(peer.get_by_label("Your reply")).to_have_value("")
    peer.get_by_label("Your reply").press_sequentially("Also")
    expect(peer.locator("#reply-draft-status")).to_have_text(SAVED)
    peer.reload()
    expect(peer.get_by_label("Your reply")).to_have_value("Also")
    problems["reply"] = axe_violations(peer)
    peer.screenshot(path=screenshot_dir / "discussion-thread.png", full_page=True)

    page.reload()
    expect(page.locator("#post-list")).to_contain_text(OPENING)
    expect(page.locator("#post-list")).to_contain_text(REPLY)
    expect(page.locator("#post-list")).to_contain_text("Sam Okafor")
    assert problems == {"list": [], "thread": [], "draft": [], "reply": []}
    watcher.assert_clean()
    peer_watcher.assert_clean()
    peer_context.close()
