"""Contact with the resident about a zaak: klantcontacten, contactmomenten, verzoeken, notities.

What the Zaken API 1.7.0 records besides the zaak's own parts. Contactmomenten and verzoeken
live in a Klantinteracties API that Plus1 does not host: the zaak keeps their URL as given and
does not fetch it; the relation is mirrored there (zrc-024/025) through
``connectors.klantinteracties``, in the same transaction: a relation the other API refuses is
not made here either. Like
every other part, a change to a closed zaak needs ``zaken.geforceerd-bijwerken`` (zrc-007), and
each change is one transaction with its audit row and its ``zaken`` notification.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction

from plus1.audit.services import Actor
from plus1.core import clock
from plus1.core.exceptions import FieldProblem

from ..constants import KLANTCONTACT_NUMBER_PREFIX
from ..models import KlantContact, Zaak, ZaakContactMoment, ZaakNotitie, ZaakVerzoek
from .mirrors import mirror_relation
from .registration import _record_part, _zaak_for_part

# The zaaknotitie fields a client may set.
NOTITIE_FIELDS = ("subject", "text", "author", "note_type", "status")


def _next_klantcontact_number(zaak: Zaak, year: int) -> str:
    prefix = f"{KLANTCONTACT_NUMBER_PREFIX}-{year}-"
    last = (
        KlantContact.objects.filter(tenant_id=zaak.tenant_id, identificatie__startswith=prefix)
        .order_by("-identificatie")
        .values_list("identificatie", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last and last.removeprefix(prefix).isdigit() else 1
    return f"{prefix}{number:06d}"


@transaction.atomic
def add_klantcontact(
    *,
    zaak: Zaak,
    contacted_at: datetime.datetime,
    actor: Actor,
    may_change_closed: bool,
    identificatie: str = "",
    channel: str = "",
    subject: str = "",
    toelichting: str = "",
) -> KlantContact:
    """Record a contact with the resident about the zaak (ZGW klantcontact, deprecated in 1.7.0).

    The identificatie is unique within the gemeente; without one, Plus1 gives the next
    readable number of the year (``KC-2026-000001``), as the standard asks.
    """
    zaak = _zaak_for_part(zaak, may_change_closed)
    generated = not identificatie
    for _attempt in range(3):
        number = identificatie or _next_klantcontact_number(zaak, contacted_at.year)
        if KlantContact.objects.filter(tenant_id=zaak.tenant_id, identificatie=number).exists():
            if generated:
                continue
            raise FieldProblem.single(
                "identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al."
            )
        try:
            with transaction.atomic():
                contact = KlantContact.objects.create(
                    tenant_id=zaak.tenant_id,
                    zaak=zaak,
                    identificatie=number,
                    contacted_at=contacted_at,
                    channel=channel,
                    subject=subject,
                    toelichting=toelichting,
                )
            break
        except IntegrityError:
            if not generated:
                raise FieldProblem.single(
                    "identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al."
                ) from None
    else:
        raise FieldProblem.single(
            "identificatie", "identificatie-niet-uniek", "Geef een identificatie: de volgende is al bezet."
        )
    _record_part(
        zaak,
        contact,
        actor=actor,
        action="add_klantcontact",
        zgw_actie="create",
        after={"identificatie": contact.identificatie, "kanaal": contact.channel},
    )
    return contact


def _link(model, zaak: Zaak, field: str, url: str, actor: Actor, may_change_closed: bool, action: str):
    zaak = _zaak_for_part(zaak, may_change_closed)
    exists = model.objects.filter(tenant_id=zaak.tenant_id, zaak=zaak, **{field: url}).exists()
    reason = "Deze zaak heeft deze koppeling al."
    if exists:
        raise FieldProblem.single("nonFieldErrors", "unique", reason)
    try:
        with transaction.atomic():
            link = model.objects.create(tenant_id=zaak.tenant_id, zaak=zaak, **{field: url})
    except IntegrityError:
        raise FieldProblem.single("nonFieldErrors", "unique", reason) from None
    mirror_relation(zaak, field, url, remove=False)
    _record_part(zaak, link, actor=actor, action=action, zgw_actie="create", after={field: url})
    return link


def _unlink(link, field: str, actor: Actor, may_change_closed: bool, action: str) -> None:
    zaak = _zaak_for_part(link.zaak, may_change_closed)
    mirror_relation(zaak, field, getattr(link, field), remove=True)
    _record_part(
        zaak, link, actor=actor, action=action, zgw_actie="destroy", before={field: getattr(link, field)}
    )
    link.delete()


@transaction.atomic
def link_contactmoment(
    *, zaak: Zaak, contactmoment: str, actor: Actor, may_change_closed: bool
) -> ZaakContactMoment:
    """Relate a contactmoment of the Klantinteracties API to the zaak (ZGW zaakcontactmoment).

    The URL is stored as given, once per zaak; Plus1 does not fetch it (it hosts no such API).
    """
    return _link(
        ZaakContactMoment,
        zaak,
        "contactmoment",
        contactmoment,
        actor,
        may_change_closed,
        "link_contactmoment",
    )


@transaction.atomic
def unlink_contactmoment(*, link: ZaakContactMoment, actor: Actor, may_change_closed: bool) -> None:
    """Remove the relation between the zaak and a contactmoment; the contactmoment stays."""
    _unlink(link, "contactmoment", actor, may_change_closed, "unlink_contactmoment")


@transaction.atomic
def link_verzoek(*, zaak: Zaak, verzoek: str, actor: Actor, may_change_closed: bool) -> ZaakVerzoek:
    """Relate a verzoek of the Klantinteracties API to the zaak (ZGW zaakverzoek).

    The URL is stored as given, once per zaak; Plus1 does not fetch it (it hosts no such API).
    """
    return _link(ZaakVerzoek, zaak, "verzoek", verzoek, actor, may_change_closed, "link_verzoek")


@transaction.atomic
def unlink_verzoek(*, link: ZaakVerzoek, actor: Actor, may_change_closed: bool) -> None:
    """Remove the relation between the zaak and a verzoek; the verzoek stays."""
    _unlink(link, "verzoek", actor, may_change_closed, "unlink_verzoek")


def _notitie_snapshot(notitie: ZaakNotitie) -> dict[str, Any]:
    return {"onderwerp": notitie.subject, "notitieType": notitie.note_type, "status": notitie.status}


@transaction.atomic
def add_zaaknotitie(
    *, zaak: Zaak, values: dict[str, Any], actor: Actor, may_change_closed: bool
) -> ZaakNotitie:
    """Write a note about the zaak (ZGW zaaknotitie). Without a type it is intern, without a
    status a concept: nothing reaches the initiator unless the writer says so."""
    zaak = _zaak_for_part(zaak, may_change_closed)
    now = clock.now()
    notitie = ZaakNotitie(tenant_id=zaak.tenant_id, zaak=zaak, created_at=now, updated_at=now)
    for name in NOTITIE_FIELDS:
        if values.get(name) is not None:
            setattr(notitie, name, values[name])
    notitie.save()
    _record_part(
        zaak,
        notitie,
        actor=actor,
        action="add_zaaknotitie",
        zgw_actie="create",
        after=_notitie_snapshot(notitie),
    )
    return notitie


@transaction.atomic
def update_zaaknotitie(
    *, notitie: ZaakNotitie, values: dict[str, Any], actor: Actor, may_change_closed: bool, zgw_actie: str
) -> ZaakNotitie:
    """Change a zaaknotitie (PUT or PATCH); ``values`` holds only what changes.

    The zaak it belongs to stays, as for every other part of a zaak in Plus1.
    """
    notitie = ZaakNotitie.objects.select_for_update().get(pk=notitie.pk)
    zaak = _zaak_for_part(notitie.zaak, may_change_closed)
    before = _notitie_snapshot(notitie)
    for name in NOTITIE_FIELDS:
        if values.get(name) is not None:
            setattr(notitie, name, values[name])
    notitie.updated_at = clock.now()
    notitie.save()
    _record_part(
        zaak,
        notitie,
        actor=actor,
        action="update_zaaknotitie",
        zgw_actie=zgw_actie,
        before=before,
        after=_notitie_snapshot(notitie),
    )
    return notitie


@transaction.atomic
def delete_zaaknotitie(*, notitie: ZaakNotitie, actor: Actor, may_change_closed: bool) -> None:
    """Delete a zaaknotitie for good."""
    zaak = _zaak_for_part(notitie.zaak, may_change_closed)
    _record_part(
        zaak,
        notitie,
        actor=actor,
        action="delete_zaaknotitie",
        zgw_actie="destroy",
        before=_notitie_snapshot(notitie),
    )
    notitie.delete()
