from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "plus1.catalog"
    label = "catalog"
    verbose_name = "Catalogus"
