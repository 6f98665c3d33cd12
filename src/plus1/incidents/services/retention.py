"""Retention: a closed report is removed when the organisation's retention period has passed.

Issue 20: reports are kept five years after closing (``IncidentSettings.retention_years`` per
organisation), then the nightly worker removes them with their tasks, letters and measures.
The audit trail and the processing log say that, and which number, never what it held.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Actor
from plus1.core import clock
from plus1.tenants.models import Organisation

from ..constants import DEFAULT_RETENTION_YEARS, IncidentStatus
from ..models import Incident, IncidentSettings, IncidentTask
from .log import record_incident_change

RETENTION_ACTOR = Actor.system("bewaartermijn incidenten")


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    """The same moment ``years`` earlier (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def expired_incidents(*, tenant: Organisation, now: datetime.datetime):
    """The closed reports of ``tenant`` whose retention period has passed."""
    years = (
        IncidentSettings.objects.filter(tenant=tenant).values_list("retention_years", flat=True).first()
        or DEFAULT_RETENTION_YEARS
    )
    return Incident.objects.for_tenant(tenant).filter(
        status=IncidentStatus.CLOSED, closed_at__lt=years_before(now, years)
    )


def purge_closed_incidents(*, now: datetime.datetime | None = None) -> int:
    """Remove every expired closed report of every organisation; returns how many."""
    now = now or clock.now()
    removed = 0
    tenant_ids = (
        Incident.objects.filter(status=IncidentStatus.CLOSED).values_list("tenant_id", flat=True).distinct()
    )
    for tenant in Organisation.objects.filter(pk__in=list(tenant_ids)).order_by("pk"):
        removed += _purge_tenant(tenant=tenant, now=now)
    return removed


@transaction.atomic
def _purge_tenant(*, tenant: Organisation, now: datetime.datetime) -> int:
    incidents = list(expired_incidents(tenant=tenant, now=now).select_for_update())
    letters = list(
        IncidentTask.objects.filter(incident__in=incidents)
        .exclude(letter="")
        .values_list("letter", flat=True)
    )
    for incident in incidents:
        record_incident_change(
            tenant=tenant,
            actor=RETENTION_ACTOR,
            action="purge_incident",
            incident=incident,
            before={"number": incident.number, "closed_at": incident.closed_at.isoformat()},
            processing_action=ProcessingAction.DELETE,
        )
        incident.delete()
    if letters:
        storage = IncidentTask._meta.get_field("letter").storage

        def delete_files() -> None:
            for name in letters:
                storage.delete(name)

        transaction.on_commit(delete_files)
    return len(incidents)
