"""The Catalogi API's writes to catalogussen and types (zaaktype, informatieobjecttype, besluittype).

A concept may change freely; a published type only through ``geforceerd-schrijven``, and then
only by additions (ztc-010). The parts of a zaaktype are in ``parts``: they follow their
zaaktype's publication instead of having one, and send no notification of their own. The
helpers both need (``_full_clean``) stay here, so ``parts`` imports this module and not the
other way round."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from plus1.audit.services import Actor, record_change
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import publish
from plus1.tenants.models import Organisation

from ..constants import PublicationStatus
from ..exceptions import (
    CannotPublish,
)
from ..models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    Process,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .products import link_products
from .versions import ZAAKTYPE_CONTENT_FIELDS, publish_zaaktype, snapshot_of

_KANALEN = {ZaakType: "zaaktypen", InformatieObjectType: "informatieobjecttypen", BesluitType: "besluittypen"}
_RESOURCES = {ZaakType: "zaaktype", InformatieObjectType: "informatieobjecttype", BesluitType: "besluittype"}


def _catalogus_of(obj: Any) -> Catalogus:
    return obj.process.catalogus if isinstance(obj, ZaakType) else obj.catalogus


def _notify(obj: Any, actie: str) -> None:
    """Tell the type's kanaal (kenmerk ``catalogus``), inside the change's transaction (outbox)."""
    model = type(obj)
    kanaal = _KANALEN[model]
    url = zgw.url("catalogi", kanaal, obj.uuid)
    publish(
        tenant=obj.tenant_id,
        kanaal=kanaal,
        hoofd_object=url,
        resource=_RESOURCES[model],
        resource_url=url,
        actie=actie,
        kenmerken={"catalogus": zgw.url("catalogi", "catalogussen", _catalogus_of(obj).uuid)},
    )


def _full_clean(obj: Any, *, exclude: tuple[str, ...] = ()) -> None:
    """Model validation as a ``FieldProblem`` (field names as the model spells them)."""
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise FieldProblem(
            [
                (name if name != "__all__" else "nonFieldErrors", "invalid", message)
                for name, messages in exc.message_dict.items()
                for message in messages
            ]
        ) from exc


def _refuse_if_published(obj: Any, what: str) -> None:
    if obj.is_published:
        # ZGW ztc-009 / ztc-010: published types and their parts never change in place.
        raise FieldProblem.single(
            "nonFieldErrors",
            "non-concept-object",
            f"{what} is gepubliceerd en kan niet meer worden gewijzigd of verwijderd.",
        )


@transaction.atomic
def create_zaaktype(
    *,
    catalogus: Catalogus,
    identificatie: str,
    actor: Actor,
    besluittypen: list[BesluitType] = (),
    **content: Any,
) -> ZaakType:
    """Create a concept zaaktype: the first version of a process, or the next one.

    Versions share their ``identificatie`` (ZGW history model); only one concept version of
    a process may exist at a time. Related besluittypen must be in the same catalogus (ztc-013).
    """
    unknown = set(content) - {*ZAAKTYPE_CONTENT_FIELDS, "valid_until", "lead_time_source"}
    if unknown:
        raise ValueError(f"Unknown zaaktype fields: {sorted(unknown)}")
    if any(besluittype.catalogus_id != catalogus.pk for besluittype in besluittypen):
        raise FieldProblem.single(
            "besluittypen",
            "relations-incorrect-catalogus",
            "Alle besluittypen moeten in dezelfde catalogus staan.",
        )
    process, _created = Process.objects.get_or_create(
        tenant=catalogus.tenant, identificatie=identificatie, defaults={"catalogus": catalogus}
    )
    if process.catalogus_id != catalogus.pk:
        raise FieldProblem.single(
            "identificatie", "unique", "Deze identificatie wordt al gebruikt in een andere catalogus."
        )
    versions = ZaakType.objects.select_for_update().filter(process=process)
    if versions.exclude(status=PublicationStatus.PUBLISHED).exists():
        raise FieldProblem.single(
            "identificatie", "concept-exists", "Van dit zaaktype bestaat al een conceptversie."
        )
    highest = versions.aggregate(highest=Max("version"))["highest"] or 0
    link_products(content)
    zaaktype = ZaakType(tenant=catalogus.tenant, process=process, version=highest + 1, **content)
    _full_clean(zaaktype, exclude=("tenant", "process"))
    zaaktype.save()
    zaaktype.besluittypen.set(besluittypen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="create_zaaktype",
        obj=zaaktype,
        after={"identificatie": identificatie, "version": zaaktype.version},
    )
    _notify(zaaktype, "create")
    return zaaktype


@transaction.atomic
def change_zaaktype(
    *,
    zaaktype: ZaakType,
    actor: Actor,
    actie: str = "partial_update",
    forced: bool = False,
    besluittypen: list[BesluitType] | None = None,
    **changes: Any,
) -> ZaakType:
    """Change a zaaktype through the API: any content while concept (ztc-009).

    A published zaaktype only takes a new ``valid_until`` (eindeGeldigheid), or any change
    as a correction by an application with ``catalogi.geforceerd-schrijven``.
    """
    zaaktype = ZaakType.objects.select_for_update().select_related("process").get(pk=zaaktype.pk)
    if zaaktype.is_published and not forced and (besluittypen is not None or set(changes) - {"valid_until"}):
        _refuse_if_published(zaaktype, str(zaaktype))
    if besluittypen is not None and any(
        b.catalogus_id != zaaktype.process.catalogus_id for b in besluittypen
    ):
        raise FieldProblem.single(
            "besluittypen",
            "relations-incorrect-catalogus",
            "Alle besluittypen moeten in dezelfde catalogus staan.",  # ztc-013
        )
    unknown = set(changes) - set(ZAAKTYPE_CONTENT_FIELDS) - {"valid_until"}
    if unknown:
        raise ValueError(f"Unknown zaaktype fields: {sorted(unknown)}")
    link_products(changes, zaaktype)
    before = snapshot_of(zaaktype, tuple(changes))
    for name, value in changes.items():
        setattr(zaaktype, name, value)
    _full_clean(zaaktype)
    if zaaktype.is_published and {"valid_from", "valid_until"} & set(changes):
        _refuse_overlap(zaaktype)
    zaaktype.save()
    if besluittypen is not None:
        zaaktype.besluittypen.set(besluittypen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="change_zaaktype",
        obj=zaaktype,
        before=before,
        after=snapshot_of(zaaktype, tuple(changes)),
    )
    _notify(zaaktype, actie)
    return zaaktype


def _refuse_overlap(zaaktype: ZaakType) -> None:
    """ztc-016: published versions of one zaaktype never overlap (no end date: valid for ever)."""
    end = zaaktype.valid_until or datetime.date.max
    others = (
        ZaakType.objects.published()
        .filter(process_id=zaaktype.process_id, valid_from__lte=end)
        .exclude(pk=zaaktype.pk)
    )
    for other in others:
        if (other.valid_until or datetime.date.max) >= zaaktype.valid_from:
            raise FieldProblem.single(
                "valid_until" if zaaktype.valid_until else "valid_from",
                "overlap",
                f"Dan overlapt deze versie met versie {other.version} (geldig vanaf "
                f"{other.valid_from:%d-%m-%Y}); gepubliceerde versies mogen niet overlappen.",
            )


def _delete_type(obj: Any, *, actor: Actor, what: str, forced: bool) -> None:
    if not forced:
        _refuse_if_published(obj, what)
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"delete_{_RESOURCES[type(obj)]}",
        obj=obj,
        before={"uuid": str(obj.uuid)},
    )
    _notify(obj, "destroy")


@transaction.atomic
def delete_zaaktype(*, zaaktype: ZaakType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept zaaktype with its parts (ztc-009); a published one only when ``forced``.

    A zaaktype that zaken or gemeenten use stays: the database protects it.
    """
    zaaktype = ZaakType.objects.select_for_update().select_related("process__catalogus").get(pk=zaaktype.pk)
    if zaaktype.zaken.exists() or zaaktype.adoptions.exists():
        raise FieldProblem.single(
            "nonFieldErrors", "in-use", "Dit zaaktype is in gebruik (zaken of gemeenten) en blijft bestaan."
        )
    _delete_type(zaaktype, actor=actor, what=str(zaaktype), forced=forced)
    process = zaaktype.process
    zaaktype.delete()
    if not process.versions.exists():
        process.delete()


@transaction.atomic
def delete_informatieobjecttype(*, iot: InformatieObjectType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept informatieobjecttype (ztc-009) that no zaaktype or besluittype uses."""
    iot = InformatieObjectType.objects.select_for_update().select_related("catalogus").get(pk=iot.pk)
    if ZaakTypeInformatieObjectType.objects.filter(informatieobjecttype=iot).exists():
        raise FieldProblem.single(
            "nonFieldErrors", "in-use", "Dit informatieobjecttype hoort bij een zaaktype en blijft bestaan."
        )
    if iot.besluittypen.exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "in-use",
            "Dit informatieobjecttype hoort bij een besluittype en blijft bestaan.",
        )
    _delete_type(iot, actor=actor, what=str(iot), forced=forced)
    iot.delete()


@transaction.atomic
def delete_besluittype(*, besluittype: BesluitType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept besluittype (ztc-009)."""
    besluittype = BesluitType.objects.select_for_update().select_related("catalogus").get(pk=besluittype.pk)
    _delete_type(besluittype, actor=actor, what=str(besluittype), forced=forced)
    besluittype.delete()


def _publish_type(model: type, obj: Any, actor: Actor) -> Any:
    obj = model.objects.select_for_update().select_related("catalogus").get(pk=obj.pk)
    if obj.is_published:
        raise FieldProblem.single("nonFieldErrors", "published", f"{obj} is al gepubliceerd.")
    obj.status = PublicationStatus.PUBLISHED
    obj.save(update_fields=["status"])
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"publish_{_RESOURCES[model]}",
        obj=obj,
        after={"status": obj.status},
    )
    _notify(obj, "update")
    return obj


@transaction.atomic
def publish_informatieobjecttype(*, iot: InformatieObjectType, actor: Actor) -> InformatieObjectType:
    """Publish a concept informatieobjecttype, so zaaktypen using it can be published (ztc-012)."""
    return _publish_type(InformatieObjectType, iot, actor)


@transaction.atomic
def publish_besluittype(*, besluittype: BesluitType, actor: Actor) -> BesluitType:
    """Publish a concept besluittype, so zaaktypen using it can be published (ztc-012)."""
    return _publish_type(BesluitType, besluittype, actor)


@transaction.atomic
def publish_zaaktype_via_api(*, zaaktype: ZaakType, actor: Actor) -> ZaakType:
    """Publish a zaaktype as ``publish_zaaktype`` does, and tell the ``zaaktypen`` kanaal."""
    try:
        zaaktype = publish_zaaktype(zaaktype=zaaktype, actor=actor)
    except CannotPublish as exc:
        raise FieldProblem.single("nonFieldErrors", "publish-not-allowed", str(exc)) from exc
    _notify(zaaktype, "update")
    return zaaktype


@transaction.atomic
def create_informatieobjecttype(*, catalogus: Catalogus, actor: Actor, **values: Any) -> InformatieObjectType:
    """Create a concept informatieobjecttype in ``catalogus``; its omschrijving is unique there."""
    return _create_type(InformatieObjectType, catalogus=catalogus, actor=actor, values=values)


@transaction.atomic
def create_besluittype(
    *,
    catalogus: Catalogus,
    actor: Actor,
    informatieobjecttypen: Sequence[InformatieObjectType] = (),
    **values: Any,
) -> BesluitType:
    """Create a concept besluittype in ``catalogus``; its omschrijving is unique there.

    Its ``informatieobjecttypen`` (where its besluiten are recorded) are of the same catalogus
    (ztc-013).
    """
    _check_besluittype_documents(catalogus, informatieobjecttypen)
    besluittype = _create_type(BesluitType, catalogus=catalogus, actor=actor, values=values)
    besluittype.informatieobjecttypen.set(informatieobjecttypen)
    return besluittype


def _check_besluittype_documents(
    catalogus: Catalogus, informatieobjecttypen: Sequence[InformatieObjectType]
) -> None:
    if any(iot.catalogus_id != catalogus.pk for iot in informatieobjecttypen):
        raise FieldProblem.single(
            "informatieobjecttypen",
            "relations-incorrect-catalogus",
            "Een informatieobjecttype moet in dezelfde catalogus staan als het besluittype.",
        )


def _create_type(model: type, *, catalogus: Catalogus, actor: Actor, values: dict) -> Any:
    if model.objects.filter(catalogus=catalogus, omschrijving=values.get("omschrijving")).exists():
        raise FieldProblem.single(
            "omschrijving", "unique", "Deze omschrijving bestaat al in de catalogus; kies een andere."
        )
    obj = model(tenant=catalogus.tenant, catalogus=catalogus, **values)
    _full_clean(obj, exclude=("tenant", "catalogus"))
    obj.save()
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"create_{_RESOURCES[model]}",
        obj=obj,
        after={name: str(value) for name, value in values.items()},
    )
    _notify(obj, "create")
    return obj


@transaction.atomic
def change_type(
    *, obj: InformatieObjectType | BesluitType, actor: Actor, actie: str, forced: bool = False, **changes: Any
) -> Any:
    """Change an informatieobjecttype or besluittype: anything while concept (ztc-009).

    Published, it only takes a new ``valid_until`` (eindeGeldigheid), unless the change is
    a correction by an application with ``catalogi.geforceerd-schrijven`` (``forced``).
    """
    model = type(obj)
    obj = model.objects.select_for_update().select_related("catalogus").get(pk=obj.pk)
    documents = changes.pop("informatieobjecttypen", None)
    documents_before: list = []
    if documents is not None:
        # Only a besluittype has them (the service's callers pass them for one only).
        documents_before = list(obj.informatieobjecttypen.all())
        _check_besluittype_documents(obj.catalogus, documents)
        if set(documents) == set(documents_before):
            documents = None
    if obj.is_published and not forced and (set(changes) - {"valid_until"} or documents is not None):
        _refuse_if_published(obj, str(obj))
    if obj.is_published and documents is not None and not set(documents_before) <= set(documents):
        # A correction of a published type may only add (ztc-010, Catalogi 1.3).
        _refuse_if_published(obj, str(obj))
    if (
        "omschrijving" in changes
        and model.objects.filter(catalogus_id=obj.catalogus_id, omschrijving=changes["omschrijving"])
        .exclude(pk=obj.pk)
        .exists()
    ):
        raise FieldProblem.single(
            "omschrijving", "unique", "Deze omschrijving bestaat al in de catalogus; kies een andere."
        )
    before = {name: str(getattr(obj, name)) for name in changes}
    for name, value in changes.items():
        setattr(obj, name, value)
    _full_clean(obj)
    obj.save()
    after = {name: str(getattr(obj, name)) for name in changes}
    if documents is not None:
        obj.informatieobjecttypen.set(documents)
        before["informatieobjecttypen"] = ", ".join(sorted(iot.omschrijving for iot in documents_before))
        after["informatieobjecttypen"] = ", ".join(sorted(iot.omschrijving for iot in documents))
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"change_{_RESOURCES[model]}",
        obj=obj,
        before=before,
        after=after,
    )
    _notify(obj, actie)
    return obj


CATALOGUS_FIELDS = ("domein", "naam", "contactpersoon", "contact_email")


@transaction.atomic
def create_catalogus(*, tenant: Organisation, actor: Actor, **values: Any) -> Catalogus:
    """Create a catalogus of ``tenant``; its ``domein`` is unique within the organisation."""
    if Catalogus.objects.for_tenant(tenant).filter(domein=values.get("domein")).exists():
        raise FieldProblem.single("domein", "unique", "Uw organisatie heeft al een catalogus met dit domein.")
    catalogus = Catalogus(tenant=tenant, **values)
    _full_clean(catalogus, exclude=("tenant",))
    catalogus.save()
    record_change(tenant=tenant, actor=actor, action="create_catalogus", obj=catalogus, after=values)
    return catalogus


@transaction.atomic
def change_catalogus(*, catalogus: Catalogus, actor: Actor, **changes: Any) -> Catalogus:
    """Change the name, domein or contact of a catalogus (Catalogi 1.3.3 allows it)."""
    catalogus = Catalogus.objects.select_for_update().get(pk=catalogus.pk)
    if (
        "domein" in changes
        and Catalogus.objects.for_tenant(catalogus.tenant)
        .filter(domein=changes["domein"])
        .exclude(pk=catalogus.pk)
        .exists()
    ):
        raise FieldProblem.single("domein", "unique", "Uw organisatie heeft al een catalogus met dit domein.")
    before = snapshot_of(catalogus, tuple(changes))
    for name, value in changes.items():
        setattr(catalogus, name, value)
    _full_clean(catalogus)
    catalogus.save()
    record_change(
        tenant=catalogus.tenant,
        actor=actor,
        action="change_catalogus",
        obj=catalogus,
        before=before,
        after=snapshot_of(catalogus, tuple(changes)),
    )
    return catalogus
