"""Every change to a verzending: a document sent to or received from a betrokkene.

Documenten API 1.7.0, resource ``verzendingen``. Each change is recorded in the audit trail of
its document and told to the ``documenten`` kanaal in the same transaction (outbox).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from plus1.audit.services import Actor
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import publish

from ..constants import AardRelatie
from ..models import InformatieObject, Verzending
from ..processing import record_change
from .documents import document_url

# The fields a verzending holds (model names); a create or update gives any of them.
FIELDS = (
    "betrokkene",
    "relation",
    "explanation",
    "received_on",
    "sent_on",
    "contact_person",
    "contact_person_name",
    "domestic_address",
    "foreign_address",
    "postal_address",
    "fax_number",
    "email",
    "phone_number",
    "is_via_mijn_overheid",
)
# The ways a document can go to or come from a betrokkene: exactly one per verzending.
ADDRESS_FIELDS = (
    "domestic_address",
    "foreign_address",
    "postal_address",
    "fax_number",
    "email",
    "phone_number",
    "is_via_mijn_overheid",
)


def verzending_url(verzending: Verzending) -> str:
    return zgw.url("documenten", "verzendingen", verzending.uuid)


def _notify(verzending: Verzending, document: InformatieObject, actie: str) -> None:
    iot = document.informatieobjecttype
    publish(
        tenant=document.tenant_id,
        kanaal="documenten",
        hoofd_object=document_url(document),
        resource="verzending",
        resource_url=verzending_url(verzending),
        actie=actie,
        kenmerken={
            "bronorganisatie": document.bronorganisatie,
            "informatieobjecttype": zgw.url("catalogi", "informatieobjecttypen", iot.uuid),
            "vertrouwelijkheidaanduiding": document.confidentiality or iot.confidentiality,
        },
    )


def _snapshot(verzending: Verzending) -> dict[str, Any]:
    data: dict[str, Any] = {"informatieobject": str(verzending.informatieobject.uuid)}
    for name in FIELDS:
        value = getattr(verzending, name)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return data


def _check(verzending: Verzending) -> None:
    """The rules of the standard on a whole verzending.

    - One address: the verzending went to or came from exactly one of the address groups,
      a fax or phone number, an e-mail address or MijnOverheid (reference implementation:
      ``OnlyOneAddressValidator``).
    - ``ontvangstdatum`` is required when the betrokkene is the afzender (Documenten 1.7.0,
      Verzending.ontvangstdatum). The standard asks no ``verzenddatum`` of a geadresseerde: a
      verzending may be registered before the letter goes out.
    """
    problems = [
        (api_name, "required", "Dit veld is verplicht.")
        for api_name, value in (
            ("betrokkene", verzending.betrokkene),
            ("aardRelatie", verzending.relation in AardRelatie.values),
            ("contactPersoon", verzending.contact_person),
        )
        if not value
    ]
    given = [name for name in ADDRESS_FIELDS if getattr(verzending, name)]
    if len(given) != 1:
        problems.append(
            (
                "nonFieldErrors",
                "invalid-address",
                "Geef precies één adres: binnenlands, buitenlands of postadres, fax, telefoon, "
                "e-mail of MijnOverheid.",
            )
        )
    if verzending.relation == AardRelatie.AFZENDER and not verzending.received_on:
        problems.append(("ontvangstdatum", "required", "Geef de ontvangstdatum: de betrokkene is afzender."))
    if problems:
        raise FieldProblem(problems)


def _apply(verzending: Verzending, values: Mapping[str, Any]) -> None:
    for name in FIELDS:
        if name in values:
            value = values[name]
            if value is None and name not in ("received_on", "sent_on", *ADDRESS_FIELDS[:3]):
                value = False if name == "is_via_mijn_overheid" else ""
            setattr(verzending, name, value)


@transaction.atomic
def create_verzending(*, document: InformatieObject, actor: Actor, values: Mapping[str, Any]) -> Verzending:
    """Record that a document was sent to or received from a betrokkene (see ``_check``)."""
    verzending = Verzending(tenant_id=document.tenant_id, informatieobject=document)
    _apply(verzending, values)
    _check(verzending)
    verzending.save()
    record_change(
        tenant=document.tenant,
        actor=actor,
        action="create_verzending",
        obj=verzending,
        after=_snapshot(verzending),
        main_object=document,
        zgw_actie="create",
    )
    _notify(verzending, document, "create")
    return verzending


@transaction.atomic
def update_verzending(
    *,
    verzending: Verzending,
    actor: Actor,
    values: Mapping[str, Any],
    document: InformatieObject | None = None,
    partial: bool = False,
) -> Verzending:
    """Change a verzending, or move it to another document of the same gemeente; the rules hold after it."""
    verzending = (
        Verzending.objects.select_for_update()
        .select_related("informatieobject__informatieobjecttype", "informatieobject__tenant")
        .get(pk=verzending.pk)
    )
    before = _snapshot(verzending)
    actie = "partial_update" if partial else "update"
    if document is not None:
        if document.tenant_id != verzending.tenant_id:
            raise FieldProblem.single("informatieobject", "bad-url", "Dit informatieobject bestaat niet.")
        verzending.informatieobject = document
    if not partial:
        # A full update sends the whole verzending: what it leaves out is empty.
        values = {**{name: None for name in FIELDS}, **values}
    _apply(verzending, values)
    _check(verzending)
    verzending.save()
    record_change(
        tenant=verzending.informatieobject.tenant,
        actor=actor,
        action="update_verzending",
        obj=verzending,
        before=before,
        after=_snapshot(verzending),
        main_object=verzending.informatieobject,
        zgw_actie=actie,
    )
    _notify(verzending, verzending.informatieobject, actie)
    return verzending


@transaction.atomic
def delete_verzending(*, verzending: Verzending, actor: Actor) -> None:
    """Remove a verzending; its document stays."""
    verzending = (
        Verzending.objects.select_for_update()
        .select_related("informatieobject__informatieobjecttype", "informatieobject__tenant")
        .get(pk=verzending.pk)
    )
    document = verzending.informatieobject
    record_change(
        tenant=document.tenant,
        actor=actor,
        action="delete_verzending",
        obj=verzending,
        before=_snapshot(verzending),
        main_object=document,
        zgw_actie="destroy",
    )
    _notify(verzending, document, "destroy")
    verzending.delete()
