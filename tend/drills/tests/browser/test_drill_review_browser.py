"""A trainee shares a drill reply with their supervisor; the supervisor rates it on the rubric and
comments; the trainee sees the review beside the automatic feedback."""

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import AxeReport, sign_in
from tend.drills import services
from tend.drills.models import DrillAttempt, DrillReview
from tend.testing.personas import PASSWORD, TOTP_SECRET, build_personas

pytestmark = pytest.mark.browser

REPLY = "That sounds exhausting. Of course you feel on edge after a week like that."


def test_a_supervisor_reviews_a_shared_reply(page, watcher, live_server, screenshot_dir):
    personas = build_personas()
    Authenticator.objects.filter(user=personas.supervisor, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}
    )
    attempt = services.start_attempt(personas.trainee, services.skills()[0])
    DrillAttempt.objects.filter(pk=attempt.pk).update(reply=REPLY, score=3.4, engine_flags=[])
    report = AxeReport(page)

    sign_in(page, personas.trainee.email, PASSWORD)
    page.goto(f"/practise/drills/attempts/{attempt.pk}/")
    page.get_by_role("radio", name="My supervisor").check()
    page.get_by_role("button", name="Save sharing").click()
    expect(page.get_by_text("Sharing saved.")).to_be_visible()
    report.check("attempt shared")
    page.context.clear_cookies()

    sign_in(page, personas.supervisor.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto("/practise/drills/shared/")
    report.check("shared with me")
    page.get_by_role("link", name="Review").first.click()
    expect(page.get_by_text(REPLY)).to_be_visible()
    page.get_by_label("2 — mixed").check()
    page.get_by_label("Moves to advice before meeting the feeling").check()
    page.get_by_label("Comment for the writer").fill("Lovely validation; stay with the feeling a moment longer.")
    page.get_by_role("button", name="Save my review").click()
    expect(page.get_by_text("Your review is saved.")).to_be_visible()
    report.check("review saved")
    page.screenshot(path=screenshot_dir / "drill-review.png", full_page=True)
    review = DrillReview.objects.get(attempt=attempt)
    assert (review.overall, review.flags) == (2, ["premature_advice"])
    page.context.clear_cookies()

    sign_in(page, personas.trainee.email, PASSWORD)
    page.goto(f"/practise/drills/attempts/{attempt.pk}/")
    expect(page.get_by_text("stay with the feeling a moment longer")).to_be_visible()
    expect(page.get_by_text("They differ by more than a point")).to_be_visible()
    expect(page.get_by_text("Only the reviewer noticed")).to_be_visible()
    report.check("review seen by the writer")
    page.screenshot(path=screenshot_dir / "drill-review-seen.png", full_page=True)
    page.goto("/practise/drills/diary/")
    expect(page.get_by_role("heading", name="What you practised")).to_be_visible()
    report.check("practice diary")
    page.screenshot(path=screenshot_dir / "drill-diary.png", full_page=True)
    report.assert_clean()
    watcher.assert_clean()
