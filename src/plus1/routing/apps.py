from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "plus1.routing"
    label = "routing"
    verbose_name = "Zoekvragen (Waar kan ik terecht?)"
