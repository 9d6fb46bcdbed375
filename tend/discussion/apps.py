from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "tend.discussion"
    verbose_name = "Discussion"
