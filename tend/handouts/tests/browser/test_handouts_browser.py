"""A therapist downloads a client handout from the list: the file is a PDF showing the handout's title."""

import re

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.handouts.tests.pdftext import pdf_text

pytestmark = pytest.mark.browser


def test_a_handout_pdf_downloads_from_the_list_and_shows_its_title(page, watcher, demo_trainee, screenshot_dir, tmp_path):
    sign_in(page, *DEMO_TRAINEE)
    page.goto("/practise/handouts/")
    expect(page.get_by_role("heading", level=1, name="Client handouts")).to_be_visible()
    problems = {"list": axe_violations(page)}
    page.screenshot(path=screenshot_dir / "handouts-list.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download “Soothing rhythm breathing” (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "soothing-rhythm-breathing.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Soothing rhythm breathing" in text and "talk to your therapist" in text

    page.get_by_role("link", name="Read “The three circles” here").click()
    expect(page).to_have_url(re.compile(r"/practise/handouts/three-circles/$"))
    expect(page.get_by_role("heading", level=1, name="The three circles")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="It's fine to stop")).to_be_visible()
    problems["preview"] = axe_violations(page)
    page.screenshot(path=screenshot_dir / "handouts-preview.png", full_page=True)

    assert {name: found for name, found in problems.items() if found} == {}
    watcher.assert_clean()
