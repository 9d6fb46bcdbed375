from allauth.account.adapter import DefaultAccountAdapter


class TendAccountAdapter(DefaultAccountAdapter):
    """Tend is an organisation's platform: people join through a cohort invitation
    (tend.cohorts.views.accept_invitation), never through open registration."""

    def is_open_for_signup(self, request) -> bool:
        return False
