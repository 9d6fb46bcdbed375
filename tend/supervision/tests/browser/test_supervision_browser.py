"""A trainee shares a letter with their supervisor from the letter editor; the supervisor comments
on a selected passage (highlighted in the text, linked both ways) and signs off a competency with
that letter as evidence; the trainee sees both and replies to the comment. Every page is checked
with axe."""

import re

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tend.accounts.models import User
from tend.core.tests.browser.helpers import DEMO_TRAINEE, AxeReport, sign_in
from tend.letters.models import Letter
from tend.supervision.models import CommentReply, CompetencyEvent, ItemComment

pytestmark = pytest.mark.browser

TOTP_SECRET = "JBSWY3DPEHPK3PXP"
DEMO_SUPERVISOR = ("supervisor@example.com", "compassion")
LETTER = "Dear me, today was hard. You stayed with your client when it mattered. Rest now."
PASSAGE = "You stayed with your client when it mattered."


def _supervisor_with_totp() -> User:
    supervisor = User.objects.get(email=DEMO_SUPERVISOR[0])
    Authenticator.objects.update_or_create(
        user=supervisor, type=Authenticator.Type.TOTP, defaults={"data": {"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}}
    )
    return supervisor


def test_a_shared_letter_is_commented_on_and_used_to_sign_off_a_competency(page, watcher, demo_trainee, screenshot_dir):
    report = AxeReport(page)
    # The trainee writes a letter and shares it with their supervisor in the letter editor.
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/letters/")
    page.get_by_role("button", name=re.compile("letter", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/practise/letters/\d+/edit/$"))
    page.get_by_label("What this letter is about").fill("After a long day")
    page.locator("#id_body").fill(LETTER)
    page.get_by_label("Who can see this letter").select_option("supervisor")
    page.get_by_role("button", name="Save and close").click()
    letter = Letter.objects.filter(owner=demo_trainee).order_by("-pk").first()
    assert letter.visibility == "supervisor"

    # The supervisor sees it as new, comments on a selected passage and marks it reviewed.
    page.context.clear_cookies()
    supervisor = _supervisor_with_totp()
    sign_in(page, *DEMO_SUPERVISOR, totp_secret=TOTP_SECRET)
    page.goto("/supervision/")
    report.check("supervisor home")
    page.get_by_role("link", name="After a long day").click()
    expect(page.locator("#item-text")).to_have_text(LETTER)
    report.check("review page")
    page.evaluate(
        """(passage) => {
            const node = document.getElementById("item-text").firstChild;
            const start = node.textContent.indexOf(passage);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + passage.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        PASSAGE,
    )
    page.get_by_role("button", name="Comment on this passage").click()
    expect(page.get_by_label("Passage (optional)")).to_have_value(PASSAGE)
    expect(page.get_by_label("Your comment")).to_be_focused()
    page.get_by_label("Your comment").fill("This is the heart of it: you noticed your own steadiness.")
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator(".comment__quote")).to_contain_text(PASSAGE)
    comment = ItemComment.objects.get()
    assert (comment.quote, comment.start) == (PASSAGE, LETTER.index(PASSAGE))
    # The passage is highlighted in the text; the comment and its passage lead to each other.
    expect(page.locator("#item-text mark")).to_have_text(PASSAGE)
    page.get_by_role("link", name="Show this passage in the text").click()
    expect(page.locator("#item-text mark")).to_be_focused()
    page.get_by_role("link", name="Go to comment 1").click()
    expect(page.locator(f"#comment-{comment.pk}")).to_be_focused()
    report.check("review page with a highlighted passage")
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page).to_have_url(re.compile(r"/supervision/$"))
    expect(page.get_by_role("link", name="After a long day")).to_have_count(0)

    # The supervisor signs off a competency with the letter as evidence.
    page.get_by_role("link", name="Competency profile").click()
    report.check("competency profile (supervisor)")
    page.get_by_role("link", name="Pacing").click()
    page.get_by_label("Competent", exact=True).check()
    page.get_by_role("textbox", name="Note").fill("Steady pacing, clear in the shared letter.")
    page.get_by_label("After a long day (letter)").check()
    page.get_by_label("Sign off this competency").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Competency signed off.")).to_be_visible()
    report.check("competency page (supervisor)")
    sign_off = CompetencyEvent.objects.get(kind="sign_off", author=supervisor)
    assert [(e.item_kind, e.item_id) for e in sign_off.evidence.all()] == [("letter", letter.pk)]

    # The trainee sees the comment and the sign-off with its evidence.
    page.context.clear_cookies()
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/supervision/feedback/")
    expect(page.locator(".comment__quote")).to_contain_text(PASSAGE)
    expect(page.get_by_text("you noticed your own steadiness")).to_be_visible()
    report.check("comments from your supervisor")
    # The trainee replies under the comment, on the review page.
    page.get_by_role("link", name="After a long day").click()
    page.get_by_text("Reply", exact=True).click()
    page.get_by_label("Your reply").fill("Thank you. I had not noticed that steadiness myself.")
    page.get_by_role("button", name="Send reply").click()
    expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
    expect(page.locator(".reply")).to_contain_text("I had not noticed that steadiness myself.")
    expect(page.locator(f"#comment-{comment.pk}")).to_be_focused()
    report.check("review page (trainee) after a reply")
    assert CommentReply.objects.get().author == demo_trainee
    page.goto(f"/supervision/competencies/{demo_trainee.pk}/")
    expect(page.get_by_role("row", name=re.compile("Pacing")).get_by_text(re.compile("Signed off"))).to_be_visible()
    report.check("competency profile (trainee)")
    page.get_by_role("link", name="Pacing").click()
    expect(page.get_by_text("Steady pacing, clear in the shared letter.")).to_be_visible()
    expect(page.get_by_role("link", name="After a long day")).to_be_visible()
    report.check("competency page (trainee)")
    page.screenshot(path=screenshot_dir / "supervision-competency.png", full_page=True)
    report.assert_clean()
    watcher.assert_clean()
