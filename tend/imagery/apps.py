from django.apps import AppConfig


class ImageryConfig(AppConfig):
    name = "tend.imagery"
    label = "imagery"
    verbose_name = "Guided compassionate imagery"
