"""Incident, task and measure rows written directly, for the tests of the signal, figures and export.

Written as rows (not through the services) so these tests state exactly the dates and values
they count on; the services' own rules have their own tests.
"""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from plus1.accounts.constants import Role
from plus1.accounts.services import add_team_member, create_employee, grant_role, register_totp_device
from plus1.incidents.constants import Channel, TaskKind
from plus1.incidents.models import Incident, IncidentTask, Measure

_numbers = itertools.count(1)
TOTP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test secret


def make_employee(username, *, gemeente, role=Role.BEHANDELAAR, team=None, actor, **names):
    """An employee with a role, a team and an authenticator (as the back office's test fixtures)."""
    user = create_employee(
        username=username, password="een-lang-wachtwoord", email=f"{username}@example.org", **names
    )
    grant_role(tenant=gemeente, user=user, role=role, actor=actor)
    if team is not None:
        add_team_member(team=team, user=user, actor=actor)
    register_totp_device(user=user, key=TOTP_KEY)
    return user


def log_in(client, user):
    """Log ``user`` in as the back office would after password and code."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    return client


def at(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def make_incident(
    *,
    tenant,
    employee,
    occurred_at: datetime.datetime | None = None,
    created_at: datetime.datetime | None = None,
    team=None,
    channel: str = Channel.BALIE,
    categories: list[str] | None = None,
    consequences: list[str] | None = None,
    location: str = "Stadskantoor, balie 3",
    description: str = "Meneer schreeuwde en sloeg met zijn vuist op de balie.",
    zaak=None,
    person_bsn: str = "",
    person_kvk: str = "",
    person_name: str = "",
    person_kind: str = "",
    reported_by=None,
) -> Incident:
    occurred_at = occurred_at or at(2026, 3, 2)
    return Incident.objects.create(
        tenant=tenant,
        number=f"INC-{next(_numbers):05d}",
        occurred_at=occurred_at,
        created_at=created_at or occurred_at + datetime.timedelta(hours=1),
        location=location,
        channel=channel,
        categories=categories if categories is not None else ["verbaal"],
        consequences=consequences if consequences is not None else ["emotioneel"],
        description=description,
        reported_by=reported_by or employee,
        employee=employee,
        team=team,
        zaak=zaak,
        person_kind=person_kind,
        person_bsn=person_bsn,
        person_kvk=person_kvk,
        person_name=person_name,
    )


def make_task(incident: Incident, kind: str, *, done_after_hours: float | None, **fields) -> IncidentTask:
    hours = {TaskKind.AFTERCARE: 24, TaskKind.REACTION: 48}.get(kind, 24 * 14)
    return IncidentTask.objects.create(
        incident=incident,
        kind=kind,
        due_at=incident.created_at + datetime.timedelta(hours=hours),
        done_at=None
        if done_after_hours is None
        else incident.created_at + datetime.timedelta(hours=done_after_hours),
        **fields,
    )


def make_measure(
    incident: Incident,
    *,
    starts_on: datetime.date,
    ends_on: datetime.date,
    person_bsn: str = "",
    person_kvk: str = "",
    kind: str = "afspraak",
    ended_at: datetime.datetime | None = None,
) -> Measure:
    return Measure.objects.create(
        tenant=incident.tenant,
        incident=incident,
        kind=kind,
        person_bsn=person_bsn or incident.person_bsn,
        person_kvk=person_kvk or incident.person_kvk,
        starts_on=starts_on,
        ends_on=ends_on,
        ended_at=ended_at,
        created_at=incident.created_at,
    )
