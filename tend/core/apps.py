from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tend.core"
    label = "core"

    def ready(self) -> None:
        from tend.core import checks  # noqa: F401  (registers the deploy checks)
