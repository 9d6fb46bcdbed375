from django.apps import AppConfig


class CoachingConfig(AppConfig):
    """The web side of the feedback engine: the panel shown beside drill replies and letters."""

    name = "tend.coaching"
    label = "coaching"
