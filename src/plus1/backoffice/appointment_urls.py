"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/afspraken/: the day's agenda per location and counter (issue 21).
"""

from django.urls import path

from . import appointment_views

urlpatterns: list = [
    path("", appointment_views.agenda_view, name="appointment-agenda"),
]
