from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "plus1.portal"
    label = "portal"
    verbose_name = "Portaal"
