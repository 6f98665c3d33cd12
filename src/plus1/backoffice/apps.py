from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "plus1.backoffice"
    verbose_name = "Backoffice"

    def ready(self):
        # Connects the log-in signal that marks an OpenID Connect session (a no-op without OIDC).
        from . import oidc  # noqa: F401
