"""The coordinator's handling of a report: the VPT tasks, the measure, and closing it.

Like case handling (cases/services/handling.py): every function locks the report's row,
checks the version the coordinator saw (``expected_version``; two coordinators at once get a
``VersionConflict`` instead of overwriting each other), changes it in one transaction with
an audit row and a processing-log record, and raises the version by one.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Actor
from plus1.core import clock

from ..constants import IncidentStatus, MeasureKind, PersonKind, ReactionKind, TaskKind
from ..exceptions import IncidentError, IncidentNotAllowed
from ..models import Incident, IncidentTask, Measure
from .log import record_incident_change
from .report import lock_incident, save_incident, settings_for


def _may_handle(user: AbstractBaseUser, incident: Incident) -> None:
    from ..policies import can_handle_incident

    if not can_handle_incident(user, incident):
        raise IncidentNotAllowed("Alleen de agressiecoördinator kan een melding behandelen.")


def _open(incident: Incident) -> None:
    if incident.status == IncidentStatus.CLOSED:
        raise IncidentError("Deze melding is afgesloten. U kunt er niets meer aan veranderen.")


def _in_progress(incident: Incident) -> list[str]:
    if incident.status == IncidentStatus.OPEN:
        incident.status = IncidentStatus.IN_PROGRESS
        return ["status"]
    return []


@transaction.atomic
def complete_task(
    *,
    task: IncidentTask,
    user: AbstractBaseUser,
    actor: Actor,
    outcome: str,
    expected_version: int | None,
    reaction_kind: str = "",
    on_behalf_of_employer: bool = False,
) -> IncidentTask:
    """Record that a VPT task is done, and how: the outcome, for a reaction the kind, for
    aangifte whether the employer reported at the work address (VPT: the employee need not
    give a home address when the employer reports)."""
    incident = lock_incident(task.incident, expected_version)
    _may_handle(user, incident)
    _open(incident)
    task = IncidentTask.objects.select_for_update().get(pk=task.pk, incident=incident)
    if task.done_at is not None:
        raise IncidentError("Deze taak is al afgerond.")
    outcome = outcome.strip()
    if not outcome:
        raise IncidentError("Schrijf op wat er is gedaan.", field="outcome")
    fields = ["done_at", "done_by", "outcome"]
    if task.kind == TaskKind.REACTION:
        if reaction_kind not in ReactionKind.values:
            raise IncidentError("Kies een gesprek of een waarschuwingsbrief.", field="reaction_kind")
        if reaction_kind == ReactionKind.WARNING_LETTER and not task.letter:
            raise IncidentError("Maak eerst de waarschuwingsbrief.", field="reaction_kind")
        task.reaction_kind = reaction_kind
        fields.append("reaction_kind")
    if task.kind == TaskKind.REPORT_TO_POLICE:
        if on_behalf_of_employer and not settings_for(incident.tenant).work_address.strip():
            raise IncidentError(
                "Er is nog geen werkadres ingesteld voor aangifte namens de werkgever. "
                "Vraag de beheerder dit in te vullen.",
                field="on_behalf_of_employer",
            )
        task.on_behalf_of_employer = on_behalf_of_employer
        fields.append("on_behalf_of_employer")
    task.done_at = clock.now()
    task.done_by = user
    task.outcome = outcome
    task.save(update_fields=fields)
    save_incident(incident, *_in_progress(incident))
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="complete_incident_task",
        incident=incident,
        obj=task,
        after={
            "task": task.kind,
            "reaction_kind": task.reaction_kind,
            "on_behalf_of_employer": task.on_behalf_of_employer,
        },
    )
    return task


@transaction.atomic
def make_warning_letter(
    *, task: IncidentTask, user: AbstractBaseUser, actor: Actor, expected_version: int | None, text: str = ""
) -> IncidentTask:
    """Generate the waarschuwingsbrief to the person involved from the template, stored as PDF.

    The letter is kept on private storage with the task; only the coordinator downloads it.
    A new letter replaces an earlier one while the reaction is not yet done.
    """
    from ..letters import warning_letter

    incident = lock_incident(task.incident, expected_version)
    _may_handle(user, incident)
    _open(incident)
    task = IncidentTask.objects.select_for_update().get(pk=task.pk, incident=incident)
    if task.kind != TaskKind.REACTION:
        raise IncidentError("Een waarschuwingsbrief hoort bij de reactie richting de dader.")
    if task.done_at is not None:
        raise IncidentError("De reactie is al afgerond.")
    if incident.person_kind not in (PersonKind.RESIDENT, PersonKind.BUSINESS):
        raise IncidentError(
            "Een waarschuwingsbrief kan alleen naar een bekende persoon of bedrijf uit een zaak. "
            "Kies een gesprek of vul de persoon aan.",
            field="reaction_kind",
        )
    letter = warning_letter(incident=incident, actor=actor, text=text.strip())
    old = task.letter.name if task.letter else ""
    task.letter.save(letter.filename, ContentFile(letter.data), save=False)
    task.reaction_kind = ReactionKind.WARNING_LETTER
    task.save(update_fields=["letter", "reaction_kind"])
    if old and old != task.letter.name:
        name = old
        transaction.on_commit(lambda: task.letter.storage.delete(name))
    save_incident(incident, *_in_progress(incident))
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="make_warning_letter",
        incident=incident,
        obj=task,
        after={"task": task.kind, "letter": letter.filename},
    )
    return task


@transaction.atomic
def set_measure(
    *,
    incident: Incident,
    user: AbstractBaseUser,
    actor: Actor,
    kind: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
    expected_version: int | None,
) -> Measure:
    """Set a maatregel towards the person involved, from ``starts_on`` up to and including ``ends_on``.

    Only for a person with a BSN or KvK number: while it runs, their zaken in the back office
    show the safety signal (never the incident itself). The maatregel task is done with it.
    """
    incident = lock_incident(incident, expected_version)
    _may_handle(user, incident)
    _open(incident)
    if kind not in MeasureKind.values:
        raise IncidentError("Kies een maatregel.", field="kind")
    if not (incident.person_bsn or incident.person_kvk):
        raise IncidentError(
            "Een maatregel kan alleen voor een bekende inwoner of een bekend bedrijf uit een zaak.",
            field="kind",
        )
    if ends_on < starts_on:
        raise IncidentError(
            "De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.",
            field="ends_on",
        )
    if ends_on < clock.today():
        raise IncidentError(
            "De einddatum ligt in het verleden. Kies een einddatum vanaf vandaag.", field="ends_on"
        )
    description = description.strip()
    if kind == MeasureKind.OTHER and not description:
        raise IncidentError("Beschrijf de maatregel.", field="description")
    now = clock.now()
    measure = Measure.objects.create(
        tenant=incident.tenant,
        incident=incident,
        kind=kind,
        description=description[:500],
        person_bsn=incident.person_bsn,
        person_kvk=incident.person_kvk,
        starts_on=starts_on,
        ends_on=ends_on,
        created_at=now,
    )
    IncidentTask.objects.filter(incident=incident, kind=TaskKind.MEASURE, done_at__isnull=True).update(
        done_at=now,
        done_by=user,
        outcome=f"{measure.get_kind_display()} ({starts_on:%d-%m-%Y} t/m {ends_on:%d-%m-%Y})",
    )
    save_incident(incident, *_in_progress(incident))
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="set_measure",
        incident=incident,
        obj=measure,
        after={"kind": kind, "starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
        processing_action=ProcessingAction.CREATE,
    )
    return measure


@transaction.atomic
def end_measure(
    *, measure: Measure, user: AbstractBaseUser, actor: Actor, expected_version: int | None = None
) -> Measure:
    """End a running maatregel early; the safety signal on the person's zaken ends with it."""
    incident = lock_incident(measure.incident, expected_version)
    _may_handle(user, incident)
    measure = Measure.objects.select_for_update().get(pk=measure.pk, incident=incident)
    if measure.ended_at is not None or measure.ends_on < clock.today():
        raise IncidentError("Deze maatregel is al beëindigd.")
    measure.ended_at = clock.now()
    measure.save(update_fields=["ended_at"])
    save_incident(incident)
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="end_measure",
        incident=incident,
        obj=measure,
        before={"ended_at": None},
        after={"ended_at": measure.ended_at.isoformat()},
    )
    return measure


@transaction.atomic
def close_incident(
    *, incident: Incident, user: AbstractBaseUser, actor: Actor, conclusion: str, expected_version: int | None
) -> Incident:
    """Close a report with the coordinator's conclusion; its retention period starts now."""
    incident = lock_incident(incident, expected_version)
    _may_handle(user, incident)
    _open(incident)
    conclusion = conclusion.strip()
    if not conclusion:
        raise IncidentError("Schrijf een conclusie om de melding af te sluiten.", field="conclusion")
    before = {"status": incident.status}
    incident.status = IncidentStatus.CLOSED
    incident.conclusion = conclusion
    incident.closed_at = clock.now()
    save_incident(incident, "status", "conclusion", "closed_at")
    record_incident_change(
        tenant=incident.tenant,
        actor=actor,
        action="close_incident",
        incident=incident,
        before=before,
        after={"status": incident.status},
    )
    return incident
