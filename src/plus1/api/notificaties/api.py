"""Notificaties API 1.0.1 at ``/notificaties/api/v1/``.

The standard kanalen belong to the collective and every gemeente sees them; a kanaal a
gemeente's application registers is that gemeente's alone. An abonnement belongs to the gemeente
of the application that made it and receives that gemeente's notifications only (plus the shared
catalog's). A published message goes through the same outbox as Plus1's own notifications.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from plus1.core import zgw
from plus1.notifications import services
from plus1.notifications.models import Abonnement as AbonnementModel
from plus1.notifications.models import Kanaal as KanaalModel

from ..common.api import make_api
from ..common.auth import client, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from .schemas import Abonnement, AbonnementIn, AbonnementPatch, Kanaal, KanaalIn, Message

api = make_api("notificaties")

NRC = "nrc"
PUBLISH, CONSUME = "notificaties.publiceren", "notificaties.consumeren"


def _uuid(value: str):
    from uuid import UUID

    try:
        return UUID(value)
    except ValueError:
        raise not_found() from None


def _kanaal(kanaal: KanaalModel) -> dict:
    return {
        "url": zgw.url("notificaties", "kanaal", kanaal.uuid),
        "naam": kanaal.naam,
        "documentatieLink": kanaal.documentatie_link,
        "filters": kanaal.filters,
    }


def _abonnement(abonnement: AbonnementModel) -> dict:
    return {
        "url": zgw.url("notificaties", "abonnement", abonnement.uuid),
        "callbackUrl": abonnement.callback_url,
        "auth": abonnement.auth,
        "kanalen": [{"naam": row.kanaal.naam, "filters": row.filters} for row in abonnement.kanalen.all()],
    }


def _abonnementen(request: HttpRequest):
    return (
        AbonnementModel.objects.for_tenant(request.tenant).prefetch_related("kanalen__kanaal").order_by("id")
    )


def _kanalen(request: HttpRequest):
    """The collective's kanalen and the gemeente's own."""
    return KanaalModel.objects.visible_to(request.tenant.pk)


@api.get("/kanaal", response={200: list[Kanaal], **LIST_ERRORS}, summary="Alle KANAALen opvragen.")
def kanaal_list(request: HttpRequest, naam: str | None = None) -> HttpResponse:
    require_scope(request, NRC, PUBLISH, CONSUME)
    reject_unknown_params(request, {"naam"})
    kanalen = _kanalen(request).order_by("naam")
    if naam:
        kanalen = kanalen.filter(naam=naam)
    return json_response([_kanaal(kanaal) for kanaal in kanalen])


@api.post("/kanaal", response={201: Kanaal, **WRITE_ERRORS}, summary="Maak een KANAAL aan.")
def kanaal_create(request: HttpRequest, payload: KanaalIn) -> HttpResponse:
    require_scope(request, NRC, PUBLISH)
    kanaal = services.create_kanaal(
        tenant=request.tenant,
        naam=payload.naam,
        documentatie_link=payload.documentatieLink,
        filters=payload.filters,
    )
    return created(_kanaal(kanaal))


@api.get("/kanaal/{uuid}", response={200: Kanaal, **READ_ERRORS}, summary="Een specifiek KANAAL opvragen.")
def kanaal_read(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, NRC, PUBLISH, CONSUME)
    return json_response(_kanaal(get_object_or_404(_kanalen(request), uuid=_uuid(uuid))))


@api.get(
    "/abonnement", response={200: list[Abonnement], **READ_ERRORS}, summary="Alle ABONNEMENTen opvragen."
)
def abonnement_list(request: HttpRequest) -> HttpResponse:
    require_scope(request, NRC, CONSUME, PUBLISH)
    return json_response([_abonnement(abonnement) for abonnement in _abonnementen(request)])


@api.post("/abonnement", response={201: Abonnement, **WRITE_ERRORS}, summary="Maak een ABONNEMENT aan.")
def abonnement_create(request: HttpRequest, payload: AbonnementIn) -> HttpResponse:
    access = require_scope(request, NRC, CONSUME)
    abonnement = services.save_abonnement(
        tenant=request.tenant,
        callback_url=payload.callbackUrl,
        auth=payload.auth,
        kanalen=[(group.naam, group.filters) for group in payload.kanalen],
        created_by=access.client_id,
    )
    return created(_abonnement(get_object_or_404(_abonnementen(request), pk=abonnement.pk)))


@api.get(
    "/abonnement/{uuid}",
    response={200: Abonnement, **READ_ERRORS},
    summary="Een specifiek ABONNEMENT opvragen.",
)
def abonnement_read(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, NRC, CONSUME, PUBLISH)
    return json_response(_abonnement(get_object_or_404(_abonnementen(request), uuid=_uuid(uuid))))


def _save(request: HttpRequest, uuid: str, values: dict) -> HttpResponse:
    require_scope(request, NRC, CONSUME)
    abonnement = get_object_or_404(_abonnementen(request), uuid=_uuid(uuid))
    callback_url = values.get("callbackUrl") or abonnement.callback_url
    kanalen = values.get("kanalen")
    services.save_abonnement(
        tenant=request.tenant,
        callback_url=callback_url,
        auth=values.get("auth") or abonnement.auth,
        kanalen=(
            [(row.kanaal.naam, row.filters) for row in abonnement.kanalen.all()]
            if kanalen is None
            else [(group.naam, group.filters) for group in kanalen]
        ),
        abonnement=abonnement,
    )
    return json_response(_abonnement(get_object_or_404(_abonnementen(request), pk=abonnement.pk)))


@api.put(
    "/abonnement/{uuid}",
    response={200: Abonnement, **WRITE_ERRORS},
    summary="Werk een ABONNEMENT in zijn geheel bij.",
)
def abonnement_update(request: HttpRequest, uuid: str, payload: AbonnementIn) -> HttpResponse:
    return _save(
        request, uuid, {"callbackUrl": payload.callbackUrl, "auth": payload.auth, "kanalen": payload.kanalen}
    )


@api.patch(
    "/abonnement/{uuid}", response={200: Abonnement, **WRITE_ERRORS}, summary="Werk een ABONNEMENT deels bij."
)
def abonnement_partial_update(request: HttpRequest, uuid: str, payload: AbonnementPatch) -> HttpResponse:
    return _save(request, uuid, {name: getattr(payload, name) for name in payload.model_fields_set})


@api.delete("/abonnement/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ABONNEMENT.")
def abonnement_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, NRC, CONSUME)
    services.delete_abonnement(abonnement=get_object_or_404(_abonnementen(request), uuid=_uuid(uuid)))
    return no_content()


@api.post("/notificaties", response={200: Message, **WRITE_ERRORS}, summary="Publiceer een notificatie.")
def notificaties_create(request: HttpRequest, payload: Message) -> HttpResponse:
    """Route a message of another system to the abonnementen of the caller's gemeente, unchanged."""
    require_scope(request, NRC, PUBLISH)
    if not _kanalen(request).filter(naam=payload.kanaal).exists():
        raise invalid("kanaal", "kanaal_naam", "Dit kanaal bestaat niet.")
    services.publish(
        tenant=client(request).tenant,
        kanaal=payload.kanaal,
        hoofd_object=payload.hoofdObject,
        resource=payload.resource,
        resource_url=payload.resourceUrl,
        actie=payload.actie,
        kenmerken=payload.kenmerken,
        aanmaakdatum=payload.aanmaakdatum,
    )
    return json_response(request_json(payload))


def request_json(payload: Message) -> dict:
    data = payload.model_dump()
    data["aanmaakdatum"] = payload.aanmaakdatum.isoformat()
    return data
