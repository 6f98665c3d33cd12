"""``expand`` in the Catalogi API: every type shows the types it refers to, up to four levels deep.

``?expand=statustypen,statustypen.eigenschappen,catalogus`` on a zaaktype, ``zaaktype.catalogus``
on a statustype ...: the attributes of each level are those of the standard's ``*Embedded``
schemas (Catalogi 1.3.3). The kinds are the ones the Zaken and Documenten APIs expand into
(``api.common.expand_catalog``), so an expanded type equals its own GET here as well as there,
and is read through the same tenant-scoped querysets: the client's gemeente and the
collective, never another gemeente's types. Every attribute of every level costs one query
for the whole page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.http import HttpRequest

from ..common import expand as engine
from ..common.expand import Kind, Relation
from . import serializers

# The serializer of each resource's own GET names the kind its answers are.
KIND_OF_ROWS: dict[Callable, str] = {
    serializers.catalogus_rows: "catalogus",
    serializers.zaaktype_rows: "zaaktype",
    serializers.informatieobjecttype_rows: "informatieobjecttype",
    serializers.besluittype_rows: "besluittype",
    serializers.statustype_rows: "statustype",
    serializers.roltype_rows: "roltype",
    serializers.resultaattype_rows: "resultaattype",
    serializers.eigenschap_rows: "eigenschap",
    serializers.zaakobjecttype_rows: "zaakobjecttype",
    serializers.zaaktype_informatieobjecttype_rows: "zaaktypeinformatieobjecttype",
}

# Attributes whose answer is not the URL of what they expand to: the URL, read from the object.
# A zaaktype-informatieobjecttype names its informatieobjecttype by omschrijving (Catalogi 1.3),
# which every version shares; it expands to the version the link holds.
FOLLOWED: dict[str, dict[str, Callable[[Any], str]]] = {
    "zaaktypeinformatieobjecttype": {
        "informatieobjecttype": lambda link: serializers.url_of(
            "informatieobjecttypen", link.informatieobjecttype
        ),
    },
}


@functools.cache
def kinds() -> Mapping[str, Kind]:
    """The catalog kinds, with the zaaktype-informatieobjecttype that only this API expands from."""
    # Imported here: expand_catalog reads this package's querysets, which use this module.
    from ..common.expand_catalog import CATALOG_KINDS

    link = engine.top_level(
        "zaaktype-informatieobjecttype",
        "catalogi",
        "zaaktype-informatieobjecttypen",
        {
            "zaaktype": Relation("zaaktype"),
            "catalogus": Relation("catalogus"),
            "informatieobjecttype": Relation("informatieobjecttype"),
            "statustype": Relation("statustype"),
        },
    )
    return {**CATALOG_KINDS, "zaaktypeinformatieobjecttype": link}


def with_expand(
    request: HttpRequest, rows: Callable[[Sequence], list[dict]]
) -> Callable[[Sequence], list[dict]]:
    """``rows`` followed by the ``_expand`` the request's ``expand`` asks for.

    The parameter is checked at once, before anything is read: an attribute the resource does
    not have is a 404 (as zrc-027/drc-013), one Plus1 does not expand a 400, and so is a path
    beyond the bounds of ``api.common.expand`` (depth, a way back, number of attributes).
    """
    name = KIND_OF_ROWS[rows]
    kind = kinds()[name]
    tree = engine.parse(request.GET.get("expand"), kind, kinds())
    if not tree:
        return rows
    followed = {attribute: url for attribute, url in FOLLOWED.get(name, {}).items() if attribute in tree}

    def render(objects: Sequence) -> list[dict]:
        data = rows(objects)
        shown = [{attribute: item[attribute] for attribute in followed} for item in data]
        for obj, item in zip(objects, data, strict=True):
            item.update({attribute: url(obj) for attribute, url in followed.items()})
        engine.apply(request, kind, data, tree, kinds())
        for item, values in zip(data, shown, strict=True):
            item.update(values)
        for item in data:
            empty_objects(item)
        return data

    return render


def empty_objects(item: dict) -> None:
    """A single reference without an object in ``_expand`` is ``{}`` (the standard's EmptyObject).

    The shared engine answers null (the Zaken and Documenten documents say so); the Catalogi
    document's ``*Embedded`` schemas have ``oneOf: [<Type>Expanded, EmptyObject]``.
    """
    expand = item.get("_expand")
    if not isinstance(expand, dict):
        return
    for name, value in expand.items():
        if value is None:
            expand[name] = {}
        elif isinstance(value, dict):
            empty_objects(value)
        elif isinstance(value, list):
            for nested in value:
                empty_objects(nested)
