from django.apps import AppConfig


class HandoutsConfig(AppConfig):
    name = "tend.handouts"
    label = "handouts"
