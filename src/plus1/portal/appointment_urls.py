"""Included without a namespace of its own: the names join the including app's namespace (issue 21).

Booking a counter appointment (``afspraak/`` and its steps), the manage link from the e-mail
(``afspraak/<token>/``, no log-in) and the same pages from Mijn zaken (``mijn-afspraken/<uuid>/``,
DigiD). The fixed step paths come before ``<str:token>``.
"""

from django.urls import path

from . import appointment_manage_views, appointment_views

urlpatterns = [
    path("afspraak/", appointment_views.start, name="appointment-start"),
    path("afspraak/locatie/", appointment_views.location, name="appointment-location"),
    path("afspraak/tijd/", appointment_views.time, name="appointment-time"),
    path("afspraak/gegevens/", appointment_views.details, name="appointment-details"),
    path("afspraak/bevestigen/", appointment_views.confirm, name="appointment-confirm"),
    path("afspraak/<str:token>/", appointment_manage_views.manage, name="appointment-manage"),
    path("afspraak/<str:token>/verzetten/", appointment_manage_views.move, name="appointment-move"),
    path("afspraak/<str:token>/afzeggen/", appointment_manage_views.cancel, name="appointment-cancel"),
    path("afspraak/<str:token>/afspraak.ics", appointment_manage_views.ics, name="appointment-ics"),
    path("mijn-afspraken/<uuid:appointment_uuid>/", appointment_manage_views.manage, name="my-appointment"),
    path(
        "mijn-afspraken/<uuid:appointment_uuid>/verzetten/",
        appointment_manage_views.move,
        name="my-appointment-move",
    ),
    path(
        "mijn-afspraken/<uuid:appointment_uuid>/afzeggen/",
        appointment_manage_views.cancel,
        name="my-appointment-cancel",
    ),
    path(
        "mijn-afspraken/<uuid:appointment_uuid>/afspraak.ics",
        appointment_manage_views.ics,
        name="my-appointment-ics",
    ),
]
