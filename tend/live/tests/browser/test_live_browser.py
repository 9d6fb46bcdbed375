"""A trainee opens their cohort space, sees a live session in their own time zone, downloads its
.ics file, and the file parses with the session's times in UTC."""

import zoneinfo
from datetime import UTC, timedelta

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format
from icalendar import Calendar
from playwright.sync_api import expect

from tend.cohorts.models import Cohort
from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.live.models import LiveSession

pytestmark = pytest.mark.browser

ZONE = "America/New_York"


def test_a_trainee_sees_a_session_in_their_zone_and_downloads_it(page, watcher, demo_trainee, screenshot_dir):
    demo_trainee.time_zone = ZONE
    demo_trainee.save(update_fields=["time_zone"])
    cohort = Cohort.objects.get(memberships__user=demo_trainee)
    start = (timezone.now() + timedelta(days=1)).astimezone(UTC).replace(hour=15, minute=0, second=0, microsecond=0)
    session = LiveSession.objects.create(
        cohort=cohort, title="Compassionate letter writing together", starts_at=start, ends_at=start + timedelta(hours=1),
        time_zone="Europe/London", meeting_url="https://meet.example.org/letters",
    )
    shown = date_format(start.astimezone(zoneinfo.ZoneInfo(ZONE)), "l j F Y, H:i")

    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/cohorts/{cohort.pk}/space/")
    schedule = page.locator("section", has=page.get_by_role("heading", name="Coming up"))
    expect(schedule.get_by_text(shown)).to_be_visible()
    expect(schedule).to_contain_text(ZONE)
    expect(page.get_by_role("heading", name="Welcome, and how this cohort works")).to_be_visible()
    problems = {"space": axe_violations(page)}
    page.screenshot(path=screenshot_dir / "cohort-space.png", full_page=True)

    schedule.get_by_role("link", name=session.title).click()
    expect(page.locator("h1")).to_contain_text(session.title)
    expect(page.locator("#session-when")).to_contain_text(shown)
    expect(page.locator("#session-when")).to_contain_text(ZONE)
    problems["session"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "live-session.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download for your calendar (.ics)").click()
    [event] = Calendar.from_ical(download_info.value.path().read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == start and event.decoded("DTEND") == start + timedelta(hours=1)
    assert str(event["UID"]) == session.uid and str(event["SUMMARY"]) == session.title
    assert problems == {"space": [], "session": []}
    watcher.assert_clean()
