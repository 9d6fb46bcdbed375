"""Certificates in the permission matrix: your own certificates; the verification page and the
public keys are the only public pages; admins manage the rules and revoke in the Django admin."""

from datetime import date

from tend.core.tests.policy_table import (
    LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case, _admin_model, admin_object, expect, public, require_post, signed_in,
    staff_only,
)

FORBIDDEN = "403"


def samples(p) -> dict:
    from tend.certificates import credentials
    from tend.certificates.models import Certificate, CompletionRule

    certificate = Certificate.objects.create(
        owner=p.trainee, kind="module", subject_ref="module:module-1", title="Module one", achieved_on=date.today(),
        recipient_name=p.trainee.display_name, site_url="http://testserver/",
    )
    certificate.credential_jwt = credentials.sign(credentials.build_credential(certificate, p.trainee.email))
    certificate.save()
    return {"certificates_certificate": certificate, "certificates_rule": CompletionRule.load()}


def _certificate(s):
    return {"uid": s.certificates_certificate.uid}


# GET-only views of one owned certificate: POST answers 405 before ownership is checked.
_own_download = expect(
    anonymous=LOGIN, trainee=(OK, NOT_ALLOWED), cohort_peer=(NOT_FOUND, NOT_ALLOWED),
    other_trainee=(NOT_FOUND, NOT_ALLOWED), supervisor=(NOT_FOUND, NOT_ALLOWED),
    other_supervisor=(NOT_FOUND, NOT_ALLOWED), trainer=(NOT_FOUND, NOT_ALLOWED), admin=(NOT_FOUND, NOT_ALLOWED),
)

_certificate_admin = _admin_model("certificates", "certificate", "certificates_certificate", add=FORBIDDEN)
# Certificates are revoked, never deleted: a verification link must not silently change its answer.
_certificate_admin["admin:certificates_certificate_delete"] = Case(
    staff_only(get=FORBIDDEN, post=FORBIDDEN), kwargs=admin_object("certificates_certificate"))

POLICY = {
    "certificates:progress": signed_in(post=NOT_ALLOWED),
    # An empty request names no certificate: the person is sent back to their progress page.
    "certificates:issue": require_post(signed_in()),
    # Public: an empty paste is an invalid form (400).
    "certificates:verify": public(post="400"),
    "certificates:jwks": public(post=NOT_ALLOWED),
    "certificates:detail": Case(_own_download, kwargs=_certificate),
    "certificates:pdf": Case(_own_download, kwargs=_certificate),
    "certificates:jwt": Case(_own_download, kwargs=_certificate),
    "certificates:json": Case(_own_download, kwargs=_certificate),
    # One set of rules: it can be changed (or reset by deleting it) but not added twice.
    **_admin_model("certificates", "completionrule", "certificates_rule", add=FORBIDDEN),
    **_certificate_admin,
}

PUBLIC_URLS = {"certificates:verify", "certificates:jwks"}
OWNED_OBJECT_URLS = {"certificates:detail", "certificates:pdf", "certificates:jwt", "certificates:json"}
