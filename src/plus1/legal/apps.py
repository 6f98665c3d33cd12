from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "plus1.legal"
    label = "legal"
    verbose_name = "Verklaringen en colofon"
