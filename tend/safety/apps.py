from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "tend.safety"
    label = "safety"
