"""The organisation's safety report in a real browser: counts only, an honest account of what the
screen can miss, accessible in light and dark."""

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import AxeReport, sign_in
from tend.safety.models import ScreenEvent
from tend.testing.personas import PASSWORD, build_personas

pytestmark = pytest.mark.browser
TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def test_an_admin_reads_the_safety_report(page, watcher, live_server, screenshot_dir):
    personas = build_personas()
    Authenticator.objects.filter(user=personas.admin, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}
    )
    ScreenEvent.objects.create(day="2026-11-18", level="possible", source="journal")
    report = AxeReport(page)
    sign_in(page, personas.admin.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto("/safety/report/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safety report")
    how = page.get_by_role("region", name="What these counts can and cannot tell you")
    expect(how).to_contain_text("Read these counts as a floor")
    expect(how).to_contain_text("sentence embeddings")
    page.screenshot(path=str(screenshot_dir / "safety-report.png"), full_page=True)
    report.check("safety report (admin)")
    page.emulate_media(color_scheme="dark")
    report.check("safety report (admin), dark")
    report.assert_clean()
    watcher.assert_clean()
