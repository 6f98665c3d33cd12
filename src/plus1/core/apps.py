from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plus1.core"
    label = "core"
    verbose_name = "Kern"
