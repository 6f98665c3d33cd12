"""Zaakbesluiten: the besluiten of a zaak, nested under it (``/zaken/{zaak_uuid}/besluiten``).

A zaakbesluit is the besluit seen from its zaak and shares its uuid. The Besluiten API sets a
besluit's zaak; ``POST`` and ``DELETE`` here are the calls by which, in the standard, it tells
the Zaken API (brc-006). They change nothing: they confirm the relation as the besluit holds
it, and answer 400 when it does not (``cases.services.zaakbesluiten``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.cases.models import Besluit, Zaak
from plus1.cases.services import zaakbesluiten
from plus1.core import zgw

from ..common.auth import actor_for, client
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from . import schemas
from .expand import rendered as with_expand
from .reading import FORCE, READ, UPDATE, get_zaak, may, parse_uuid, require
from .serializers import serialize_zaakbesluit

router = Router()


def _readable_besluiten(request: HttpRequest):
    """This gemeente's besluiten the client may read in the Besluiten API (per besluittype)."""
    readable = client(request).filter_q("brc", "besluiten.lezen", type_field="besluittype_id")
    return Besluit.objects.for_tenant(request.tenant).filter(readable)


def _besluit_from_url(request: HttpRequest, value: str) -> Besluit:
    found = zgw.uuid_from_url(value, "besluiten", "besluiten")
    besluit = _readable_besluiten(request).filter(uuid=found).first() if found else None
    if besluit is None:
        raise invalid("besluit", "bad-url", "Dit besluit bestaat niet in de Besluiten API.")
    return besluit


@router.get(
    "/zaken/{zaak_uuid}/besluiten",
    response={200: list[schemas.ZaakBesluitExpanded], **LIST_ERRORS},
    operation_id="zaakbesluit_list",
    summary="Alle ZAAKBESLUITen opvragen.",
    by_alias=True,
)
def zaakbesluit_list(request: HttpRequest, zaak_uuid: str, expand: str | None = None) -> HttpResponse:
    reject_unknown_params(request, {"expand"})
    zaak = get_zaak(request, zaak_uuid)
    require(request, zaak, READ)
    besluiten = Besluit.objects.filter(tenant=request.tenant, zaak=zaak).only("uuid").order_by("id")
    data = [serialize_zaakbesluit(zaak, besluit) for besluit in besluiten]
    return json_response(with_expand(request, "zaakbesluit", data, expand))


@router.post(
    "/zaken/{zaak_uuid}/besluiten",
    response={201: schemas.ZaakBesluit, **WRITE_ERRORS},
    operation_id="zaakbesluit_create",
    summary="Maak een ZAAKBESLUIT aan.",
)
def zaakbesluit_create(
    request: HttpRequest, zaak_uuid: str, payload: schemas.ZaakBesluitRequest
) -> HttpResponse:
    zaak = get_zaak(request, zaak_uuid)
    access = require(request, zaak, UPDATE)
    besluit = _besluit_from_url(request, payload.besluit)
    zaakbesluiten.register_zaakbesluit(
        zaak=zaak, besluit=besluit, actor=actor_for(access), may_change_closed=may(access, zaak, FORCE)
    )
    return created(serialize_zaakbesluit(zaak, besluit))


@router.get(
    "/zaken/{zaak_uuid}/besluiten/{uuid}",
    response={200: schemas.ZaakBesluitExpanded, **READ_ERRORS},
    operation_id="zaakbesluit_retrieve",
    summary="Een specifiek ZAAKBESLUIT opvragen.",
    by_alias=True,
)
def zaakbesluit_retrieve(
    request: HttpRequest, zaak_uuid: str, uuid: str, expand: str | None = None
) -> HttpResponse:
    zaak = get_zaak(request, zaak_uuid)
    require(request, zaak, READ)
    besluit = (
        Besluit.objects.filter(tenant=request.tenant, zaak=zaak, uuid=parse_uuid(uuid)).only("uuid").first()
    )
    if besluit is None:
        raise not_found()
    data = [serialize_zaakbesluit(zaak, besluit)]
    return detail_response(request, with_expand(request, "zaakbesluit", data, expand)[0])


@router.delete(
    "/zaken/{zaak_uuid}/besluiten/{uuid}",
    response={204: None, **WRITE_ERRORS},
    operation_id="zaakbesluit_destroy",
    summary="Verwijder een ZAAKBESLUIT.",
)
def zaakbesluit_destroy(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak = get_zaak(request, zaak_uuid)
    access = require(request, zaak, UPDATE)
    # A besluit of another gemeente, or one the client may not read, is not there.
    besluit = _readable_besluiten(request).filter(uuid=parse_uuid(uuid)).first()
    if besluit is None:
        raise not_found()
    zaakbesluiten.remove_zaakbesluit(
        zaak=zaak, besluit=besluit, actor=actor_for(access), may_change_closed=may(access, zaak, FORCE)
    )
    return no_content()


def in_audittrail(zaak: Zaak, rows: list[dict]) -> list[dict]:
    """The zaak's audittrail rows with a zaakbesluit shown as one: a besluit's row can only be in
    a zaak's trail through ``zaakbesluit_create``/``_destroy``."""
    for row in rows:
        if row["resource"] == "besluit":
            besluit_uuid = row["resourceUrl"].rstrip("/").rpartition("/")[2]
            row["resource"] = "zaakbesluit"
            row["resourceUrl"] = zgw.url("zaken", "zaken", zaak.uuid, "besluiten", besluit_uuid)
    return rows
