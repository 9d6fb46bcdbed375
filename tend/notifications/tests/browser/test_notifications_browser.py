"""The demo trainee sees an unread notification, opens it, lands on the linked page, and finds it
read when coming back."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.notifications.models import Notification

pytestmark = pytest.mark.browser

TITLE = "Your supervisor suggested a beginner practice drill"


def test_a_trainee_opens_an_unread_notification_and_it_becomes_read(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/notifications/")
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    expect(page.locator("#unread-summary")).to_have_text("2 unread")
    item = page.locator("li.notification", has=page.get_by_role("link", name=TITLE))
    expect(item.locator(".notification__new")).to_have_text("New")
    problems = {"list": axe_violations(page)}
    page.screenshot(path=screenshot_dir / "notifications-list.png", full_page=True)

    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(r"/practise/drills/$"))
    assert Notification.objects.get(recipient=demo_trainee, title=TITLE).read_at is not None

    page.goto("/notifications/")
    expect(page.locator("#unread-summary")).to_have_text("1 unread")
    expect(item.locator(".notification__new")).to_have_count(0)
    page.get_by_role("link", name="Email preferences").click()
    expect(page.get_by_role("radio", name="Once a day, a summary")).to_be_checked()
    page.get_by_role("radio", name="Once a week, a summary").check()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    problems["preferences"] = axe_violations(page)
    assert problems == {"list": [], "preferences": []}
    watcher.assert_clean()
