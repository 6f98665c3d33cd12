from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "plus1.appointments"
    label = "appointments"
    verbose_name = "Afspraken aan de balie"
