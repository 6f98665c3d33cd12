from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "plus1.backoffice"
    verbose_name = "Backoffice"

    def ready(self):
        from django.conf import settings

        if settings.PLUS1_OIDC_ENABLED:
            from . import oidc  # noqa: F401 - connects the log-in signal
