"""A trainee opens their CPD record, sees the demo workshop, and adds an external activity with a
PDF certificate as evidence."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.cpd.demo import DEMO_TITLE
from tend.cpd.models import ExternalActivity

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_trainee_adds_an_external_activity_to_the_cpd_ledger(
    page, watcher, demo_trainee, screenshot_dir, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/cpd/")
    expect(page.get_by_role("heading", name="CPD record", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=DEMO_TITLE)).to_be_visible()
    problems = {"ledger": axe_violations(page)}

    page.get_by_role("link", name="Add an activity").first.click()
    expect(page).to_have_url(re.compile(r"/cpd/activities/add/$"))
    page.get_by_label("What you did").fill("Reading group on shame and self-criticism")
    page.get_by_label("Hours").fill("")  # a mistake first: the page explains it and keeps the rest
    page.get_by_label("Reflection").fill("Hearing others' struggles made my own feel less lonely.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was saved yet")
    expect(page.get_by_label("What you did")).to_have_value("Reading group on shame and self-criticism")
    problems["error"] = axe_violations(page)

    page.get_by_label("Hours").fill("1.5")
    page.get_by_label("Category").select_option(label="Self-directed learning")
    page.get_by_label("Evidence (optional)").set_input_files(
        {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/cpd/\?start="))
    expect(page.get_by_role("status")).to_contain_text("Added to your CPD record.")
    expect(page.get_by_role("link", name="Reading group on shame and self-criticism")).to_be_visible()
    problems["added"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "cpd-ledger.png", full_page=True)

    added = ExternalActivity.objects.get(owner=demo_trainee, title="Reading group on shame and self-criticism")
    assert (str(added.hours), added.category.key, added.evidence_type) == ("1.50", "self_directed", "application/pdf")
    assert problems == {"ledger": [], "error": [], "added": []}
    watcher.assert_clean()
