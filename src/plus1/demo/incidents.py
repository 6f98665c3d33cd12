"""A year of demo incidents, an agressiecoördinator per gemeente, and one running maatregel.

Every report is made and handled through the register's services (``report_incident``,
``complete_task``, ``set_measure``, ``end_measure``, ``close_incident``): tasks, audit rows and
processing-log records are what a real gemeente would have. Only the calendar is then moved
back in one bulk update per report (reported, task deadlines and their completion, closing,
measure dates), because the services date everything now, as ``history`` does for zaken.

In Utrecht, Lukas Klamer (a BRP test person with open zaken of his own) has a maatregel that
runs for three months from today: the safety banner shows on his zaken. Suzanne Moulin, whose
zaken other demos walk through, is never the person of a report.

Random choices come from a ``random.Random`` seeded with the gemeente's CBS code: loading the
demo twice, or on another machine, gives the same reports.
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import F

from plus1.accounts.constants import BACK_OFFICE_ROLES, Role
from plus1.accounts.models import Membership
from plus1.accounts.selectors import employee_actor
from plus1.accounts.services import create_employee, grant_role, register_totp_device
from plus1.audit.services import Actor
from plus1.cases.models import Rol, Zaak
from plus1.core import clock
from plus1.incidents.constants import (
    AFTERCARE_HOURS,
    REACTION_HOURS,
    Category,
    Channel,
    Consequence,
    MeasureKind,
    PersonKind,
    ReactionKind,
    TaskKind,
)
from plus1.incidents.models import Incident, IncidentTask, Measure
from plus1.incidents.services import (
    IncidentData,
    Person,
    close_incident,
    complete_task,
    report_incident,
    set_measure,
    settings_for,
)
from plus1.tenants.models import Organisation

if TYPE_CHECKING:
    from .loader import DemoSummary

# Reports per gemeente: some dozens over the last year (ARO counts a few a week for a large
# gemeente; the demo keeps it to a number every chart and filter still shows).
INCIDENTS_PER_GEMEENTE = 36
HISTORY_DAYS = 365
# The resident with a running maatregel in Utrecht (BRP test person; open zaken in the demo).
MEASURE_RESIDENT = ("999991723", "Lukas Klamer")
MEASURE_DAYS = 90
# Whose zaken other demos and walkthroughs use: never the person of a report.
NEVER_REPORTED = {"999993653"}
COORDINATOR_NAMES = {"first_name": "Cora", "last_name": "Coördinator"}

# Where it happened per channel, and the weight of each channel (the counter and the phone
# see most of it, as the ARO and Monitor Agressie en Geweld figures show).
LOCATIONS = {
    Channel.BALIE: ("Stadskantoor, publieksbalie", 8),
    Channel.TELEFOON: ("Klantcontactcentrum", 6),
    Channel.ONLINE: ("E-mail en contactformulier", 3),
    Channel.HUISBEZOEK: ("Bij de inwoner thuis", 2),
    Channel.BUITENDIENST: ("Op straat, controle parkeren", 3),
    Channel.SOCIALE_MEDIA: ("Sociale media van de gemeente", 1),
}
CATEGORY_WEIGHTS = {
    Category.VERBAAL: 10,
    Category.BEDREIGING: 5,
    Category.INTIMIDATIE: 4,
    Category.DISCRIMINATIE: 2,
    Category.SEKSUELE_INTIMIDATIE: 1,
    Category.FYSIEK: 1,
    Category.VERNIELING: 1,
    Category.OVERIG: 1,
}
DESCRIPTIONS = {
    Category.VERBAAL: "De persoon werd boos over de wachttijd en begon te schelden.",
    Category.BEDREIGING: "De persoon dreigde de medewerker op te wachten na het werk.",
    Category.INTIMIDATIE: "De persoon bleef dicht bij de medewerker staan en wilde niet weggaan.",
    Category.DISCRIMINATIE: "De persoon maakte kwetsende opmerkingen over de afkomst van de medewerker.",
    Category.SEKSUELE_INTIMIDATIE: "De persoon maakte herhaaldelijk seksueel getinte opmerkingen.",
    Category.FYSIEK: "De persoon gaf de medewerker een duw.",
    Category.VERNIELING: "De persoon sloeg met de vuist op de balie; het scherm ging kapot.",
    Category.OVERIG: "De persoon filmde de medewerker en dreigde de beelden te delen.",
}
UNKNOWN_PERSON = "Man van ongeveer 40 jaar, donkere jas, noemde zijn naam niet."
CONCLUSION = "Besproken met de medewerker en de leidinggevende; de afspraken zijn nagekomen. Afgesloten."


def load_incidents(summary: DemoSummary) -> int:
    """Give each demo gemeente a coordinator and a year of reports (once); return how many were made."""
    made = 0
    for gemeente in summary.gemeenten:
        coordinator = _coordinator(gemeente, summary)
        _register_settings(gemeente)
        if Incident.objects.for_tenant(gemeente).exists():
            continue
        made += _year_of_incidents(gemeente, coordinator)
        if gemeente == summary.gemeenten[0]:
            _running_measure(gemeente, coordinator)
    return made


def _coordinator(gemeente: Organisation, summary: DemoSummary):
    # Demo users share one password and authenticator secret (loader); imported here because
    # the loader imports this module.
    from .loader import DEMO_PASSWORD, DEMO_TOTP_KEY

    username = f"agressiecoordinator-{gemeente.slug}"
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = create_employee(
            username=username, password=DEMO_PASSWORD, email=f"{username}@plus1.example", **COORDINATOR_NAMES
        )
    grant_role(tenant=gemeente, user=user, role=Role.AGRESSIECOORDINATOR, actor=Actor.system("plus1 demo"))
    register_totp_device(user=user, key=DEMO_TOTP_KEY.hex())
    summary.employees.append(
        (username, f"agressiecoördinator van {gemeente} (Incidenten: alle meldingen, geen zaken)")
    )
    return user


def _register_settings(gemeente: Organisation) -> None:
    """The coordinator's contact details for the banner and the work address for aangifte."""
    settings = settings_for(gemeente)
    if settings.coordinator_email:
        return
    settings.coordinator_name = " ".join(COORDINATOR_NAMES.values())
    settings.coordinator_phone = gemeente.contact_phone
    settings.coordinator_email = f"agressiecoordinator@{gemeente.slug}.plus1.example"
    # Fictitious, as every demo address: the demo never speaks for a real organisation.
    settings.work_address = f"Stadskantoor, Voorbeeldplein 1, 3511 AB {gemeente.name}"
    settings.full_clean()
    settings.save()


def _staff(gemeente: Organisation) -> list:
    """The gemeente's back-office employees who can be the reporter (not the coordinator)."""
    user_ids = (
        Membership.objects.for_tenant(gemeente)
        .filter(role__in=[r for r in BACK_OFFICE_ROLES if r != Role.AGRESSIECOORDINATOR])
        .values("user_id")
    )
    return list(get_user_model().objects.filter(pk__in=user_ids).order_by("username"))


def _residents(gemeente: Organisation) -> list[tuple[Zaak, Rol]]:
    """Zaken with their initiator, one per resident, who may be the person of a report."""
    rollen = (
        Rol.objects.filter(zaak__tenant=gemeente)
        .exclude(bsn="")
        .exclude(bsn__in=NEVER_REPORTED | {MEASURE_RESIDENT[0]})
        .select_related("zaak")
        .order_by("zaak__registered_on", "pk")
    )
    return [(rol.zaak, rol) for rol in rollen]


def _year_of_incidents(gemeente: Organisation, coordinator) -> int:
    rng = random.Random(f"incidents-{gemeente.cbs_code}")
    staff = _staff(gemeente)
    residents = _residents(gemeente)
    if not staff:
        return 0
    now = clock.now()
    channels = list(LOCATIONS)
    channel_weights = [LOCATIONS[c][1] for c in channels]
    categories = list(CATEGORY_WEIGHTS)
    category_weights = list(CATEGORY_WEIGHTS.values())
    for index in range(INCIDENTS_PER_GEMEENTE):
        # Spread over the year; the last few are recent and still waiting for the coordinator.
        days_ago = rng.randint(0, 2) if index < 3 else rng.randint(3, HISTORY_DAYS)
        occurred_at = (now - datetime.timedelta(days=days_ago, hours=rng.randint(1, 6))).replace(
            minute=rng.choice((0, 10, 25, 40, 55)), second=0, microsecond=0
        )
        occurred_at = min(occurred_at, now - datetime.timedelta(minutes=30))
        channel = rng.choices(channels, channel_weights)[0]
        kinds = sorted(set(rng.choices(categories, category_weights, k=rng.choice((1, 1, 2)))))
        reporter = rng.choice(staff)
        # One in five is reported by a colleague for the employee it happened to.
        employee = rng.choice(staff) if rng.random() < 0.2 else reporter
        zaak, person = None, Person.none()
        roll = rng.random()
        if residents and roll < 0.6:
            zaak, rol = rng.choice(residents)
            person = Person(kind=PersonKind.RESIDENT, bsn=rol.bsn)
        elif roll < 0.85:
            person = Person(kind=PersonKind.DESCRIBED, description=UNKNOWN_PERSON)
        consequences = [Consequence.EMOTIONEEL] if rng.random() < 0.6 else [Consequence.GEEN]
        if Category.FYSIEK in kinds:
            consequences = [Consequence.LETSEL, Consequence.VERZUIM]
        if Category.VERNIELING in kinds:
            consequences = [Consequence.SCHADE]
        incident = report_incident(
            tenant=gemeente,
            reporter=reporter,
            employee=employee,
            data=IncidentData(
                occurred_at=occurred_at,
                location=LOCATIONS[channel][0],
                channel=channel,
                categories=kinds,
                consequences=consequences,
                description=" ".join(DESCRIPTIONS[k] for k in kinds),
                witnesses=[w for w in staff if w not in (reporter, employee)][: rng.randint(0, 1)],
                person=person,
            ),
            zaak=zaak,
            actor=employee_actor(reporter, tenant=gemeente),
        )
        reported_at = occurred_at + datetime.timedelta(minutes=rng.randint(10, 240))
        _handle(incident, coordinator, rng, days_ago=days_ago)
        _move_back(incident, reported_at=reported_at, rng=rng)
    return INCIDENTS_PER_GEMEENTE


def _handle(incident: Incident, coordinator, rng: random.Random, *, days_ago: int) -> None:
    """What the coordinator did: recent reports wait, older ones are handled and mostly closed."""
    if days_ago < 3:
        return
    actor = employee_actor(coordinator, tenant=incident.tenant)
    tasks = {task.kind: task for task in incident.tasks.all()}
    complete_task(
        task=tasks[TaskKind.AFTERCARE],
        user=coordinator,
        actor=actor,
        outcome="Gebeld met de medewerker; die heeft geen verdere hulp nodig.",
        expected_version=None,
    )
    if days_ago < 10:
        return
    complete_task(
        task=tasks[TaskKind.REACTION],
        user=coordinator,
        actor=actor,
        outcome="De persoon gesproken: dit gedrag accepteren wij niet.",
        reaction_kind=ReactionKind.CONVERSATION,
        expected_version=None,
    )
    serious = bool({Category.BEDREIGING, Category.FYSIEK, Category.VERNIELING} & set(incident.categories))
    complete_task(
        task=tasks[TaskKind.REPORT_TO_POLICE],
        user=coordinator,
        actor=actor,
        outcome="Aangifte gedaan." if serious else "Geen aangifte: niet strafbaar.",
        on_behalf_of_employer=serious and rng.random() < 0.5,
        expected_version=None,
    )
    complete_task(
        task=tasks[TaskKind.RECOVER_DAMAGE],
        user=coordinator,
        actor=actor,
        outcome="Schade verhaald op de dader."
        if Consequence.SCHADE in incident.consequences
        else "Geen schade.",
        expected_version=None,
    )
    if incident.person_bsn and serious and rng.random() < 0.6:
        # A maatregel that has run its course (dated back with the report): no banner today.
        set_measure(
            incident=incident,
            user=coordinator,
            actor=actor,
            kind=MeasureKind.BY_APPOINTMENT,
            starts_on=clock.today(),
            ends_on=clock.today(),
            expected_version=None,
        )
    else:
        complete_task(
            task=tasks[TaskKind.MEASURE],
            user=coordinator,
            actor=actor,
            outcome="Geen maatregel nodig.",
            expected_version=None,
        )
    if rng.random() < 0.85:
        close_incident(
            incident=incident, user=coordinator, actor=actor, conclusion=CONCLUSION, expected_version=None
        )


def _move_back(incident: Incident, *, reported_at: datetime.datetime, rng: random.Random) -> None:
    """Date the report as made at ``reported_at``, its handling in the days after."""
    shift = incident.created_at - reported_at
    Incident.objects.filter(pk=incident.pk).update(created_at=reported_at)
    tasks = list(IncidentTask.objects.filter(incident=incident))
    for task in tasks:
        task.due_at -= shift
        if task.done_at is not None:
            # Mostly in time; one in six nazorg or reactie came late, as happens.
            late = task.kind in (TaskKind.AFTERCARE, TaskKind.REACTION) and rng.random() < 1 / 6
            limit = AFTERCARE_HOURS if task.kind == TaskKind.AFTERCARE else REACTION_HOURS
            hours = rng.randint(limit + 4, limit * 3) if late else rng.randint(2, limit - 2)
            task.done_at = reported_at + datetime.timedelta(hours=hours)
    IncidentTask.objects.bulk_update(tasks, ["due_at", "done_at"])
    last_done = max((t.done_at for t in tasks if t.done_at), default=reported_at)
    Incident.objects.filter(pk=incident.pk, closed_at__isnull=False).update(
        closed_at=last_done + datetime.timedelta(days=rng.randint(1, 14))
    )
    for measure in Measure.objects.filter(incident=incident):
        # Two months from the day after the report, and over by yesterday at the latest.
        measure.starts_on = reported_at.date() + datetime.timedelta(days=1)
        measure.ends_on = max(
            measure.starts_on,
            min(measure.starts_on + datetime.timedelta(days=60), clock.today() - datetime.timedelta(days=1)),
        )
        measure.created_at -= shift
        measure.save(update_fields=["starts_on", "ends_on", "created_at"])


def _running_measure(gemeente: Organisation, coordinator) -> None:
    """Lukas Klamer threatened a colleague at the counter last week: contact by appointment only."""
    bsn, _name = MEASURE_RESIDENT
    rol = (
        Rol.objects.filter(zaak__tenant=gemeente, zaak__ended_on__isnull=True, bsn=bsn)
        .select_related("zaak")
        .order_by("pk")
        .first()
    )
    staff = _staff(gemeente)
    if rol is None or not staff:
        return
    reporter = next((u for u in staff if u.username.startswith("behandelaar-")), staff[0])
    now = clock.now()
    incident = report_incident(
        tenant=gemeente,
        reporter=reporter,
        employee=reporter,
        data=IncidentData(
            occurred_at=(now - datetime.timedelta(days=6)).replace(
                hour=10, minute=25, second=0, microsecond=0
            ),
            location=LOCATIONS[Channel.BALIE][0],
            channel=Channel.BALIE,
            categories=[Category.VERBAAL, Category.BEDREIGING],
            consequences=[Consequence.EMOTIONEEL],
            description=DESCRIPTIONS[Category.VERBAAL] + " " + DESCRIPTIONS[Category.BEDREIGING],
            person=Person(kind=PersonKind.RESIDENT, bsn=bsn),
        ),
        zaak=rol.zaak,
        actor=employee_actor(reporter, tenant=gemeente),
    )
    actor = employee_actor(coordinator, tenant=gemeente)
    tasks = {task.kind: task for task in incident.tasks.all()}
    complete_task(
        task=tasks[TaskKind.AFTERCARE],
        user=coordinator,
        actor=actor,
        outcome="Dezelfde dag gebeld; de medewerker praat er met de teamleider over.",
        expected_version=None,
    )
    set_measure(
        incident=incident,
        user=coordinator,
        actor=actor,
        kind=MeasureKind.BY_APPOINTMENT,
        starts_on=clock.today(),
        ends_on=clock.today() + datetime.timedelta(days=MEASURE_DAYS),
        description="Alleen op afspraak, met twee medewerkers aan de balie.",
        expected_version=None,
    )
    reported_at = incident.occurred_at + datetime.timedelta(minutes=40)
    shift = incident.created_at - reported_at
    Incident.objects.filter(pk=incident.pk).update(created_at=reported_at)
    IncidentTask.objects.filter(incident=incident).update(due_at=F("due_at") - shift)
    IncidentTask.objects.filter(incident=incident, kind=TaskKind.AFTERCARE).update(
        done_at=reported_at + datetime.timedelta(hours=3)
    )
    # The maatregel started the day after the incident and runs on: the banner shows today.
    Measure.objects.filter(incident=incident).update(
        starts_on=reported_at.date() + datetime.timedelta(days=1), created_at=F("created_at") - shift
    )
