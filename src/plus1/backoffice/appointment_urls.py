"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/afspraken/: the day's agenda per location and counter, booking for a
caller, and marking attendance (issue 21).
"""

from django.urls import path

from . import appointment_views

urlpatterns: list = [
    path("", appointment_views.agenda_view, name="appointment-agenda"),
    path("maken/", appointment_views.book_view, name="appointment-book"),
    path(
        "<uuid:appointment_uuid>/aanwezigheid/",
        appointment_views.attendance_view,
        name="appointment-attendance",
    ),
]
