from django.db import models
from django.utils.translation import gettext_lazy as _


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("gepland")
    CANCELLED = "cancelled", _("geannuleerd")
    ATTENDED = "attended", _("verschenen")
    NO_SHOW = "no_show", _("niet verschenen")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


# The grid free times are offered on: every quarter of an hour from opening time.
SLOT_STEP_MINUTES = 15
