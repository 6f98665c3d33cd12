from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plus1.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self) -> None:
        # Registers the deploy checks (plus1 check --deploy).
        from . import checks  # noqa: F401
