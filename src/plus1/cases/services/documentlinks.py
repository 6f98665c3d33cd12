"""Documents related to zaken (Zaken API zaakinformatieobjecten) and their mirror in the
Documenten API (objectinformatieobjecten), kept in step in one transaction (zrc-004, brc-005).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, transaction

from plus1.audit.services import Actor
from plus1.core import clock, zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import publish

from ..constants import ObjectType
from ..models import InformatieObject, ObjectInformatieObject, Zaak, ZaakInformatieObject
from ..processing import record_change


def create_zaak_link(
    *,
    zaak: Zaak,
    document: InformatieObject,
    registered_at: datetime.datetime,
    titel: str = "",
    beschrijving: str = "",
) -> ZaakInformatieObject:
    link = ZaakInformatieObject.objects.create(
        tenant_id=zaak.tenant_id,
        zaak=zaak,
        informatieobject=document,
        titel=titel or document.titel,
        beschrijving=beschrijving,
        registered_at=registered_at,
    )
    # zrc-004: the Documenten API shows the same relation.
    ObjectInformatieObject.objects.get_or_create(
        tenant_id=zaak.tenant_id,
        informatieobject=document,
        object_type=ObjectType.ZAAK,
        object_uuid=zaak.uuid,
    )
    return link


def _notify_zaak(zaak: Zaak, link: ZaakInformatieObject, actie: str) -> None:
    zaak_url = zgw.url("zaken", "zaken", zaak.uuid)
    publish(
        tenant=zaak.tenant_id,
        kanaal="zaken",
        hoofd_object=zaak_url,
        resource="zaakinformatieobject",
        resource_url=zgw.url("zaken", "zaakinformatieobjecten", link.uuid),
        actie=actie,
        kenmerken={
            "bronorganisatie": zaak.bronorganisatie,
            "zaaktype": zgw.url("catalogi", "zaaktypen", zaak.zaaktype.uuid),
            "vertrouwelijkheidaanduiding": zaak.confidentiality,
        },
    )


@transaction.atomic
def link_zaak_document(
    *, zaak: Zaak, document: InformatieObject, actor: Actor, titel: str = "", beschrijving: str = ""
) -> ZaakInformatieObject:
    """Relate a document to a zaak (Zaken API zaakinformatieobject, aardRelatie hoort_bij).

    zrc-017: the document's type must be one of the zaaktype's informatieobjecttypen.
    zrc-003/004: registratiedatum is set here and the relation shows in the Documenten API.
    A document without a zaak shows under this zaak in the back office from now on.
    """
    if document.tenant_id != zaak.tenant_id:
        raise FieldProblem.single("informatieobject", "bad-url", "Dit informatieobject bestaat niet.")
    if not zaak.zaaktype.document_types.filter(
        informatieobjecttype_id=document.informatieobjecttype_id
    ).exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "missing-zaaktype-informatieobjecttype-relation",
            "Het informatieobjecttype van dit document hoort niet bij het zaaktype van de zaak.",
        )
    if ZaakInformatieObject.objects.filter(
        tenant_id=zaak.tenant_id, zaak=zaak, informatieobject=document
    ).exists():
        raise FieldProblem.single("nonFieldErrors", "unique", "Dit document hoort al bij deze zaak.")
    try:
        with transaction.atomic():
            link = create_zaak_link(
                zaak=zaak,
                document=document,
                registered_at=clock.now(),
                titel=titel,
                beschrijving=beschrijving,
            )
    except IntegrityError:
        raise FieldProblem.single(
            "nonFieldErrors", "unique", "Dit document hoort al bij deze zaak."
        ) from None
    if document.zaak_id is None:
        InformatieObject.objects.filter(pk=document.pk).update(zaak=zaak)
        document.zaak = zaak
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="link_document",
        obj=link,
        after={"document": str(document.uuid)},
        main_object=zaak,
    )
    _notify_zaak(zaak, link, "create")
    return link


@transaction.atomic
def update_zaak_link(
    *, link: ZaakInformatieObject, actor: Actor, values: Mapping[str, Any], partial: bool = False
) -> ZaakInformatieObject:
    """Change the titel, beschrijving or vernietigingsdatum of a zaakinformatieobject (zrc-005)."""
    link = ZaakInformatieObject.objects.select_for_update().select_related("zaak__zaaktype").get(pk=link.pk)
    before = {"titel": link.titel, "beschrijving": link.beschrijving}
    for name in ("titel", "beschrijving", "vernietigingsdatum"):
        if name in values:
            setattr(link, name, values[name])
    link.save()
    record_change(
        tenant=link.zaak.tenant,
        actor=actor,
        action="update_document_link",
        obj=link,
        before=before,
        after={"titel": link.titel, "beschrijving": link.beschrijving},
        main_object=link.zaak,
    )
    _notify_zaak(link.zaak, link, "partial_update" if partial else "update")
    return link


@transaction.atomic
def unlink_zaak_document(*, link: ZaakInformatieObject, actor: Actor) -> None:
    """Remove a zaakinformatieobject and its mirror in the Documenten API (zrc-004).

    The document itself stays; when this zaak was the one the back office shows it under,
    it moves to another zaak it belongs to, or stands on its own.
    """
    link = (
        ZaakInformatieObject.objects.select_for_update()
        .select_related("zaak__zaaktype", "informatieobject")
        .get(pk=link.pk)
    )
    zaak, document = link.zaak, link.informatieobject
    ObjectInformatieObject.objects.filter(
        tenant_id=zaak.tenant_id,
        informatieobject=document,
        object_type=ObjectType.ZAAK,
        object_uuid=zaak.uuid,
    ).delete()
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="unlink_document",
        obj=link,
        before={"document": str(document.uuid)},
        main_object=zaak,
    )
    _notify_zaak(zaak, link, "destroy")
    link.delete()
    if document.zaak_id == zaak.pk:
        other = document.zaakinformatieobjecten.order_by("registered_at", "id").first()
        InformatieObject.objects.filter(pk=document.pk).update(
            zaak_id=other.zaak_id if other else None, is_registered=True
        )


def link_object(
    *, informatieobject: InformatieObject, object_type: str, object_uuid: uuid.UUID
) -> ObjectInformatieObject:
    """Show a relation made at its source (a besluitinformatieobject) in the Documenten API.

    brc-005: the Besluiten API calls this inside the transaction that creates the relation;
    creating it twice returns the existing one.
    """
    relation, _created = ObjectInformatieObject.objects.get_or_create(
        tenant_id=informatieobject.tenant_id,
        informatieobject=informatieobject,
        object_type=object_type,
        object_uuid=object_uuid,
    )
    return relation


def unlink_object(*, informatieobject: InformatieObject, object_type: str, object_uuid: uuid.UUID) -> None:
    """Remove the Documenten API's mirror of a relation removed at its source (brc-005)."""
    ObjectInformatieObject.objects.filter(
        tenant_id=informatieobject.tenant_id,
        informatieobject=informatieobject,
        object_type=object_type,
        object_uuid=object_uuid,
    ).delete()


def remove_zaak_relations(*, zaak: Zaak) -> None:
    """Remove the Documenten API's mirror of every document relation of ``zaak`` (zrc-023).

    The Zaken API's DELETE of a zaak calls this in its transaction; the
    zaakinformatieobjecten themselves go with the zaak (cascade).
    """
    ObjectInformatieObject.objects.filter(
        tenant_id=zaak.tenant_id, object_type=ObjectType.ZAAK, object_uuid=zaak.uuid
    ).delete()


def link_documents_to_zaak(*, zaak: Zaak, documents: Iterable[InformatieObject]) -> None:
    """Give documents that just moved to ``zaak`` (a sent draft) their zaakinformatieobject."""
    now = clock.now()
    for document in documents:
        create_zaak_link(zaak=zaak, document=document, registered_at=now)
