"""What the routers of the zaak and its parts share: scopes, lookups, zrc-006, list and detail.

An application reads only its own gemeente's zaken (another gemeente's are a 404) and, in
lists, only the zaken its autorisaties name, per zaaktype and confidentiality (zrc-006). The
catalog it refers to is its own gemeente's plus the collective's shared processes.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.apiclients.access import ClientAccess
from plus1.cases.models import Rol, Zaak, ZaakEigenschap
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.services.adoption_team import remember_adoption_team
from plus1.catalog.models import Adoption, ZaakType
from plus1.catalog.processing import DEFAULT_ACTIVITY, default_activity_column
from plus1.core import zgw
from plus1.core.prepared import PreparedQuery
from plus1.tenants.constants import OrganisationKind

from ..common.auth import actor_for, client, require_for_object
from ..common.errors import invalid, not_found
from ..common.http import CRS, detail_response
from ..common.params import reject_unknown_params
from ..common.schemas import READ_ERRORS
from .serializers import zaak_queryset

ZRC = "zrc"
READ = "zaken.lezen"
CREATE = "zaken.aanmaken"
UPDATE = "zaken.bijwerken"
FORCE = "zaken.geforceerd-bijwerken"
ADD_STATUS = "zaken.statussen.toevoegen"
REOPEN = "zaken.heropenen"
DELETE = "zaken.verwijderen"
AUDIT = "audittrails.lezen"
CRS_HEADERS = {"Content-Crs": CRS}
# The annotation of the create's zaaktype query that holds the adopting team.
ADOPTION_TEAM = "adopting_team_id"


def parse_uuid(value: str) -> uuid_lib.UUID:
    try:
        return uuid_lib.UUID(str(value))
    except ValueError:
        raise not_found() from None


def zaken(request: HttpRequest) -> QuerySet[Zaak]:
    return Zaak.objects.for_tenant(request.tenant)


# Every detail read runs this one: compiled once per process (placeholders: any int and uuid).
_ZAAK_TO_SERIALIZE = PreparedQuery(
    lambda tenant_id, zaak_uuid: zaak_queryset(Zaak.objects.filter(tenant_id=tenant_id, uuid=zaak_uuid)),
    -1,
    uuid_lib.UUID(int=1),
)


def get_zaak(request: HttpRequest, zaak_uuid: str, *, for_serializing: bool = False) -> Zaak:
    """The zaak of this gemeente with this uuid, or a 404."""
    if for_serializing:
        zaak = _ZAAK_TO_SERIALIZE.first(request.tenant.pk, parse_uuid(zaak_uuid))
    else:
        zaak = zaken(request).select_related("zaaktype").filter(uuid=parse_uuid(zaak_uuid)).first()
    if zaak is None:
        raise not_found()
    return zaak


def get_one(queryset: QuerySet, uuid: str):
    """The object with this uuid in ``queryset`` (already scoped to the gemeente), or a 404."""
    found = queryset.filter(uuid=parse_uuid(uuid)).first()
    if found is None:
        raise not_found()
    return found


def zaak_from_url(request: HttpRequest, value: str | None, name: str = "zaak") -> Zaak:
    found = zgw.uuid_from_url(value or "", "zaken", "zaken")
    zaak = zaken(request).select_related("zaaktype").filter(uuid=found).first() if found else None
    if zaak is None:
        raise invalid(name, "bad-url", "Deze zaak bestaat niet (of hoort bij een andere gemeente).")
    return zaak


def catalog_tenants(request: HttpRequest) -> Q:
    # A gemeente reads its own catalog and the collective's shared processes.
    return Q(tenant=request.tenant) | Q(tenant__kind=OrganisationKind.COLLECTIVE)


# Every create runs this one. With its processing activity (or the default one) and the team
# of the gemeente's adoption: a zaak written with it gets a processing record and lands in that
# team's inbox, without a query for either (one round trip instead of three).
_ZAAKTYPE_BY_UUID = PreparedQuery(
    lambda tenant_id, zaaktype_uuid, adopting_tenant_id: (
        ZaakType.objects.filter(
            Q(tenant_id=tenant_id) | Q(tenant__kind=OrganisationKind.COLLECTIVE), uuid=zaaktype_uuid
        )
        .select_related("processing_activity")
        .annotate(
            **{
                ADOPTION_TEAM: Subquery(
                    Adoption.objects.filter(tenant_id=adopting_tenant_id, process_id=OuterRef("process_id"))
                    .order_by()
                    .values("team_id")[:1]
                ),
                DEFAULT_ACTIVITY: default_activity_column(),
            }
        )
    ),
    -1,
    uuid_lib.UUID(int=1),
    -3,
)


def zaaktype_from_url(request: HttpRequest, value: str) -> ZaakType:
    found = zgw.uuid_from_url(value, "catalogi", "zaaktypen")
    tenant_id = request.tenant.pk
    zaaktype = _ZAAKTYPE_BY_UUID.first(tenant_id, found, tenant_id) if found else None
    if zaaktype is None:
        raise invalid("zaaktype", "bad-url", "Dit zaaktype bestaat niet in de Catalogi API.")
    remember_adoption_team(zaaktype, tenant_id, getattr(zaaktype, ADOPTION_TEAM))
    return zaaktype


def subtype_from_url(request: HttpRequest, model, collection: str, value: str | None, name: str):
    """A statustype, resultaattype, roltype or eigenschap of a zaaktype this gemeente may use."""
    found = zgw.uuid_from_url(value or "", "catalogi", collection)
    catalog = Q(zaaktype__tenant=request.tenant) | Q(zaaktype__tenant__kind=OrganisationKind.COLLECTIVE)
    obj = model.objects.filter(catalog, uuid=found).select_related("zaaktype").first() if found else None
    if obj is None:
        raise invalid(name, "bad-url", f"Dit {name} bestaat niet in de Catalogi API.")
    return obj


def may(access: ClientAccess, zaak: Zaak, *scopes: str) -> bool:
    return access.allows(ZRC, *scopes, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality)


def require(request: HttpRequest, zaak: Zaak, *scopes: str) -> ClientAccess:
    return require_for_object(
        request, ZRC, *scopes, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality
    )


def visible(request: HttpRequest, prefix: str = "") -> Q:
    """zrc-006: only what the application may read, per zaaktype and confidentiality."""
    return client(request).filter_q(
        ZRC, READ, type_field=f"{prefix}zaaktype_id", confidentiality_field=f"{prefix}confidentiality"
    )


def log_rollen_read(request: HttpRequest, rollen: list[Rol]) -> None:
    # A rol holds personal data (BSN, name): the processing log records whose zaak was read.
    log_parts_read(request, rollen, operation="rol_read")


def log_parts_read(request: HttpRequest, parts: Sequence[Rol | ZaakEigenschap], *, operation: str) -> None:
    """One processing record per zaak whose personal data in ``parts`` the client read."""
    zaken = list({part.zaak_id: part.zaak for part in parts}.values())
    log_zaak_reads(zaken, Purpose.handling(actor_for(client(request)), operation=operation))


def known_params(request: HttpRequest, schema) -> None:
    reject_unknown_params(request, set(schema.model_fields))


def filter_by_url(
    queryset: QuerySet, field: str, value: str | None, api_name: str, collection: str, name: str
) -> QuerySet:
    """Filter on a reference by URL; a value that is no URL of that collection is a 400."""
    if value is None:
        return queryset
    found = zgw.uuid_from_url(value, api_name, collection)
    if found is None:
        raise invalid(name, "invalid", "Dit is geen geldige URL.")
    return queryset.filter(**{f"{field}__uuid": found})


def part_detail(
    request: HttpRequest, queryset: QuerySet, uuid: str, serialize: Callable[[list], list[dict]]
) -> HttpResponse:
    """One part of a zaak (status, resultaat, rol, zaakobject) if the client may read its zaak."""
    obj = get_one(queryset, uuid)
    require(request, obj.zaak, READ)
    return detail_response(request, serialize([obj])[0])


def add_part_read_operations(
    router: Router,
    *,
    collection: str,
    name: str,
    schema: type,
    summary: str,
    label: str,
    read: Callable[..., HttpResponse],
) -> None:
    """``GET`` (with ``expand``) and ``HEAD /<collection>/{uuid}``, with the operation ids
    ``<name>_retrieve`` and ``<name>_headers``; ``read(request, uuid, expand)`` answers both."""
    path = f"/{collection}/{{uuid}}"

    def retrieve(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
        return read(request, uuid, expand)

    def headers(request: HttpRequest, uuid: str) -> HttpResponse:
        return read(request, uuid, None)

    router.get(
        path,
        response={200: schema, **READ_ERRORS},
        operation_id=f"{name}_retrieve",
        summary=summary,
        by_alias=True,
    )(_named(retrieve, f"{name}_retrieve"))
    router.api_operation(
        ["HEAD"],
        path,
        response={200: None},
        operation_id=f"{name}_headers",
        summary=f"De headers voor een specifiek(e) {label} opvragen",
    )(_named(headers, f"{name}_headers"))


def _named(view: Callable[..., Any], name: str) -> Callable[..., Any]:
    # ninja names the URL after the view: one per resource.
    view.__name__ = view.__qualname__ = name
    return view
