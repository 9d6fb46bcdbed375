from django.apps import AppConfig


class BreathingConfig(AppConfig):
    name = "tend.breathing"
    label = "breathing"
    verbose_name = "Soothing rhythm breathing"
