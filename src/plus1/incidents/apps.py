from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "plus1.incidents"
    label = "incidents"
    verbose_name = "Incidentenregister agressie en geweld (Veilige Publieke Taak)"
