"""The ``zaken`` notifications: every change of a zaak or its parts, through any channel.

``processing.record_change`` is the one call every case service makes for a change, so the
notification is written there, in the service's transaction (the outbox): the portal, the
back office, background tasks and the Zaken API all tell subscribers the same way.
Messages hold URLs and kenmerken only, never personal data.
"""

from __future__ import annotations

from django.db import models

from plus1.core import zgw
from plus1.notifications.services import publish

from .models import (
    KlantContact,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)

KANAAL = "zaken"

# The ZGW resource name and collection of each model (zaakeigenschappen hang under their zaak).
RESOURCES: dict[type[models.Model], str] = {
    Zaak: "zaak",
    Status: "status",
    Rol: "rol",
    Resultaat: "resultaat",
    ZaakEigenschap: "zaakeigenschap",
    ZaakObject: "zaakobject",
    KlantContact: "klantcontact",
    ZaakContactMoment: "zaakcontactmoment",
    ZaakVerzoek: "zaakverzoek",
    ZaakNotitie: "zaaknotitie",
}
COLLECTIONS = {
    "zaak": "zaken",
    "status": "statussen",
    "rol": "rollen",
    "resultaat": "resultaten",
    "zaakobject": "zaakobjecten",
    "klantcontact": "klantcontacten",
    "zaakcontactmoment": "zaakcontactmomenten",
    "zaakverzoek": "zaakverzoeken",
    "zaaknotitie": "zaaknotities",
}

# Service actions on the zaak that are, in ZGW terms, a change of one of its parts.
ACTION_RESOURCES = {
    "create_zaak": ("zaak", "create"),
    "delete_zaak": ("zaak", "destroy"),
    "set_status": ("status", "create"),
    "reopen_zaak": ("status", "create"),
    "close_zaak": ("resultaat", "create"),
}


def resource_url(resource: str, obj: models.Model, zaak: Zaak) -> str:
    if resource == "zaakeigenschap":
        return zgw.url("zaken", "zaken", zaak.uuid, "zaakeigenschappen", str(obj.uuid))
    return zgw.url("zaken", COLLECTIONS[resource], obj.uuid)


def kenmerken(zaak: Zaak) -> dict[str, str]:
    return {
        "bronorganisatie": zaak.bronorganisatie,
        "zaaktype": zgw.url("catalogi", "zaaktypen", zaak.zaaktype.uuid),
        "vertrouwelijkheidaanduiding": zaak.confidentiality,
    }


def _part_of(zaak: Zaak, action: str) -> tuple[str, str, models.Model]:
    resource, actie = ACTION_RESOURCES.get(action, ("zaak", "partial_update"))
    if resource == "status" and zaak.current_status_id:
        return resource, actie, zaak.current_status
    if resource == "resultaat":
        found = Resultaat.objects.filter(zaak=zaak).only("uuid").first()
        if found is not None:
            return resource, actie, found
    return "zaak", actie if resource == "zaak" else "partial_update", zaak


def publish_change(
    *, obj: models.Model, action: str, main_object: models.Model | None, actie: str | None
) -> None:
    """Put the ``zaken`` notification of this change in the outbox (same transaction).

    ``actie`` is the ZGW actie when the caller knows it (the API); otherwise it follows
    from the service action (``set_status`` is a new status, anything else on the zaak
    is a partial update). Objects that are not a zaak or one of its ZGW parts are skipped.
    """
    zaak = main_object if isinstance(main_object, Zaak) else obj if isinstance(obj, Zaak) else None
    resource = RESOURCES.get(type(obj))
    if zaak is None or resource is None:
        return
    if isinstance(obj, Zaak) and actie is None:
        resource, actie, obj = _part_of(zaak, action)
    publish(
        # The organisation itself when loaded: publish then knows without a query whether
        # it is the collective.
        tenant=zaak.tenant if Zaak.tenant.is_cached(zaak) else zaak.tenant_id,
        kanaal=KANAAL,
        hoofd_object=zgw.url("zaken", "zaken", zaak.uuid),
        resource=resource,
        resource_url=resource_url(resource, obj, zaak),
        actie=actie or "partial_update",
        kenmerken=kenmerken(zaak),
    )
