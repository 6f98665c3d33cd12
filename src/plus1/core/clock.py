"""One place to ask for the current time, so tests can move it with time-machine."""

import datetime

from django.utils import timezone


def now() -> datetime.datetime:
    return timezone.now()


def today() -> datetime.date:
    """Today's date in the Netherlands (not UTC): legal deadlines count in local days."""
    return timezone.localdate()
