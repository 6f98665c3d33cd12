"""The VNG Referentielijsten API (``/referentielijsten/api/v1/``), read-only and public.

Same paths, filters, pagination and JSON as VNG's own (VNG-Realisatie/VNG-referentielijsten):
procestypen and resultaattypeomschrijvingen as plain lists, resultaten and communicatiekanalen
in pages of 100. The content is our copy of the lists (catalog data migrations); every ``url``
in an answer is our own address, with the uuid of VNG's, so both identify the same object.
"""

import uuid as uuid_lib
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from plus1.catalog import reference
from plus1.catalog.models import (
    Communicatiekanaal,
    ResultaatTypeOmschrijving,
    SelectielijstProcestype,
    SelectielijstResultaat,
)

from .errors import (
    FieldValidationError,
    Fout,
    InvalidQuery,
    ValidatieFout,
    invalid,
    invalid_params_of,
    not_found,
)
from .schemas import (
    CommunicatiekanaalPage,
    CommunicatiekanaalSchema,
    ProcesTypeSchema,
    ResultaatPage,
    ResultaatSchema,
    ResultaatTypeOmschrijvingSchema,
)

# VNG's REST_FRAMEWORK PAGE_SIZE.
PAGE_SIZE = 100

api = NinjaAPI(
    title="Referentielijsten & Selectielijst API",
    version="1.0.0",
    description=(
        "Referentielijsten en de Selectielijst gemeenten en intergemeentelijke organen 2020, "
        "uit de eigen kopie van Plus1: zaaktypen en resultaattypen verwijzen ernaar zonder internet."
    ),
    urls_namespace="referentielijsten",
)

M = TypeVar("M", bound=Model)
NOT_FOUND = {404: Fout}


class PageNotFound(Exception):
    pass


@api.exception_handler(ValidationError)
def _invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return invalid(request, invalid_params_of(exc.errors))


@api.exception_handler(InvalidQuery)
def _invalid_query(request: HttpRequest, exc: InvalidQuery) -> HttpResponse:
    return invalid(request, exc.invalid_params)


@api.exception_handler(PageNotFound)
def _page_not_found(request: HttpRequest, exc: PageNotFound) -> HttpResponse:
    return not_found(request, "Ongeldige pagina.")


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _detail(request: HttpRequest, model: type[M], uuid: str) -> M | HttpResponse:
    try:
        return reference.get_reference_object(model, uuid=uuid_lib.UUID(uuid))
    except (ValueError, model.DoesNotExist):  # type: ignore[attr-defined]
        return not_found(request)


def _page(request: HttpRequest, queryset: QuerySet[M], page: int, render: Callable[[M], Any]) -> dict:
    count = queryset.count()
    last = max(1, -(-count // PAGE_SIZE))
    if not 1 <= page <= last:
        raise PageNotFound
    start = (page - 1) * PAGE_SIZE

    def link(number: int) -> str | None:
        if not 1 <= number <= last:
            return None
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "next": link(page + 1),
        "previous": link(page - 1),
        "results": [render(obj) for obj in queryset[start : start + PAGE_SIZE]],
    }


@api.get("/procestypen", response=list[ProcesTypeSchema], tags=["procestypen"])
def procestypen_list(request: HttpRequest, jaar: int | None = None):
    """De procestypen van de Selectielijst, desgewenst van één jaar (``jaar``)."""
    base = _base(request)
    return [ProcesTypeSchema.of(p, base) for p in reference.procestypen(jaar=jaar)]


@api.get("/procestypen/{uuid}", response={200: ProcesTypeSchema, **NOT_FOUND}, tags=["procestypen"])
def procestype_read(request: HttpRequest, uuid: str):
    found = _detail(request, SelectielijstProcestype, uuid)
    return found if isinstance(found, HttpResponse) else ProcesTypeSchema.of(found, _base(request))


@api.get("/resultaten", response={200: ResultaatPage, 400: ValidatieFout, **NOT_FOUND}, tags=["resultaten"])
def resultaten_list(
    request: HttpRequest,
    procesType: str | None = Query(None, description="URL van het procestype"),
    page: int = 1,
):
    """De selectielijstklassen, per pagina van 100; desgewenst van één procestype (``procesType``)."""
    procestype = None
    if procesType is not None:
        if reference.parse_reference_url(procesType) is None:
            raise InvalidQuery(
                FieldValidationError(
                    name="procesType",
                    code="invalid",
                    reason="Geef de URL van een procestype (van ons of van VNG).",
                )
            )
        procestype = reference.selectielijst_procestype_for_url(procesType)
        if procestype is None:
            return {"count": 0, "next": None, "previous": None, "results": []}
    base = _base(request)
    queryset = reference.selectielijst_resultaten(procestype=procestype)
    return _page(request, queryset, page, lambda r: ResultaatSchema.of(r, base))


@api.get("/resultaten/{uuid}", response={200: ResultaatSchema, **NOT_FOUND}, tags=["resultaten"])
def resultaat_read(request: HttpRequest, uuid: str):
    found = _detail(request, SelectielijstResultaat, uuid)
    return found if isinstance(found, HttpResponse) else ResultaatSchema.of(found, _base(request))


@api.get(
    "/resultaattypeomschrijvingen",
    response=list[ResultaatTypeOmschrijvingSchema],
    tags=["resultaattypeomschrijvingen"],
)
def resultaattypeomschrijvingen_list(request: HttpRequest):
    """De generieke resultaattypeomschrijvingen."""
    base = _base(request)
    return [ResultaatTypeOmschrijvingSchema.of(o, base) for o in reference.resultaattypeomschrijvingen()]


@api.get(
    "/resultaattypeomschrijvingen/{uuid}",
    response={200: ResultaatTypeOmschrijvingSchema, **NOT_FOUND},
    tags=["resultaattypeomschrijvingen"],
)
def resultaattypeomschrijving_read(request: HttpRequest, uuid: str):
    found = _detail(request, ResultaatTypeOmschrijving, uuid)
    return (
        found
        if isinstance(found, HttpResponse)
        else ResultaatTypeOmschrijvingSchema.of(found, _base(request))
    )


@api.get(
    "/communicatiekanalen",
    response={200: CommunicatiekanaalPage, 400: ValidatieFout, **NOT_FOUND},
    tags=["communicatiekanalen"],
)
def communicatiekanalen_list(request: HttpRequest, page: int = 1):
    """De communicatiekanalen, per pagina van 100."""
    base = _base(request)
    return _page(
        request, reference.communicatiekanalen(), page, lambda k: CommunicatiekanaalSchema.of(k, base)
    )


@api.get(
    "/communicatiekanalen/{uuid}",
    response={200: CommunicatiekanaalSchema, **NOT_FOUND},
    tags=["communicatiekanalen"],
)
def communicatiekanaal_read(request: HttpRequest, uuid: str):
    found = _detail(request, Communicatiekanaal, uuid)
    return found if isinstance(found, HttpResponse) else CommunicatiekanaalSchema.of(found, _base(request))
