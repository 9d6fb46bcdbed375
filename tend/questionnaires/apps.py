from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "tend.questionnaires"
    verbose_name = "Measures"
