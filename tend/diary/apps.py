from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "tend.diary"
    label = "diary"
