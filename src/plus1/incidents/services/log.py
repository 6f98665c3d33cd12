"""The processing log of the incident register: every read of a report and every change.

Reports are special personal data (they may point to criminal behaviour, AVG art. 10 and
UAVG art. 33), so each read of a report that shows a person, and each change, is written with
``constants.LEGAL_GROUND``; the subject is the person involved (BSN or KvK number, as a keyed
hash) when known. Reads wait for the end of the request (``processing_scope``); changes are
written in the service's transaction, together with the audit row.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from plus1.audit import services as audit
from plus1.audit.models import Channel, ProcessingAction
from plus1.audit.services import Activity, Actor, ObjectRef, Subject, build_record, is_enabled, subject_for
from plus1.tenants.models import Organisation

from ..constants import DEFAULT_RETENTION_YEARS, LEGAL_GROUND
from ..models import Incident

ACTIVITY = Activity(
    code="incidentenregister",
    name="Incidentenregister agressie en geweld tegen medewerkers",
    purpose=(
        "Veilige Publieke Taak: incidenten registreren, de medewerker nazorg geven en "
        "reageren richting de dader (aangifte, schadeverhaal, maatregel)"
    ),
    legal_ground=LEGAL_GROUND,
    # The log outlives the report by a year, so a removal can still be explained.
    retention_days=(DEFAULT_RETENTION_YEARS + 1) * 366,
)

CHANNEL_OF_ACTOR = {"partner": Channel.BACKOFFICE, "system": Channel.TASK}


def person_subject(incident: Incident) -> Subject | None:
    """The person involved as the log's subject (BSN or KvK number); None when not known."""
    return subject_for(bsn=incident.person_bsn, kvk_number=incident.person_kvk)


def _channel(actor: Actor) -> str:
    return CHANNEL_OF_ACTOR.get(actor.type, Channel.BACKOFFICE)


def log_incident_reads(incidents: Iterable[Incident], *, actor: Actor, operation: str = "") -> None:
    """One read record per report shown with its people (detail page, letter, export)."""
    if not is_enabled():
        return
    audit.record_reads(
        build_record(
            tenant=incident.tenant_id,
            actor=actor,
            activity=ACTIVITY,
            action=ProcessingAction.READ,
            channel=_channel(actor),
            obj=ObjectRef("incidents.incident", str(incident.pk), incident.number),
            subject=person_subject(incident),
            operation=operation,
        )
        for incident in incidents
    )


def log_incident_change(
    *, incident: Incident, actor: Actor, operation: str, action: str = ProcessingAction.UPDATE
) -> None:
    """A change of a report, inside the service's transaction (rolls back with it)."""
    if not is_enabled():
        return
    audit.record_processing(
        tenant=incident.tenant_id,
        actor=actor,
        activity=ACTIVITY,
        action=action,
        channel=_channel(actor),
        obj=ObjectRef("incidents.incident", str(incident.pk), incident.number),
        subject=person_subject(incident),
        operation=operation,
    )


def record_incident_change(
    *,
    tenant: Organisation,
    actor: Actor,
    action: str,
    incident: Incident,
    obj: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    processing_action: str = ProcessingAction.UPDATE,
) -> None:
    """The audit row and the processing record of one change, both in the caller's transaction.

    ``before``/``after`` never hold the person's identity or the description: the audit trail
    says what changed, the report itself says what it is.
    """
    audit.record_change(
        tenant=tenant,
        actor=actor,
        action=action,
        obj=obj if obj is not None else incident,
        before=before,
        after=after,
        main_object=incident,
    )
    log_incident_change(incident=incident, actor=actor, operation=action, action=processing_action)
