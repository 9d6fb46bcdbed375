"""Client handouts: a list, an HTML preview and a printable PDF of each, for anyone signed in.

The handouts are content files written by us (content/handouts/*.md, read by
tend.handouts.handouts); nothing here is personal, so there is no owner and no sharing. The PDF
carries the organisation's name (settings.TEND_ORGANISATION_NAME) and, when
settings.TEND_ORGANISATION_LOGO names a readable image file, its logo.
"""

import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from tend.handouts import handouts

logger = logging.getLogger(__name__)

# The order a client usually meets the practices in; any other handout follows, by file name.
SUGGESTED_ORDER = (
    "three-circles",
    "soothing-rhythm-breathing",
    "mindful-breathing-and-body-scan",
    "compassionate-imagery",
    "compassionate-self",
    "compassionate-letter-writing",
    "threat-based-formulation",
    "practice-diary",
)
LOGO_URL = "organisation-logo"
LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp"}


def handouts_dir() -> Path:
    return Path(settings.TEND_CONTENT_DIR) / "handouts"


def organisation_name() -> str:
    return getattr(settings, "TEND_ORGANISATION_NAME", "") or "Tend"


def organisation_logo() -> tuple[bytes, str] | None:
    """The logo's bytes and media type, or None when no logo is set or it cannot be used."""
    configured = getattr(settings, "TEND_ORGANISATION_LOGO", "")
    if not configured:
        return None
    path = Path(configured)
    media_type = mimetypes.guess_type(path.name)[0]
    if media_type not in LOGO_TYPES:
        logger.warning("TEND_ORGANISATION_LOGO is not a PNG, JPEG, GIF, WebP or SVG image; handouts are printed without it")
        return None
    try:
        return path.read_bytes(), media_type
    except OSError:
        logger.warning("TEND_ORGANISATION_LOGO cannot be read; handouts are printed without it")
        return None


def ordered_handouts() -> list[handouts.Handout]:
    found = handouts.cached_handouts(handouts_dir())
    rank = {handout_id: index for index, handout_id in enumerate(SUGGESTED_ORDER)}
    return sorted(found, key=lambda h: (rank.get(h.id, len(rank)), h.file))


def _handout_or_404(handout_id: str) -> handouts.Handout:
    handout = handouts.find_handout(handouts_dir(), handout_id)
    if handout is None:
        raise Http404
    return handout


@require_safe
def handout_list(request: HttpRequest) -> HttpResponse:
    context = {"handouts": ordered_handouts(), "organisation": organisation_name()}
    return render(request, "handouts/list.html", context)


@require_safe
def handout_preview(request: HttpRequest, handout_id: str) -> HttpResponse:
    context = {"handout": _handout_or_404(handout_id), "organisation": organisation_name()}
    return render(request, "handouts/preview.html", context)


@require_safe
def handout_pdf(request: HttpRequest, handout_id: str) -> HttpResponse:
    handout = _handout_or_404(handout_id)
    response = HttpResponse(render_pdf(handout), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{handout.id}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def render_html(handout: handouts.Handout, *, logo: bool) -> str:
    context = {"handout": handout, "organisation": organisation_name(), "logo_url": LOGO_URL if logo else ""}
    return render_to_string("handouts/handout_pdf.html", context)


def render_pdf(handout: handouts.Handout) -> bytes:
    import weasyprint  # slow to import: only this view needs it

    logo = organisation_logo()
    html = render_html(handout, logo=logo is not None)

    class LogoOnly(weasyprint.urls.URLFetcher):
        """The PDF may load the organisation's logo and nothing else."""

        def fetch(self, url, headers=None):
            if logo is not None and url.endswith("/" + LOGO_URL):
                return weasyprint.urls.URLFetcherResponse(url, body=logo[0], headers={"Content-Type": logo[1]})
            raise ValueError(f"handout PDFs do not fetch {url}")

    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=LogoOnly()).write_pdf()
