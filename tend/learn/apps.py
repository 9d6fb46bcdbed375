from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "tend.learn"
    label = "learn"
