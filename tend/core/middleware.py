"""Request-wide rules: session limits, per-person time zone and language, required MFA, no caching."""

import zoneinfo
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import resolve, Resolver404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

SIGNED_IN_AT = "tend_signed_in_at"


class SessionTimeoutMiddleware:
    """Ends a session a fixed time after sign-in, however active it is (the idle limit is
    SESSION_COOKIE_AGE, refreshed on every request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(SIGNED_IN_AT)
            if started is None:
                request.session[SIGNED_IN_AT] = timezone.now().isoformat()
            elif timezone.now() - datetime.fromisoformat(started) > settings.TEND_SESSION_ABSOLUTE:
                logout(request)
                messages.info(request, _("For your privacy you were signed out. Please sign in again."))
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class UserPreferencesMiddleware:
    """Shows dates and times in the person's own time zone, and pages in their language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
            if user.language in dict(settings.LANGUAGES):
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        else:
            timezone.deactivate()
        return self.get_response(request)


# Pages a person who must set up MFA can still reach: MFA set-up itself and signing out.
MFA_SETUP_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "healthz",
}


def mfa_required_for(user) -> bool:
    return user.is_authenticated and user.role in settings.TEND_MFA_REQUIRED_ROLES


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMfaMiddleware:
    """Supervisors, trainers and admins (configurable) must set up TOTP before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if mfa_required_for(user) and not request.path.startswith(settings.STATIC_URL):
            try:
                name = resolve(request.path_info).view_name  # namespaced, so "x:mfa_index" never matches
            except Resolver404:
                name = None
            if name not in MFA_SETUP_URL_NAMES and not has_mfa(user):
                messages.warning(
                    request,
                    _("Your role can see other people's shared work, so Tend needs two-factor "
                      "authentication on your account first. It takes about two minutes."),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages for a signed-in person may hold private writing: browsers and proxies must not keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store"
        return response
