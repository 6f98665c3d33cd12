from django.apps import AppConfig


class ConnectorsConfig(AppConfig):
    name = "plus1.connectors"
    label = "connectors"
    verbose_name = "Koppelingen"
