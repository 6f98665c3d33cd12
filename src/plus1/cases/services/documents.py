"""Every change to a document: portal and back-office uploads, and the Documenten API.

One door per change, whichever channel it comes through, so the same rules hold everywhere
and every change tells the ``documenten`` kanaal in its own transaction (outbox). The
current version of a document lives in ``InformatieObject``; an update first copies it to
``InformatieObjectVersion`` so earlier versions and their content stay retrievable.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.catalog.constants import PublicationStatus
from plus1.catalog.models import InformatieObjectType
from plus1.core import clock, zgw
from plus1.core.exceptions import FieldProblem
from plus1.core.prefetch import mark_empty
from plus1.core.validators import validate_rsin
from plus1.notifications.services import publish
from plus1.tenants.models import Organisation

from ..models import (
    Gebruiksrecht,
    InformatieObject,
    InformatieObjectVersion,
    RequestDraft,
    Zaak,
)
from ..processing import record_change
from ..uploads import filename_problem, size_problem, stored_name

# Re-exported (noqa): callers reach every document change through this module.
from .bestandsdelen import drop_parts, join_parts, sniff, start_parts, upload_part  # noqa: F401
from .documentlinks import (  # noqa: F401
    create_zaak_link,
    link_documents_to_zaak,
    link_object,
    link_zaak_document,
    remove_zaak_relations,
    unlink_object,
    unlink_zaak_document,
    update_zaak_link,
)
from .organisations import check_registering_organisation

# The metadata an update may change and a version keeps (model field names).
VERSIONED_FIELDS = (
    "identificatie",
    "bronorganisatie",
    "created_on",
    "titel",
    "confidentiality",
    "author",
    "status",
    "language",
    "description",
    "link",
    "received_on",
    "sent_on",
    "is_ready_for_publication",
    "is_shown_to_initiator",
    "is_content_expired",
    "has_usage_rights",
    "appearance",
    "signature",
    "integrity",
    "keywords",
    "informatieobjecttype_id",
    "filename",
    "content_type",
    "size",
)
# drc-005: a received document is past these statuses.
NOT_RECEIVED_STATUSES = ("in_bewerking", "ter_vaststelling")
KEEP = object()  # "content not given": an update keeps the current file


# --- notifications and audit ------------------------------------------------------------------


def document_url(document: InformatieObject) -> str:
    return zgw.url("documenten", "enkelvoudiginformatieobjecten", document.uuid)


def _notify(document: InformatieObject, actie: str, *, iot: InformatieObjectType | None = None) -> None:
    iot = iot or document.informatieobjecttype
    url = document_url(document)
    publish(
        tenant=document.tenant_id,
        kanaal="documenten",
        hoofd_object=url,
        resource="enkelvoudiginformatieobject",
        resource_url=url,
        actie=actie,
        kenmerken={
            "bronorganisatie": document.bronorganisatie,
            "informatieobjecttype": zgw.url("catalogi", "informatieobjecttypen", iot.uuid),
            "vertrouwelijkheidaanduiding": document.confidentiality,
        },
    )


def _snapshot(document: InformatieObject) -> dict[str, Any]:
    data = {}
    for name in VERSIONED_FIELDS:
        value = getattr(document, name)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else value
    data["version"] = document.version
    return data


def _audit(document: InformatieObject, actor: Actor, action: str, *, before=None, after=None) -> None:
    record_change(
        tenant=document.tenant,
        actor=actor,
        action=action,
        obj=document,
        before=before,
        after=after,
        main_object=document,
    )


# --- the rules on the metadata ----------------------------------------------------------------


def _check_type(iot: InformatieObjectType) -> None:
    if iot.status != PublicationStatus.PUBLISHED:
        raise FieldProblem.single(
            "informatieobjecttype", "not-published", "Dit informatieobjecttype is nog niet gepubliceerd."
        )


def _check(document: InformatieObject) -> None:
    """The rules that hold for every version (drc-005, RSIN, unique identificatie)."""
    problems = []
    if document.received_on and document.status in NOT_RECEIVED_STATUSES:
        # drc-005
        problems.append(
            (
                "status",
                "invalid_for_received",
                "Een ontvangen document (met ontvangstdatum) kan niet de status "
                "'in_bewerking' of 'ter_vaststelling' hebben.",
            )
        )
    if document.bronorganisatie:
        try:
            validate_rsin(document.bronorganisatie)
        except ValidationError as exc:
            problems.append(("bronorganisatie", "invalid", exc.messages[0]))
    if (
        document.identificatie
        and InformatieObject.objects.filter(
            tenant=document.tenant_id,
            bronorganisatie=document.bronorganisatie,
            identificatie=document.identificatie,
        )
        .exclude(pk=document.pk)
        .exists()
    ):
        problems.append(
            (
                "identificatie",
                "identificatie-niet-uniek",
                "Deze identificatie bestaat al bij deze bronorganisatie.",
            )
        )
    if problems:
        raise FieldProblem(problems)


def _give_identificatie(document: InformatieObject) -> None:
    if not document.identificatie:
        document.identificatie = f"DOCUMENT-{document.uploaded_at.year}-{document.pk:010d}"
        document.save(update_fields=["identificatie"])


# --- content ----------------------------------------------------------------------------------


def _check_filename(name: str) -> None:
    # Checked when a name is given, so a document stored before the rule can still change.
    if name and (reason := filename_problem(name)):
        raise FieldProblem.single("bestandsnaam", "invalid", reason)


def _check_size(content: bytes | None, size: int | None) -> None:
    """One maximum for every channel (``cases.uploads.size_problem``), before anything is written."""
    if content is not None and (reason := size_problem(len(content))):
        raise FieldProblem.single("inhoud", "file-too-large", reason)
    if size is not None and (reason := size_problem(size)):
        raise FieldProblem.single("bestandsomvang", "max_value", reason)


def _set_content(document: InformatieObject, content: bytes | None, size: int | None) -> bool:
    """Store ``content`` as the document's file; returns whether it waits for parts."""
    if content is not None:
        document.file = ContentFile(content, name=stored_name(document.uuid, document.filename))
        document.size = len(content)
        if not document.content_type:
            document.content_type = sniff(content)
        return False
    document.file = None
    document.size = size
    return bool(size)


# --- the Documenten API -----------------------------------------------------------------------


@transaction.atomic
def create_document(
    *,
    tenant: Organisation,
    actor: Actor,
    informatieobjecttype: InformatieObjectType,
    values: Mapping[str, Any],
    content: bytes | None,
    size: int | None = None,
) -> InformatieObject:
    """Register a document, with its content or with parts still to come (Documenten API).

    drc-001: the informatieobjecttype must be published. drc-007: without a
    vertrouwelijkheidaanduiding the type's applies. drc-005: a received document cannot be
    in progress. A missing identificatie is generated. With ``content=None`` and a ``size``
    the document is locked and waits for its bestandsdelen; the lock is in ``document.lock``.
    """
    _check_type(informatieobjecttype)
    _check_filename(values.get("filename") or "")
    _check_size(content, size)
    document = InformatieObject(
        tenant=tenant,
        informatieobjecttype=informatieobjecttype,
        is_registered=True,
        added_by=actor.label[:255],
        registered_at=clock.now(),
        **{name: value for name, value in values.items() if name in VERSIONED_FIELDS},
    )
    document.confidentiality = document.confidentiality or informatieobjecttype.confidentiality
    document.author = document.author or actor.label[:200]
    _check(document)
    if document.bronorganisatie:
        check_registering_organisation(
            tenant, document.bronorganisatie, field="bronorganisatie", what="documenten"
        )
    waits = _set_content(document, content, size)
    if waits:
        document.lock = secrets.token_hex(16)
    document.save()
    if waits:
        start_parts(document, size or 0)
    _give_identificatie(document)
    _audit(document, actor, "create_document", after=_snapshot(document))
    _notify(document, "create", iot=informatieobjecttype)
    return document


def _locked(document: InformatieObject) -> InformatieObject:
    return (
        InformatieObject.objects.select_for_update()
        .select_related("informatieobjecttype")
        .get(pk=document.pk)
    )


@transaction.atomic
def update_document(
    *,
    document: InformatieObject,
    actor: Actor,
    lock: str,
    values: Mapping[str, Any],
    content: Any = KEEP,
    size: int | None = None,
    informatieobjecttype: InformatieObjectType | None = None,
    partial: bool = False,
) -> InformatieObject:
    """Change a document into a new version; the old version stays retrievable.

    drc-009/010: only a locked document changes, and only with its current lock id.
    Since Documenten 1.3 the informatieobjecttype may change (still published, drc-001);
    since 1.4 a definitief document may change too.
    """
    _check_filename(values.get("filename") or "")
    if content is not KEEP:
        _check_size(content, size)
    document = _locked(document)
    if not document.lock:
        raise FieldProblem.single(
            "nonFieldErrors", "unlocked", "Vergrendel het document (lock) voor u het wijzigt."
        )
    if lock != document.lock:
        raise FieldProblem.single(
            "nonFieldErrors", "incorrect-lock-id", "Dit is niet de lock van dit document."
        )
    before = _snapshot(document)
    if values.get("bronorganisatie") and values["bronorganisatie"] != document.bronorganisatie:
        check_registering_organisation(
            document.tenant, values["bronorganisatie"], field="bronorganisatie", what="documenten"
        )
    InformatieObjectVersion.objects.create(
        tenant_id=document.tenant_id,
        informatieobject=document,
        version=document.version,
        registered_at=document.registered_at or document.uploaded_at,
        data=before,
        file=document.file.name if document.file else "",
    )
    if informatieobjecttype is not None and informatieobjecttype.pk != document.informatieobjecttype_id:
        _check_type(informatieobjecttype)
        document.informatieobjecttype = informatieobjecttype
    for name, value in values.items():
        if name in VERSIONED_FIELDS:
            setattr(document, name, value)
    if "confidentiality" in values and not values["confidentiality"]:
        document.confidentiality = document.informatieobjecttype.confidentiality  # drc-007
    _check(document)
    if content is not KEEP:
        # A new file: the old one stays with the earlier version.
        if _set_content(document, content, size):
            start_parts(document, size or 0)
        elif content is not None:
            drop_parts(document)
    document.version += 1
    document.registered_at = clock.now()
    document.save()
    _audit(document, actor, "update_document", before=before, after=_snapshot(document))
    _notify(document, "partial_update" if partial else "update")
    return document


@transaction.atomic
def delete_document(*, document: InformatieObject, actor: Actor) -> None:
    """Remove a document with all its versions and content (Documenten API DELETE).

    drc-008: refused while it is still related to a zaak, besluit or verzoek. A locked
    document cannot be deleted either (gemma-zaken #1956): unlock it first.
    """
    document = _locked(document)
    if document.objectinformatieobjecten.exists() or document.zaakinformatieobjecten.exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "pending-relations",
            "Dit document hoort nog bij een zaak of besluit. Haal die relaties eerst weg.",
        )
    if document.lock:
        raise FieldProblem.single(
            "nonFieldErrors", "locked", "Dit document is vergrendeld. Ontgrendel het eerst."
        )
    if document.zaak_id:
        raise FieldProblem.single(
            "nonFieldErrors", "pending-relations", "Dit document hoort nog bij een zaak."
        )
    files = {document.file.name} if document.file else set()
    files |= {version.file.name for version in document.versions.all() if version.file}
    drop_parts(document)
    _audit(document, actor, "delete_document", before=_snapshot(document))
    _notify(document, "destroy")
    document.delete()
    storage = InformatieObject._meta.get_field("file").storage

    def remove_files():
        for name in files:
            storage.delete(name)

    # The files go only when the rows are gone for good.
    transaction.on_commit(remove_files)


@transaction.atomic
def lock_document(*, document: InformatieObject, actor: Actor) -> str:
    """Lock a document for a change and return the lock id (Documenten API lock)."""
    document = _locked(document)
    if document.lock:
        raise FieldProblem.single("nonFieldErrors", "existing-lock", "Dit document is al vergrendeld.")
    document.lock = secrets.token_hex(16)
    document.save(update_fields=["lock"])
    _audit(document, actor, "lock_document", after={"locked": True})
    return document.lock


@transaction.atomic
def unlock_document(*, document: InformatieObject, actor: Actor, lock: str, force: bool = False) -> None:
    """Unlock a document; with parts uploaded, join them into its file first.

    drc-009: only with the current lock id, unless ``force`` (scope documenten.geforceerd-unlock).
    All bestandsdelen must be complete (``incomplete-upload``), else the lock stays.
    """
    document = _locked(document)
    if not force and (not document.lock or lock != document.lock):
        raise FieldProblem.single(
            "nonFieldErrors", "incorrect-lock-id", "Dit is niet de lock van dit document."
        )
    parts = list(document.bestandsdelen.all())
    if parts:
        if all(part.is_complete for part in parts):
            join_parts(document, parts)
        elif lock and lock == document.lock:
            raise FieldProblem.single(
                "nonFieldErrors", "incomplete-upload", "Niet alle bestandsdelen zijn al verstuurd."
            )
        else:
            # A forced unlock ends an upload someone abandoned: its parts go.
            drop_parts(document)
    document.lock = ""
    document.save()
    _audit(document, actor, "unlock_document", after={"locked": False})
    _notify(document, "update")


def document_at(
    document: InformatieObject,
    *,
    version: int | None = None,
    registered_on_or_before: datetime.datetime | None = None,
) -> tuple[InformatieObject, Any]:
    """The document as it was in ``version`` (or at that moment), and the file of that version.

    Returns an unsaved copy for an earlier version; raises InformatieObject.DoesNotExist
    when there is no such version.
    """
    current_at = document.registered_at or document.uploaded_at
    if version is None and registered_on_or_before is None:
        return document, document.file
    if version == document.version or (
        version is None and registered_on_or_before is not None and current_at <= registered_on_or_before
    ):
        return document, document.file
    earlier = document.versions.all()
    if version is not None:
        earlier = earlier.filter(version=version)
    else:
        earlier = earlier.filter(registered_at__lte=registered_on_or_before).order_by("-version")
    found = earlier.first()
    if found is None:
        raise InformatieObject.DoesNotExist("Deze versie bestaat niet.")
    copy = InformatieObject(
        pk=document.pk,
        uuid=document.uuid,
        tenant_id=document.tenant_id,
        zaak_id=document.zaak_id,
        lock=document.lock,
        uploaded_at=document.uploaded_at,
        is_registered=document.is_registered,
    )
    for name in VERSIONED_FIELDS:
        value = found.data.get(name)
        if name != "informatieobjecttype_id":
            value = InformatieObject._meta.get_field(name.removesuffix("_id")).to_python(value)
        setattr(copy, name, value)
    copy.version = found.version
    copy.registered_at = found.registered_at
    copy.informatieobjecttype = InformatieObjectType.objects.get(pk=copy.informatieobjecttype_id)
    mark_empty(copy, "bestandsdelen")
    return copy, found.file


# --- documents from the portal and the back office --------------------------------------------


def store_upload(
    *,
    tenant: Organisation,
    informatieobjecttype_id: int,
    upload: File,
    content_type: str,
    actor: Actor,
    zaak: Zaak | None = None,
    draft: RequestDraft | None = None,
    title: str = "",
    **links: Any,
) -> InformatieObject:
    """Store an uploaded file (already checked by ``check_upload``) as a document.

    Called inside the caller's transaction: the document gets its Documenten API metadata,
    its zaak as a zaakinformatieobject, and a notification on the ``documenten`` kanaal.
    """
    iot = InformatieObjectType.objects.get(pk=informatieobjecttype_id)
    now = clock.now()
    key = uuid.uuid4()
    document = InformatieObject.objects.create(
        uuid=key,
        tenant=tenant,
        zaak=zaak,
        draft=draft,
        informatieobjecttype=iot,
        # Shown and offered on download under its own name; on disk under the document's id.
        file=File(upload, name=stored_name(key, upload.name or "")),
        filename=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        added_by=actor.label[:255],
        titel=(title or upload.name)[:200],
        author=actor.label[:200] or "Plus1",
        bronorganisatie=tenant.rsin or "",
        created_on=timezone.localdate(now),
        confidentiality=iot.confidentiality,
        registered_at=now,
        **links,
    )
    _give_identificatie(document)
    if zaak is not None:
        create_zaak_link(zaak=zaak, document=document, registered_at=now)
    _notify(document, "create", iot=iot)
    return document


# --- gebruiksrechten --------------------------------------------------------------------------


def _set_usage_rights(document: InformatieObject, value: bool | None) -> None:
    if document.has_usage_rights != value:
        InformatieObject.objects.filter(pk=document.pk).update(has_usage_rights=value)
        document.has_usage_rights = value
        _notify(document, "partial_update")


@transaction.atomic
def add_gebruiksrecht(
    *,
    document: InformatieObject,
    actor: Actor,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    conditions: str,
) -> Gebruiksrecht:
    """Record the conditions for using a document; drc-006: it then has indicatieGebruiksrecht true."""
    document = _locked(document)
    right = Gebruiksrecht.objects.create(
        tenant_id=document.tenant_id,
        informatieobject=document,
        starts_at=starts_at,
        ends_at=ends_at,
        conditions=conditions,
    )
    _set_usage_rights(document, True)
    record_change(
        tenant=document.tenant,
        actor=actor,
        action="add_gebruiksrecht",
        obj=right,
        after={"conditions": conditions},
        main_object=document,
    )
    return right


@transaction.atomic
def update_gebruiksrecht(*, right: Gebruiksrecht, actor: Actor, values: Mapping[str, Any]) -> Gebruiksrecht:
    """Change the dates or conditions of a gebruiksrecht (its document stays the same)."""
    right = (
        Gebruiksrecht.objects.select_for_update().select_related("informatieobject__tenant").get(pk=right.pk)
    )
    before = {"conditions": right.conditions}
    for name in ("starts_at", "ends_at", "conditions"):
        if name in values:
            setattr(right, name, values[name])
    right.save()
    record_change(
        tenant=right.informatieobject.tenant,
        actor=actor,
        action="update_gebruiksrecht",
        obj=right,
        before=before,
        after={"conditions": right.conditions},
        main_object=right.informatieobject,
    )
    return right


@transaction.atomic
def delete_gebruiksrecht(*, right: Gebruiksrecht, actor: Actor) -> None:
    """Remove a gebruiksrecht; drc-006: without any left, indicatieGebruiksrecht is unknown (null)."""
    right = Gebruiksrecht.objects.select_for_update().select_related("informatieobject").get(pk=right.pk)
    document = _locked(right.informatieobject)
    record_change(
        tenant=document.tenant,
        actor=actor,
        action="delete_gebruiksrecht",
        obj=right,
        before={"conditions": right.conditions},
        main_object=document,
    )
    right.delete()
    if not document.gebruiksrechten.exists():
        _set_usage_rights(document, None)
