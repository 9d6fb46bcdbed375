from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tend.notifications"
    verbose_name = "Notifications"
