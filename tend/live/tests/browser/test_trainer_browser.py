"""A trainer signs in with two-factor authentication, schedules a live session in their own time
zone, records attendance once it has happened, and sees the counts on the cohort dashboard.
Every page on the way is checked with axe."""

import re
import zoneinfo
from datetime import datetime, timedelta

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.utils import timezone
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import AxeReport, sign_in
from tend.live.models import Attendance, LiveSession
from tend.testing.personas import PASSWORD, build_personas

pytestmark = pytest.mark.browser

TOTP_SECRET = "JBSWY3DPEHPK3PXP"
TRAINER_ZONE = "Asia/Tokyo"  # far from the server's UTC, so a wrong conversion shows


def test_a_trainer_schedules_a_session_records_attendance_and_sees_the_counts(page, watcher, live_server):
    personas = build_personas()
    trainer, cohort = personas.trainer, personas.cohort_a
    trainer.time_zone = TRAINER_ZONE
    trainer.save(update_fields=["time_zone"])
    # Stored the way allauth's MFA adapter stores any secret (encrypted), as the core tests do.
    Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}
    )
    report = AxeReport(page)
    sign_in(page, trainer.email, PASSWORD, totp_secret=TOTP_SECRET)

    page.goto(f"/live/cohort/{cohort.pk}/")
    report.check("cohort sessions (trainer)")
    page.get_by_role("link", name="Schedule a session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule a session")
    # The form starts in the trainer's own zone.
    expect(page.get_by_label("Time zone")).to_have_value(TRAINER_ZONE)
    report.check("schedule form")
    day = (timezone.localdate(timezone=zoneinfo.ZoneInfo(TRAINER_ZONE)) + timedelta(days=3))
    page.get_by_label("Title").fill("Soothing rhythm breathing together")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Starts at").fill("19:00")
    page.get_by_label("Ends at").fill("20:30")
    page.get_by_label("Meeting link").fill("https://meet.example.org/breathing")
    page.get_by_role("button", name="Schedule session").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Soothing rhythm breathing together")
    expect(page.locator("#session-when")).to_contain_text(f"{day.day} {day:%B %Y}, 19:00")
    expect(page.locator("#session-when")).to_contain_text(TRAINER_ZONE)
    report.check("session page (trainer)")
    session = LiveSession.objects.get(cohort=cohort, title="Soothing rhythm breathing together")
    tokyo = zoneinfo.ZoneInfo(TRAINER_ZONE)
    assert session.starts_at == datetime(day.year, day.month, day.day, 19, 0, tzinfo=tokyo)
    assert session.duration_minutes == 90

    # Let the session have happened: move it to yesterday.
    shift = session.starts_at - (timezone.now() - timedelta(days=1))
    LiveSession.objects.filter(pk=session.pk).update(starts_at=session.starts_at - shift, ends_at=session.ends_at - shift)
    page.reload()
    page.get_by_role("link", name="Record attendance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance")
    report.check("attendance form")
    page.get_by_role("group", name="Tara Trainee").get_by_label("Present").check()
    page.get_by_role("group", name="Pat Peer").get_by_label("Absent").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved for 2 people.")).to_be_visible()
    assert dict(Attendance.objects.filter(session=session).values_list("user__display_name", "present")) == {
        "Tara Trainee": True, "Pat Peer": False,
    }

    page.goto(f"/cohorts/{cohort.pk}/space/")
    page.get_by_role("link", name="Engagement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Engagement")
    table = page.get_by_role("table", name="Trainees’ activity")
    expect(table.get_by_role("columnheader", name=re.compile(r"Live sessions attended \(of 1 held\)"))).to_be_visible()
    attended_column = 4  # trainee name is the row header; then modules, practice, drills, sessions
    expect(table.get_by_role("row", name=re.compile("Tara Trainee")).locator("td").nth(attended_column - 1)).to_have_text("1")
    expect(table.get_by_role("row", name=re.compile("Pat Peer")).locator("td").nth(attended_column - 1)).to_have_text("0")
    report.check("engagement dashboard")

    report.assert_clean()
    watcher.assert_clean()
