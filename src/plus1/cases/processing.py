"""The processing log for zaken: every read and every change of a zaak, with its activity.

Reads: the selectors that return a resident's data take a ``Purpose`` and log exactly the
zaken they fetched (``ZaakQuerySet.on_fetch``), one record per zaak, kept until the end of
the request and written in one insert. Changes: ``record_change`` here replaces the audit
one in the case services: it writes the audit row and the processing record in the
service's transaction, so a change that rolls back leaves neither.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import models

from plus1.audit import services as audit
from plus1.audit.models import AuditEntry, Channel, ProcessingAction
from plus1.audit.services import Actor, ObjectRef, Subject, build_record, is_enabled, memo, subject_for
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.catalog.models import ZaakType
from plus1.catalog.processing import ActivityCode, activity_for_code, activity_for_zaaktype
from plus1.core.prefetch import prefetched
from plus1.tenants.models import Organisation

from .models import InformatieObject, Rol, Zaak
from .notifications import publish_change

CHANNEL_OF_ACTOR = {
    "resident": Channel.PORTAL,
    "business": Channel.PORTAL,
    "employee": Channel.BACKOFFICE,
    "partner": Channel.BACKOFFICE,
    "application": Channel.API,
    "system": Channel.TASK,
}


@dataclass(frozen=True)
class Purpose:
    """Why, by whom and through which channel zaken are read; every such selector takes one.

    ``activity`` is a gemeente-wide activity code, or ``ZAAKTYPE``: the activity of each
    zaak's own zaaktype (handling the zaak).
    """

    actor: Actor
    channel: str
    activity: str = ActivityCode.ZAAKTYPE
    operation: str = ""

    @classmethod
    def handling(cls, actor: Actor, *, operation: str = "") -> Purpose:
        return cls(
            actor, CHANNEL_OF_ACTOR.get(actor.type, Channel.BACKOFFICE), ActivityCode.ZAAKTYPE, operation
        )

    @classmethod
    def own_zaken(cls, actor: Actor, *, operation: str = "") -> Purpose:
        """A resident or business looking at their own zaken (Mijn zaken)."""
        return cls(actor, Channel.PORTAL, ActivityCode.MY_ZAKEN, operation)


def _zaaktype_activity(zaaktype: ZaakType):
    cache = memo().setdefault("zaaktype-activities", {})
    if zaaktype.pk not in cache:
        cache[zaaktype.pk] = activity_for_zaaktype(zaaktype)
    return cache[zaaktype.pk]


def _activity(zaak: Zaak, code: str):
    if code == ActivityCode.ZAAKTYPE:
        return _zaaktype_activity(zaak.zaaktype)
    return activity_for_code(code)


def initiator_subjects(zaken: Sequence[Zaak]) -> dict[int, Subject | None]:
    """The initiator (BSN or KvK number) of each zaak: annotated or prefetched, else one query."""
    subjects: dict[int, Subject | None] = {}
    missing = []
    for zaak in zaken:
        if hasattr(zaak, "initiator_bsn"):  # annotated by the inbox: no query needed
            subjects[zaak.pk] = subject_for(
                bsn=zaak.initiator_bsn or "", kvk_number=zaak.initiator_kvk_number or ""
            )
            continue
        rollen = prefetched(zaak, "rollen")
        if rollen is None:
            missing.append(zaak.pk)
            continue
        initiator = next((r for r in rollen if r.roltype.generic == RolOmschrijvingGeneriek.INITIATOR), None)
        subjects[zaak.pk] = (
            subject_for(bsn=initiator.bsn, kvk_number=initiator.kvk_number) if initiator else None
        )
    if missing:
        rows = Rol.objects.filter(zaak_id__in=missing, roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        for zaak_id, bsn, kvk_number in rows.values_list("zaak_id", "bsn", "kvk_number"):
            subjects.setdefault(zaak_id, subject_for(bsn=bsn, kvk_number=kvk_number))
    return subjects


def log_zaak_reads(
    zaken: Sequence[Zaak],
    purpose: Purpose,
    *,
    subject: Subject | None = None,
    action: str = ProcessingAction.READ,
) -> None:
    """One read record per zaak; ``subject`` when the caller knows whose zaken these are."""
    if not zaken or not is_enabled():
        return
    subjects = {} if subject is not None else initiator_subjects(zaken)
    audit.record_reads(
        build_record(
            tenant=zaak.tenant_id,
            actor=purpose.actor,
            activity=_activity(zaak, purpose.activity),
            action=action,
            channel=purpose.channel,
            obj=ObjectRef("cases.zaak", str(zaak.pk), zaak.identificatie),
            subject=subject if subject is not None else subjects.get(zaak.pk),
            operation=purpose.operation,
        )
        for zaak in zaken
    )


def log_part_reads(rows: Iterable[models.Model], purpose: Purpose) -> None:
    """Log a read of rows that belong to a zaak (a notitie, a klantcontact) as a read of that zaak.

    Their free text can name the resident, so the read is about the zaak's people: one record
    per zaak, not per row, as for rollen and besluiten. Each row needs ``zaak`` loaded.
    """
    zaken = list({row.zaak_id: row.zaak for row in rows}.values())  # type: ignore[attr-defined]
    log_zaak_reads(zaken, purpose)


def logged(zaken: models.QuerySet[Zaak], purpose: Purpose, *, subject: Subject | None = None):
    """``zaken`` that log a read record for every zaak they fetch."""
    return zaken.on_fetch(lambda rows: log_zaak_reads(rows, purpose, subject=subject))


def log_document_read(zaak: Zaak, document: InformatieObject, purpose: Purpose) -> None:
    """A document of a zaak was opened or downloaded."""
    if not is_enabled():
        return
    audit.record_reads(
        [
            build_record(
                tenant=zaak.tenant_id,
                actor=purpose.actor,
                activity=_activity(zaak, purpose.activity),
                action=ProcessingAction.READ,
                channel=purpose.channel,
                # The document type, never the file name: a resident may name a file after themselves,
                # and the log must not hold personal data in plain text.
                obj=ObjectRef(
                    "cases.informatieobject",
                    str(document.uuid),
                    f"{zaak.identificatie}: {document.informatieobjecttype.omschrijving}",
                ),
                subject=initiator_subjects([zaak]).get(zaak.pk),
                operation=purpose.operation,
            )
        ]
    )


def record_change(
    *,
    tenant: Organisation,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
    main_object: models.Model | None = None,
    zgw_actie: str | None = None,
) -> AuditEntry:
    """Write the audit row, the processing record and the ``zaken`` notification of a change.

    All three in the caller's transaction. ``zgw_actie`` (create, update, partial_update,
    destroy) is what the audittrail and the notification show; the Zaken API passes it.
    """
    entry = audit.record_change(
        tenant=tenant,
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=after,
        note=note,
        main_object=main_object,
        zgw_actie=zgw_actie,
    )
    if isinstance(obj, Zaak) and is_enabled():
        audit.record_processing(
            tenant=tenant,
            actor=actor,
            activity=_zaaktype_activity(obj.zaaktype),
            action=ProcessingAction.CREATE if action == "create_zaak" else ProcessingAction.UPDATE,
            channel=CHANNEL_OF_ACTOR.get(actor.type, Channel.BACKOFFICE),
            obj=ObjectRef("cases.zaak", str(obj.pk), obj.identificatie),
            subject=initiator_subjects([obj]).get(obj.pk),
            operation=action,
        )
    publish_change(obj=obj, action=action, main_object=main_object, actie=zgw_actie)
    return entry
