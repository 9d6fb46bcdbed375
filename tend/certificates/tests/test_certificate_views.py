"""Certificates of attendance, the PDF with its QR code, downloads only for their owner."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tend.certificates import pdf, services
from tend.certificates.attendance import Attendance
from tend.certificates.models import Certificate

from .conftest import complete, make_module

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


@pytest.fixture
def module_certificate(trainee) -> Certificate:
    complete(trainee, make_module("three-systems", cpd_hours="4"))
    return services.issue(trainee, "module:three-systems", site_url="http://testserver/")


def test_a_completed_module_can_be_certified_from_the_progress_page(signed_in, trainee):
    complete(trainee, make_module("three-systems"))
    make_module("not-done", 2)
    text = signed_in.get(reverse("certificates:progress")).content.decode()
    assert "Issue certificate for Module three-systems" in text and "Module not-done" not in text
    response = signed_in.post(reverse("certificates:issue"), {"ref": "module:three-systems"})
    certificate = Certificate.objects.get(owner=trainee)
    assert response["Location"] == reverse("certificates:detail", args=[certificate.uid])
    assert (certificate.kind, certificate.hours) == ("module", Decimal("4.00"))
    detail = signed_in.get(response["Location"]).content.decode()
    assert str(certificate.uid) in detail and "<svg" in detail and "credential.jwt" in detail
    assert "View certificate" in signed_in.get(reverse("certificates:progress")).content.decode()


def test_live_sessions_reported_as_cpd_can_be_certified(signed_in, trainee, fake_hook):
    from tend.cpd.activities import CpdActivity

    def live_cpd(user, start, end):
        return [CpdActivity(ref="live:3", source="live_session", title="Welcome session", date=date(2026, 2, 2),
                            hours=Decimal("1"), category="formal_learning")]

    fake_hook("tend.live.cpd", cpd_activities=live_cpd)
    assert "Issue certificate for Welcome session" in signed_in.get(reverse("certificates:progress")).content.decode()
    signed_in.post(reverse("certificates:issue"), {"ref": "live:3"})
    certificate = Certificate.objects.get(owner=trainee)
    assert (certificate.kind, certificate.title, certificate.hours) == ("live", "Welcome session", Decimal("1.00"))


def test_live_sessions_attended_come_from_another_apps_hook(signed_in, trainee, fake_hook):
    attended = [Attendance(ref="live:7", title="Live session: working with shame", date=date(2026, 3, 4),
                           hours=Decimal("1.5"))]
    fake_hook("tend.live.certificates", attended_sessions=lambda user: attended if user == trainee else [])
    assert "Live session: working with shame" in signed_in.get(reverse("certificates:progress")).content.decode()
    signed_in.post(reverse("certificates:issue"), {"ref": "live:7"})
    certificate = Certificate.objects.get(owner=trainee)
    assert (certificate.kind, certificate.achieved_on, certificate.hours) == ("live", date(2026, 3, 4), Decimal("1.5"))


def test_the_certificate_pdf_says_who_what_when_with_id_signatory_logo_and_qr(signed_in, module_certificate, settings, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_bytes(LOGO)
    settings.TEND_ORGANISATION_NAME = "Compassion Institute"
    settings.TEND_ORGANISATION_LOGO = str(logo)
    settings.TEND_CERTIFICATE_SIGNATORY = "Dr Jo Bennett, Programme Lead"
    html = pdf.certificate_html(module_certificate, logo=True)
    for expected in ("Compassion Institute", "Tara Trainee", "Module three-systems", "Dr Jo Bennett, Programme Lead",
                     str(module_certificate.uid), "<h1>Certificate of attendance</h1>", "4 CPD hours",
                     f"http://testserver/certificates/verify/?id={module_certificate.uid}", "<svg", 'src="organisation-logo"'):
        assert expected in html, expected
    import weasyprint

    assert len(weasyprint.HTML(string=html, base_url="https://tend.invalid/").render().pages) == 1
    response = signed_in.get(reverse("certificates:pdf", args=[module_certificate.uid]))
    assert response["Content-Type"] == "application/pdf" and response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")


def test_the_qr_code_encodes_the_verification_link(module_certificate):
    import qrcode

    expected = qrcode.make(module_certificate.verify_url, image_factory=qrcode.image.svg.SvgPathImage,
                           box_size=10, border=2).to_string(encoding="unicode")
    assert pdf.qr_svg(module_certificate.verify_url) == expected
    assert pdf.qr_svg("http://testserver/other") != expected


def test_the_credential_downloads_as_jwt_and_as_readable_json(signed_in, module_certificate):
    token = signed_in.get(reverse("certificates:jwt", args=[module_certificate.uid]))
    assert token["Content-Type"] == "application/jwt" and token.content.decode() == module_certificate.credential_jwt
    readable = signed_in.get(reverse("certificates:json", args=[module_certificate.uid]))
    assert readable["Content-Type"] == "application/json"
    assert readable.json()["id"] == f"urn:uuid:{module_certificate.uid}"
    assert readable["Content-Disposition"] == f'attachment; filename="credential-{module_certificate.uid}.json"'


@pytest.mark.parametrize("name", ["detail", "pdf", "jwt", "json"])
def test_only_the_owner_sees_or_downloads_a_certificate(client, personas, module_certificate, name):
    url = reverse(f"certificates:{name}", args=[module_certificate.uid])
    for other in (personas.supervisor, personas.trainer, personas.admin, personas.cohort_peer):
        client.force_login(other)
        assert client.get(url).status_code == 404


def test_a_revoked_certificate_says_so_and_cannot_be_downloaded(signed_in, module_certificate):
    services.revoke(module_certificate, "Issued in error")
    detail = signed_in.get(reverse("certificates:detail", args=[module_certificate.uid])).content.decode()
    assert "This certificate was revoked" in detail and "credential.jwt" not in detail
    for name in ("pdf", "jwt", "json"):
        assert signed_in.get(reverse(f"certificates:{name}", args=[module_certificate.uid])).status_code == 410


def test_the_admin_revokes_with_a_reason(client, personas, module_certificate):
    client.force_login(personas.admin)
    url = reverse("admin:certificates_certificate_change", args=[module_certificate.pk])
    assert client.post(url, {"revoked_reason": "Issued in error"}).status_code == 302
    module_certificate.refresh_from_db()
    assert module_certificate.revoked and module_certificate.revoked_reason == "Issued in error"
    assert client.get(reverse("admin:certificates_certificate_add")).status_code == 403


def test_the_progress_page_query_count_does_not_grow_with_certificates(signed_in, trainee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert signed_in.get(reverse("certificates:progress")).status_code == 200
        return len(ctx)

    complete(trainee, make_module("m0", 0))
    services.issue(trainee, "module:m0", site_url="http://testserver/")
    queries()  # warm-up
    few = queries()
    for n in range(1, 8):
        complete(trainee, make_module(f"m{n}", n))
        if n % 2:
            services.issue(trainee, f"module:m{n}", site_url="http://testserver/")
    assert queries() == few


@pytest.mark.parametrize("query", ["nonsense", "Tara"])
def test_admins_can_search_certificates_by_id_or_name(client, personas, module_certificate, query):
    client.force_login(personas.admin)
    page = client.get(reverse("admin:certificates_certificate_changelist"), {"q": query})
    assert page.status_code == 200
    page = client.get(reverse("admin:certificates_certificate_changelist"), {"q": str(module_certificate.uid)})
    assert str(module_certificate.uid) in page.content.decode()
