"""Open Badges 3.0 credentials: each certificate as an OpenBadgeCredential, secured as a VC-JWT
signed with Ed25519 (EdDSA). The JWT payload is the credential itself plus the registered claims
iss (issuer id), jti (credential id) and nbf (validFrom); the header names the key by kid, which
points into the JWK Set at certificates:jwks."""

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC

import jwt
from django.urls import reverse

from tend.certificates import keys
from tend.certificates.models import Certificate, CertificateKind
from tend.handouts.views import organisation_name

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
MAX_PASTED_CHARS = 20_000
ACHIEVEMENT_TYPES = {
    CertificateKind.COMPLETION: "CertificateOfCompletion",
    CertificateKind.MODULE: "Course",
    CertificateKind.LIVE: "Achievement",
}
CLAIMS = ("iss", "jti", "nbf")


def jwks_url(site_url: str) -> str:
    return site_url.rstrip("/") + reverse("certificates:jwks")


def kid_for(site_url: str, thumbprint: str) -> str:
    return f"{jwks_url(site_url)}#{thumbprint}"


def _iso(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _identifier(email: str) -> dict:
    """The recipient as a salted hash of their email: a backpack can match it, nobody can read it."""
    salt = secrets.token_hex(8)
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {"type": "IdentityObject", "identityHash": f"sha256${digest}", "identityType": "emailAddress",
            "hashed": True, "salt": salt}


def _description(certificate: Certificate) -> str:
    if certificate.kind == CertificateKind.COMPLETION:
        return f"Completed the training programme “{certificate.title}” with {organisation_name()}."
    hours = f" ({certificate.hours.normalize():f} CPD hours)" if certificate.hours else ""
    return f"Attended and completed “{certificate.title}” with {organisation_name()}{hours}."


def build_credential(certificate: Certificate, email: str) -> dict:
    """The OpenBadgeCredential JSON for a certificate (unsigned)."""
    site = certificate.site_url
    achievement_id = uuid.uuid5(uuid.NAMESPACE_URL, site + certificate.subject_ref)
    return {
        "@context": CONTEXT,
        "id": certificate.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": site, "type": ["Profile"], "name": organisation_name(), "url": site},
        "validFrom": _iso(certificate.issued_at),
        "name": certificate.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [_identifier(email)],
            "achievement": {
                "id": f"urn:uuid:{achievement_id}",
                "type": ["Achievement"],
                "achievementType": ACHIEVEMENT_TYPES[certificate.kind],
                "name": certificate.title,
                "description": _description(certificate),
                "criteria": {"narrative": _description(certificate)},
            },
        },
    }


def sign(credential: dict) -> str:
    key = keys.signing_key()
    payload = {**credential, "iss": credential["issuer"]["id"], "jti": credential["id"],
               "nbf": int(_parse_iso(credential["validFrom"]))}
    headers = {"kid": kid_for(credential["issuer"]["id"], key.thumbprint), "typ": "JWT"}
    return jwt.encode(payload, key.private, algorithm="EdDSA", headers=headers)


def _parse_iso(value: str) -> float:
    from datetime import datetime

    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def decoded(token: str) -> dict:
    """The credential inside a VC-JWT we issued (no check: only for downloading our own)."""
    payload = jwt.decode(token, options={"verify_signature": False})
    return {key: value for key, value in payload.items() if key not in CLAIMS}


def pretty_json(credential: dict) -> str:
    return json.dumps(credential, indent=2, ensure_ascii=False)


# --- Verifying a pasted credential ------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    status: str  # valid, revoked, tampered, unknown_key, not_found, malformed, too_large, readable_copy
    certificate: Certificate | None = None

    @property
    def ok(self) -> bool:
        return self.status == "valid"


def _thumbprint_of(kid: str) -> str:
    return kid.rsplit("#", 1)[-1]


def verify(text: str) -> Verification:
    """Checks a pasted VC-JWT: our key signed it, nothing in it changed, and it is not revoked."""
    text = (text or "").strip()
    if len(text) > MAX_PASTED_CHARS:
        return Verification("too_large")
    if text.startswith("{"):
        return Verification("readable_copy")  # the decoded JSON carries no signature to check
    try:
        header = jwt.get_unverified_header(text)
    except jwt.PyJWTError:
        return Verification("malformed")
    public = keys.published_keys().get(_thumbprint_of(str(header.get("kid", ""))))
    if public is None or header.get("alg") != "EdDSA":
        return Verification("unknown_key")
    try:
        payload = jwt.decode(text, public, algorithms=["EdDSA"], options={"require": ["jti", "iss", "nbf"]},
                             leeway=300)
    except jwt.InvalidSignatureError:
        return Verification("tampered")
    except jwt.PyJWTError:
        return Verification("malformed")
    certificate = find(str(payload.get("jti", "")))
    if certificate is None:
        return Verification("not_found")
    if certificate.revoked:
        return Verification("revoked", certificate)
    return Verification("valid", certificate)


def find(credential_id: str) -> Certificate | None:
    try:
        uid = uuid.UUID(credential_id.removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return Certificate.objects.filter(uid=uid).first()
