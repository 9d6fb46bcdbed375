"""axe-core on the main pages (serious and critical problems fail), no CSP violations anywhere,
and the skip link works from the keyboard."""

import os
import re

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import AXE_PATH, DEMO_TRAINEE, SAVED, AxeReport, sign_in
from tend.journal.models import JournalEntry
from tend.testing.personas import PASSWORD, build_personas

pytestmark = pytest.mark.browser
TOTP_SECRET = "JBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _require_axe():
    if not AXE_PATH.exists():
        message = f"axe-core is missing ({AXE_PATH}): run `npm ci` in the repository root."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)




def test_sign_in_page_is_accessible(page, watcher, live_server):
    report = AxeReport(page)
    page.goto("/accounts/login/")
    report.check("sign-in")
    page.emulate_media(color_scheme="dark")
    report.check("sign-in, dark")
    report.assert_clean()
    watcher.assert_clean()


def test_trainee_pages_are_accessible_in_light_and_dark(page, watcher, demo_trainee):
    report = AxeReport(page)
    sign_in(page, *DEMO_TRAINEE)

    def check_all(scheme: str) -> None:
        page.emulate_media(color_scheme=scheme)
        for name, url in [("home", "/"), ("journal list with entries", "/journal/"),
                          ("journal editor", f"/journal/{entry.pk}/edit/"), ("entry detail", f"/journal/{entry.pk}/"),
                          ("profile", "/profile/")]:
            page.goto(url)
            report.check(f"{name}, {scheme}")

    page.goto("/journal/")
    expect(page.get_by_text("Your journal is empty.")).to_be_visible()
    report.check("journal list, empty")

    page.get_by_role("button", name="Write your first entry").click()
    expect(page).to_have_url(re.compile(r"/journal/\d+/edit/$"))
    page.locator("#id_title").fill("A kinder voice")
    page.locator("#id_tags").fill("soothing, practice")
    page.locator("#id_body").fill("# Heading\n\nSome *emphasis*, a list:\n\n- one\n- two\n")
    expect(page.locator("#autosave-status")).to_have_text(SAVED)
    entry = JournalEntry.objects.get(owner=demo_trainee)

    check_all("light")
    check_all("dark")
    page.emulate_media(color_scheme="light")

    response = page.goto("/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We couldn't find that page")
    report.check("404")

    # The conflict alert (normally hidden) must also pass once shown.
    page.goto(f"/journal/{entry.pk}/edit/")
    page.evaluate("() => { document.getElementById('autosave-conflict').hidden = false; }")
    report.check("journal editor with the conflict alert shown")

    report.assert_clean()
    watcher.assert_clean()


def test_trainer_cohort_pages_are_accessible(page, watcher, live_server):
    personas = build_personas()
    # The trainer signs in through the real two-factor step: store the TOTP secret the way
    # allauth's MFA adapter stores any secret (encrypted, with TEND_ENCRYPTION_KEYS).
    Authenticator.objects.filter(user=personas.trainer, type=Authenticator.Type.TOTP).update(
        data={"secret": get_mfa_adapter().encrypt(TOTP_SECRET)}
    )
    report = AxeReport(page)
    sign_in(page, personas.trainer.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.goto("/cohorts/")
    expect(page.get_by_role("link", name="Cohort A")).to_be_visible()
    report.check("cohort list (trainer)")
    page.get_by_role("link", name="Cohort A").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cohort A")
    report.check("cohort detail (trainer)")
    page.emulate_media(color_scheme="dark")
    report.check("cohort detail (trainer), dark")
    report.assert_clean()
    watcher.assert_clean()


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, watcher, demo_trainee):
    sign_in(page, *DEMO_TRAINEE)
    for url in ["/", "/journal/"]:
        page.goto(url)
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to main content")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()  # visible once focused, not left off-screen
        page.keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()
        # The next Tab continues from inside main, past the header.
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    watcher.assert_clean()
