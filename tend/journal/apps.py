from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "tend.journal"
    label = "journal"
