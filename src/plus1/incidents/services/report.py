"""Reporting an incident: the report itself, its number, its tasks, and the draft on the way.

An employee reports in under a minute from any back-office page; everything that makes a
report wrong is refused here, with a Dutch message naming the field, and nothing is stored.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from plus1.accounts.constants import BACK_OFFICE_ROLES, Role
from plus1.accounts.models import Membership, Team
from plus1.audit.models import ProcessingAction
from plus1.audit.services import Actor
from plus1.cases.models import Rol, Zaak, ZaakShare
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.core import clock
from plus1.tenants.models import Organisation

from ..constants import (
    AFTERCARE_HOURS,
    REACTION_HOURS,
    Category,
    Channel,
    Consequence,
    IncidentStatus,
    PersonKind,
    TaskKind,
)
from ..exceptions import IncidentError, IncidentNotAllowed, VersionConflict
from ..models import Incident, IncidentDraft, IncidentSettings, IncidentTask
from .log import record_incident_change

NUMBER_PREFIX = "VPT"
# Aangifte, schadeverhaal and a maatregel have no VPT deadline of their own: the coordinator
# decides on them within two weeks, so none is forgotten.
FOLLOW_UP_DAYS = 14
TASK_DEADLINES = {
    TaskKind.AFTERCARE: datetime.timedelta(hours=AFTERCARE_HOURS),
    TaskKind.REACTION: datetime.timedelta(hours=REACTION_HOURS),
    TaskKind.REPORT_TO_POLICE: datetime.timedelta(days=FOLLOW_UP_DAYS),
    TaskKind.RECOVER_DAMAGE: datetime.timedelta(days=FOLLOW_UP_DAYS),
    TaskKind.MEASURE: datetime.timedelta(days=FOLLOW_UP_DAYS),
}
# The fields a draft keeps (a draft is what the form held, not yet checked).
DRAFT_FIELDS = (
    "occurred_on",
    "occurred_time",
    "location",
    "channel",
    "categories",
    "consequences",
    "description",
    "witnesses",
    "for_whom",
    "colleague",
    "person",
    "person_description",
    "zaak",
)
DRAFT_MAX_CHARS = 10_000


@dataclass(frozen=True)
class Person:
    """Who the report is about: a betrokkene of the zaak (BSN or KvK number), a description, or nobody."""

    kind: str = PersonKind.NONE
    bsn: str = ""
    kvk_number: str = ""
    description: str = ""

    @classmethod
    def none(cls) -> Person:
        return cls()


@dataclass(frozen=True)
class IncidentData:
    """What the employee tells: when, where, how, what happened, what it did, and who saw it."""

    occurred_at: datetime.datetime
    location: str
    channel: str
    categories: Sequence[str]
    description: str
    consequences: Sequence[str] = ()
    witnesses: Sequence[AbstractBaseUser] = ()
    person: Person = field(default_factory=Person)


# --- who belongs to the organisation -----------------------------------------------------------


def colleague_roles(tenant: Organisation) -> tuple[str, ...]:
    """The roles that make someone a colleague in ``tenant``: back-office staff, or partner staff."""
    return (Role.PARTNER_MEDEWERKER,) if tenant.kind == "partner" else tuple(BACK_OFFICE_ROLES)


def colleagues_of(tenant: Organisation):
    """Everyone who works for ``tenant`` in the back office (witnesses, the colleague reported for)."""
    from django.contrib.auth import get_user_model

    member_ids = (
        Membership.objects.for_tenant(tenant).filter(role__in=colleague_roles(tenant)).values("user_id")
    )
    return (
        get_user_model()
        .objects.filter(pk__in=member_ids, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


def zaak_for_report(*, tenant: Organisation, zaak: Zaak, today: datetime.date | None = None) -> Zaak:
    """Check that an employee of ``tenant`` may name ``zaak``: their gemeente's, or shared with them."""
    if zaak.tenant_id == tenant.pk:
        return zaak
    if tenant.kind == "partner":
        shared = ZaakShare.objects.filter(zaak=zaak, partner=tenant).active_on(today or clock.today())
        if shared.exists():
            return zaak
    raise IncidentError(
        "Deze zaak hoort niet bij uw organisatie. Kies een zaak van uw eigen gemeente.", field="zaak"
    )


def betrokkenen(zaak: Zaak, *, tenant: Organisation | None = None) -> list[Rol]:
    """The zaak's people with a BSN or KvK number, one per identity: who a report can be about.

    A chain partner (``tenant``) knows only what the gemeente shared: the initiator, and only
    when a share in force includes the contact data.
    """
    rollen = zaak.rollen.exclude(bsn="", kvk_number="").order_by("pk")
    if tenant is not None and tenant.pk != zaak.tenant_id:
        shares = ZaakShare.objects.filter(zaak=zaak, partner=tenant, shares_contact_data=True)
        if not shares.active_on(clock.today()).exists():
            return []
        rollen = rollen.filter(roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
    seen: set[tuple[str, str]] = set()
    people = []
    for rol in rollen:
        key = (rol.bsn, rol.kvk_number)
        if key not in seen:
            seen.add(key)
            people.append(rol)
    return people


def _person_fields(person: Person, zaak: Zaak | None, tenant: Organisation) -> dict[str, str]:
    if person.kind == PersonKind.NONE:
        return {"person_kind": PersonKind.NONE}
    if person.kind == PersonKind.DESCRIBED:
        description = person.description.strip()
        if not description:
            raise IncidentError(
                "Beschrijf de persoon, bijvoorbeeld hoe hij of zij eruitzag.", field="person_description"
            )
        return {"person_kind": PersonKind.DESCRIBED, "person_description": description}
    if person.kind not in (PersonKind.RESIDENT, PersonKind.BUSINESS):
        raise IncidentError("Kies wie de betrokken persoon is.", field="person")
    if zaak is None:
        raise IncidentError(
            "Een inwoner of bedrijf kiest u uit een zaak. Meld vanuit de zaak, of beschrijf de persoon.",
            field="person",
        )
    identity = (
        {"bsn": person.bsn} if person.kind == PersonKind.RESIDENT else {"kvk_number": person.kvk_number}
    )
    if not next(iter(identity.values())):
        raise IncidentError("Kies wie de betrokken persoon is.", field="person")
    rol = next(
        (
            rol
            for rol in betrokkenen(zaak, tenant=tenant)
            if all(getattr(rol, k) == v for k, v in identity.items())
        ),
        None,
    )
    if rol is None:
        raise IncidentError(
            "Deze persoon hoort niet bij de gekozen zaak. Kies een betrokkene van de zaak.", field="person"
        )
    return {
        "person_kind": person.kind,
        "person_bsn": rol.bsn if person.kind == PersonKind.RESIDENT else "",
        "person_kvk": rol.kvk_number if person.kind == PersonKind.BUSINESS else "",
        "person_name": rol.name[:200],
    }


def _same_person(person: Person, incident: Incident) -> bool:
    """The person of the change is the one the report already names (from its zaak)."""
    if person.kind != incident.person_kind or person.kind not in (PersonKind.RESIDENT, PersonKind.BUSINESS):
        return False
    if person.kind == PersonKind.RESIDENT:
        return bool(person.bsn) and person.bsn == incident.person_bsn
    return bool(person.kvk_number) and person.kvk_number == incident.person_kvk


def _check(tenant: Organisation, data: IncidentData, *, now: datetime.datetime) -> None:
    if timezone.is_naive(data.occurred_at):
        raise IncidentError("Vul een geldige datum en tijd in.", field="occurred_at")
    if data.occurred_at > now:
        raise IncidentError(
            "Het incident kan niet in de toekomst liggen. Vul de datum en tijd in waarop het gebeurde.",
            field="occurred_at",
        )
    if not data.location.strip():
        raise IncidentError("Vul in waar het gebeurde.", field="location")
    if data.channel not in Channel.values:
        raise IncidentError("Kies het kanaal waarlangs het gebeurde.", field="channel")
    if not data.categories:
        raise IncidentError("Kies minstens één soort: wat gebeurde er?", field="categories")
    if set(data.categories) - set(Category.values):
        raise IncidentError("Kies wat er gebeurde uit de lijst.", field="categories")
    if set(data.consequences) - set(Consequence.values):
        raise IncidentError("Kies de gevolgen uit de lijst.", field="consequences")
    if not data.description.strip():
        raise IncidentError("Beschrijf kort wat er gebeurde.", field="description")
    witness_ids = {witness.pk for witness in data.witnesses}
    if witness_ids and len(colleagues_of(tenant).filter(pk__in=witness_ids)) != len(witness_ids):
        raise IncidentError("Kies getuigen uit de collega's van uw organisatie.", field="witnesses")


def _ordered(values: Sequence[str], choices: type) -> list[str]:
    return [value for value in choices.values if value in set(values)]


# --- the number -----------------------------------------------------------------------------


def settings_for(tenant: Organisation, *, lock: bool = False) -> IncidentSettings:
    """The organisation's register settings, created with the defaults when missing."""
    rows = IncidentSettings.objects.filter(tenant=tenant)
    row = (rows.select_for_update() if lock else rows).first()
    if row is None:
        IncidentSettings.objects.bulk_create([IncidentSettings(tenant=tenant)], ignore_conflicts=True)
        row = (rows.select_for_update() if lock else rows).get()
    return row


def next_incident_number(*, tenant: Organisation, year: int) -> str:
    """The next number of this organisation and year, e.g. VPT-2026-000001.

    Call inside the transaction that stores the report: it locks the organisation's settings
    row until the commit, so two reports at the same moment never get the same number.
    """
    settings_for(tenant, lock=True)
    prefix = f"{NUMBER_PREFIX}-{year}-"
    last = (
        Incident.objects.for_tenant(tenant)
        .filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{(int(last.removeprefix(prefix)) if last else 0) + 1:06d}"


def _team_of(user: AbstractBaseUser, tenant: Organisation) -> Team | None:
    return Team.objects.for_tenant(tenant).filter(members=user).order_by("name").first()


# --- report, change ------------------------------------------------------------------------


@transaction.atomic
def report_incident(
    *,
    tenant: Organisation,
    reporter: AbstractBaseUser,
    employee: AbstractBaseUser,
    data: IncidentData,
    zaak: Zaak | None = None,
    actor: Actor,
) -> Incident:
    """Register a report of aggression against ``employee`` (the reporter or a colleague).

    Veilige Publieke Taak: every incident is registered, the employee gets aftercare within
    24 hours and the perpetrator a reaction within 48 hours, so both tasks (and the other
    VPT measures) are created with their deadlines at once. The reporter's draft goes.
    """
    now = clock.now()
    _check(tenant, data, now=now)
    colleague_ids = set(
        colleagues_of(tenant).filter(pk__in={reporter.pk, employee.pk}).values_list("pk", flat=True)
    )
    if reporter.pk not in colleague_ids:
        raise IncidentNotAllowed("U kunt alleen een incident melden voor uw eigen organisatie.")
    if employee.pk != reporter.pk and employee.pk not in colleague_ids:
        raise IncidentError("Kies een collega van uw eigen organisatie.", field="colleague")
    if zaak is not None:
        zaak = zaak_for_report(tenant=tenant, zaak=zaak)
    person = _person_fields(data.person, zaak, tenant)
    incident = Incident.objects.create(
        tenant=tenant,
        number=next_incident_number(tenant=tenant, year=timezone.localtime(now).year),
        occurred_at=data.occurred_at,
        location=data.location.strip()[:200],
        channel=data.channel,
        categories=_ordered(data.categories, Category),
        consequences=_ordered(data.consequences, Consequence),
        description=data.description.strip(),
        reported_by=reporter,
        employee=employee,
        team=_team_of(employee, tenant),
        zaak=zaak,
        created_at=now,
        **person,
    )
    incident.witnesses.set(data.witnesses)
    IncidentTask.objects.bulk_create(
        IncidentTask(incident=incident, kind=kind, due_at=now + delay)
        for kind, delay in TASK_DEADLINES.items()
    )
    IncidentDraft.objects.filter(tenant=tenant, user=reporter).delete()
    record_incident_change(
        tenant=tenant,
        actor=actor,
        action="report_incident",
        incident=incident,
        after=_summary(incident),
        processing_action=ProcessingAction.CREATE,
    )
    return incident


def lock_incident(incident: Incident, expected_version: int | None) -> Incident:
    """The report's row, locked for the rest of the transaction; VersionConflict when it changed."""
    locked = Incident.objects.select_for_update(of=("self",)).select_related("tenant").get(pk=incident.pk)
    if expected_version is not None and locked.version != expected_version:
        raise VersionConflict(locked.version)
    return locked


def save_incident(incident: Incident, *fields: str) -> None:
    """Store the changed fields and raise the version (the row is locked by ``lock_incident``)."""
    incident.version += 1
    incident.save(update_fields=[*fields, "version"])


@transaction.atomic
def update_incident(
    *,
    incident: Incident,
    user: AbstractBaseUser,
    data: IncidentData,
    actor: Actor,
    expected_version: int | None,
) -> Incident:
    """Change what a report says: the reporter while it is new, the coordinator always."""
    from ..policies import can_edit_incident

    incident = lock_incident(incident, expected_version)
    if not can_edit_incident(user, incident):
        raise IncidentNotAllowed(
            "U mag deze melding niet meer wijzigen. Neem contact op met de agressiecoördinator."
        )
    if incident.status == IncidentStatus.CLOSED:
        raise IncidentError("Deze melding is afgesloten en kan niet meer worden gewijzigd.")
    _check(incident.tenant, data, now=clock.now())
    before = _summary(incident)
    if _same_person(data.person, incident):
        # Kept as it is: the zaak (or its share) need not be reachable any more to keep the person.
        person = {}
    else:
        person = _person_fields(data.person, incident.zaak, incident.tenant)
        incident.person_bsn = incident.person_kvk = incident.person_name = incident.person_description = ""
    incident.occurred_at = data.occurred_at
    incident.location = data.location.strip()[:200]
    incident.channel = data.channel
    incident.categories = _ordered(data.categories, Category)
    incident.consequences = _ordered(data.consequences, Consequence)
    incident.description = data.description.strip()
    for name, value in person.items():
        setattr(incident, name, value)
    save_incident(
        incident,
        "occurred_at",
        "location",
        "channel",
        "categories",
        "consequences",
        "description",
        "person_kind",
        "person_bsn",
        "person_kvk",
        "person_name",
        "person_description",
    )
    incident.witnesses.set(data.witnesses)
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="update_incident",
        incident=incident,
        before=before,
        after=_summary(incident),
    )
    return incident


def _summary(incident: Incident) -> dict[str, Any]:
    """What the audit trail keeps of a report: no names, no description, no BSN."""
    return {
        "number": incident.number,
        "occurred_at": incident.occurred_at.isoformat(),
        "channel": incident.channel,
        "categories": list(incident.categories),
        "consequences": list(incident.consequences),
        "person_kind": incident.person_kind,
        "status": incident.status,
    }


# --- the draft ------------------------------------------------------------------------------


def _clean_draft(data: Mapping[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for name in DRAFT_FIELDS:
        value = data.get(name)
        if value in (None, "", []):
            continue
        if isinstance(value, (list, tuple)):
            kept[name] = [str(item)[:100] for item in value][:50]
        else:
            kept[name] = str(value)[:DRAFT_MAX_CHARS]
    return kept


@transaction.atomic
def save_draft(
    *, tenant: Organisation, user: AbstractBaseUser, data: Mapping[str, Any]
) -> IncidentDraft | None:
    """Keep what the form holds (one draft per employee); an empty form removes the draft."""
    kept = _clean_draft(data)
    if not kept or set(kept) <= {"zaak"}:
        IncidentDraft.objects.filter(tenant=tenant, user=user).delete()
        return None
    draft, _created = IncidentDraft.objects.update_or_create(
        tenant=tenant, user=user, defaults={"data": kept}
    )
    return draft


def discard_draft(*, tenant: Organisation, user: AbstractBaseUser) -> None:
    IncidentDraft.objects.filter(tenant=tenant, user=user).delete()
