from django.apps import AppConfig


class TimersConfig(AppConfig):
    name = "tend.timers"
    label = "timers"
