"""The guided-imagery player in a real browser: a script plays step by step on the clock (sped up
with ?speed=, which divides every timed part through the same clock code), the progress bar
advances, pause holds it still, resume carries on, text mode shows every step, and axe finds no
serious or critical problem."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in

pytestmark = pytest.mark.browser


def progress(page) -> float:
    return page.locator("#imagery-progress").evaluate("el => el.value")


def test_a_script_plays_pauses_resumes_and_is_accessible(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/imagery/")
    page.get_by_role("link", name="A safe place", exact=True).click()
    expect(page).to_have_url(re.compile(r"/practise/imagery/safe-place/$"))
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    assert axe_violations(page) == []

    # Step 1 is about 32 s of reading plus a 30 s pause: at ×40 about 1.6 s.
    page.goto("/practise/imagery/safe-place/?speed=40")
    label = page.locator("#imagery-step-label")
    expect(label).to_contain_text("Step 1 of 6: Settling")
    expect(page.locator("#step-1")).to_be_visible()
    expect(page.locator("#step-2")).to_be_hidden()
    expect(page.get_by_label("Time in this step")).to_be_visible()

    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.wait_for_function("() => document.getElementById('imagery-progress').value > 10")
    expect(label).to_contain_text("Step 2 of 6", timeout=5_000)
    expect(page.locator("#step-2")).to_be_visible()
    expect(page.locator("#step-1")).to_be_hidden()

    # Pause: the bar holds still. Resume: it moves on from where it was.
    page.wait_for_function("() => document.getElementById('imagery-progress').value > 5")
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    held = progress(page)
    page.wait_for_timeout(800)
    assert progress(page) == held
    expect(label).to_contain_text("Step 2 of 6")
    page.screenshot(path=str(screenshot_dir / "imagery-paused.png"), full_page=True)

    page.get_by_role("button", name="Resume").click()
    page.wait_for_function(f"() => document.getElementById('imagery-progress').value > {held}"
                           " || document.getElementById('imagery-step-label').textContent.includes('Step 3')")
    expect(label).to_contain_text("Step 3 of 6", timeout=5_000)

    # Narration controls: voices are listed, or a note says there are none.
    page.get_by_text("Narration (read aloud by your browser)").click()
    expect(page.locator("#imagery-voice-note")).not_to_have_text("")
    expect(page.get_by_label("Speaking rate")).to_be_visible()
    assert axe_violations(page) == []

    # Next step, then on to the end.
    page.get_by_role("button", name="Next step").click()
    expect(label).to_contain_text("Step 4 of 6")
    for _ in range(3):
        page.get_by_role("button", name="Next step").click()
    expect(page.locator("#imagery-done")).to_be_visible()
    expect(page.get_by_role("button", name="Start again")).to_be_visible()

    page.get_by_role("link", name="Read all the steps on one page (text mode)").click()
    for number in range(1, 7):
        expect(page.locator(f"#step-{number}")).to_be_visible()
    assert axe_violations(page) == []
    watcher.assert_clean()
