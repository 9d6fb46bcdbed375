from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from tend.certificates import credentials, keys, pdf, ratelimit, selectors, services
from tend.certificates.forms import PasteForm
from tend.certificates.models import Certificate
from tend.core import access


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    statuses = selectors.rule_progress(request.user)
    issued = selectors.own_certificates(request.user)
    attended = selectors.attended_modules(request.user) + selectors.attended_live_sessions(request.user)
    context = {
        "statuses": statuses,
        "all_met": selectors.all_met(statuses),
        "completion": issued.get(services.PROGRAMME),
        "attended": [(item, issued.get(item.ref)) for item in attended],
        "certificates": list(issued.values()),
    }
    return render(request, "certificates/progress.html", context)


@require_POST
def issue(request: HttpRequest) -> HttpResponse:
    try:
        certificate = services.issue(request.user, request.POST.get("ref", ""), site_url=_site_url(request))
    except services.NotEligible:
        messages.error(request, _("This certificate is not available to you yet; the list below shows what is still to do."))
        return redirect("certificates:progress")
    return redirect(certificate)


def _own(request: HttpRequest, uid) -> Certificate:
    return access.get_own_or_404(request, Certificate.objects.all(), uid=uid)


def _gone_if_revoked(certificate: Certificate) -> HttpResponse | None:
    if certificate.revoked:
        return HttpResponse(_("This certificate was revoked and can no longer be downloaded."), status=410,
                            content_type="text/plain; charset=utf-8")
    return None


@require_safe
def detail(request: HttpRequest, uid) -> HttpResponse:
    certificate = _own(request, uid)
    return render(request, "certificates/detail.html", {"certificate": certificate, "qr": pdf.qr_svg(certificate.verify_url)})


def _download(body, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def certificate_pdf(request: HttpRequest, uid) -> HttpResponse:
    certificate = _own(request, uid)
    return _gone_if_revoked(certificate) or _download(
        pdf.certificate_pdf(certificate), "application/pdf", f"certificate-{certificate.uid}.pdf")


@require_safe
def credential_jwt(request: HttpRequest, uid) -> HttpResponse:
    certificate = _own(request, uid)
    return _gone_if_revoked(certificate) or _download(
        certificate.credential_jwt, "application/jwt", f"credential-{certificate.uid}.jwt")


@require_safe
def credential_json(request: HttpRequest, uid) -> HttpResponse:
    certificate = _own(request, uid)
    body = credentials.pretty_json(credentials.decoded(certificate.credential_jwt))
    return _gone_if_revoked(certificate) or _download(body, "application/json", f"credential-{certificate.uid}.json")


@login_not_required
def verify(request: HttpRequest) -> HttpResponse:
    """The one public page: look a certificate up by its id (the QR code's link) or check a pasted
    credential. It shows only what the certificate itself says. Each check counts against a
    per-client limit, so IDs cannot be guessed at speed."""
    if request.method == "POST" or "id" in request.GET:
        verdict = ratelimit.consume(request)
        if not verdict.allowed:
            return _too_many_checks(request, verdict.retry_after)
    looked_up = None
    if "id" in request.GET:
        looked_up = credentials.find(request.GET["id"])
    form = PasteForm(request.POST if request.method == "POST" else None)
    result = credentials.verify(form.cleaned_data["credential"]) if form.is_bound and form.is_valid() else None
    context = {"form": form, "looked_up": looked_up, "asked_id": request.GET.get("id", ""), "result": result}
    return render(request, "certificates/verify.html", context, status=400 if form.errors else 200)


def _too_many_checks(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = render(request, "certificates/too_many_checks.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


# Verifiers may keep the key set for an hour. Retired keys stay listed, so a kept copy never
# fails an old credential; a new key is listed the moment it is configured, so a verifier that
# meets a kid it has not seen should fetch the set again (docs/credentials.md says so).
JWKS_MAX_AGE = 3600


@login_not_required
@require_safe
def jwks(request: HttpRequest) -> JsonResponse:
    """The public keys that sign credentials, so anyone can verify them without asking us."""
    url = request.build_absolute_uri(request.path)
    key_set = {"keys": [keys.public_jwk(public, f"{url}#{thumb}") for thumb, public in keys.published_keys().items()]}
    response = JsonResponse(key_set, content_type="application/jwk-set+json")
    response["Access-Control-Allow-Origin"] = "*"  # public keys: any verifier's page may fetch them
    patch_cache_control(response, public=True, max_age=JWKS_MAX_AGE)
    return response
