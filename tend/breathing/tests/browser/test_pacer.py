"""The breathing pacer in a real browser: phases in order, clock-driven timing without drift,
reduced motion, accessibility, and a stored session at the end.

`?speed=N` runs the same clock-based code with elapsed time multiplied by N, so ten minutes of
breathing take seconds here."""

import re

import pytest
from playwright.sync_api import expect

from tend.diary.models import PracticeLog
from tend.breathing.models import BreathingSession
from tend.core.tests.browser.helpers import DEMO_TRAINEE, AxeReport, sign_in

pytestmark = pytest.mark.browser

URL = "/practise/breathing/"
CYCLE = 11.0  # the default pattern: 4 s in, 1 s pause, 5 s out, 1 s pause

# Logs every change of the pacer's phase and cycle with performance.now() at the moment it shows.
_OBSERVE = """() => {
  const pacer = document.getElementById("pacer");
  window.__pacerLog = [];
  new MutationObserver(() => {
    const d = pacer.dataset;
    const last = window.__pacerLog[window.__pacerLog.length - 1];
    if (last && last.phase === d.phase && last.cycle === Number(d.cycle)) return;
    window.__pacerLog.push({at: performance.now(), phase: d.phase, cycle: Number(d.cycle),
                            scheduled: Number(d.phaseStartedAt), startedAt: Number(d.startedAt)});
  }).observe(pacer, {attributes: true, attributeFilter: ["data-phase", "data-cycle"]});
}"""


def start(page, *, minutes: int, on_ramp: bool = True) -> None:
    page.locator("#minutes").select_option(str(minutes))
    page.locator("#on-ramp").set_checked(on_ramp)
    page.evaluate(_OBSERVE)
    page.get_by_role("button", name="Start").click()


def finish_now(page) -> None:
    """Stops the pacer and waits until the session is stored, so no request outlives the test."""
    page.get_by_role("button", name="Finish now").click()
    expect(page.locator("#pacer-status")).to_have_text("Saved to your sessions.")


def test_phases_advance_in_order_and_the_session_is_stored(page, watcher, demo_trainee):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL + "?speed=6")
    expect(page.get_by_role("heading", name="Before you begin")).to_be_visible()
    start(page, minutes=1)
    pacer = page.locator("#pacer")
    expect(pacer).to_be_visible()
    expect(page.locator("#breathing-setup")).to_be_hidden()  # the pacer has the page to itself
    expect(page.get_by_role("link", name="Start again")).to_be_hidden()
    expect(pacer).to_have_attribute("data-phase", re.compile(r"^(in|hold-in|out|hold-out)$"))
    expect(page.locator("#pacer-phase")).to_have_text(re.compile(r"Breathe in|Pause|Breathe out|Rest"))
    expect(pacer).to_have_attribute("data-phase", "finished", timeout=20_000)
    expect(page.locator("#pacer-status")).to_have_text("Saved to your sessions.")
    expect(page.get_by_role("button", name="Finish now")).to_be_hidden()
    expect(page.get_by_role("link", name="Start again")).to_be_visible()

    log = page.evaluate("() => window.__pacerLog")
    phases = [entry for entry in log if entry["phase"] != "finished"]
    order = ["in", "hold-in", "out", "hold-out"]
    assert phases[0]["phase"] == "in" and phases[0]["cycle"] == 0, phases[:3]
    for before, after in zip(phases, phases[1:]):
        expected_phase = order[(order.index(before["phase"]) + 1) % 4]
        expected_cycle = before["cycle"] + (1 if expected_phase == "in" else 0)
        assert (after["phase"], after["cycle"]) == (expected_phase, expected_cycle), (before, after)
    # The on-ramp starts near 12 breaths a minute and slows to the pattern: more than 60/11 breaths.
    assert phases[-1]["cycle"] >= 6, phases[-1]

    session = BreathingSession.objects.get(owner=demo_trainee)
    assert PracticeLog.objects.filter(owner=demo_trainee, tool="breathing").count() == (1 if session.duration_seconds else 0)
    assert session.completed and session.duration_seconds == 60
    assert session.pattern["name"] == "Soothing rhythm (default)" and session.pattern["on_ramp"] is True
    assert session.pattern["breaths_per_minute"] == pytest.approx(5.45, abs=0.01)
    page.goto("/practise/breathing/sessions/")
    expect(page.get_by_role("cell", name="Soothing rhythm (default) (4 / 1 / 5 / 1 s)")).to_be_visible()
    watcher.assert_clean()


def test_ten_minutes_of_pacing_drift_less_than_one_percent(page, watcher, demo_trainee):
    speed = 30  # ten minutes in twenty seconds
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL + f"?speed={speed}")
    start(page, minutes=10, on_ramp=False)
    pacer = page.locator("#pacer")
    expect(pacer).to_have_attribute("data-phase", "finished", timeout=40_000)

    log = page.evaluate("() => window.__pacerLog")
    starts = [entry for entry in log if entry["phase"] == "in"]
    started_at = starts[0]["startedAt"]
    # Each breath's start, as seen in the page, in pacer seconds since the start.
    seen = [((entry["at"] - started_at) * speed / 1000, entry["cycle"], entry) for entry in starts]
    last_time, last_cycle, last_entry = seen[-1]
    assert last_cycle >= int(600 / CYCLE) - 1, f"only {last_cycle} breaths seen in ten minutes"
    expected_last = last_cycle * CYCLE
    assert expected_last >= 0.98 * 600

    # Cumulative drift: where the last breath began, against where the pattern says it should.
    drift = abs(last_time - expected_last) / expected_last
    assert drift < 0.01, f"drift {drift:.3%}: breath {last_cycle} began at {last_time:.2f} s, expected {expected_last:.2f} s"
    # The rate itself (least-squares slope of start time against breath number) is right too.
    n = len(seen)
    mean_k = sum(k for _, k, _ in seen) / n
    mean_t = sum(t for t, _, _ in seen) / n
    slope = sum((k - mean_k) * (t - mean_t) for t, k, _ in seen) / sum((k - mean_k) ** 2 for _, k, _ in seen)
    assert abs(slope - CYCLE) / CYCLE < 0.01, f"one breath took {slope:.3f} s on average, expected {CYCLE} s"
    # The schedule the pacer publishes is exact: every boundary is start + k·cycle, nothing added up.
    worst = max(abs(e["scheduled"] - (started_at + e["cycle"] * CYCLE * 1000 / speed)) for _, _, e in seen)
    assert worst < 1, f"scheduled boundaries off by up to {worst:.3f} ms"
    # Breaths only move forward; a busy machine may hide a whole short phase for a frame or two,
    # which is lateness of the display, not drift, and is why the measure above uses the clock.
    cycles = [k for _, k, _ in seen]
    assert cycles == sorted(set(cycles)) and len(cycles) >= 0.9 * (last_cycle + 1), cycles
    print(f"drift over {expected_last:.0f} s: {drift:.4%}; mean breath {slope:.4f} s (expected {CYCLE} s)")
    expect(page.locator("#pacer-status")).to_have_text("Saved to your sessions.")
    session = BreathingSession.objects.get(owner=demo_trainee)
    assert session.duration_seconds == 600 and session.pattern["speed"] == speed
    watcher.assert_clean()


def test_reduced_motion_shows_counting_and_finishing_early_is_stored(page, watcher, demo_trainee):
    page.emulate_media(reduced_motion="reduce")
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL)
    expect(page.locator("#counting")).to_be_checked()
    start(page, minutes=1)
    pacer = page.locator("#pacer")
    expect(pacer).to_have_attribute("data-display", "counting")
    expect(page.locator("#pacer-count")).to_be_visible()
    expect(page.locator("#pacer-count")).to_have_text(re.compile(r"^\d+$"))
    expect(page.locator(".pacer__shape")).to_be_hidden()
    expect(page.locator("#pacer-phase")).to_have_text("Breathe in")
    expect(page.locator("#pacer-count")).to_have_text("2", timeout=3_000)  # counts up with the clock
    finish_now(page)
    session = BreathingSession.objects.get(owner=demo_trainee)
    assert not session.completed and 1 <= session.duration_seconds <= 10
    watcher.assert_clean()


def test_motion_by_default_and_the_counting_toggle(page, demo_trainee, screenshot_dir):
    page.emulate_media(reduced_motion="no-preference")
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL)
    expect(page.locator("#counting")).not_to_be_checked()
    start(page, minutes=1)
    expect(page.locator("#pacer")).to_have_attribute("data-display", "motion")
    expect(page.locator(".pacer__shape")).to_be_visible()
    expect(page.locator("#pacer-count")).to_be_hidden()
    # The shape grows while breathing in: its --breath rises from 0 towards 1.
    first = float(page.locator("#pacer").evaluate("el => el.style.getPropertyValue('--breath')"))
    page.wait_for_timeout(1000)
    later = float(page.locator("#pacer").evaluate("el => el.style.getPropertyValue('--breath')"))
    assert later > first
    page.screenshot(path=screenshot_dir / "breathing-pacer.png")
    finish_now(page)
    page.goto(URL)
    page.locator("#counting").check()
    start(page, minutes=1)
    expect(page.locator("#pacer")).to_have_attribute("data-display", "counting")
    expect(page.locator("#pacer-count")).to_be_visible()
    page.screenshot(path=screenshot_dir / "breathing-pacer-counting.png")
    finish_now(page)


def test_self_paced_mode_and_the_not_working_exit(page, watcher, demo_trainee):
    sign_in(page, *DEMO_TRAINEE)
    page.goto(URL)
    page.get_by_label("Breathe at my own pace (no pacer)").check()
    start(page, minutes=3)
    expect(page.locator("#pacer")).to_have_attribute("data-phase", "self-paced")
    expect(page.locator("#pacer-self-note")).to_contain_text("that is fine")
    # Leaving stores the stopped session first, then opens the page of alternatives.
    page.locator("#pacer").get_by_role("link", name="This isn't working for me").click()
    expect(page).to_have_url(re.compile(r"/practise/breathing/not-working/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("doesn't work for everyone")
    expect(page.locator("main")).to_contain_text("more anxious")
    session = BreathingSession.objects.get(owner=demo_trainee)
    assert session.pattern == {"mode": "self-paced"} and not session.completed
    watcher.assert_clean()


def test_breathing_pages_have_no_serious_accessibility_problems(page, watcher, demo_trainee):
    sign_in(page, *DEMO_TRAINEE)
    report = AxeReport(page)
    page.goto(URL)
    report.check("pacer setup")
    start(page, minutes=1)
    expect(page.locator("#pacer")).to_have_attribute("data-phase", re.compile(r"^(in|hold-in|out|hold-out)$"))
    report.check("pacer running")
    finish_now(page)
    report.check("pacer finished")
    page.emulate_media(reduced_motion="reduce")
    page.goto(URL)
    start(page, minutes=1)
    report.check("pacer counting")
    finish_now(page)
    page.goto("/practise/breathing/patterns/")
    page.get_by_label("Name").fill("Too short out-breath")
    page.get_by_label("Breathe out (seconds)").fill("2")
    page.get_by_role("button", name="Save pattern").click()
    expect(page.locator(".errorlist")).to_contain_text("shorter than breathing in")
    report.check("patterns with an error")
    page.get_by_label("Breathe out (seconds)").fill("6")
    page.get_by_role("button", name="Save pattern").click()
    expect(page.get_by_role("heading", name="Too short out-breath")).to_be_visible()
    report.check("patterns list")
    page.get_by_role("link", name=re.compile(r"^Change")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Change pattern")
    report.check("pattern edit")
    page.goto("/practise/breathing/sessions/")
    report.check("sessions")
    page.goto("/practise/breathing/not-working/")
    report.check("not working")
    report.assert_clean()
    watcher.assert_clean()
