from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "plus1.tenants"
    label = "tenants"
    verbose_name = "Organisaties"
