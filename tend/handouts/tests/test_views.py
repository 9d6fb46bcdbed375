"""The list, the preview and the PDF of every handout, with the organisation's name and logo."""

import base64

import pytest
from django.urls import reverse

from tend.handouts import views
from tend.handouts.tests.pdftext import pdf_text
from tend.handouts.tests.test_handouts import EXPECTED_IDS, SHIPPED

# A 1×1 PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture(autouse=True)
def shipped_content(settings):
    settings.TEND_CONTENT_DIR = SHIPPED.parent


def shipped():
    return views.ordered_handouts()


@pytest.mark.parametrize("persona", ["trainee", "supervisor", "trainer", "admin"])
def test_anyone_signed_in_sees_every_handout_in_the_suggested_order(client, personas, persona):
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("handouts:list"))
    page = response.content.decode()
    assert response.status_code == 200
    found = shipped()
    assert {h.id for h in found} == EXPECTED_IDS
    positions = [page.index(h.title) for h in found]
    assert positions == sorted(positions)
    assert [h.id for h in found][:2] == ["three-circles", "soothing-rhythm-breathing"]
    for handout in found:
        assert reverse("handouts:pdf", args=[handout.id]) in page
        assert reverse("handouts:preview", args=[handout.id]) in page


def test_signed_out_people_are_sent_to_sign_in(client, db):
    for url in (reverse("handouts:list"), reverse("handouts:preview", args=["three-circles"]), reverse("handouts:pdf", args=["three-circles"])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_preview_shows_the_whole_handout_and_the_organisation(client, trainee, settings):
    settings.TEND_ORGANISATION_NAME = "Riverside Psychology Service"
    client.force_login(trainee)
    response = client.get(reverse("handouts:preview", args=["soothing-rhythm-breathing"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Riverside Psychology Service" in page and "<h1>Soothing rhythm breathing</h1>" in page
    for title in ("What it is for", "How to do it", "Common difficulties and what helps", "It&#x27;s fine to stop"):
        assert title in page
    assert "<strong>Find a steady position.</strong>" in page and "<ol>" in page
    assert reverse("handouts:pdf", args=["soothing-rhythm-breathing"]) in page


def test_unknown_handouts_are_not_found_and_writes_are_refused(client, trainee):
    client.force_login(trainee)
    assert client.get(reverse("handouts:preview", args=["no-such-handout"])).status_code == 404
    assert client.get(reverse("handouts:pdf", args=["no-such-handout"])).status_code == 404
    assert client.post(reverse("handouts:list")).status_code == 405
    assert client.post(reverse("handouts:pdf", args=["three-circles"])).status_code == 405


def test_every_handout_downloads_as_a_pdf_showing_its_title_text_and_the_organisation(client, trainee, settings):
    settings.TEND_ORGANISATION_NAME = "Riverside Psychology Service"
    client.force_login(trainee)
    for handout in shipped():
        response = client.get(reverse("handouts:pdf", args=[handout.id]))
        assert response.status_code == 200, handout.id
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'attachment; filename="{handout.id}.pdf"'
        assert response.content.startswith(b"%PDF-")
        text = pdf_text(response.content)
        assert handout.title in text, handout.id
        assert "Riverside Psychology Service" in text, handout.id
        for section in handout.sections:
            assert section.title in text, (handout.id, section.title)
        assert "talk to your therapist" in text, handout.id


def test_the_pdf_carries_the_logo_when_one_is_set(client, trainee, settings, tmp_path):
    client.force_login(trainee)
    url = reverse("handouts:pdf", args=["three-circles"])
    settings.TEND_ORGANISATION_LOGO = ""
    assert b"/Subtype /Image" not in client.get(url).content
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    settings.TEND_ORGANISATION_LOGO = str(logo)
    with_logo = client.get(url).content
    assert b"/Subtype /Image" in with_logo and "The three circles" in pdf_text(with_logo)


def test_a_missing_or_unsuitable_logo_is_left_out_rather_than_failing(client, trainee, settings, tmp_path, caplog):
    client.force_login(trainee)
    url = reverse("handouts:pdf", args=["three-circles"])
    settings.TEND_ORGANISATION_LOGO = str(tmp_path / "missing.png")
    response = client.get(url)
    assert response.status_code == 200 and b"/Subtype /Image" not in response.content
    (tmp_path / "logo.txt").write_text("not an image")
    settings.TEND_ORGANISATION_LOGO = str(tmp_path / "logo.txt")
    response = client.get(url)
    assert response.status_code == 200 and b"/Subtype /Image" not in response.content
    assert "TEND_ORGANISATION_LOGO" in caplog.text


def test_without_the_logo_setting_at_all_the_pdf_still_renders(client, trainee, settings):
    if hasattr(settings, "TEND_ORGANISATION_LOGO"):
        del settings.TEND_ORGANISATION_LOGO
    client.force_login(trainee)
    response = client.get(reverse("handouts:pdf", args=["practice-diary"]))
    assert response.status_code == 200 and "Keeping a practice diary" in pdf_text(response.content)
