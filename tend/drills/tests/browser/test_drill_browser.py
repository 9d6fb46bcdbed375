"""A trainee completes a beginner drill, sees a judgemental sentence highlighted, rates it too easy,
and is offered the intermediate level."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in
from tend.drills.models import DrillAttempt

pytestmark = pytest.mark.browser

REPLY = "That sounds really frightening. Honestly, you brought this on yourself."


def test_a_trainee_completes_a_beginner_drill_and_is_offered_intermediate(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/drills/")
    problems = {"skills": axe_violations(page)}
    page.get_by_role("button", name="Practise Validating and normalising distress").click()
    expect(page).to_have_url(re.compile(r"/practise/drills/attempts/\d+/$"))
    expect(page.locator("h1")).to_contain_text("Beginner")

    page.get_by_role("button", name="Timed mode (90 seconds)").click()
    expect(page.locator("#drill-timer")).to_have_text(re.compile(r"^\d+ s$"))
    page.get_by_label("Your reply to the client").press_sequentially(REPLY)
    expect(page.locator("#autosave-status")).to_have_text(SAVED)
    assert DrillAttempt.objects.get(owner=demo_trainee).reply == REPLY

    page.get_by_role("button", name="Get feedback").click()
    expect(page.locator(".feedback-panel mark")).to_contain_text("you brought this on yourself")
    expect(page.get_by_role("heading", name="Two model replies")).to_be_visible()
    problems["feedback"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "drill-feedback.png", full_page=True)

    page.get_by_label("Too easy").check()
    page.get_by_label(re.compile("How strong was your own reaction")).fill("4")
    page.get_by_role("button", name="Save my rating").click()
    expect(page.get_by_role("heading", name="Suggested next: Intermediate")).to_be_visible()
    problems["next"] = axe_violations(page)
    page.get_by_role("button", name="Continue at intermediate level").click()
    expect(page.locator("h1")).to_contain_text("Intermediate")
    assert DrillAttempt.objects.filter(owner=demo_trainee).count() == 2
    assert problems == {"skills": [], "feedback": [], "next": []}
    watcher.assert_clean()
