"""Open Badges 3.0 credentials: signed with the published key, and caught when tampered with,
revoked or signed by a key we never published."""

import base64
import json

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from tend.certificates import credentials, keys, services
from tend.certificates.models import Certificate

from .conftest import complete, make_module

SITE = "http://testserver/"


@pytest.fixture
def certificate(trainee) -> Certificate:
    complete(trainee, make_module("three-systems", cpd_hours="4"))
    return services.issue(trainee, "module:three-systems", site_url=SITE)


def published_key(kid: str):
    """The public key for `kid`, fetched the way an outside verifier would: from the JWK Set."""
    response = Client().get(reverse("certificates:jwks"))
    assert response.status_code == 200 and response["Content-Type"] == "application/jwk-set+json"
    key_set = response.json()
    match = [k for k in key_set["keys"] if k["kid"] == kid]
    assert len(match) == 1, (kid, key_set)
    assert (match[0]["kty"], match[0]["crv"], match[0]["alg"]) == ("OKP", "Ed25519", "EdDSA")
    assert "d" not in match[0]  # never the private part
    return jwt.PyJWK(match[0]).key


def test_the_credential_verifies_with_the_published_key(certificate):
    token = certificate.credential_jwt
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA" and header["kid"].startswith(SITE + "certificates/.well-known/jwks.json#")
    payload = jwt.decode(token, published_key(header["kid"]), algorithms=["EdDSA"])
    assert payload["iss"] == SITE and payload["jti"] == f"urn:uuid:{certificate.uid}" and payload["nbf"] > 0


def test_the_credential_has_the_open_badges_3_shape(certificate):
    vc = credentials.decoded(certificate.credential_jwt)
    assert vc["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in vc["@context"]
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["issuer"]["type"] == ["Profile"] and vc["issuer"]["id"] == SITE and vc["issuer"]["name"]
    assert vc["validFrom"].endswith("Z")
    subject = vc["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["achievement"]["name"] == "Module three-systems"
    assert "4 CPD hours" in subject["achievement"]["criteria"]["narrative"]
    identity = subject["identifier"][0]
    assert identity["hashed"] is True and identity["identityHash"].startswith("sha256$")
    assert "trainee@test.example" not in json.dumps(vc)  # the email is only ever hashed


def _tamper(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["name"] = "Advanced diploma"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return ".".join([header, forged, signature])


def test_a_valid_credential_passes(certificate):
    result = credentials.verify(certificate.credential_jwt)
    assert (result.status, result.certificate) == ("valid", certificate)


def test_a_tampered_credential_fails(certificate):
    assert credentials.verify(_tamper(certificate.credential_jwt)).status == "tampered"


def test_a_revoked_credential_fails(certificate):
    services.revoke(certificate, "Issued in error")
    assert credentials.verify(certificate.credential_jwt).status == "revoked"


def test_a_credential_signed_with_a_key_we_never_published_is_refused(certificate):
    stranger = Ed25519PrivateKey.generate()
    payload = {**credentials.decoded(certificate.credential_jwt), "iss": SITE, "jti": certificate.credential_id, "nbf": 1}
    forged = jwt.encode(payload, stranger, algorithm="EdDSA", headers={"kid": "https://elsewhere.example/#abc"})
    assert credentials.verify(forged).status == "unknown_key"


@pytest.mark.parametrize(("text", "status"), [
    ("not a credential", "malformed"),
    ('{"type": ["VerifiableCredential"]}', "readable_copy"),
    ("x" * (credentials.MAX_PASTED_CHARS + 1), "too_large"),
])
def test_anything_else_is_explained(db, text, status):
    assert credentials.verify(text).status == status


def test_the_verification_page_checks_a_pasted_credential(certificate, client):
    page = client.post(reverse("certificates:verify"), {"credential": certificate.credential_jwt})
    text = page.content.decode()
    assert page.status_code == 200 and "Valid: we issued this credential" in text and "Tara Trainee" in text
    text = client.post(reverse("certificates:verify"), {"credential": _tamper(certificate.credential_jwt)}).content.decode()
    assert "has been changed since it was signed" in text and "Tara Trainee" not in text
    services.revoke(certificate, "Issued in error")
    text = client.post(reverse("certificates:verify"), {"credential": certificate.credential_jwt}).content.decode()
    assert "Revoked: this certificate was withdrawn" in text and "Issued in error" in text


def test_the_verification_page_shows_a_certificate_by_its_id(certificate, client):
    text = client.get(reverse("certificates:verify") + f"?id={certificate.uid}").content.decode()
    assert "Valid: we issued this certificate." in text and "Tara Trainee" in text and "Module three-systems" in text
    services.revoke(certificate, "")
    text = client.get(reverse("certificates:verify") + f"?id={certificate.uid}").content.decode()
    assert "Revoked" in text and "no longer valid" in text
    text = client.get(reverse("certificates:verify") + "?id=00000000-0000-0000-0000-000000000000").content.decode()
    assert "We have no certificate with this ID." in text
    assert "We have no certificate with this ID." in client.get(reverse("certificates:verify") + "?id=nonsense").content.decode()


def test_the_verification_form_is_csrf_protected_and_size_limited(certificate):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("certificates:verify"), {"credential": certificate.credential_jwt}).status_code == 403
    page = Client().post(reverse("certificates:verify"), {"credential": "x" * (credentials.MAX_PASTED_CHARS + 1)})
    assert page.status_code == 400 and "longer than any credential we issue" in page.content.decode()


def test_the_local_key_is_made_once_and_kept_private(settings, tmp_path):
    first = keys.signing_key()
    key_file = tmp_path / keys.LOCAL_KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert keys.signing_key().thumbprint == first.thumbprint


def test_a_configured_key_is_used_and_production_refuses_to_run_without_one(settings):
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    settings.TEND_BADGE_SIGNING_KEY = pem
    assert keys.signing_key().thumbprint == keys.thumbprint(serialization.load_pem_private_key(pem.encode(), None).public_key())
    settings.TEND_BADGE_SIGNING_KEY = ""
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        keys.signing_key()
