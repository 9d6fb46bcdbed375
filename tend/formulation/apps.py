from django.apps import AppConfig


class FormulationConfig(AppConfig):
    name = "tend.formulation"
    label = "formulation"
