"""Issuing and revoking certificates. A certificate is issued once per subject; asking again
returns the one already issued (revoked ones included: only an admin can revoke)."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from tend.certificates import credentials, selectors
from tend.certificates.models import Certificate, CertificateKind, CompletionRule

PROGRAMME = "programme"


class NotEligible(Exception):
    """The person has not (yet) done what this certificate says."""


def _eligible(user, ref: str) -> tuple[str, str, object, object]:
    """(kind, title, achieved_on, hours) for a subject the person qualifies for, or NotEligible."""
    if ref == PROGRAMME:
        if not selectors.all_met(selectors.rule_progress(user)):
            raise NotEligible(ref)
        return CertificateKind.COMPLETION, CompletionRule.load().certificate_title, timezone.localdate(), None
    candidates = selectors.attended_modules(user) if ref.startswith("module:") else selectors.attended_live_sessions(user)
    match = next((item for item in candidates if item.ref == ref), None)
    if match is None:
        raise NotEligible(ref)
    return match.kind, match.title, match.date, match.hours


def issue(user, ref: str, *, site_url: str) -> Certificate:
    existing = Certificate.objects.filter(owner=user, subject_ref=ref).first()
    if existing is not None:
        return existing
    kind, title, achieved_on, hours = _eligible(user, ref)
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                owner=user, kind=kind, subject_ref=ref, title=title[:200], achieved_on=achieved_on,
                hours=None if hours is None else Decimal(str(hours)),
                recipient_name=(user.display_name or user.email)[:120], site_url=site_url,
            )
            certificate.credential_jwt = credentials.sign(credentials.build_credential(certificate, user.email))
            certificate.save(update_fields=["credential_jwt"])
    except IntegrityError:  # issued by a second tab a moment ago
        return Certificate.objects.get(owner=user, subject_ref=ref)
    return certificate


def revoke(certificate: Certificate, reason: str) -> None:
    certificate.revoked_reason = reason.strip()[:300]
    certificate.revoked_at = certificate.revoked_at or timezone.now()
    certificate.save(update_fields=["revoked_reason", "revoked_at"])
