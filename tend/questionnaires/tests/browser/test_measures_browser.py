"""A trainee completes the weekly check-in and sees their chart; a trainer sees the cohort's
summary only once five people have agreed to share their scores."""

import re

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import axe_violations, sign_in
from tend.questionnaires import services
from tend.questionnaires.tests.helpers import completed, schedule, trainees
from tend.testing.personas import PASSWORD, TOTP_SECRET, build_personas

pytestmark = pytest.mark.browser
CHECKIN = "three-systems-checkin"


def test_a_trainee_checks_in_and_a_trainer_sees_a_summary_from_five(page, watcher, live_server, screenshot_dir):
    personas = build_personas()
    Authenticator.objects.filter(user=personas.trainer, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)})
    problems = {}

    sign_in(page, personas.trainee.email, PASSWORD)
    page.goto("/measures/")
    page.get_by_role("button", name=re.compile("Check in — Weekly three-systems check-in")).click()
    expect(page).to_have_url(re.compile(r"/measures/responses/\d+/$"))
    expect(page.locator("#measure-progress-text")).to_have_text("0 of 4 answered")
    for number, value in [(1, 6), (2, 5), (3, 3), (4, 4)]:
        page.locator(f"input[name=item_{number}][value='{value}']").check()
    expect(page.locator("#measure-progress-text")).to_have_text("4 of 4 answered")
    problems["answer"] = axe_violations(page)
    page.get_by_role("button", name="Finish and see my scores").click()
    expect(page).to_have_url(re.compile(r"/measures/results/"))
    expect(page.locator("svg.measure-chart").first).to_be_visible()
    expect(page.get_by_text("has not been validated")).to_be_visible()
    problems["results"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "measures-results.png", full_page=True)

    # On a small screen the same form shows one question at a time and moves on after each answer.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/measures/")
    page.get_by_role("button", name=re.compile("Check in — Weekly three-systems check-in")).click()
    expect(page.locator("#item-1")).to_be_visible()
    expect(page.locator("#item-2")).to_be_hidden()
    page.locator("input[name=item_1][value='2']").check()
    expect(page.locator("#item-2")).to_be_visible()
    expect(page.locator("#item-1")).to_be_hidden()
    expect(page.locator("#measure-progress-text")).to_have_text("1 of 4 answered")
    page.get_by_role("button", name="Back").click()
    expect(page.locator("input[name=item_1][value='2']")).to_be_checked()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()

    baseline = schedule(personas.cohort_a, CHECKIN)
    people = trainees(personas.cohort_a, 4, consent=True) + trainees(personas.cohort_a, 1, consent=False, prefix="late")
    for person in people:
        completed(person, CHECKIN, {1: 5, 2: 5, 3: 5, 4: 5}, schedule=baseline, due_on=baseline.opens_on)
    sign_in(page, personas.trainer.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"/measures/cohorts/{personas.cohort_a.pk}/")
    expect(page.get_by_text("Not enough responses to show without identifying anyone.").first).to_be_visible()
    expect(page.get_by_role("columnheader", name="Mean")).to_have_count(0)
    services.set_consent(people[-1], share_scores=True)
    page.reload()
    expect(page.get_by_role("columnheader", name="Mean")).to_be_visible()
    problems["cohort"] = axe_violations(page)
    assert problems == {"answer": [], "results": [], "cohort": []}
    watcher.assert_clean()


def test_a_trainer_reads_the_weekly_trend_and_replaces_the_export_key(page, watcher, live_server):
    from datetime import timedelta

    from django.utils import timezone

    from tend.questionnaires.models import ExportKey, Occasion

    personas = build_personas()
    Authenticator.objects.filter(user=personas.trainer, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)})
    today = timezone.localdate()
    weekly = schedule(personas.cohort_a, CHECKIN, Occasion.WEEKLY, opens_on=today - timedelta(days=7), until=today)
    for person in trainees(personas.cohort_a, 5, consent=True):
        completed(person, CHECKIN, {1: 5, 2: 4, 3: 3, 4: 2}, schedule=weekly, due_on=weekly.opens_on)
    sign_in(page, personas.trainer.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"/measures/cohorts/{personas.cohort_a.pk}/")
    expect(page.get_by_role("heading", name="Weekly check-ins over time")).to_be_visible()
    expect(page.get_by_text(re.compile("No point for one week")).first).to_be_visible()
    problems = {"cohort": axe_violations(page)}
    page.get_by_role("link", name="Replace the export key").click()
    page.get_by_role("button", name="Replace the key").click()
    expect(page.get_by_text("Please tick the box to confirm")).to_be_visible()
    problems["export_key"] = axe_violations(page)
    page.get_by_label(re.compile("I understand that research ids in earlier exports")).check()
    page.get_by_role("button", name="Replace the key").click()
    expect(page.get_by_text("The export key has been replaced.")).to_be_visible()
    assert ExportKey.objects.filter(cohort=personas.cohort_a).exists()
    assert problems == {"cohort": [], "export_key": []}
    watcher.assert_clean()
