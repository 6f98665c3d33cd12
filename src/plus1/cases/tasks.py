"""Background work of case handling, run by ``plus1 worker`` (django-tasks).

``send_deadline_reminders`` runs every working day (PLUS1_SCHEDULE in the settings): each
case handler gets one e-mail with their zaken whose legal end date is within 5 working days
or has passed. The mail names case numbers and zaaktypen only, no resident's data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import ngettext
from django_tasks import task

from plus1.accounts.constants import EMPLOYEE_ROLES
from plus1.accounts.models import Membership
from plus1.audit.models import AuditEntry, Channel
from plus1.audit.services import Actor, processing_scope, record_change
from plus1.catalog.processing import ActivityCode
from plus1.core import clock, tracing
from plus1.tenants.models import Organisation

from . import deadlines
from .models import Zaak
from .processing import Purpose, log_zaak_reads

REMINDER_WORKING_DAYS = 5
REMINDER_ACTION = "send_deadline_reminders"
REMINDER_PURPOSE = Purpose(
    Actor.system("herinneringen"), Channel.TASK, ActivityCode.REMINDERS, REMINDER_ACTION
)


def zaken_to_remind(*, tenant: Organisation, today: datetime.date):
    """Open, assigned, not suspended zaken of ``tenant`` due within 5 working days or overdue."""
    horizon = deadlines.add_working_days(today, REMINDER_WORKING_DAYS)
    employees = Membership.objects.for_tenant(tenant).filter(role__in=EMPLOYEE_ROLES).values("user_id")
    return (
        Zaak.objects.for_tenant(tenant)
        .filter(
            ended_on__isnull=True,
            suspended_on__isnull=True,
            planned_end_on__lte=horizon,
            assignee__isnull=False,
            assignee__is_active=True,
            # Someone who no longer works for this gemeente gets no mail about its zaken.
            assignee_id__in=employees,
        )
        .exclude(assignee__email="")
        .select_related("zaaktype", "assignee")
        .order_by("planned_end_on", "identificatie")
    )


@task()
def send_deadline_reminders(for_day: str | None = None) -> int:
    """E-mail every case handler the list of their zaken that are (nearly) due; returns mails sent.

    Runs once per gemeente per day: a second run for the same day (a retry, a second worker)
    sends nothing, because the first run left an audit row.
    """
    today = datetime.date.fromisoformat(for_day) if for_day else clock.today()
    sent = 0
    # A task starts its own trace; its reads are logged when it ends, also when it fails.
    with tracing.span(name=REMINDER_ACTION, new_trace=True), processing_scope():
        for tenant in Organisation.objects.gemeenten().filter(
            pk__in=Zaak.objects.filter(ended_on__isnull=True, assignee__isnull=False).values("tenant_id")
        ):
            sent += _remind_for_tenant(tenant=tenant, today=today)
    return sent


@transaction.atomic
def _remind_for_tenant(*, tenant: Organisation, today: datetime.date) -> int:
    tenant = Organisation.objects.select_for_update().get(pk=tenant.pk)
    if AuditEntry.objects.for_tenant(tenant).filter(action=REMINDER_ACTION, note=today.isoformat()).exists():
        return 0
    per_assignee: dict[int, list[Zaak]] = defaultdict(list)
    zaken_due = list(zaken_to_remind(tenant=tenant, today=today))
    log_zaak_reads(zaken_due, REMINDER_PURPOSE)
    for zaak in zaken_due:
        zaak.working_days_left = deadlines.working_days_left(today=today, end=zaak.planned_end_on)
        zaak.days_late = max(0, -zaak.working_days_left)
        per_assignee[zaak.assignee_id].append(zaak)
    messages = []
    for zaken in per_assignee.values():
        assignee = zaken[0].assignee
        overdue = [zaak for zaak in zaken if zaak.working_days_left < 0]
        body = render_to_string(
            "cases/email/deadline_reminder.txt",
            {
                "assignee": assignee,
                "gemeente": tenant,
                "overdue": overdue,
                "due_soon": [zaak for zaak in zaken if zaak.working_days_left >= 0],
            },
        )
        subject = ngettext(
            "%(count)s zaak vraagt uw aandacht", "%(count)s zaken vragen uw aandacht", len(zaken)
        ) % {"count": len(zaken)}
        messages.append((subject, body, assignee.email))
    record_change(
        tenant=tenant,
        actor=Actor.system("herinneringen"),
        action=REMINDER_ACTION,
        obj=tenant,
        after={"mails": len(messages)},
        note=today.isoformat(),
    )
    # Sent inside the transaction: when the mail server fails, the day is not marked as done
    # and a retry sends the reminders again.
    for subject, body, to in messages:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[to])
    return len(messages)
