import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records


class TendAccountAdapter(DefaultAccountAdapter):
    """Tend is an organisation's platform: people join through a cohort invitation
    (tend.cohorts.views.accept_invitation), never through open registration."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # Someone who typed their password moments ago (for example, signing in and being sent
        # straight to set up two-factor authentication) is not asked for it again.
        request = getattr(self, "request", None)
        if request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            if records and time.time() - records[-1]["at"] < app_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)
