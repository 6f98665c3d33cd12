from django.apps import AppConfig


class ApiClientsConfig(AppConfig):
    name = "plus1.apiclients"
    verbose_name = "API-koppelingen"
    default_auto_field = "django.db.models.BigAutoField"
