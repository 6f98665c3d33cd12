"""Background work of counter appointments, run by ``plus1 worker`` (PLUS1_SCHEDULE).

``send_appointment_reminders`` runs at 17:00 on working days and mails every booked
appointment of the coming days up to and including the next working day (on Friday: Saturday,
Sunday and Monday) once: ``reminder_sent_at`` is set under a row lock in the same transaction
that queues the e-mail, so a second worker or a rerun sends nothing twice. Moving an
appointment clears it, so the new time gets its own reminder.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django_tasks import task

from plus1.core import clock, tracing

from . import mail
from .models import Appointment
from .slots import local_zone

REMIND_ACTION = "send_appointment_reminders"


def reminder_window(today: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From tomorrow 00:00 to the end of the next weekday (the worker does not run at weekends)."""
    zone = local_zone()
    next_run = today + datetime.timedelta(days=1)
    while next_run.weekday() >= 5:
        next_run += datetime.timedelta(days=1)
    start = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(next_run + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def appointments_to_remind(today: datetime.date):
    start, end = reminder_window(today)
    return (
        Appointment.objects.booked()
        .filter(reminder_sent_at__isnull=True, start__gte=start, start__lt=end)
        .exclude(email="")
        .order_by("start", "pk")
    )


@task()
def send_appointment_reminders() -> int:
    """Mail each appointment of the coming day(s) its reminder, once; returns the number sent."""
    sent = 0
    with tracing.span(name=REMIND_ACTION, new_trace=True):
        today = clock.today()
        for pk in list(appointments_to_remind(today).values_list("pk", flat=True)):
            sent += remind(pk, today)
    return sent


@transaction.atomic
def remind(pk: int, today: datetime.date) -> int:
    # Locked and filtered again: a second worker waits here and then finds it already reminded.
    appointment = (
        appointments_to_remind(today)
        .select_for_update(of=("self",))
        .select_related("tenant", "location")
        .filter(pk=pk)
        .first()
    )
    if appointment is None:
        return 0
    appointment.reminder_sent_at = clock.now()
    appointment.save(update_fields=["reminder_sent_at"])
    mail.send_after_commit(appointment, mail.REMINDER)
    return 1
