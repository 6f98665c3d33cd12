"""``expand`` in the Zaken API: what each resource refers to, up to four levels deep (zrc-026).

A zaak expands to its zaaktype, status, resultaat, rollen, eigenschappen, zaakobjecten,
zaakinformatieobjecten, hoofdzaak, deelzaken and relevanteAndereZaken; each of those to what
it refers to (``status.statustype``, ``rollen.roltype``, ``zaakinformatieobjecten.informatieobject``
...). Zaken and their parts are read as the client may read them directly (zrc-006: its
gemeente, its zaaktypen and confidentiality), documents as the Documenten API lets it
(drc autorisaties) and besluiten as the Besluiten API does; the catalog is the gemeente's and
the collective's. The Referentielijsten and other APIs are not expanded (zrc-025). The bounds
of ``api.common.expand`` apply (depth, no way back to a resource on the path, number of
attributes, size of the answer): the standard's four-level ``hoofdzaak.deelzaken.status.statustype``
is answered, ``rollen.zaak`` and a fifth level are refused.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence

from django.http import HttpRequest

from plus1.cases.models import (
    Besluit,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.core import zgw

from ..besluiten.api import serialize as serialize_besluit
from ..common import expand as engine
from ..common.auth import actor_for, client
from ..common.expand import Kind, Relation
from ..common.expand_catalog import CATALOG_KINDS
from ..documenten.expanding import DOCUMENT_KINDS
from .reading import log_parts_read, log_rollen_read, visible
from .serializers import (
    attach_parts,
    serialize_resultaat,
    serialize_rol,
    serialize_status,
    serialize_zaak,
    serialize_zaakeigenschap,
    serialize_zaakinformatieobject,
    serialize_zaakobject,
    zaak_queryset,
)

ZAAK = Relation("zaak")
Tree = engine.Tree


def _zaken(request: HttpRequest, uuids: set[uuid_module.UUID]):
    return zaak_queryset(Zaak.objects.for_tenant(request.tenant).filter(visible(request), uuid__in=uuids))


def _render_zaken(request: HttpRequest, zaken: list[Zaak]) -> list[dict]:
    attach_parts(zaken)
    return [serialize_zaak(zaak) for zaak in zaken]


def _parts_of_visible_zaken(request: HttpRequest, model, uuids: set[uuid_module.UUID], *related: str):
    """Rows of a zaak's part whose zaak the client may read, of its gemeente only."""
    return (
        model.objects.filter(zaak__tenant=request.tenant)
        .filter(visible(request, "zaak__"), uuid__in=uuids)
        .select_related(*related)
    )


def _render_rollen(request: HttpRequest, rollen: list[Rol]) -> list[dict]:
    log_rollen_read(request, rollen)
    return [serialize_rol(rol) for rol in rollen]


def _eigenschap_uuid(value: str) -> uuid_module.UUID | None:
    # ``.../zaken/{zaak}/zaakeigenschappen/{uuid}``: nested under its zaak.
    zaak_url, _, tail = value.rstrip("/").rpartition("/zaakeigenschappen/")
    if not zgw.uuid_from_url(zaak_url, "zaken", "zaken"):
        return None
    try:
        return uuid_module.UUID(tail)
    except ValueError:
        return None


def _besluiten(request: HttpRequest, uuids: set[uuid_module.UUID]):
    readable = client(request).filter_q("brc", "besluiten.lezen", type_field="besluittype_id")
    return (
        Besluit.objects.for_tenant(request.tenant)
        .filter(readable, uuid__in=uuids)
        .select_related("besluittype", "zaak__zaaktype")
    )


def _render_zaakeigenschappen(request: HttpRequest, rows: list[ZaakEigenschap]) -> list[dict]:
    # The answers a resident gave on the form (a kenteken, an income): their read is logged.
    log_parts_read(request, rows, operation="zaakeigenschap_read")
    return [serialize_zaakeigenschap(row) for row in rows]


def _render_besluiten(request: HttpRequest, besluiten: list[Besluit]) -> list[dict]:
    # A besluit is about the people of its zaak: its read is logged as the Besluiten API does.
    zaken = list({b.zaak_id: b.zaak for b in besluiten if b.zaak_id}.values())
    log_zaak_reads(zaken, Purpose.handling(actor_for(client(request)), operation="besluit_read"))
    return [serialize_besluit(besluit) for besluit in besluiten]


ZAKEN_KINDS: dict[str, Kind] = {
    **CATALOG_KINDS,
    **DOCUMENT_KINDS,
    "zaak": Kind(
        name="zaak",
        api="zaken",
        collection="zaken",
        fetch=_zaken,
        render=_render_zaken,
        relations={
            "zaaktype": Relation("zaaktype"),
            "status": Relation("status"),
            "resultaat": Relation("resultaat"),
            "rollen": Relation("rol", many=True),
            "eigenschappen": Relation("zaakeigenschap", many=True),
            "zaakobjecten": Relation("zaakobject", many=True),
            "zaakinformatieobjecten": Relation("zaakinformatieobject", many=True),
            "hoofdzaak": ZAAK,
            "deelzaken": Relation("zaak", many=True),
            "relevanteAndereZaken": Relation("zaak", many=True),
            # Values from the Referentielijsten and Producten API's, not objects of this store.
            "communicatiekanaal": Relation(None),
            "productenOfDiensten": Relation(None),
            "selectielijstklasse": Relation(None),
        },
    ),
    "status": Kind(
        name="status",
        api="zaken",
        collection="statussen",
        fetch=lambda request, uuids: _parts_of_visible_zaken(request, Status, uuids, "zaak", "statustype"),
        render=lambda request, rows: [
            serialize_status(s, is_last=s.zaak.current_status_id == s.pk) for s in rows
        ],
        relations={
            "zaak": ZAAK,
            "statustype": Relation("statustype"),
            "gezetdoor": Relation("rol"),
            "zaakinformatieobjecten": Relation("zaakinformatieobject", many=True),
        },
    ),
    "resultaat": Kind(
        name="resultaat",
        api="zaken",
        collection="resultaten",
        fetch=lambda request, uuids: _parts_of_visible_zaken(
            request, Resultaat, uuids, "zaak", "resultaattype"
        ),
        render=lambda request, rows: [serialize_resultaat(r) for r in rows],
        relations={"zaak": ZAAK, "resultaattype": Relation("resultaattype")},
    ),
    "rol": Kind(
        name="rol",
        api="zaken",
        collection="rollen",
        # The zaaktype too: the processing log of a rol read names it.
        fetch=lambda request, uuids: _parts_of_visible_zaken(
            request, Rol, uuids, "zaak__zaaktype", "roltype"
        ),
        render=_render_rollen,
        relations={
            "zaak": ZAAK,
            "roltype": Relation("roltype"),
            "statussen": Relation("status", many=True),
            # A betrokkene is a URL in a register Plus1 does not host.
            "betrokkene": Relation(None),
        },
    ),
    "zaakeigenschap": Kind(
        name="zaakeigenschap",
        api="zaken",
        collection="zaken",
        fetch=lambda request, uuids: _parts_of_visible_zaken(
            request, ZaakEigenschap, uuids, "zaak__zaaktype", "eigenschap"
        ),
        render=_render_zaakeigenschappen,
        relations={"zaak": ZAAK, "eigenschap": Relation("eigenschap")},
        uuid_of=_eigenschap_uuid,
    ),
    "zaakobject": Kind(
        name="zaakobject",
        api="zaken",
        collection="zaakobjecten",
        fetch=lambda request, uuids: _parts_of_visible_zaken(request, ZaakObject, uuids, "zaak"),
        render=lambda request, rows: [serialize_zaakobject(o) for o in rows],
        relations={
            "zaak": ZAAK,
            "zaakobjecttype": Relation("zaakobjecttype"),
            # The object itself lives in another register (BAG, Objecten API ...).
            "object": Relation(None),
        },
    ),
    "zaakinformatieobject": Kind(
        name="zaakinformatieobject",
        api="zaken",
        collection="zaakinformatieobjecten",
        fetch=lambda request, uuids: _parts_of_visible_zaken(
            request, ZaakInformatieObject, uuids, "zaak", "informatieobject"
        ),
        render=lambda request, rows: [serialize_zaakinformatieobject(link) for link in rows],
        relations={
            "zaak": ZAAK,
            "informatieobject": Relation("informatieobject"),
            "status": Relation("status"),
        },
    ),
    "besluit": Kind(
        name="besluit",
        api="besluiten",
        collection="besluiten",
        fetch=_besluiten,
        render=_render_besluiten,
        relations={"besluittype": Relation("besluittype"), "zaak": ZAAK},
    ),
    # Only ever the resource itself: a zaakbesluit is the besluit seen from its zaak.
    "zaakbesluit": engine.top_level("zaakbesluit", "zaken", "zaken", {"besluit": Relation("besluit")}),
}


def parse(value: str | None, kind: str = "zaak") -> engine.Tree:
    """The requested expansions of a ``kind``; 404 for an attribute it does not have (zrc-027)."""
    return engine.parse(value, ZAKEN_KINDS[kind], ZAKEN_KINDS)


def expand(request: HttpRequest, kind: str, data: Sequence[dict], tree: engine.Tree) -> None:
    """Add ``_expand`` to each rendered object of ``kind`` in ``data``.

    An attribute that refers to nothing (a zaak without status, resultaat or hoofdzaak) expands
    to an empty object, as the standard's schema has it (``EmptyObject``); a list to ``[]``.
    """
    engine.apply(request, ZAKEN_KINDS[kind], data, tree, ZAKEN_KINDS)
    if tree:
        _empty_objects(data)


def _empty_objects(items: Sequence[dict]) -> None:
    for item in items:
        expanded = item.get("_expand")
        if not expanded:
            continue
        for name, value in expanded.items():
            if value is None:
                expanded[name] = {}
            elif isinstance(value, dict):
                _empty_objects([value])
            elif isinstance(value, list):
                _empty_objects(value)


def rendered(request: HttpRequest, kind: str, data: list[dict], value: str | None) -> list[dict]:
    """``data`` (rendered objects of ``kind``) with ``_expand`` as ``value`` asks."""
    expand(request, kind, data, parse(value, kind))
    return data
