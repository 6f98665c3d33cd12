from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "plus1.payments"
    label = "payments"
    verbose_name = "Betalingen (leges)"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers plus1.E004)
