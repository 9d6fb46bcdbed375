from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "tend.cohorts"
    label = "cohorts"
