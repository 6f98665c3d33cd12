from django.apps import AppConfig


class ConnectorsConfig(AppConfig):
    name = "plus1.connectors"
    label = "connectors"
    verbose_name = "Koppelingen"

    def ready(self) -> None:
        # Registers the deploy checks (plus1 check --deploy).
        from . import checks  # noqa: F401
