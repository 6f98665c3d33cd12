"""The ZGW audittrail of a main object (zaak, informatieobject, besluit), from the audit rows.

Every change through any channel writes an ``AuditEntry`` (services call ``record_change``
with the hoofdobject); a change through an API also carries the application and its user.
This module shows those rows in the ZGW ``AuditTrail`` shape. ``wijzigingen`` holds the
service's before/after snapshot, which is not the API's JSON representation: a documented
deviation (docs/zgw-deviations.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from plus1.audit.models import AuditEntry
from plus1.core import zgw

from .errors import not_found


@dataclass(frozen=True)
class Resource:
    api: str
    collection: str
    name: str  # the ZGW resource name (``zaak``, ``status``)


# Which ZGW resource each model is; an API registers its own with ``register``.
RESOURCES: dict[str, Resource] = {}
ACTIE_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}


def register(model_label: str, api: str, collection: str, name: str) -> None:
    RESOURCES[model_label] = Resource(api, collection, name)


def _actie(entry: AuditEntry) -> str:
    if entry.zgw and entry.zgw.get("actie"):
        return entry.zgw["actie"]
    if entry.before is None:
        return "create"
    if entry.after is None:
        return "destroy"
    return "update"


def entries_for(main: models.Model):
    # Only the rows of this hoofdobject: a row about it under another hoofdobject (a besluit
    # registered at its zaak) belongs to that one's audittrail.
    return AuditEntry.objects.filter(
        tenant_id=main.tenant_id, main_object_type=main._meta.label_lower, main_object_id=str(main.pk)
    )


def serialize(entry: AuditEntry, *, hoofd_object_url: str, bron: str) -> dict:
    data = entry.zgw or {}
    resource = RESOURCES.get(entry.object_type)
    resource_uuid = data.get("resource_uuid")
    resource_url = (
        zgw.url(resource.api, resource.collection, resource_uuid)
        if resource and resource_uuid
        else hoofd_object_url
    )
    actie = _actie(entry)
    # Values are shown whole, never cut off here: they are bounded where they are recorded
    # (``plus1.audit.services.record_change`` keeps the application and user within the
    # standard's lengths; the actor and object columns hold at most 255). Only resourceWeergave
    # may exceed the standard's 200 (an object's label is stored up to 255): a documented
    # deviation, as a shortened label would name another object.
    return {
        "uuid": str(entry.uuid),
        "bron": data.get("bron") or bron,
        "applicatieId": data.get("application_id", "plus1"),
        "applicatieWeergave": data.get("application_label", "Plus1"),
        "gebruikersId": data.get("user_id", entry.actor_id),
        "gebruikersWeergave": data.get("user_label") or entry.actor_label,
        "actie": actie,
        "actieWeergave": ACTIE_WEERGAVE.get(actie, entry.action),
        "resultaat": {"create": 201, "destroy": 204}.get(actie, 200),
        "hoofdObject": hoofd_object_url,
        "resource": resource.name if resource else entry.object_type.rsplit(".", 1)[-1],
        "resourceUrl": resource_url,
        "toelichting": entry.note,
        "resourceWeergave": entry.object_label,
        "aanmaakdatum": entry.created_at.isoformat().replace("+00:00", "Z"),
        "wijzigingen": {"oud": entry.before, "nieuw": entry.after},
    }


def audittrail(main: models.Model, *, hoofd_object_url: str, bron: str) -> list[dict]:
    """The audittrail of ``main``, oldest first (plain array, as the standard lists it)."""
    entries = entries_for(main).order_by("created_at", "id")
    return [serialize(entry, hoofd_object_url=hoofd_object_url, bron=bron) for entry in entries]


def audittrail_entry(main: models.Model, entry_uuid, *, hoofd_object_url: str, bron: str) -> dict:
    entry = entries_for(main).filter(uuid=entry_uuid).first()
    if entry is None:
        raise not_found()
    return serialize(entry, hoofd_object_url=hoofd_object_url, bron=bron)
