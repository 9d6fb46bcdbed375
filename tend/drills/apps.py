from django.apps import AppConfig


class DrillsConfig(AppConfig):
    name = "tend.drills"
    label = "drills"
