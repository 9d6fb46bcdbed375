"""A per-client limit on the public verification page, so it cannot be used to probe certificate
IDs or pasted tokens at speed. A fixed one-minute window counted in Django's cache (Redis in
production, so every worker shares the count; local memory otherwise).

TEND_CERTIFICATE_VERIFY_PER_MINUTE (a setting; default 30) is how many checks one client may make
a minute. The client is identified by IP the same way allauth's sign-in limit identifies it, so
ALLAUTH_TRUSTED_PROXY_COUNT / ALLAUTH_TRUSTED_CLIENT_IP_HEADER apply here too."""

import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

WINDOW_SECONDS = 60
DEFAULT_PER_MINUTE = 30


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the window resets (only when refused)


def per_minute() -> int:
    return int(getattr(settings, "TEND_CERTIFICATE_VERIFY_PER_MINUTE", DEFAULT_PER_MINUTE))


def _client_ip(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all: such clients share one allowance
        return "unknown"


def _now() -> float:
    return time.time()


def consume(request, now: float | None = None) -> Verdict:
    """Counts one check for this client; refuses once the minute's allowance is spent."""
    now = _now() if now is None else now
    window = int(now // WINDOW_SECONDS)
    key = f"certificates:verify:{_client_ip(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: start the count again
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        count = 1
    if count <= per_minute():
        return Verdict(True)
    return Verdict(False, retry_after=max(1, (window + 1) * WINDOW_SECONDS - int(now)))
