from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "tend.supervision"
    verbose_name = "Supervision"
