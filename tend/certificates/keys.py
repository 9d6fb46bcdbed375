"""The Ed25519 key that signs credentials, and its public half published as a JWK Set.

TEND_BADGE_SIGNING_KEY holds a PEM private key (a setting, or the environment variable of that
name). Locally, without one, a key is generated once into VAR_DIR, as settings does for the local
encryption keys. Under TEND_ENV=production a missing key is an error, never a silent new key:
every credential already issued would stop verifying.

TEND_BADGE_RETIRED_PUBLIC_KEYS lists the public halves (PEM) of keys that signed credentials in
the past. They never sign again, but stay published in the JWK Set under their own kid, so a
credential issued before a key rotation still verifies.
"""

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

LOCAL_KEY_FILE = "local-badge-signing-key.pem"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    thumbprint: str  # RFC 7638 JWK thumbprint: the key's stable name, used in every kid

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()


def public_jwk(public: Ed25519PublicKey, kid: str) -> dict:
    """The public key as a JWK (never the private part)."""
    return {"kty": "OKP", "crv": "Ed25519", "x": public_x(public), "kid": kid, "alg": "EdDSA", "use": "sig"}


def public_x(public: Ed25519PublicKey) -> str:
    return _b64url(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def thumbprint(public: Ed25519PublicKey) -> str:
    canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": public_x(public)}, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode()).digest())


def _configured_pem() -> str:
    return getattr(settings, "TEND_BADGE_SIGNING_KEY", "") or os.environ.get("TEND_BADGE_SIGNING_KEY", "")


def _local_pem() -> str:
    key_file = Path(settings.VAR_DIR) / LOCAL_KEY_FILE
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        key_file.write_bytes(pem)
        key_file.chmod(0o600)
    return key_file.read_text()


@lru_cache(maxsize=4)
def _load(pem: str) -> SigningKey:
    private = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(private, Ed25519PrivateKey):
        raise ImproperlyConfigured("TEND_BADGE_SIGNING_KEY must be an Ed25519 private key in PEM form.")
    return SigningKey(private=private, thumbprint=thumbprint(private.public_key()))


def signing_key() -> SigningKey:
    pem = _configured_pem()
    if not pem:
        if getattr(settings, "PRODUCTION", False):
            raise ImproperlyConfigured("TEND_BADGE_SIGNING_KEY is missing: certificates cannot be signed.")
        pem = _local_pem()
    return _load(pem.strip() + "\n")


@lru_cache(maxsize=16)
def _load_public(pem: str) -> Ed25519PublicKey:
    try:
        public = serialization.load_pem_public_key(pem.encode())
    except ValueError as error:
        raise ImproperlyConfigured(
            "Each TEND_BADGE_RETIRED_PUBLIC_KEYS entry must be a public key in PEM form "
            "(-----BEGIN PUBLIC KEY-----).") from error
    if not isinstance(public, Ed25519PublicKey):
        raise ImproperlyConfigured("TEND_BADGE_RETIRED_PUBLIC_KEYS may only hold Ed25519 public keys.")
    return public


PEM_BLOCK = re.compile(r"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


def _retired_pems() -> list[str]:
    """The setting (a list of PEMs), or else the environment variable of that name holding one or
    more PEM blocks one after another. A string setting is read the same way."""
    configured = getattr(settings, "TEND_BADGE_RETIRED_PUBLIC_KEYS", []) or os.environ.get(
        "TEND_BADGE_RETIRED_PUBLIC_KEYS", "")
    if isinstance(configured, str):
        blocks = PEM_BLOCK.findall(configured)
        if configured.strip() and not blocks:
            raise ImproperlyConfigured("TEND_BADGE_RETIRED_PUBLIC_KEYS holds no PEM public key.")
        return blocks
    return list(configured)


def retired_keys() -> list[Ed25519PublicKey]:
    pems = _retired_pems()
    return [_load_public(pem.strip() + "\n") for pem in pems if pem.strip()]


def published_keys() -> dict[str, Ed25519PublicKey]:
    """Public keys that credentials may name, by thumbprint: the signing key first, then retired ones."""
    key = signing_key()
    published = {key.thumbprint: key.public}
    for public in retired_keys():
        published.setdefault(thumbprint(public), public)
    return published
