from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "tend.certificates"
    verbose_name = "Certificates"
