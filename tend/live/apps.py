from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "tend.live"
    verbose_name = "Live sessions"
