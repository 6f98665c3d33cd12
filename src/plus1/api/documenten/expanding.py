"""``expand`` in the Documenten API: a document's informatieobjecttype, and the document of a
gebruiksrecht, objectinformatieobject or verzending (with its type, and that type's catalogus,
zaaktypen and besluittypen), at most three levels deep (drc-012).

A document is expanded only when the client may read it in this API (drc autorisaties per
informatieobjecttype and confidentiality, its gemeente only); one it may not read is null.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest

from ..common import expand as engine
from ..common.expand import Kind, Relation
from ..common.expand_catalog import CATALOG_KINDS
from .access import EIO, visible_documents
from .serializers import serialize_rows

MAX_DEPTH = 3
INFORMATIEOBJECT = {"informatieobject": Relation("informatieobject")}

DOCUMENT_KINDS: dict[str, Kind] = {
    "informatieobject": Kind(
        name="informatieobject",
        api="documenten",
        collection=EIO,
        fetch=lambda request, uuids: visible_documents(request).filter(uuid__in=uuids),
        render=lambda request, documents: serialize_rows(documents),
        relations={"informatieobjecttype": Relation("informatieobjecttype")},
    ),
}

KINDS: dict[str, Kind] = {
    **CATALOG_KINDS,
    **DOCUMENT_KINDS,
    "gebruiksrecht": engine.top_level("gebruiksrecht", "documenten", "gebruiksrechten", INFORMATIEOBJECT),
    "objectinformatieobject": engine.top_level(
        "objectinformatieobject",
        "documenten",
        "objectinformatieobjecten",
        # The object is a zaak or besluit of another API.
        {**INFORMATIEOBJECT, "object": Relation(None)},
    ),
    "verzending": engine.top_level(
        "verzending",
        "documenten",
        "verzendingen",
        # The betrokkene is a URL in a register Plus1 does not host.
        {**INFORMATIEOBJECT, "betrokkene": Relation(None)},
    ),
}


def within_depth(value: str | None) -> str | None:
    """``value`` with every path cut to three levels: drc-012 answers a deeper expand, at most
    three levels deep, where the other APIs refuse it."""
    if not value:
        return value
    return ",".join(".".join(path.split(".")[:MAX_DEPTH]) for path in value.split(","))


def with_expand(request: HttpRequest, kind: str, data: Sequence[dict], value: str | None) -> list[dict]:
    """``data`` (rendered objects of ``kind``) with ``_expand`` as ``value`` asks (drc-012/013)."""
    tree = engine.parse(within_depth(value), KINDS[kind], KINDS, max_depth=MAX_DEPTH)
    engine.apply(request, KINDS[kind], data, tree, KINDS)
    return list(data)
