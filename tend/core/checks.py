"""Deploy checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache_in_production(app_configs, **kwargs):
    if settings.PRODUCTION and not settings.REDIS_URL:
        return [
            Warning(
                "REDIS_URL is not set: the cache and sign-in rate limits are per process.",
                hint="With several app servers or workers, set REDIS_URL so rate limits are shared.",
                id="tend.W001",
            )
        ]
    return []
