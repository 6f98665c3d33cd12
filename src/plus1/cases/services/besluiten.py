"""Besluiten: every change to a besluit and the documents that lay it down (ZGW Besluiten API).

The back office decides through ``closing.decide_zaak``, which uses the same notification and
audit helpers, so a besluit looks and announces itself the same whichever channel made it.
Each change is one transaction: the row, its audit record and its notification (outbox) land
together or not at all.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from plus1.audit.services import Actor
from plus1.catalog.models import BesluitType
from plus1.core import clock, zgw
from plus1.core.exceptions import FieldProblem
from plus1.core.validators import passes_eleven_test
from plus1.notifications.services import publish
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

from ..constants import BESLUIT_NUMBER_PREFIX
from ..models import Besluit, BesluitInformatieObject, InformatieObject, Zaak
from ..processing import record_change
from .organisations import check_registering_organisation
from .zaakbesluiten import announce_zaakbesluit

KANAAL = "besluiten"

# The fields of a besluit a change may set, with the name the ZGW standard gives each; a
# FieldProblem names the field as the caller spelled it.
FIELD_NAMES = {
    "identificatie": "identificatie",
    "verantwoordelijke_organisatie": "verantwoordelijkeOrganisatie",
    "besluittype": "besluittype",
    "zaak": "zaak",
    "decided_on": "datum",
    "toelichting": "toelichting",
    "bestuursorgaan": "bestuursorgaan",
    "effective_on": "ingangsdatum",
    "expires_on": "vervaldatum",
    "expiry_reason": "vervalreden",
    "published_on": "publicatiedatum",
    "sent_on": "verzenddatum",
    "respond_by": "uiterlijkeReactiedatum",
}
# brc-001 / brc-002: what identifies a besluit never changes; brc-006: nor does its zaak, so a
# besluit and its zaak (and the zaakbesluit mirrored there) stay consistent.
IMMUTABLE_FIELDS = ("besluittype", "identificatie", "verantwoordelijke_organisatie", "zaak")


def besluit_url(besluit: Besluit) -> str:
    return zgw.url("besluiten", "besluiten", besluit.uuid)


def snapshot(besluit: Besluit) -> dict[str, Any]:
    """The besluit as the audit trail keeps it (no personal data beyond what the besluit holds)."""

    def day(value: datetime.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "identificatie": besluit.identificatie,
        "verantwoordelijke_organisatie": besluit.verantwoordelijke_organisatie,
        "besluittype": str(besluit.besluittype.uuid),
        "zaak": str(besluit.zaak.uuid) if besluit.zaak_id else None,
        "datum": day(besluit.decided_on),
        "ingangsdatum": day(besluit.effective_on),
        "vervaldatum": day(besluit.expires_on),
        "vervalreden": besluit.expiry_reason,
        "bestuursorgaan": besluit.bestuursorgaan,
        "publicatiedatum": day(besluit.published_on),
        "verzenddatum": day(besluit.sent_on),
        "uiterlijke_reactiedatum": day(besluit.respond_by),
        "toelichting": besluit.toelichting,
    }


def notify(
    besluit: Besluit, actie: str, *, resource: str = "besluit", resource_url: str | None = None
) -> None:
    """Put the change on kanaal ``besluiten`` in the outbox, in the caller's transaction."""
    publish(
        tenant=besluit.tenant_id,
        kanaal=KANAAL,
        hoofd_object=besluit_url(besluit),
        resource=resource,
        resource_url=resource_url or besluit_url(besluit),
        actie=actie,
        kenmerken={
            "verantwoordelijke_organisatie": besluit.verantwoordelijke_organisatie,
            "besluittype": zgw.url("catalogi", "besluittypen", besluit.besluittype.uuid),
        },
    )


def announce_created(besluit: Besluit, *, actor: Actor) -> None:
    """Audit and notify a new besluit; ``decide_zaak`` and ``create_besluit`` both end here."""
    record_change(
        tenant=besluit.tenant, actor=actor, action="create_besluit", obj=besluit, after=snapshot(besluit)
    )
    notify(besluit, "create")
    if besluit.zaak_id:
        announce_zaakbesluit(besluit.zaak, besluit, actor=actor, actie="create")


def _check(tenant: Organisation, values: dict[str, Any]) -> None:
    """The rules every new or changed besluit meets; all problems at once."""
    problems: list[tuple[str, str, str]] = []
    besluittype: BesluitType = values["besluittype"]
    if besluittype.tenant_id not in (tenant.pk, get_collective().pk):
        problems.append(("besluittype", "bad-url", "Dit besluittype bestaat niet in de Catalogi API."))
    elif not besluittype.is_published:
        # brc-001: only a published besluittype can be used.
        problems.append(("besluittype", "not-published", "Dit besluittype is nog niet gepubliceerd."))
    if not passes_eleven_test(values["verantwoordelijke_organisatie"]):
        problems.append(
            (
                "verantwoordelijkeOrganisatie",
                "invalid",
                "Dit is geen geldig RSIN. Een RSIN heeft 9 cijfers en moet voldoen aan de elfproef.",
            )
        )
    if values["decided_on"] > clock.today():
        problems.append(("datum", "future-not-allowed", "De besluitdatum kan niet in de toekomst liggen."))
    expires_on = values.get("expires_on")
    if expires_on is not None and expires_on < values["effective_on"]:
        # Our own rule (docs/zgw-deviations.md): the table holds it as a constraint, as the back office.
        problems.append(("vervaldatum", "invalid", "De vervaldatum kan niet voor de ingangsdatum liggen."))
    zaak: Zaak | None = values.get("zaak")
    if zaak is not None:
        if zaak.tenant_id != tenant.pk:
            problems.append(("zaak", "bad-url", "Deze zaak bestaat niet in de Zaken API."))
        elif not zaak.zaaktype.besluittypen.filter(pk=besluittype.pk).exists():
            # brc-007: the besluittype must be one of the zaaktype's besluittypen.
            problems.append(
                (
                    "nonFieldErrors",
                    "zaaktype-mismatch",
                    "Dit besluittype hoort niet bij het zaaktype van de zaak.",
                )
            )
    if problems:
        raise FieldProblem(problems)


def _identificatie_taken(
    tenant: Organisation, organisatie: str, identificatie: str, *, exclude: int | None
) -> bool:
    rows = Besluit.objects.for_tenant(tenant).filter(
        verantwoordelijke_organisatie=organisatie, identificatie=identificatie
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows.exists()


def _next_identificatie(tenant: Organisation, organisatie: str, year: int) -> str:
    """``BESLUIT-2026-0000000001``: one more than the highest number of this organisation and year."""
    prefix = f"{BESLUIT_NUMBER_PREFIX}-{year}-"
    last = (
        Besluit.objects.for_tenant(tenant)
        .filter(verantwoordelijke_organisatie=organisatie, identificatie__startswith=prefix)
        .order_by("-identificatie")
        .values_list("identificatie", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last and last.removeprefix(prefix).isdigit() else 1
    return f"{prefix}{number:010d}"


@transaction.atomic
def create_besluit(
    *,
    tenant: Organisation,
    actor: Actor,
    besluittype: BesluitType,
    verantwoordelijke_organisatie: str,
    decided_on: datetime.date,
    effective_on: datetime.date,
    identificatie: str = "",
    zaak: Zaak | None = None,
    expires_on: datetime.date | None = None,
    expiry_reason: str = "",
    bestuursorgaan: str = "",
    published_on: datetime.date | None = None,
    sent_on: datetime.date | None = None,
    respond_by: datetime.date | None = None,
    toelichting: str = "",
) -> Besluit:
    """Register a besluit, on a zaak or on its own.

    brc-001: the besluittype is published and readable by the gemeente. brc-002: without an
    identificatie one is generated, unique per verantwoordelijke organisatie (a valid RSIN).
    brc-007: on a zaak, the besluittype is one of its zaaktype's besluittypen. The besluitdatum
    is not in the future (Awb).
    """
    values = {
        "besluittype": besluittype,
        "verantwoordelijke_organisatie": verantwoordelijke_organisatie,
        "decided_on": decided_on,
        "effective_on": effective_on,
        "zaak": zaak,
        "expires_on": expires_on,
    }
    _check(tenant, values)
    # The organisation that took the besluit is the one registering it: a besluit has no
    # bronorganisatie of its own, and this RSIN is part of its identity (brc-002).
    check_registering_organisation(
        tenant, verantwoordelijke_organisatie, field="verantwoordelijkeOrganisatie", what="besluiten"
    )
    identificatie = identificatie.strip()
    if identificatie and _identificatie_taken(
        tenant, verantwoordelijke_organisatie, identificatie, exclude=None
    ):
        raise FieldProblem.single(
            "identificatie",
            "identificatie-niet-uniek",
            "Deze identificatie is al gebruikt door deze verantwoordelijke organisatie.",
        )
    fields = {
        "tenant": tenant,
        "verantwoordelijke_organisatie": verantwoordelijke_organisatie,
        "zaak": zaak,
        "besluittype": besluittype,
        "decided_on": decided_on,
        "effective_on": effective_on,
        "expires_on": expires_on,
        "expiry_reason": expiry_reason,
        "bestuursorgaan": bestuursorgaan.strip(),
        "published_on": published_on,
        "sent_on": sent_on,
        "respond_by": respond_by,
        "toelichting": toelichting.strip(),
    }
    # A generated number can meet a besluit created at the same moment: try the next one.
    for _attempt in range(5):
        number = identificatie or _next_identificatie(tenant, verantwoordelijke_organisatie, decided_on.year)
        try:
            with transaction.atomic():
                besluit = Besluit.objects.create(identificatie=number, **fields)
            break
        except IntegrityError:
            if identificatie:
                raise FieldProblem.single(
                    "identificatie",
                    "identificatie-niet-uniek",
                    "Deze identificatie is al gebruikt door deze verantwoordelijke organisatie.",
                ) from None
    else:
        raise FieldProblem.single(
            "identificatie", "identificatie-niet-uniek", "Er kon geen uniek besluitnummer worden gemaakt."
        )
    announce_created(besluit, actor=actor)
    return besluit


@transaction.atomic
def update_besluit(*, besluit: Besluit, actor: Actor, changes: dict[str, Any]) -> Besluit:
    """Change a besluit; ``changes`` maps field names (``FIELD_NAMES``) to their new values.

    brc-001/brc-002/brc-006: besluittype, identificatie, verantwoordelijke organisatie and
    zaak cannot change (sending the current value is fine). The rules of ``create_besluit``
    apply to the result.
    """
    besluit = (
        Besluit.objects.select_for_update(of=("self",))
        .select_related("besluittype", "zaak__zaaktype")
        .get(pk=besluit.pk)
    )
    unknown = set(changes) - set(FIELD_NAMES)
    if unknown:
        raise ValueError(f"Unknown besluit fields: {sorted(unknown)}")
    changed = [
        FIELD_NAMES[name]
        for name in IMMUTABLE_FIELDS
        if name in changes and changes[name] != getattr(besluit, name)
    ]
    if changed:
        raise FieldProblem(
            [
                (name, "wijzigen-niet-toegelaten", "Dit gegeven van een besluit kan niet worden gewijzigd.")
                for name in changed
            ]
        )
    before = snapshot(besluit)
    values = {
        name: changes.get(name, getattr(besluit, name))
        for name in (
            "besluittype",
            "verantwoordelijke_organisatie",
            "decided_on",
            "effective_on",
            "zaak",
            "expires_on",
        )
    }
    _check(besluit.tenant, values)
    for name, value in changes.items():
        if name in IMMUTABLE_FIELDS:
            continue
        if isinstance(value, str) and name != "expiry_reason":
            value = value.strip()
        setattr(besluit, name, value)
    besluit.save()
    record_change(
        tenant=besluit.tenant,
        actor=actor,
        action="update_besluit",
        obj=besluit,
        before=before,
        after=snapshot(besluit),
    )
    notify(besluit, "update")
    return besluit


@transaction.atomic
def delete_besluit(*, besluit: Besluit, actor: Actor) -> None:
    """Remove a besluit for good, with the links to the documents that lay it down (brc-009).

    The documents themselves stay (they belong to the Documenten API); their mirrored
    objectinformatieobjecten go with the links.
    """
    besluit = (
        Besluit.objects.select_for_update(of=("self",))
        .select_related("besluittype", "zaak")
        .get(pk=besluit.pk)
    )
    before = snapshot(besluit)
    for link in besluit.informatieobjecten.select_related("informatieobject"):
        _mirror_in_documenten(link, created=False)
    # Keep what the notification and audit row need before the row is gone.
    url = besluit_url(besluit)
    besluit.informatieobjecten.all().delete()
    record_change(tenant=besluit.tenant, actor=actor, action="delete_besluit", obj=besluit, before=before)
    notify(besluit, "destroy", resource_url=url)
    if besluit.zaak is not None:
        announce_zaakbesluit(besluit.zaak, besluit, actor=actor, actie="destroy")
    besluit.delete()


def _check_document(besluit: Besluit, informatieobject: InformatieObject) -> None:
    # brc-003: a document of this gemeente.
    if informatieobject.tenant_id != besluit.tenant_id:
        raise FieldProblem.single(
            "informatieobject", "bad-url", "Dit informatieobject bestaat niet in de Documenten API."
        )
    if informatieobject.draft_id is not None and informatieobject.zaak_id is None:
        # Our own rule (docs/zgw-deviations.md): an upload in a request the resident has not sent
        # yet is not a record of the gemeente; the resident may still remove it.
        raise FieldProblem.single(
            "informatieobject",
            "draft-document",
            "Dit document hoort bij een aanvraag die de inwoner nog niet heeft ingediend. "
            "Het kan pas na het indienen bij een besluit.",
        )
    # brc-008: the document's informatieobjecttype is one the besluittype names (any version of
    # it: the catalog relates the types by omschrijving within a catalogus).
    iot = informatieobject.informatieobjecttype
    named = besluit.besluittype.informatieobjecttypen.filter(
        Q(pk=iot.pk) | Q(catalogus_id=iot.catalogus_id, omschrijving=iot.omschrijving)
    )
    if not named.exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "missing-besluittype-informatieobjecttype-relation",
            "Het informatieobjecttype van dit document hoort niet bij het besluittype van het besluit.",
        )


@transaction.atomic
def create_besluit_informatieobject(
    *, besluit: Besluit, informatieobject: InformatieObject, actor: Actor
) -> BesluitInformatieObject:
    """Record that a document lays down (part of) a besluit; aardRelatie is always legt_vast.

    brc-003: the document belongs to the same gemeente. A document is linked once per besluit.
    brc-005: the link is mirrored in the Documenten API as an objectinformatieobject.
    """
    _check_document(besluit, informatieobject)
    if BesluitInformatieObject.objects.filter(
        tenant_id=besluit.tenant_id, besluit=besluit, informatieobject=informatieobject
    ).exists():
        raise FieldProblem.single(
            "nonFieldErrors", "unique", "Dit informatieobject is al aan dit besluit gekoppeld."
        )
    try:
        with transaction.atomic():
            link = BesluitInformatieObject.objects.create(
                tenant_id=besluit.tenant_id, besluit=besluit, informatieobject=informatieobject
            )
    except IntegrityError:
        raise FieldProblem.single(
            "nonFieldErrors", "unique", "Dit informatieobject is al aan dit besluit gekoppeld."
        ) from None
    _mirror_in_documenten(link, created=True)
    record_change(
        tenant=besluit.tenant,
        actor=actor,
        action="create_besluitinformatieobject",
        obj=link,
        after={"besluit": besluit.identificatie, "informatieobject": str(informatieobject.uuid)},
        main_object=besluit,
    )
    notify(besluit, "create", resource="besluitinformatieobject", resource_url=link_url(link))
    return link


@transaction.atomic
def delete_besluit_informatieobject(*, link: BesluitInformatieObject, actor: Actor) -> None:
    """Remove the link between a besluit and a document (and its mirror, brc-005)."""
    besluit = link.besluit
    url = link_url(link)
    _mirror_in_documenten(link, created=False)
    record_change(
        tenant=besluit.tenant,
        actor=actor,
        action="delete_besluitinformatieobject",
        obj=link,
        before={"besluit": besluit.identificatie, "informatieobject": str(link.informatieobject.uuid)},
        main_object=besluit,
    )
    notify(besluit, "destroy", resource="besluitinformatieobject", resource_url=url)
    link.delete()


def link_besluit_letter(besluit: Besluit) -> BesluitInformatieObject:
    """The decision letter lays the besluit down: ``decide_zaak`` links it like the API would."""
    link = BesluitInformatieObject.objects.create(
        tenant_id=besluit.tenant_id, besluit=besluit, informatieobject=besluit.letter
    )
    _mirror_in_documenten(link, created=True)
    return link


def link_url(link: BesluitInformatieObject) -> str:
    return zgw.url("besluiten", "besluitinformatieobjecten", link.uuid)


def _mirror_in_documenten(link: BesluitInformatieObject, *, created: bool) -> None:
    """Mirror the link in the Documenten API as an objectinformatieobject of a besluit (brc-005)."""
    from . import documents

    mirror = documents.link_object if created else documents.unlink_object
    mirror(informatieobject=link.informatieobject, object_type="besluit", object_uuid=link.besluit.uuid)
