from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "tend.exercises"
    verbose_name = "Group exercises"
