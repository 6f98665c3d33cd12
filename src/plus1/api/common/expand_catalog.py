"""The Catalogi API's objects as ``expand`` targets of the Zaken and Documenten APIs.

They are read with the Catalogi API's own querysets and serializers, so an expanded zaaktype
equals ``GET /catalogi/api/v1/zaaktypen/{uuid}``. The attributes of each kind are those of the
Catalogi standard's ``*Embedded`` schemas; the Catalogi API expands with the same kinds. The
catalog is readable by every client of the gemeente (its own types and the collective's shared
ones, ztc-014): the querysets hold exactly those, nothing of another gemeente.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest

from ..catalogi import (
    eigenschappen,
    reading,
    resultaattypen,
    roltypen,
    serializers,
    statustypen,
    zaakobjecttypen,
)
from .expand import Kind, Relation


def _kind(
    name: str,
    collection: str,
    queryset: Callable[[HttpRequest], QuerySet],
    rows: Callable[[list], list[dict]],
    relations: dict[str, Relation],
) -> Kind:
    return Kind(
        name=name,
        api="catalogi",
        collection=collection,
        fetch=lambda request, uuids: queryset(request).filter(uuid__in=uuids),
        render=lambda request, objects: rows(objects),
        relations=relations,
    )


OF_ZAAKTYPE = {"zaaktype": Relation("zaaktype"), "catalogus": Relation("catalogus")}
ZAAKTYPEN = Relation("zaaktype", many=True)
BESLUITTYPEN = Relation("besluittype", many=True)
INFORMATIEOBJECTTYPEN = Relation("informatieobjecttype", many=True)
STATUSTYPEN = Relation("statustype", many=True)
RESULTAATTYPEN = Relation("resultaattype", many=True)

CATALOG_KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        _kind(
            "catalogus",
            "catalogussen",
            reading.catalogussen,
            serializers.catalogus_rows,
            {
                "zaaktypen": ZAAKTYPEN,
                "besluittypen": BESLUITTYPEN,
                "informatieobjecttypen": INFORMATIEOBJECTTYPEN,
            },
        ),
        _kind(
            "zaaktype",
            "zaaktypen",
            reading.zaaktypen,
            serializers.zaaktype_rows,
            {
                "catalogus": Relation("catalogus"),
                "statustypen": STATUSTYPEN,
                "resultaattypen": RESULTAATTYPEN,
                "roltypen": Relation("roltype", many=True),
                "eigenschappen": Relation("eigenschap", many=True),
                "zaakobjecttypen": Relation("zaakobjecttype", many=True),
                "informatieobjecttypen": INFORMATIEOBJECTTYPEN,
                "besluittypen": BESLUITTYPEN,
                "deelzaaktypen": ZAAKTYPEN,
                # Objects of a zaaktype URL and how it relates; one in another ZTC is not expanded.
                "gerelateerdeZaaktypen": Relation("zaaktype", many=True, key="zaaktype"),
            },
        ),
        _kind(
            "informatieobjecttype",
            "informatieobjecttypen",
            reading.informatieobjecttypen,
            serializers.informatieobjecttype_rows,
            {"catalogus": Relation("catalogus"), "zaaktypen": ZAAKTYPEN, "besluittypen": BESLUITTYPEN},
        ),
        _kind(
            "besluittype",
            "besluittypen",
            reading.besluittypen,
            serializers.besluittype_rows,
            {
                "catalogus": Relation("catalogus"),
                "zaaktypen": ZAAKTYPEN,
                "informatieobjecttypen": INFORMATIEOBJECTTYPEN,
                "resultaattypen": RESULTAATTYPEN,
            },
        ),
        _kind(
            "statustype",
            "statustypen",
            statustypen.statustypen,
            serializers.statustype_rows,
            {**OF_ZAAKTYPE, "eigenschappen": Relation("eigenschap", many=True)},
        ),
        _kind(
            "resultaattype",
            "resultaattypen",
            resultaattypen.resultaattypen,
            serializers.resultaattype_rows,
            {**OF_ZAAKTYPE, "besluittypen": BESLUITTYPEN, "informatieobjecttypen": INFORMATIEOBJECTTYPEN},
        ),
        _kind("roltype", "roltypen", roltypen.roltypen, serializers.roltype_rows, OF_ZAAKTYPE),
        _kind(
            "eigenschap",
            "eigenschappen",
            eigenschappen.eigenschappen,
            serializers.eigenschap_rows,
            {**OF_ZAAKTYPE, "statustype": Relation("statustype")},
        ),
        _kind(
            "zaakobjecttype",
            "zaakobjecttypen",
            zaakobjecttypen.zaakobjecttypen,
            serializers.zaakobjecttype_rows,
            {**OF_ZAAKTYPE, "resultaattypen": RESULTAATTYPEN, "statustypen": STATUSTYPEN},
        ),
    )
}
