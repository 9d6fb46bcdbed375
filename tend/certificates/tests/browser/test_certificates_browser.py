"""A trainee who completed a module issues a certificate of attendance, and a stranger checks it
on the public verification page (by its link, then by pasting the credential)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tend.certificates.models import Certificate
from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.learn.models import Module, ModuleProgress

pytestmark = pytest.mark.browser


def test_a_trainee_issues_a_certificate_and_a_stranger_verifies_it(
    page, browser, watcher, demo_trainee, screenshot_dir, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    settings.TEND_BADGE_SIGNING_KEY = ""
    module, _ = Module.objects.get_or_create(slug="browser-module", defaults={
        "number": 99, "title": "The three systems in practice", "summary": "s", "estimated_hours": Decimal("2"),
        "cpd_hours": Decimal("3"), "source_path": "x"})
    ModuleProgress.objects.create(user=demo_trainee, module=module, completed_at=timezone.now() - timedelta(days=1))
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/certificates/")
    problems = {"progress": axe_violations(page)}
    page.get_by_role("button", name="Issue certificate for The three systems in practice").click()
    expect(page.get_by_role("heading", name="Certificate of attendance: module")).to_be_visible()
    problems["detail"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "certificate-detail.png", full_page=True)
    certificate = Certificate.objects.get(owner=demo_trainee, subject_ref="module:browser-module")

    stranger = browser.new_page(base_url=page.url.split("/certificates/")[0])
    stranger.goto(f"/certificates/verify/?id={certificate.uid}")
    expect(stranger.get_by_text("Valid: we issued this certificate.")).to_be_visible()
    expect(stranger.get_by_text("Alex Rivera")).to_be_visible()
    problems["verify"] = axe_violations(stranger)
    stranger.get_by_label("Credential").fill(certificate.credential_jwt)
    stranger.get_by_role("button", name="Check").click()
    expect(stranger.get_by_text("Valid: we issued this credential, and nothing in it has changed.")).to_be_visible()
    problems["pasted"] = axe_violations(stranger)
    stranger.screenshot(path=screenshot_dir / "certificate-verified.png", full_page=True)
    stranger.close()
    assert problems == {"progress": [], "detail": [], "verify": [], "pasted": []}
    watcher.assert_clean()
