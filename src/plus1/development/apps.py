from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "plus1.development"
    label = "development"
    verbose_name = "Medewerkers: competenties, ontwikkeling en betrokkenheid"
