from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "plus1.residents"
    label = "residents"
    verbose_name = "Inwoners: contactvoorkeuren"
