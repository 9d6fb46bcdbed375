"""The mindful breathing / body-scan timer in a real browser: start, pause and resume, interval
bells shown on screen, the end, one diary entry, and the link to add ratings.

`?speed=N` runs the same clock-based code with each running stretch multiplied by N, so a minute's
sitting takes a few seconds here."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, AxeReport, sign_in
from tend.diary.models import PracticeLog
from tend.timers.models import MindfulSession

pytestmark = pytest.mark.browser

URL = "/practise/timers/"

# Records every state change and bell with performance.now(), to check pauses are left out.
_OBSERVE = """() => {
  const timer = document.getElementById("timer");
  window.__timerLog = [];
  new MutationObserver(() => {
    window.__timerLog.push({at: performance.now(), state: timer.dataset.state, bells: Number(timer.dataset.bellsRung)});
  }).observe(timer, {attributes: true, attributeFilter: ["data-state", "data-bells-rung"]});
}"""


def test_a_sped_up_sitting_pauses_resumes_finishes_and_lands_in_the_diary(page, watcher, demo_trainee, screenshot_dir):
    speed = 12  # two minutes in ten seconds
    sign_in(page, *DEMO_TRAINEE)
    report = AxeReport(page)
    page.goto(URL + f"?speed={speed}")
    expect(page.get_by_role("heading", name="Settling in")).to_be_visible()
    report.check("timer setup")
    page.get_by_label("Body scan").check()
    page.get_by_label("Length in minutes").fill("2")
    expect(page.get_by_label("A bell every")).to_be_disabled()  # bells are off until chosen
    page.get_by_label("Gentle bells").check()
    page.get_by_label("A bell every").select_option("1")
    page.evaluate(_OBSERVE)
    page.get_by_role("button", name="Start").click()

    timer = page.locator("#timer")
    expect(timer).to_have_attribute("data-state", "running")
    expect(page.locator("#timer-setup")).to_be_hidden()
    expect(page.get_by_role("heading", name="Body scan", exact=True)).to_be_visible()
    expect(page.locator("#timer-remaining")).to_have_text(re.compile(r"^[12]:\d\d left$"))
    report.check("timer running")

    page.get_by_role("button", name="Pause").click()
    expect(timer).to_have_attribute("data-state", "paused")
    expect(page.locator("#timer-status")).to_contain_text("Paused")
    shown = page.locator("#timer-remaining").text_content()
    page.wait_for_timeout(1500)  # 18 timer seconds, were it still counting
    expect(page.locator("#timer-remaining")).to_have_text(shown)  # a pause holds the time still
    page.screenshot(path=screenshot_dir / "timers-paused.png")
    report.check("timer paused")
    page.get_by_role("button", name="Resume").click()
    expect(timer).to_have_attribute("data-state", "running")

    # The one-minute bell shows on screen as well as sounding.
    expect(page.locator("#timer-cue")).to_have_text("Bell at 1:00.", timeout=10_000)
    expect(timer).to_have_attribute("data-bell", "on")
    page.screenshot(path=screenshot_dir / "timers-bell.png")
    expect(timer).to_have_attribute("data-state", "finished", timeout=15_000)
    expect(timer).to_have_attribute("data-bells-rung", "2")  # one interval bell and the closing bell
    expect(page.locator("#timer-cue")).to_have_text("Bell: the time is up.")
    expect(page.locator("#timer-status")).to_contain_text("Saved to your practice diary.")
    diary_link = page.get_by_role("link", name="Add how you felt before and after")
    expect(diary_link).to_be_visible()
    expect(page.get_by_role("button", name="Pause")).to_be_hidden()
    expect(page.get_by_role("button", name="Finish now")).to_be_hidden()
    page.screenshot(path=screenshot_dir / "timers-finished.png")
    report.check("timer finished")

    # The pause was left out: running time (not wall time) reached the two minutes.
    log = page.evaluate("() => window.__timerLog")
    states = [e["state"] for e in log]
    assert [s for i, s in enumerate(states) if i == 0 or s != states[i - 1]] == ["running", "paused", "running", "finished"], states
    paused_at = next(e["at"] for e in log if e["state"] == "paused")
    resumed_at = next(e["at"] for e in log if e["state"] == "running" and e["at"] > paused_at)
    started_at = log[0]["at"]
    finished_at = next(e["at"] for e in log if e["state"] == "finished")
    running_seconds = ((finished_at - started_at) - (resumed_at - paused_at)) * speed / 1000
    assert running_seconds == pytest.approx(120, abs=3), running_seconds

    entry = PracticeLog.objects.get(owner=demo_trainee, tool="mindful")
    assert entry.duration_seconds == 120 and entry.automatic
    assert entry.details == {"kind": "body_scan", "bells_every": 1, "speed": speed}
    session = MindfulSession.objects.get(owner=demo_trainee)
    assert session.completed and session.practice_log == entry

    diary_link.click()
    expect(page).to_have_url(re.compile(rf"/practise/diary/{entry.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mindful breathing or body scan")
    report.check("diary entry")
    report.assert_clean()
    watcher.assert_clean()


def test_finishing_early_logs_the_time_actually_practised(page, watcher, demo_trainee):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL + "?speed=20")
    page.get_by_label("Length in minutes").fill("10")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#timer")).to_have_attribute("data-state", "running")
    page.wait_for_timeout(1000)  # about twenty timer seconds
    page.get_by_role("button", name="Finish now").click()
    expect(page.locator("#timer-status")).to_contain_text("Saved to your practice diary.")
    entry = PracticeLog.objects.get(owner=demo_trainee, tool="mindful")
    assert 15 <= entry.duration_seconds <= 60, entry.duration_seconds
    assert entry.details == {"kind": "mindful", "bells_every": 0, "speed": 20}
    assert not MindfulSession.objects.get(owner=demo_trainee).completed
    watcher.assert_clean()
