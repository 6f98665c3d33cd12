from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "plus1.demo"
    label = "demo"
    verbose_name = "Demo"
