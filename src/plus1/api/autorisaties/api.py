"""Autorisaties API 1.1.0 at ``/autorisaties/api/v1/``.

An application manages the applications of its own gemeente only; a client id is unique
across the installation (ac-001), so a clash with another gemeente's client id is refused
without saying whose it is.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from plus1.apiclients import services
from plus1.apiclients.constants import TYPED_COMPONENTS
from plus1.apiclients.constants import Component as ComponentChoice
from plus1.apiclients.models import Application, Autorisatie
from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.models import BesluitType, InformatieObjectType, ZaakType
from plus1.core import zgw
from plus1.notifications.kanalen import describe

from ..common.api import make_api
from ..common.auth import actor_for, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from .schemas import Applicatie, ApplicatieIn, ApplicatiePatch, AutorisatieIn

api = make_api("autorisaties", description=describe("autorisaties"))

READ, WRITE = "autorisaties.lezen", "autorisaties.bijwerken"
TYPE_COLLECTIONS = {
    "zaaktype": ("zaaktypen", ZaakType),
    "informatieobjecttype": ("informatieobjecttypen", InformatieObjectType),
    "besluittype": ("besluittypen", BesluitType),
}


def _url(application: Application) -> str:
    return zgw.url("autorisaties", "applicaties", application.uuid)


def _type_url(obj) -> str | None:
    if obj is None:
        return None
    collection = next(c for c, model in TYPE_COLLECTIONS.values() if isinstance(obj, model))
    return zgw.url("catalogi", collection, obj.uuid)


def _autorisatie(autorisatie: Autorisatie) -> dict:
    data = {
        "component": autorisatie.component,
        "componentWeergave": str(ComponentChoice(autorisatie.component).label),
        "scopes": autorisatie.scopes,
    }
    if autorisatie.component == ComponentChoice.ZRC:
        data["zaaktype"] = _type_url(autorisatie.zaaktype)
        data["maxVertrouwelijkheidaanduiding"] = autorisatie.max_confidentiality or None
    elif autorisatie.component == ComponentChoice.DRC:
        data["informatieobjecttype"] = _type_url(autorisatie.informatieobjecttype)
        data["maxVertrouwelijkheidaanduiding"] = autorisatie.max_confidentiality or None
    elif autorisatie.component == ComponentChoice.BRC:
        data["besluittype"] = _type_url(autorisatie.besluittype)
    return data


def _applications(request: HttpRequest):
    return (
        Application.objects.for_tenant(request.tenant)
        .prefetch_related(
            "credentials",
            "autorisaties__zaaktype",
            "autorisaties__informatieobjecttype",
            "autorisaties__besluittype",
        )
        .order_by("id")
    )


def serialize(application: Application) -> dict:
    return {
        "url": _url(application),
        "clientIds": [credential.client_id for credential in application.credentials.all()],
        "label": application.label,
        "heeftAlleAutorisaties": application.has_all_autorisaties,
        "alleenIsGereedVoorPublicatie": application.only_published_documents,
        "autorisaties": [_autorisatie(a) for a in application.autorisaties.all()],
    }


def _resolve_type(request: HttpRequest, field: str, value: str | None, index: int, readable: list[int]):
    if not value:
        return None
    collection, model = TYPE_COLLECTIONS[field]
    type_uuid = zgw.uuid_from_url(value, "catalogi", collection)
    found = model.objects.filter(uuid=type_uuid, tenant__in=readable).first() if type_uuid else None
    if found is None:
        raise invalid(
            f"autorisaties.{index}.{field}", "bad-url", f"Dit {field} bestaat niet in de Catalogi API."
        )
    return found


def _readable_tenants(request: HttpRequest) -> list[int]:
    """The gemeente's own catalog and the collective's: the types an autorisatie may name."""
    from plus1.tenants.models import Organisation, OrganisationKind

    collective = Organisation.objects.filter(kind=OrganisationKind.COLLECTIVE).values_list("pk", flat=True)
    return [request.tenant.pk, *collective]


def _specs(request: HttpRequest, autorisaties: list[AutorisatieIn]) -> list[AutorisatieSpec]:
    """The autorisaties as sent, each with the one type its component has (ac-003).

    The standard's schema gives zrc a zaaktype, drc an informatieobjecttype and brc a besluittype
    (and those two a maxVertrouwelijkheidaanduiding); a field another component does not have is
    ignored, as the standard's per-component schema does, not refused.
    """
    readable = _readable_tenants(request)
    specs = []
    for index, item in enumerate(autorisaties):
        type_field = TYPED_COMPONENTS.get(item.component)
        types = (
            {type_field: _resolve_type(request, type_field, getattr(item, type_field), index, readable)}
            if type_field
            else {}
        )
        has_confidentiality = item.component in (ComponentChoice.ZRC, ComponentChoice.DRC)
        specs.append(
            AutorisatieSpec(
                component=item.component,
                scopes=item.scopes,
                max_confidentiality=(item.maxVertrouwelijkheidaanduiding or "")
                if has_confidentiality
                else "",
                **types,
            )
        )
    return specs


def _get(request: HttpRequest, uuid) -> Application:
    return get_object_or_404(_applications(request), uuid=uuid)


@api.get(
    "/applicaties", response={200: Page[Applicatie], **LIST_ERRORS}, summary="Alle applicaties opvragen."
)
def applicatie_list(
    request: HttpRequest, clientIds: str | None = None, page: int | None = None
) -> HttpResponse:
    require_scope(request, ComponentChoice.AC, READ)
    reject_unknown_params(request, {"clientIds", "page"})
    applications = _applications(request)
    if clientIds:
        ids = [value for value in clientIds.split(",") if value]
        applications = applications.filter(credentials__client_id__in=ids).distinct()
    return json_response(paginate(request, applications, lambda rows: [serialize(a) for a in rows]))


@api.get(
    "/applicaties/consumer",
    response={200: Applicatie, **READ_ERRORS},
    summary="Vraag een applicatie op, op basis van clientId.",
)
def applicatie_consumer(request: HttpRequest, clientId: str) -> HttpResponse:
    require_scope(request, ComponentChoice.AC, READ)
    application = get_object_or_404(_applications(request), credentials__client_id=clientId)
    return detail_response(request, serialize(application))


@api.get(
    "/applicaties/{uuid}",
    response={200: Applicatie, **READ_ERRORS},
    summary="Een specifieke applicatie opvragen.",
)
def applicatie_read(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, ComponentChoice.AC, READ)
    return detail_response(request, serialize(_get(request, _uuid(uuid))))


@api.post("/applicaties", response={201: Applicatie, **WRITE_ERRORS}, summary="Registreer een applicatie.")
def applicatie_create(request: HttpRequest, payload: ApplicatieIn) -> HttpResponse:
    access = require_scope(request, ComponentChoice.AC, WRITE)
    application = services.create_application(
        tenant=request.tenant,
        label=payload.label,
        client_ids=payload.clientIds,
        actor=actor_for(access),
        has_all_autorisaties=payload.heeftAlleAutorisaties,
        only_published_documents=payload.alleenIsGereedVoorPublicatie,
        autorisaties=_specs(request, payload.autorisaties),
    )
    return created(serialize(_get(request, application.uuid)))


def _update(request: HttpRequest, uuid: str, values: dict) -> HttpResponse:
    access = require_scope(request, ComponentChoice.AC, WRITE)
    application = _get(request, _uuid(uuid))
    autorisaties = values.get("autorisaties")
    services.update_application(
        application=application,
        actor=actor_for(access),
        label=values.get("label"),
        client_ids=values.get("clientIds"),
        has_all_autorisaties=values.get("heeftAlleAutorisaties"),
        only_published_documents=values.get("alleenIsGereedVoorPublicatie"),
        autorisaties=None if autorisaties is None else _specs(request, autorisaties),
    )
    return json_response(serialize(_get(request, application.uuid)))


@api.put(
    "/applicaties/{uuid}",
    response={200: Applicatie, **WRITE_ERRORS},
    summary="Werk een applicatie in zijn geheel bij.",
)
def applicatie_update(request: HttpRequest, uuid: str, payload: ApplicatieIn) -> HttpResponse:
    values = {
        "label": payload.label,
        "clientIds": payload.clientIds,
        "heeftAlleAutorisaties": payload.heeftAlleAutorisaties,
        "alleenIsGereedVoorPublicatie": payload.alleenIsGereedVoorPublicatie,
        "autorisaties": payload.autorisaties,
    }
    return _update(request, uuid, values)


@api.patch(
    "/applicaties/{uuid}",
    response={200: Applicatie, **WRITE_ERRORS},
    summary="Werk een applicatie deels bij.",
)
def applicatie_partial_update(request: HttpRequest, uuid: str, payload: ApplicatiePatch) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    return _update(request, uuid, values)


@api.delete("/applicaties/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een applicatie.")
def applicatie_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, ComponentChoice.AC, WRITE)
    application = _get(request, _uuid(uuid))
    services.delete_application(application=application, actor=actor_for(access))
    return no_content()


def _uuid(value: str):
    from uuid import UUID

    try:
        return UUID(value)
    except ValueError:
        raise not_found() from None
