from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "tend.letters"
    label = "letters"
