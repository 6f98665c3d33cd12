from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "plus1.accounts"
    label = "accounts"
    verbose_name = "Medewerkers"
