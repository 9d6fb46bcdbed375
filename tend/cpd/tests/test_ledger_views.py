"""The ledger page, adding/editing external activities with evidence, downloads and exports."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.cpd import exports, selectors
from tend.cpd.models import CpdCategory, ExternalActivity
from tend.diary.models import PracticeLog

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TEND_CPD_YEAR_START = "01-01"


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def category(key="formal_learning") -> CpdCategory:
    return CpdCategory.objects.get(key=key)


def form_data(**changes) -> dict:
    data = {"title": "Workshop on shame", "date": "2026-05-01", "hours": "6", "category": category().pk,
            "reflection": "I noticed how kindly the group held difficult moments."}
    data.update(changes)
    return data


def add(client, **changes):
    return client.post(reverse("cpd:add"), form_data(**changes))


def test_the_ledger_shows_totals_and_links_for_the_period(signed_in, trainee):
    ExternalActivity.objects.create(owner=trainee, title="Conference day", date=date(2026, 5, 1), hours=Decimal("5.5"),
                                    category=category())
    ExternalActivity.objects.create(owner=trainee, title="Last year's course", date=date(2025, 5, 1), hours=3,
                                    category=category())
    page = signed_in.get(reverse("cpd:ledger") + "?start=2026-01-01&end=2026-12-31")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Conference day" in text and "Last year" not in text
    assert "5.50" in text and "Formal learning" in text and "Added by you" in text
    activity = ExternalActivity.objects.get(title="Conference day")
    assert reverse("cpd:edit", args=[activity.pk]) in text
    assert "start=2026-01-01&amp;end=2026-12-31" in text  # exports keep the chosen period


def test_an_empty_ledger_says_how_hours_arrive(signed_in):
    text = signed_in.get(reverse("cpd:ledger")).content.decode()
    assert "No CPD activities in this period yet." in text


def test_a_period_ending_before_it_starts_is_explained(signed_in):
    page = signed_in.get(reverse("cpd:ledger") + "?start=2026-05-01&end=2026-01-01")
    assert page.status_code == 400
    assert "The end date is before the start date." in page.content.decode()


def test_adding_an_activity_with_pdf_evidence_screens_the_reflection(signed_in, trainee, monkeypatch):
    screened = []
    monkeypatch.setattr("tend.cpd.services.screen_own_writing", lambda request, **kw: screened.append(kw) or "none")
    response = add(signed_in, evidence_file=SimpleUploadedFile("certificate.PDF", PDF, content_type="text/plain"))
    assert response.status_code == 302
    activity = ExternalActivity.objects.get(owner=trainee)
    assert (activity.title, activity.hours) == ("Workshop on shame", Decimal("6"))
    assert activity.evidence_type == "application/pdf"
    assert activity.evidence.name.endswith(".pdf") and "certificate" not in activity.evidence.name
    assert screened == [{"text": "I noticed how kindly the group held difficult moments.", "source": "cpd",
                         "item_key": str(activity.pk), "next_page": True}]


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("scan.png", PNG, "image/png"), ("photo.jpeg", JPEG, "image/jpeg"),
])
def test_png_and_jpeg_evidence_are_accepted_by_their_content(signed_in, trainee, name, content, kind):
    assert add(signed_in, evidence_file=SimpleUploadedFile(name, content)).status_code == 302
    assert ExternalActivity.objects.get(owner=trainee).evidence_type == kind


def test_a_file_that_only_claims_to_be_a_pdf_is_refused_and_the_typing_kept(signed_in, trainee):
    fake = SimpleUploadedFile("certificate.pdf", b"<html>not really</html>", content_type="application/pdf")
    response = add(signed_in, title="Kept title zq", evidence_file=fake)
    text = response.content.decode()
    assert response.status_code == 400
    assert "is not a PDF, PNG or JPEG file" in text
    assert 'value="Kept title zq"' in text and "kindly the group" in text
    assert not ExternalActivity.objects.exists()


def test_a_file_over_the_size_limit_is_refused(signed_in, settings):
    settings.TEND_CPD_MAX_UPLOAD_BYTES = 100
    response = add(signed_in, evidence_file=SimpleUploadedFile("big.pdf", PDF + b"0" * 200))
    assert response.status_code == 400
    assert "evidence files can be at most 100" in response.content.decode()
    assert not ExternalActivity.objects.exists()


def test_evidence_downloads_only_for_its_owner_as_an_attachment(signed_in, client, trainee, personas):
    add(signed_in, evidence_file=SimpleUploadedFile("c.pdf", PDF))
    activity = ExternalActivity.objects.get(owner=trainee)
    url = reverse("cpd:evidence", args=[activity.pk])
    response = signed_in.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF
    for other in (personas.supervisor, personas.admin, personas.cohort_peer):
        client.force_login(other)
        assert client.get(url).status_code == 404


def test_an_activity_without_evidence_has_nothing_to_download(signed_in, trainee):
    add(signed_in)
    activity = ExternalActivity.objects.get(owner=trainee)
    assert signed_in.get(reverse("cpd:evidence", args=[activity.pk])).status_code == 404


def test_editing_replaces_and_removes_evidence(signed_in, trainee):
    add(signed_in, evidence_file=SimpleUploadedFile("c.pdf", PDF))
    activity = ExternalActivity.objects.get(owner=trainee)
    first = activity.evidence.name
    url = reverse("cpd:edit", args=[activity.pk])
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(url, form_data(hours="7", base_version=1, evidence_file=SimpleUploadedFile("p.png", PNG)))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.hours, activity.evidence_type) == (Decimal("7"), "image/png")
    assert activity.evidence.name != first
    signed_in.post(url, form_data(remove_evidence="on", base_version=activity.version))
    activity.refresh_from_db()
    assert not activity.evidence and activity.evidence_type == ""


def test_only_the_owner_edits_or_deletes(client, trainee, personas):
    activity = ExternalActivity.objects.create(owner=trainee, title="Mine", date=date(2026, 5, 1), hours=1,
                                               category=category())
    client.force_login(personas.supervisor)
    assert client.get(reverse("cpd:edit", args=[activity.pk])).status_code == 404
    assert client.post(reverse("cpd:delete", args=[activity.pk])).status_code == 404
    client.force_login(trainee)
    assert client.post(reverse("cpd:delete", args=[activity.pk])).status_code == 302
    assert not ExternalActivity.objects.exists()


def test_csv_export_lists_the_period_and_neutralises_formulas(signed_in, trainee):
    ExternalActivity.objects.create(owner=trainee, title="=HYPERLINK(1)", date=date(2026, 5, 1), hours=2,
                                    category=category("self_directed"), reflection="zqcpdsecret")
    response = signed_in.get(reverse("cpd:export_csv") + "?start=2026-01-01&end=2026-12-31")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="cpd-record-2026-01-01-to-2026-12-31.csv"' in response["Content-Disposition"]
    assert "2026-05-01,'=HYPERLINK(1),2.00,Self-directed learning,Added by you" in text
    assert "total,,2.00" in text and "zqcpdsecret" not in text


def test_the_pdf_record_lists_the_activities_but_no_reflections(signed_in, trainee):
    ExternalActivity.objects.create(owner=trainee, title="Reading group", date=date(2026, 5, 1), hours=2,
                                    category=category(), reflection="zqcpdsecret")
    PracticeLog.objects.create(owner=trainee, tool="breathing", duration_seconds=1800,
                               started_at="2026-05-04T10:00:00Z")
    ledger = selectors.ledger(trainee, selectors.Period(date(2026, 1, 1), date(2026, 12, 31)))
    html = exports.record_html(ledger, trainee, "Compassion Institute")
    assert "Compassion Institute" in html and "Tara Trainee" in html
    assert "Reading group" in html and "Personal practice, week of 4 May 2026" in html
    assert "2.50" in html and "zqcpdsecret" not in html
    response = signed_in.get(reverse("cpd:export_pdf") + "?start=2026-01-01&end=2026-12-31")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_ledger_query_count_does_not_grow_with_activities(signed_in, trainee):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get(reverse("cpd:ledger")).status_code == 200
        return len(ctx)

    from django.utils import timezone

    today = timezone.localdate()
    ExternalActivity.objects.create(owner=trainee, title="One", date=today, hours=1, category=category())
    queries()  # warm-up
    few = queries()
    ExternalActivity.objects.bulk_create([
        ExternalActivity(owner=trainee, title=f"Activity {n}", date=today, hours=1, category=category(key))
        for n in range(20) for key in ("formal_learning", "practice")
    ])
    PracticeLog.objects.bulk_create([
        PracticeLog(owner=trainee, tool="breathing", duration_seconds=600) for _ in range(20)
    ])
    assert queries() == few
