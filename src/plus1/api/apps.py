from django.apps import AppConfig


class ZgwApiConfig(AppConfig):
    """Installed only so Django finds the ``zgw_openapi`` management command; no models."""

    name = "plus1.api"
    label = "zgw_api"
    verbose_name = "ZGW API's"
