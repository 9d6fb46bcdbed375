"""The printable certificate: organisation, person, what and when, signatory, unique id and a QR
code pointing at the public verification page."""

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from tend.certificates.models import Certificate
from tend.handouts.views import LOGO_URL, organisation_logo, organisation_name


def qr_svg(url: str) -> str:
    """An inline SVG QR code (our own markup from the qrcode package; the url is our own too)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


def signatory() -> str:
    return getattr(settings, "TEND_CERTIFICATE_SIGNATORY", "") or ""


def certificate_html(certificate: Certificate, *, logo: bool) -> str:
    return render_to_string("certificates/certificate_pdf.html", {
        "certificate": certificate,
        "organisation": organisation_name(),
        "signatory": signatory(),
        "logo_url": LOGO_URL if logo else "",
        "qr": mark_safe(qr_svg(certificate.verify_url)),  # noqa: S308  (generated SVG, no user input)
    })


def certificate_pdf(certificate: Certificate) -> bytes:
    import weasyprint  # slow to import: only the PDF view needs it

    logo = organisation_logo()
    html = certificate_html(certificate, logo=logo is not None)

    class LogoOnly(weasyprint.urls.URLFetcher):
        """The certificate may load the organisation's logo and nothing else."""

        def fetch(self, url, headers=None):
            if logo is not None and url.endswith("/" + LOGO_URL):
                return weasyprint.urls.URLFetcherResponse(url, body=logo[0], headers={"Content-Type": logo[1]})
            raise ValueError(f"certificates do not fetch {url}")

    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=LogoOnly()).write_pdf()
