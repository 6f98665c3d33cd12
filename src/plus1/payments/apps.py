from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "plus1.payments"
    label = "payments"
    verbose_name = "Betalingen (leges)"
