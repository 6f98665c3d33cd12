"""One router for a zaak's link to an object in an API Plus1 does not host.

``zaakcontactmomenten`` and ``zaakverzoeken`` are the same resource with another name: a zaak
and the URL of a contactmoment or verzoek in the Klantinteracties API. The URL is checked as
a URL and stored as given, not fetched, and not mirrored there (zrc-024/025 are that API's part).
"""

# No ``from __future__ import annotations``: ninja reads the operations' annotations, and
# the schemas they name are made inside ``external_link_router``.
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field, create_model

from plus1.core import zgw

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from . import parts
from .parts import READ, UPDATE, ZRC, Url


@dataclass(frozen=True)
class ExternalLink:
    model: type[Model]
    field: str  # the ZGW name and the model field of the URL: ``contactmoment``, ``verzoek``
    collection: str
    resource: str  # the ZGW resource name, also the operation ids' prefix
    schema_name: str  # the OAS component names start with it, as the standard's do
    summaries: dict[str, str]  # list, create, retrieve, destroy
    link: Callable[..., Model]  # (zaak, url, actor, may_change_closed) -> the new link
    unlink: Callable[..., None]  # (link, actor, may_change_closed)


def external_link_router(spec: ExternalLink) -> Router:
    router = Router()
    audittrail.register(spec.model._meta.label_lower, "zaken", spec.collection, spec.resource)
    uri = {"json_schema_extra": {"format": "uri"}}
    Representation = create_model(
        f"{spec.schema_name}Schema",
        __base__=Schema,
        url=(str, Field(**uri)),
        uuid=(str, Field(json_schema_extra={"format": "uuid"})),
        zaak=(str, Field(**uri)),
        **{spec.field: (str, Field(**uri))},
    )
    Request = create_model(
        f"{spec.schema_name}Request", __base__=Schema, zaak=(Url, ...), **{spec.field: (Url, ...)}
    )
    Filter = create_model(
        f"{spec.schema_name}Filter",
        __base__=Schema,
        zaak=(Url | None, None),
        **{spec.field: (Url | None, None)},
    )

    def serialize(link) -> dict:
        return {
            "url": zgw.url("zaken", spec.collection, link.uuid),
            "uuid": str(link.uuid),
            "zaak": zgw.url("zaken", "zaken", link.zaak.uuid),
            spec.field: getattr(link, spec.field),
        }

    @router.get(
        f"/{spec.collection}",
        response={200: list[Representation], **LIST_ERRORS},
        operation_id=f"{spec.resource}_list",
        summary=spec.summaries["list"],
    )
    def link_list(request: HttpRequest, filters: Query[Filter]) -> HttpResponse:
        require_scope(request, ZRC, READ)
        reject_unknown_params(request, set(Filter.model_fields))
        links = parts.for_zaak(parts.visible(request, spec.model), filters.zaak)
        if getattr(filters, spec.field) is not None:
            links = links.filter(**{spec.field: getattr(filters, spec.field)})
        return json_response([serialize(link) for link in links.order_by("id")])

    @router.post(
        f"/{spec.collection}",
        response={201: Representation, **WRITE_ERRORS},
        operation_id=f"{spec.resource}_create",
        summary=spec.summaries["create"],
    )
    def link_create(request: HttpRequest, payload: Request) -> HttpResponse:
        require_scope(request, ZRC, UPDATE)
        zaak = parts.zaak_from_url(request, payload.zaak)
        access = parts.require_for_zaak(request, zaak, UPDATE)
        link = spec.link(
            zaak, getattr(payload, spec.field), actor_for(access), parts.may_change_closed(access, zaak)
        )
        return created(serialize(link))

    @router.get(
        f"/{spec.collection}/{{uuid}}",
        response={200: Representation, **READ_ERRORS},
        operation_id=f"{spec.resource}_retrieve",
        summary=spec.summaries["retrieve"],
    )
    def link_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
        reject_unknown_params(request, set())
        return detail_response(request, serialize(parts.get_part(request, spec.model, uuid, READ)))

    @router.delete(
        f"/{spec.collection}/{{uuid}}",
        response={204: None, **READ_ERRORS},
        operation_id=f"{spec.resource}_destroy",
        summary=spec.summaries["destroy"],
    )
    def link_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
        access = require_scope(request, ZRC, UPDATE)
        link = parts.get_part(request, spec.model, uuid, UPDATE)
        spec.unlink(link, actor_for(access), parts.may_change_closed(access, link.zaak))
        return no_content()

    return router
