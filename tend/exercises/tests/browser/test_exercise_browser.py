"""A trainee answers the demo exercise (autosaved, private), then shares it and sees it beside a peer's."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in

pytestmark = pytest.mark.browser

ANSWER = "Feeling that I should already know how to do this. It keeps me rushing."


def test_a_trainee_answers_privately_then_shares(page, watcher, demo_trainee, screenshot_dir):
    from tend.core.models import Visibility
    from tend.exercises.models import Answer, Exercise

    exercise = Exercise.objects.get(ready_prompt_id="blocks-to-compassion-at-work")
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/cohorts/{exercise.cohort_id}/exercises/")
    problems = {"list": axe_violations(page)}
    page.get_by_role("link", name=exercise.title).click()
    expect(page.get_by_role("heading", name="Shared with the cohort")).to_be_visible()
    expect(page.locator(".shared-answers")).to_contain_text("Sam Okafor")
    page.get_by_role("textbox", name="Your answer").press_sequentially(ANSWER)
    expect(page.locator("#autosave-status")).to_have_text(SAVED)
    answer = Answer.objects.get(owner=demo_trainee)
    assert answer.body == ANSWER and answer.visibility == Visibility.PRIVATE
    problems["answering"] = axe_violations(page)

    page.get_by_label("Share with my cohort").check()
    page.get_by_role("button", name="Save answer").click()
    expect(page.locator(".messages")).to_contain_text("shared with your cohort")
    expect(page.locator(".shared-answers li")).to_have_count(2)
    expect(page.locator(".shared-answers")).to_contain_text(ANSWER)
    expect(page.locator(".muted").first).to_contain_text(re.compile(r"2 answered, 2 shared"))
    problems["shared"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "exercise-shared.png", full_page=True)
    assert problems == {"list": [], "answering": [], "shared": []}
    watcher.assert_clean()
