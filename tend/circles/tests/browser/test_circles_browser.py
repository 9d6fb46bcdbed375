"""A three-circles snapshot drawn with the keyboard alone appears in the history."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tend.circles import drawing
from tend.circles.models import Snapshot
from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_a_snapshot_made_with_the_keyboard_appears_in_the_history(page, watcher, demo_trainee, screenshot_dir):
    earlier = Snapshot.objects.create(owner=demo_trainee, title="A month ago", threat_now=9, drive_now=7, soothing_now=1)
    Snapshot.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=28))

    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/circles/")
    page.get_by_role("link", name="Draw this week's circles").click()
    expect(page).to_have_url(re.compile(r"/practise/circles/new/$"))
    problems = {"create": axe_violations(page)}

    threat = page.get_by_label("Threat: how big this week")
    threat.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 5 -> 8
    expect(threat).to_have_value("8")
    expect(page.locator('[data-range-value="id_threat_now"]')).to_have_text("8 of 10")
    expect(threat).to_have_attribute("aria-valuetext", "8 of 10")
    # The server redraws the picture as the slider moves.
    expect(page.locator('#circles-preview circle[data-circle="threat"]')).to_have_attribute("r", str(drawing.radius(8)))

    page.keyboard.press("Tab")  # on to the threat notes
    expect(page.get_by_label("What activates it (Threat)")).to_be_focused()
    page.keyboard.type("Deadlines and difficult emails")

    drive = page.get_by_label("Drive: how big this week")
    drive.focus()
    page.keyboard.press("ArrowLeft")  # 5 -> 4
    soothing = page.get_by_label("Soothing: how big this week")
    soothing.focus()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 0 -> 2
    expect(soothing).to_have_value("2")
    expect(page.locator('#circles-preview circle[data-circle="soothing"]')).to_have_attribute("r", str(drawing.radius(2)))

    page.get_by_label("Also picture how I'd like it to be").focus()
    page.keyboard.press("Space")
    page.get_by_label("Soothing: as I'd like it").focus()
    page.keyboard.press("End")  # 10
    expect(page.locator("#circles-preview")).to_contain_text("How I'd like it")

    page.screenshot(path=screenshot_dir / "circles-create.png", full_page=True)
    page.get_by_role("button", name="Save this picture").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/practise/circles/\d+/$"))
    snapshot = Snapshot.objects.filter(owner=demo_trainee).latest("created_at")
    assert (snapshot.threat_now, snapshot.drive_now, snapshot.soothing_now) == (8, 4, 2)
    assert snapshot.soothing_wish == 10 and snapshot.threat_activates == "Deadlines and difficult emails"
    expect(page.locator("#sizes-table")).to_contain_text("Threat")
    expect(page.get_by_text("Deadlines and difficult emails")).to_be_visible()
    problems["detail"] = axe_violations(page)

    page.get_by_role("link", name="See how your circles have changed").click()
    expect(page).to_have_url(re.compile(r"/practise/circles/$"))
    rows = page.locator("#history-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1).locator("td")).to_have_text(["8", "4", "2", "5, 5, 10"])
    expect(page.locator('svg[aria-labelledby="timeline-title timeline-desc"] polyline')).to_have_count(3)
    expect(page.get_by_role("heading", name="A picture, not a measurement")).to_be_visible()
    problems["history"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "circles.png", full_page=True)

    assert {name: found for name, found in problems.items() if found} == {}
    watcher.assert_clean()
