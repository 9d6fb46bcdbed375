"""A formulation typed into its areas autosaves, survives a reload and is drawn as a diagram."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, SAVED, axe_violations, sign_in
from tend.formulation.models import Formulation

pytestmark = pytest.mark.browser

FEAR = "That colleagues will see me as not good enough"
STRATEGY = "Over-preparing late into the night"


def test_a_formulation_autosaves_survives_a_reload_and_is_drawn(page, watcher, demo_trainee, screenshot_dir):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/formulation/")
    problems = {"list": axe_violations(page)}
    page.get_by_role("button", name="Start one for myself").click()
    expect(page).to_have_url(re.compile(r"/practise/formulation/\d+/edit/$"))
    problems["edit"] = axe_violations(page)

    page.get_by_label("External threats and fears").fill(FEAR)
    page.get_by_label("Internal safety strategies").fill("Going over every conversation")
    page.get_by_label("External safety strategies").fill(STRATEGY)
    page.get_by_label("It makes sense that…").fill("It makes sense that I work so hard to stay safe.")
    expect(page.locator("#autosave-status")).to_have_text(SAVED)
    formulation = Formulation.objects.get(owner=demo_trainee)
    assert formulation.threats_external == FEAR and formulation.version >= 2

    page.reload()
    expect(page.get_by_label("External threats and fears")).to_have_value(FEAR)
    expect(page.get_by_label("External safety strategies")).to_have_value(STRATEGY)
    page.screenshot(path=screenshot_dir / "formulation-edit.png", full_page=True)

    page.get_by_role("button", name="Save and see the diagram").click()
    expect(page).to_have_url(re.compile(rf"/practise/formulation/{formulation.pk}/$"))
    diagram = page.locator(f'svg[aria-labelledby="formulation-{formulation.pk}-title formulation-{formulation.pk}-desc"]')
    expect(diagram.locator("[data-area]")).to_have_count(5)
    expect(diagram.locator('[data-arrow="4-2"]')).to_have_count(1)
    expect(diagram).to_contain_text("That colleagues will see me")
    expect(page.get_by_role("heading", name="The formulation as text")).to_be_visible()
    expect(page.locator(".formulation-outline")).to_contain_text(FEAR)
    problems["detail"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "formulation.png", full_page=True)

    page.get_by_role("link", name="Compare with the worked example").click()
    expect(page).to_have_url(re.compile(r"/practise/formulation/example/$"))
    expect(page.locator(".formulation-outline")).to_contain_text("It makes sense that Alex")
    problems["example"] = axe_violations(page)

    assert {name: found for name, found in problems.items() if found} == {}
    watcher.assert_clean()
