"""Background work of the incident register, run by ``plus1 worker`` (PLUS1_SCHEDULE).

``remind_incident_tasks`` mails the coordinators of an organisation about VPT tasks that are
past or near their deadline, once per task (``reminded_at``); the mail names numbers and
tasks only, never a person. ``purge_closed_incidents`` removes closed reports after the
organisation's retention period.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import ngettext
from django_tasks import task

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership
from plus1.audit.services import Actor, record_change
from plus1.core import clock, tracing
from plus1.tenants.models import Organisation

from . import services
from .constants import IncidentStatus
from .models import IncidentTask

REMIND_ACTION = "remind_incident_tasks"
# Remind of a task due within this time: a daily run then warns before the 24 and 48 hours pass.
REMIND_AHEAD = datetime.timedelta(hours=24)
REMINDER_ACTOR = Actor.system("herinneringen incidenten")


def tasks_to_remind(*, now: datetime.datetime):
    """Open tasks of open reports, past or within ``REMIND_AHEAD`` of their deadline, not yet reminded."""
    return (
        IncidentTask.objects.filter(
            done_at__isnull=True, reminded_at__isnull=True, due_at__lte=now + REMIND_AHEAD
        )
        .exclude(incident__status=IncidentStatus.CLOSED)
        .select_related("incident", "incident__tenant")
        .order_by("due_at", "pk")
    )


@task()
def remind_incident_tasks(for_day: str | None = None) -> int:
    """Mail every coordinator their organisation's (nearly) overdue VPT tasks; returns mails sent."""
    now = clock.now()
    sent = 0
    with tracing.span(name=REMIND_ACTION, new_trace=True):
        per_tenant: dict[int, list[int]] = defaultdict(list)
        for task_id, tenant_id in tasks_to_remind(now=now).values_list("pk", "incident__tenant_id"):
            per_tenant[tenant_id].append(task_id)
        for tenant in Organisation.objects.filter(pk__in=list(per_tenant)).order_by("pk"):
            sent += _remind_tenant(tenant=tenant, task_ids=per_tenant[tenant.pk], now=now)
    return sent


@transaction.atomic
def _remind_tenant(*, tenant: Organisation, task_ids: list[int], now: datetime.datetime) -> int:
    # Locked and filtered again: a second worker running at the same time reminds nothing twice.
    due = list(
        tasks_to_remind(now=now)
        .filter(pk__in=task_ids, incident__tenant=tenant)
        .select_for_update(of=("self",))
    )
    if not due:
        return 0
    coordinators = list(
        Membership.objects.for_tenant(tenant)
        .filter(role=Role.AGRESSIECOORDINATOR, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )
    IncidentTask.objects.filter(pk__in=[t.pk for t in due]).update(reminded_at=now)
    record_change(
        tenant=tenant,
        actor=REMINDER_ACTOR,
        action=REMIND_ACTION,
        obj=tenant,
        after={"tasks": len(due), "mails": len(coordinators)},
    )
    if not coordinators:
        return 0
    body = render_to_string(
        "incidents/email/task_reminder.txt",
        {
            "organisation": tenant,
            "overdue": [t for t in due if t.due_at <= now],
            "due_soon": [t for t in due if t.due_at > now],
            "list_url": settings.PLUS1_BASE_URL.rstrip("/") + reverse("backoffice:incident-list"),
        },
    )
    subject = ngettext(
        "%(count)s taak bij agressiemeldingen vraagt uw aandacht",
        "%(count)s taken bij agressiemeldingen vragen uw aandacht",
        len(due),
    ) % {"count": len(due)}
    # Inside the transaction: when the mail server fails, nothing is marked as reminded.
    send_mail(subject=subject, message=body, from_email=None, recipient_list=coordinators)
    return len(coordinators)


@task()
def purge_closed_incidents(for_day: str | None = None) -> int:
    """Remove closed reports past the organisation's retention period; returns how many."""
    with tracing.span(name="purge_closed_incidents", new_trace=True):
        return services.purge_closed_incidents(now=clock.now())
