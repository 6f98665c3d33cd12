"""Versions of a process's zaaktype (change, next version, publish), adoptions by gemeenten and
the gemeente's own product texts."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.accounts.models import Team
from plus1.audit.services import Actor, record_change
from plus1.core import clock
from plus1.tenants.models import Organisation

from ..constants import PublicationStatus
from ..exceptions import (
    CannotAdopt,
    CannotPublish,
    CannotWriteProductText,
    NoUpgradeAvailable,
    PublishedIsImmutable,
)
from ..models import (
    Adoption,
    Eigenschap,
    Product,
    ProductText,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from ..runnable import runnable_problems
from ..selectors import pending_upgrade
from .products import link_products

# Fields of a zaaktype version that describe its content; what a concept may change.
ZAAKTYPE_CONTENT_FIELDS = (
    "omschrijving",
    "omschrijving_generiek",
    "publicatietekst",
    "verantwoordingsrelatie",
    "broncatalogus",
    "bronzaaktype",
    "producten_of_diensten",
    "product",
    "gerelateerde_zaaktypen",
    "description",
    "purpose",
    "trigger",
    "subject",
    "initiator_action",
    "handler_action",
    "responsible",
    "direction",
    "confidentiality",
    "lead_time",
    "lead_time_source",
    "service_norm",
    "suspension_allowed",
    "extension_allowed",
    "extension_period",
    "extension_source",
    "selectielijst_procestype",
    "keywords",
    "is_for_residents",
    "is_for_businesses",
    "allows_online",
    "allows_anonymous",
    "valid_from",
)

ADOPTION_LOCAL_FIELDS = (
    "fee",
    "extra_information",
    "contact_email",
    "contact_phone",
    "offers_online",
    "offers_counter",
    "offers_phone",
    "offers_post",
)


def snapshot_of(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    result = {}
    for name in fields:
        value = (
            getattr(obj, name + "_id", None) if obj._meta.get_field(name).is_relation else getattr(obj, name)
        )
        if isinstance(value, Decimal | datetime.date):
            value = str(value)
        result[name] = value
    return result


@transaction.atomic
def update_zaaktype(*, zaaktype: ZaakType, actor: Actor, **changes: Any) -> ZaakType:
    """Change the content of a concept zaaktype.

    A published zaaktype never changes in place (ZGW Catalogi ztc-009): running zaken and
    adopting gemeenten rely on it. Make a new version instead.
    """
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    if zaaktype.is_published:
        raise PublishedIsImmutable(
            f"{zaaktype} is gepubliceerd en kan niet meer worden gewijzigd. Maak een nieuwe versie."
        )
    unknown = set(changes) - set(ZAAKTYPE_CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown zaaktype fields: {sorted(unknown)}")
    link_products(changes, zaaktype)
    before = snapshot_of(zaaktype, tuple(changes))
    for name, value in changes.items():
        setattr(zaaktype, name, value)
    zaaktype.full_clean()
    zaaktype.save()
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="update_zaaktype",
        obj=zaaktype,
        before=before,
        after=snapshot_of(zaaktype, tuple(changes)),
    )
    return zaaktype


@transaction.atomic
def create_next_version(*, zaaktype: ZaakType, valid_from: datetime.date, actor: Actor) -> ZaakType:
    """Start a new concept version of a process as a full copy of ``zaaktype``.

    The copy can be edited until it is published; the original stays as it is.
    """
    newest = ZaakType.objects.filter(process_id=zaaktype.process_id).order_by("-version").first()
    if newest is not None and not newest.is_published:
        raise CannotPublish(f"Er is al een conceptversie ({newest.version}) van dit proces.")
    parts = {
        StatusType: list(zaaktype.statustypen.all()),
        ResultaatType: list(zaaktype.resultaattypen.all()),
        RolType: list(zaaktype.roltypen.all()),
        Eigenschap: list(zaaktype.eigenschappen.all()),
        ZaakTypeInformatieObjectType: list(zaaktype.document_types.all()),
        ZaakObjectType: list(zaaktype.zaakobjecttypen.all()),
    }
    besluittypen = list(zaaktype.besluittypen.all())
    copy = ZaakType.objects.get(pk=zaaktype.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.uuid = uuid.uuid4()
    copy.version = newest.version + 1 if newest else 1
    copy.status = PublicationStatus.CONCEPT
    copy.published_at = None
    copy.valid_from = valid_from
    copy.valid_until = None
    copy.source_digest = ""
    copy.save()
    # Relations between parts point at the copies; those to besluittypen and
    # informatieobjecttypen (catalog-wide types) stay as they are.
    resultaattype_relations = {
        row.pk: (list(row.besluittypen.all()), list(row.informatieobjecttypen.all()))
        for row in parts[ResultaatType]
    }
    old_statustypen = {row.pk: row.volgnummer for row in parts[StatusType]}
    copied: dict[type, list] = {}
    for model, rows in parts.items():
        old_pks = [row.pk for row in rows]
        for row in rows:
            row.pk = row.id = None
            row.uuid = uuid.uuid4()
            row.zaaktype = copy
        copied[model] = list(zip(old_pks, model.objects.bulk_create(rows), strict=True))
    new_statustypen = {row.volgnummer: row for _old, row in copied[StatusType]}
    for model in (Eigenschap, ZaakTypeInformatieObjectType):
        for _old, row in copied[model]:
            if row.statustype_id is not None:
                row.statustype = new_statustypen[old_statustypen[row.statustype_id]]
                row.save(update_fields=["statustype"])
    for old_pk, resultaattype in copied[ResultaatType]:
        resultaattype_besluittypen, resultaattype_iots = resultaattype_relations[old_pk]
        resultaattype.besluittypen.set(resultaattype_besluittypen)
        resultaattype.informatieobjecttypen.set(resultaattype_iots)
    copy.besluittypen.set(besluittypen)
    record_change(
        tenant=copy.tenant,
        actor=actor,
        action="create_next_version",
        obj=copy,
        after={"from_version": zaaktype.version, "version": copy.version},
    )
    return copy


def publication_problems(zaaktype: ZaakType) -> list[str]:
    """List, in plain Dutch, what stops this zaaktype from being published (empty when ready).

    Only what the standard asks (ztc-012, ztc-016): a client may publish a zaaktype before it
    has statustypen, resultaattypen or an initiator. Where Plus1 runs zaken on it (adoption,
    portal, back office) ``catalog.runnable`` asks for those.
    """
    problems = []
    # ZGW ztc-012: related besluittypen and informatieobjecttypen must be published first.
    for besluittype in zaaktype.besluittypen.exclude(status=PublicationStatus.PUBLISHED):
        problems.append(f"Besluittype '{besluittype}' is nog niet gepubliceerd.")
    for link in zaaktype.document_types.select_related("informatieobjecttype").exclude(
        informatieobjecttype__status=PublicationStatus.PUBLISHED
    ):
        problems.append(f"Informatieobjecttype '{link.informatieobjecttype}' is nog niet gepubliceerd.")
    previous = (
        ZaakType.objects.published()
        .filter(process_id=zaaktype.process_id)
        .exclude(pk=zaaktype.pk)
        .order_by("-version")
        .first()
    )
    if previous is not None:
        if previous.version > zaaktype.version:
            problems.append(f"Er is al een nieuwere gepubliceerde versie ({previous.version}).")
        elif zaaktype.valid_from <= previous.valid_from:
            problems.append(
                f"De nieuwe versie moet later ingaan dan versie {previous.version} "
                f"(geldig vanaf {previous.valid_from:%d-%m-%Y})."
            )
    return problems


@transaction.atomic
def publish_zaaktype(*, zaaktype: ZaakType, actor: Actor) -> ZaakType:
    """Publish a concept version so gemeenten can adopt it.

    The previous published version stays usable by gemeenten that have not upgraded yet,
    but its validity ends the day before this one starts, so versions never overlap
    (ZGW ztc-016).
    """
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    if zaaktype.is_published:
        raise CannotPublish(f"{zaaktype} is al gepubliceerd.")
    problems = publication_problems(zaaktype)
    if problems:
        raise CannotPublish(" ".join(problems))
    previous = (
        ZaakType.objects.published()
        .select_for_update()
        .filter(process_id=zaaktype.process_id, valid_until__isnull=True)
        .exclude(pk=zaaktype.pk)
    )
    for old in previous:
        old.valid_until = zaaktype.valid_from - datetime.timedelta(days=1)
        old.save(update_fields=["valid_until", "updated_at"])
    zaaktype.status = PublicationStatus.PUBLISHED
    zaaktype.published_at = clock.now()
    zaaktype.save(update_fields=["status", "published_at", "updated_at"])
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="publish_zaaktype",
        obj=zaaktype,
        after={"version": zaaktype.version, "valid_from": str(zaaktype.valid_from)},
    )
    return zaaktype


@transaction.atomic
def adopt_process(
    *, gemeente: Organisation, zaaktype: ZaakType, actor: Actor, **local_values: Any
) -> Adoption:
    """Let a gemeente run a published process from the shared catalog, with its own settings.

    A gemeente adopts each process once; later versions arrive as upgrades it accepts.
    """
    if not gemeente.is_gemeente:
        raise CannotAdopt("Alleen een gemeente kan een proces overnemen.")
    if not zaaktype.is_published:
        raise CannotAdopt(f"{zaaktype} is nog niet gepubliceerd en kan niet worden overgenomen.")
    if zaaktype.tenant_id != gemeente.pk and not zaaktype.tenant.is_collective:
        raise CannotAdopt("Dit zaaktype hoort bij een andere organisatie.")
    _require_runnable(zaaktype)
    if Adoption.objects.for_tenant(gemeente).filter(process_id=zaaktype.process_id).exists():
        raise CannotAdopt(f"De gemeente heeft '{zaaktype.omschrijving}' al overgenomen.")
    _check_local_fields(local_values)
    adoption = Adoption(tenant=gemeente, process_id=zaaktype.process_id, zaaktype=zaaktype, **local_values)
    _validate(adoption)
    adoption.save()
    record_change(
        tenant=gemeente,
        actor=actor,
        action="adopt_process",
        obj=adoption,
        after={
            "zaaktype": str(zaaktype.uuid),
            "version": zaaktype.version,
            **snapshot_of(adoption, tuple(local_values)),
        },
    )
    return adoption


@transaction.atomic
def update_adoption(*, adoption: Adoption, actor: Actor, **local_values: Any) -> Adoption:
    """Change a gemeente's local settings (fee, text, contact, channels) of an adopted process."""
    adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
    _check_local_fields(local_values)
    before = snapshot_of(adoption, tuple(local_values))
    for name, value in local_values.items():
        setattr(adoption, name, value)
    _validate(adoption)
    adoption.save()
    record_change(
        tenant=adoption.tenant,
        actor=actor,
        action="update_adoption",
        obj=adoption,
        before=before,
        after=snapshot_of(adoption, tuple(local_values)),
    )
    return adoption


@transaction.atomic
def set_adoption_team(*, adoption: Adoption, team: Team | None, actor: Actor) -> Adoption:
    """Choose the team of the gemeente that gets the new zaken of this adopted process."""
    adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
    if team is not None and team.tenant_id != adoption.tenant_id:
        raise CannotAdopt("Dit team hoort bij een andere gemeente.")
    before = {"team": adoption.team_id}
    if adoption.team_id != (team.pk if team else None):
        adoption.team = team
        adoption.save(update_fields=["team", "updated_at"])
        record_change(
            tenant=adoption.tenant,
            actor=actor,
            action="set_adoption_team",
            obj=adoption,
            before=before,
            after={"team": adoption.team_id},
        )
    return adoption


@transaction.atomic
def accept_upgrade(*, adoption: Adoption, actor: Actor) -> Adoption:
    """Move a gemeente to the newest published version of a process it runs.

    Local settings stay as they are. Zaken already running keep the version they started
    with; only new zaken use the new version.
    """
    adoption = Adoption.objects.select_for_update().select_related("zaaktype").get(pk=adoption.pk)
    newer = pending_upgrade(adoption)
    if newer is None:
        raise NoUpgradeAvailable(f"Er is geen nieuwere versie van '{adoption.zaaktype.omschrijving}'.")
    _require_runnable(newer)
    old_version = adoption.zaaktype.version
    adoption.zaaktype = newer
    adoption.save(update_fields=["zaaktype", "updated_at"])
    record_change(
        tenant=adoption.tenant,
        actor=actor,
        action="accept_upgrade",
        obj=adoption,
        before={"version": old_version},
        after={"version": newer.version},
    )
    return adoption


def _require_runnable(zaaktype: ZaakType) -> None:
    """A gemeente runs zaken on what it adopts: the version needs what Plus1 needs (catalog.runnable).

    Without a UPL product it may still be adopted: an internal process, not offered in the portal.
    """
    problems = runnable_problems(zaaktype)
    if problems:
        raise CannotAdopt(
            f"Versie {zaaktype.version} van '{zaaktype.omschrijving}' kan nog geen zaken uitvoeren: "
            + " ".join(problems)
            + " Vul het zaaktype aan in een nieuwe versie en publiceer die."
        )


def _check_local_fields(values: dict[str, Any]) -> None:
    unknown = set(values) - set(ADOPTION_LOCAL_FIELDS)
    if unknown:
        raise ValueError(f"Not a local setting of an adoption: {sorted(unknown)}")


def _validate(adoption: Adoption) -> None:
    try:
        adoption.full_clean(exclude=["tenant", "process", "zaaktype"], validate_unique=False)
    except ValidationError as exc:
        raise CannotAdopt(" ".join(exc.messages)) from exc


PRODUCT_TEXT_FIELDS = ("text", "url", "url_label")


@transaction.atomic
def save_product_text(
    *, gemeente: Organisation, product: Product, actor: Actor, text: str, url: str = "", url_label: str = ""
) -> ProductText:
    """Set the gemeente's own text on a product page, adopted or not (one per product)."""
    if not gemeente.is_gemeente:
        raise CannotWriteProductText("Alleen een gemeente kan een eigen producttekst schrijven.")
    existing = ProductText.objects.for_tenant(gemeente).select_for_update().filter(product=product).first()
    before = snapshot_of(existing, PRODUCT_TEXT_FIELDS) if existing else None
    product_text = existing or ProductText(tenant=gemeente, product=product)
    product_text.text, product_text.url, product_text.url_label = text, url, url_label
    try:
        product_text.full_clean()
    except ValidationError as exc:
        raise CannotWriteProductText("; ".join(exc.messages)) from exc
    product_text.save()
    record_change(
        tenant=gemeente,
        actor=actor,
        action="save_product_text",
        obj=product_text,
        before=before,
        after=snapshot_of(product_text, PRODUCT_TEXT_FIELDS),
    )
    return product_text


# Types as the Catalogi API (ZTC) changes them. The back office uses the same doors.

# The kanaal and collection of each main type; sub-types notify through their zaaktype.
