from django.apps import AppConfig


class CpdConfig(AppConfig):
    name = "tend.cpd"
    verbose_name = "CPD"
