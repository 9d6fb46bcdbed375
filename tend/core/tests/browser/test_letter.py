"""A compassionate letter autosaves and survives a reload; feedback appears beside it."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in
from tend.letters.models import Letter

pytestmark = pytest.mark.browser

LETTER = ("Dear me, of course today hurt. You cared about that client and your threat system went into overdrive. "
          "That is not a failing. Tomorrow, one small step: bring it to supervision.")


def test_a_letter_autosaves_survives_a_reload_and_gets_feedback(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/")
    page.get_by_role("link", name="Compassionate letters").click()
    page.get_by_role("button", name="Write your first letter").click()
    expect(page).to_have_url(re.compile(r"/practise/letters/\d+/edit/$"))

    page.get_by_label("What this letter is about").fill("After a hard session")
    page.get_by_label("As I would write to a friend").check()
    page.locator("#id_body").press_sequentially(LETTER)
    page.get_by_label("Warmth in the tone").check()
    expect(page.locator("#autosave-status")).to_have_text(SAVED)

    page.reload()
    expect(page.locator("#id_body")).to_have_value(LETTER)
    expect(page.get_by_label("As I would write to a friend")).to_be_checked()
    expect(page.get_by_label("Warmth in the tone")).to_be_checked()
    letter = Letter.objects.get(owner__email=DEMO_TRAINEE[0])
    assert letter.body == LETTER and letter.checklist == ["warmth"] and letter.perspective == "friend"

    page.get_by_role("button", name="Get feedback on this letter").click()
    panel = page.locator(".feedback-panel")
    expect(panel).to_contain_text("Feedback on what you wrote")
    expect(panel).to_contain_text("discuss with your supervisor")
    page.screenshot(path=screenshot_dir / "letter-feedback.png", full_page=True)
    assert axe_violations(page) == []
    watcher.assert_clean()
