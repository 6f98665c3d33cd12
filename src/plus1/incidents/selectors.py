"""Reads of the incident register. The ones that show a person log the read (special personal data)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from .constants import Category, Consequence
from .models import Incident, IncidentDraft, IncidentTask, Measure
from .services.log import log_incident_reads


@dataclass(frozen=True)
class IncidentFilters:
    status: str = ""
    category: str = ""
    channel: str = ""
    team_id: int | None = None
    occurred_from: datetime.date | None = None
    occurred_until: datetime.date | None = None


def incidents_for_coordinator(
    *, tenant: Organisation, filters: IncidentFilters | None = None
) -> QuerySet[Incident]:
    """Every report of ``tenant`` for the coordinator's overview, latest incident first; shows no person."""
    filters = filters or IncidentFilters()
    incidents = Incident.objects.for_tenant(tenant)
    if filters.status:
        incidents = incidents.filter(status=filters.status)
    if filters.channel:
        incidents = incidents.filter(channel=filters.channel)
    if filters.category:
        if connection.vendor == "postgresql":
            incidents = incidents.filter(categories__contains=[filters.category])
        else:  # SQLite has no JSON containment: match the quoted value in the stored list.
            incidents = incidents.filter(categories__icontains=f'"{filters.category}"')
    if filters.team_id:
        incidents = incidents.filter(team_id=filters.team_id)
    # Whole local days as a range on the column itself, so the (tenant, occurred_at) index serves it.
    if filters.occurred_from:
        incidents = incidents.filter(occurred_at__gte=_start_of(filters.occurred_from))
    if filters.occurred_until:
        incidents = incidents.filter(
            occurred_at__lt=_start_of(filters.occurred_until + datetime.timedelta(days=1))
        )
    return incidents.select_related("team").order_by("-occurred_at", "-pk")


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def incidents_of_employee(*, tenant: Organisation, user: AbstractBaseUser) -> QuerySet[Incident]:
    """The reports ``user`` made or that are about them (Mijn meldingen), newest first."""
    return (
        Incident.objects.for_tenant(tenant)
        .filter(Q(reported_by=user) | Q(employee=user))
        .order_by("-created_at", "-pk")
    )


def get_incident(*, tenant: Organisation, incident_uuid, actor: Actor, operation: str = "") -> Incident:
    """One report of ``tenant`` with its people; the read is logged. Raises Incident.DoesNotExist."""
    incident = (
        Incident.objects.for_tenant(tenant)
        .select_related("tenant", "team", "zaak", "reported_by", "employee")
        .get(uuid=incident_uuid)
    )
    log_incident_reads([incident], actor=actor, operation=operation)
    return incident


def tasks_of(incident: Incident) -> list[IncidentTask]:
    return list(incident.tasks.select_related("done_by").order_by("due_at", "pk"))


def measures_of(incident: Incident) -> list[Measure]:
    return list(incident.measures.order_by("-starts_on", "-pk"))


def draft_of(*, tenant: Organisation, user: AbstractBaseUser) -> IncidentDraft | None:
    return IncidentDraft.objects.filter(tenant=tenant, user=user).first()


def with_open_tasks(incidents: list[Incident], *, now: datetime.datetime) -> list[Incident]:
    """Give each report of a page ``open_tasks`` and ``is_overdue``: one query for the page."""
    by_incident: dict[int, list[IncidentTask]] = {incident.pk: [] for incident in incidents}
    for task in IncidentTask.objects.filter(incident_id__in=list(by_incident), done_at__isnull=True).order_by(
        "due_at"
    ):
        by_incident[task.incident_id].append(task)
    for incident in incidents:
        incident.open_tasks = by_incident[incident.pk]
        incident.is_overdue = any(task.due_at < now for task in incident.open_tasks)
    return incidents


def with_labels(incidents: list[Incident]) -> list[Incident]:
    """Give each report ``category_labels`` and ``consequence_labels``: the Dutch words of its lists."""
    categories, consequences = dict(Category.choices), dict(Consequence.choices)
    for incident in incidents:
        incident.category_labels = [str(categories.get(value, value)) for value in incident.categories]
        incident.consequence_labels = [str(consequences.get(value, value)) for value in incident.consequences]
    return incidents
