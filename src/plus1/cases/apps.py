from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "plus1.cases"
    label = "cases"
    verbose_name = "Zaken"
