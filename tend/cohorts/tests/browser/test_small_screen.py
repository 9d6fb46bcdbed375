"""The cohort space on a 375 px wide phone: nothing sticks out sideways, so nobody has to scroll
left and right to read it, and it stays free of serious accessibility problems."""

from datetime import timedelta

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.utils import timezone
from playwright.sync_api import expect

from tend.cohorts.models import Announcement, Cohort
from tend.core.tests.browser.helpers import DEMO_TRAINEE, AxeReport, sign_in
from tend.live.models import LiveSession
from tend.testing.personas import PASSWORD, build_personas

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375
TOTP_SECRET = "JBSWY3DPEHPK3PXP"
LONG_TITLE = "Bringing compassionate attention to the moments at work when self-criticism gets loud"


def fill_the_space(cohort: Cohort, trainer) -> None:
    """The wide things a cohort space can hold: long titles, a long unbroken link, many sessions."""
    start = timezone.now() + timedelta(days=1)
    for n in range(10):  # more than the schedule shows, so the "more coming up" fold appears too
        LiveSession.objects.create(
            cohort=cohort, title=f"{LONG_TITLE} ({n + 1})", starts_at=start + timedelta(days=7 * n),
            ends_at=start + timedelta(days=7 * n, hours=1), time_zone="Europe/London",
        )
    Announcement.objects.create(
        cohort=cohort, title=LONG_TITLE, pinned=True, posted_by=trainer,
        body="Readings are here: https://example.org/a/very/long/address/that/does/not/break/on/its/own/anywhere/at/all",
    )


def overflow(page) -> dict:
    return page.evaluate(
        """() => ({
            scrollWidth: document.documentElement.scrollWidth,
            wide: [...document.querySelectorAll("body *")]
                .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible"
                    || el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 5).map((el) => el.tagName.toLowerCase() + "." + [...el.classList].join(".")),
        })"""
    )


def check_phone_width(page, report, screenshot_dir, name: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.screenshot(path=screenshot_dir / f"{name}-375.png", full_page=True)
    found = overflow(page)
    assert found["scrollWidth"] <= PHONE_WIDTH, f"{name} is wider than the phone: {found}"
    report.check(f"{name} at {PHONE_WIDTH} px")


def test_a_trainees_cohort_space_fits_a_phone(page, watcher, demo_trainee, screenshot_dir):
    cohort = Cohort.objects.get(memberships__user=demo_trainee)
    fill_the_space(cohort, cohort.created_by or demo_trainee)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 812})
    report = AxeReport(page)
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/cohorts/{cohort.pk}/space/")
    page.get_by_text("more coming up").click()  # open the fold: its list must fit as well
    check_phone_width(page, report, screenshot_dir, "cohort-space-trainee")
    report.assert_clean()
    watcher.assert_clean()


def test_a_trainers_cohort_space_and_dashboard_fit_a_phone(page, watcher, live_server, screenshot_dir):
    personas = build_personas()
    fill_the_space(personas.cohort_a, personas.trainer)
    Authenticator.objects.filter(user=personas.trainer, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}
    )
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 812})
    report = AxeReport(page)
    sign_in(page, personas.trainer.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"/cohorts/{personas.cohort_a.pk}/space/")
    check_phone_width(page, report, screenshot_dir, "cohort-space-trainer")
    page.goto(f"/cohorts/{personas.cohort_a.pk}/dashboard/")
    check_phone_width(page, report, screenshot_dir, "cohort-dashboard-trainer")
    report.assert_clean()
    watcher.assert_clean()
