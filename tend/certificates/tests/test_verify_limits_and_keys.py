"""The public verification page's per-client limit, the JWK Set's headers for outside verifiers,
and key rotation: retired keys stay published so credentials signed before a rotation verify."""

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from tend.certificates import credentials, keys, ratelimit, services
from tend.certificates.models import Certificate

from .conftest import complete, make_module

SITE = "http://testserver/"
VERIFY = reverse("certificates:verify")


@pytest.fixture
def certificate(trainee) -> Certificate:
    complete(trainee, make_module("three-systems"))
    return services.issue(trainee, "module:three-systems", site_url=SITE)


@pytest.fixture
def limit_of_three(settings):
    settings.TEND_CERTIFICATE_VERIFY_PER_MINUTE = 3


# --- The verification page's limit ------------------------------------------------------------


def test_look_ups_past_the_limit_get_a_clear_429_that_says_when_to_try_again(
        limit_of_three, certificate, client, monkeypatch):
    monkeypatch.setattr(ratelimit, "_now", lambda: 60 * 1000 + 20.0)  # 20 s into a minute
    for _ in range(3):
        assert client.get(VERIFY, {"id": certificate.uid}).status_code == 200
    refused = client.get(VERIFY, {"id": certificate.uid})
    text = refused.content.decode()
    assert refused.status_code == 429 and refused["Retry-After"] == "40"
    assert "You can check again in 40 seconds." in text and "<h1>Please wait a moment" in text
    assert "Tara Trainee" not in text  # nothing about the certificate while refused


def test_pasted_credentials_count_too_and_the_empty_form_stays_open(limit_of_three, certificate, client):
    for _ in range(2):
        assert client.post(VERIFY, {"credential": certificate.credential_jwt}).status_code == 200
    assert client.get(VERIFY, {"id": certificate.uid}).status_code == 200
    assert client.post(VERIFY, {"credential": certificate.credential_jwt}).status_code == 429
    assert client.get(VERIFY).status_code == 200  # reading the page checks nothing: not counted


def test_each_client_ip_has_its_own_allowance(limit_of_three, certificate):
    busy, other = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(3):
        busy.get(VERIFY, {"id": certificate.uid})
    assert busy.get(VERIFY, {"id": certificate.uid}).status_code == 429
    assert other.get(VERIFY, {"id": certificate.uid}).status_code == 200


def test_the_allowance_returns_with_the_next_minute(limit_of_three, db):
    request = RequestFactory().get(VERIFY, REMOTE_ADDR="198.51.100.1")
    start = 60 * 5000.0
    assert all(ratelimit.consume(request, now=start + i).allowed for i in range(3))
    refused = ratelimit.consume(request, now=start + 59)
    assert (refused.allowed, refused.retry_after) == (False, 1)
    assert ratelimit.consume(request, now=start + 60).allowed


# --- The JWK Set ------------------------------------------------------------------------------


def test_the_key_set_may_be_fetched_from_any_origin_and_cached(db):
    response = Client().get(reverse("certificates:jwks"), HTTP_ORIGIN="https://wallet.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=3600"} <= cache_control and "no-store" not in cache_control


# --- Key rotation -----------------------------------------------------------------------------


def _private_pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def _public_pem(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def _thumb(token: str) -> str:
    return jwt.get_unverified_header(token)["kid"].rsplit("#", 1)[1]


def _published() -> dict[str, dict]:
    return {k["kid"]: k for k in Client().get(reverse("certificates:jwks")).json()["keys"]}


def test_after_a_rotation_old_credentials_verify_and_new_ones_use_the_new_key(settings, trainee):
    key_a, key_b = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    complete(trainee, make_module("one", 1))
    complete(trainee, make_module("two", 2))
    settings.TEND_BADGE_SIGNING_KEY = _private_pem(key_a)
    old = services.issue(trainee, "module:one", site_url=SITE)

    settings.TEND_BADGE_SIGNING_KEY = _private_pem(key_b)
    settings.TEND_BADGE_RETIRED_PUBLIC_KEYS = [_public_pem(key_a)]
    new = services.issue(trainee, "module:two", site_url=SITE)

    assert _thumb(old.credential_jwt) == keys.thumbprint(key_a.public_key())
    assert _thumb(new.credential_jwt) == keys.thumbprint(key_b.public_key())
    assert credentials.verify(old.credential_jwt).status == "valid"
    assert credentials.verify(new.credential_jwt).status == "valid"
    # An outside verifier finds both keys, each under its own kid, in the published set.
    published = _published()
    for token in (old.credential_jwt, new.credential_jwt):
        kid = jwt.get_unverified_header(token)["kid"]
        assert jwt.decode(token, jwt.PyJWK(published[kid]).key, algorithms=["EdDSA"])["jti"]
    assert len(published) == 2


def test_without_retiring_it_the_old_key_answers_unknown(settings, trainee):
    key_a = Ed25519PrivateKey.generate()
    complete(trainee, make_module("one", 1))
    settings.TEND_BADGE_SIGNING_KEY = _private_pem(key_a)
    old = services.issue(trainee, "module:one", site_url=SITE)
    settings.TEND_BADGE_SIGNING_KEY = _private_pem(Ed25519PrivateKey.generate())
    assert credentials.verify(old.credential_jwt).status == "unknown_key"


def test_a_credential_from_a_key_neither_current_nor_retired_is_refused(settings, certificate):
    settings.TEND_BADGE_RETIRED_PUBLIC_KEYS = [_public_pem(Ed25519PrivateKey.generate())]
    stranger = Ed25519PrivateKey.generate()
    payload = {**credentials.decoded(certificate.credential_jwt), "iss": SITE, "jti": certificate.credential_id,
               "nbf": 1}
    kid = credentials.kid_for(SITE, keys.thumbprint(stranger.public_key()))  # our URL, their key
    forged = jwt.encode(payload, stranger, algorithm="EdDSA", headers={"kid": kid})
    assert credentials.verify(forged).status == "unknown_key"
    assert credentials.verify(certificate.credential_jwt).status == "valid"


def test_retired_keys_may_come_as_one_string_of_pem_blocks(settings):
    a, b = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    settings.TEND_BADGE_RETIRED_PUBLIC_KEYS = _public_pem(a) + _public_pem(b)
    thumbs = {keys.thumbprint(k.public_key()) for k in (a, b)}
    assert thumbs <= set(keys.published_keys())


@pytest.mark.parametrize("bad", [
    ["not a key"],
    "nothing that looks like PEM",
])
def test_a_retired_key_that_is_not_an_ed25519_public_key_is_a_configuration_error(settings, bad):
    settings.TEND_BADGE_RETIRED_PUBLIC_KEYS = bad
    with pytest.raises(ImproperlyConfigured):
        keys.published_keys()


def test_a_private_key_in_the_retired_list_is_refused(settings):
    settings.TEND_BADGE_RETIRED_PUBLIC_KEYS = [_private_pem(Ed25519PrivateKey.generate())]
    with pytest.raises(ImproperlyConfigured):
        keys.published_keys()
