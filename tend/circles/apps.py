from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "tend.circles"
    label = "circles"
    verbose_name = "Three circles"
