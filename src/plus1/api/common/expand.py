"""``expand``: the objects a resource refers to by URL, shown in full under ``_expand``.

``?expand=status,status.statustype,rollen`` names attributes of the resource, with dots for
deeper levels (zrc-026, drc-012). Each API describes its resources as ``Kind``s: how to read
a batch of them the way the client may read them directly (tenant and autorisaties in the
query), and how to render them with the serializer of their own GET. An expanded object
therefore equals its own GET, and one the client may not read is ``null`` (one) or left out
(a list), as if it did not exist.

Every attribute of every level costs one fetch for the whole page, whatever its size: the
URLs of all rows are gathered first, then read with one ``uuid IN (...)`` query.

What one request may ask is bounded, because an expanded object appears in the answer once for
every object that refers to it: ``statustypen.zaaktype`` five times over answered 608 MB. A path
is at most ``MAX_DEPTH`` attributes long, may not come back to a kind of resource it already
passed (``zaaktype.statustypen.zaaktype`` only repeats what the client has), a request names at
most ``MAX_EXPANSIONS`` attributes, and the expanded objects, counted as often as the answer
shows them, stay under ``MAX_OBJECTS`` and ``MAX_BYTES``. Those two are counted level by level
(the objects before they are read, the bytes once a level is rendered), so a request over them
is refused before the answer is built and serialised.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from django.http import HttpRequest
from pydantic import BaseModel

from plus1.core import zgw

from .errors import ApiError, invalid
from .http import dumps

Tree = dict[str, "Tree"]

# The Zaken standard's own example of the parameter goes four levels deep
# (``hoofdzaak.deelzaken.status.statustype``), so a standard client may send it; the object and
# byte limits below, not the depth, keep such an answer small.
MAX_DEPTH = 4
# Each attribute of each level is one query for the whole page.
MAX_EXPANSIONS = 20
# The objects one answer may read and render to expand (each once, however often it is shown),
# and the bytes of JSON they add, each counted as often as the answer shows it: an expanded
# object is shown once for every object that refers to it. A page of 100 zaken with their
# zaaktype, status and rollen reads a few hundred objects and adds about 600 kB. Together the
# two keep the largest allowed answer near 200 ms and far under 50 MB (bench/expand_bench.py).
MAX_OBJECTS = 500
MAX_BYTES = 1024 * 1024


class FieldsTree(dict):
    """A tree that ``fields`` asked for: its refusals name ``fields``, not ``expand``."""

    parameter = "fields"


@dataclass(frozen=True)
class Relation:
    """An attribute that refers to objects of ``kind``; ``kind`` None: one Plus1 does not expand
    (it lives in an API Plus1 does not host, zrc-025/drc-011)."""

    kind: str | None
    many: bool = False
    # Where the URL is in an object item of the list: ``url`` (relevanteAndereZaken), ``zaaktype``
    # (a Catalogi zaaktype's gerelateerdeZaaktypen).
    key: str = "url"


@dataclass(frozen=True)
class Kind:
    """A resource that can be expanded: where its URLs point, how to read and render a batch."""

    name: str  # as the error messages name it: "zaak", "status" ...
    api: str
    collection: str
    # The objects with these uuids that the client may read, each with ``.uuid``.
    fetch: Callable[[HttpRequest, set[uuid_module.UUID]], Iterable[Any]]
    # Their representations, in the same order (the serializer of their own GET).
    render: Callable[[HttpRequest, list[Any]], list[dict]]
    relations: Mapping[str, Relation] = field(default_factory=dict)
    # Reads the uuid back from one of its URLs, when that is not ``/<collection>/<uuid>``.
    uuid_of: Callable[[str], uuid_module.UUID | None] | None = None

    def read_uuid(self, value: str) -> uuid_module.UUID | None:
        if self.uuid_of is not None:
            return self.uuid_of(value)
        return zgw.uuid_from_url(value, self.api, self.collection)


def top_level(name: str, api: str, collection: str, relations: Mapping[str, Relation]) -> Kind:
    """A resource that is only ever expanded from, never expanded into."""
    return Kind(
        name=name,
        api=api,
        collection=collection,
        fetch=lambda request, uuids: [],
        render=lambda request, objects: [],
        relations=relations,
    )


def parse(value: str | None, kind: Kind, kinds: Mapping[str, Kind], *, max_depth: int = MAX_DEPTH) -> Tree:
    """The requested expansions as a tree, checked against the attributes of each level.

    An attribute the resource does not have is a 404 (zrc-027, drc-013); one that points
    outside Plus1's own store is a 400 (zrc-025, drc-011); so is a path deeper than
    ``max_depth``, one that comes back to a kind it passed, or more than ``MAX_EXPANSIONS``.
    """
    tree: Tree = {}
    if not value:
        return tree
    for path in (part.strip() for part in value.split(",")):
        if not path:
            continue
        names = path.split(".")
        if len(names) > max_depth:
            raise invalid(
                "expand", "max-depth-exceeded", f"Uitvouwen kan tot {max_depth} niveaus diep: '{path}'."
            )
        current, node = kind, tree
        for name in names:
            relation = current.relations.get(name)
            if relation is None:
                raise ApiError(
                    404, "not_found", f"Een {current.name} heeft geen attribuut '{name}' om uit te vouwen."
                )
            if relation.kind is None:
                raise invalid("expand", "expand-not-supported", f"Plus1 kan '{path}' niet uitvouwen.")
            current = kinds[relation.kind]
            node = node.setdefault(name, {})
        # Checked per path as it is added: a long list of paths stops at the first one too many.
        check(tree, kind, kinds, "expand", max_depth=max_depth)
    return tree


def check(
    tree: Tree, kind: Kind, kinds: Mapping[str, Kind], parameter: str, *, max_depth: int = MAX_DEPTH
) -> None:
    """Refuse (400, naming ``parameter``) a tree deeper than ``max_depth``, with a path that comes
    back to a kind of resource it already passed, or with more than ``MAX_EXPANSIONS`` attributes.

    A step to another object of the same kind (``hoofdzaak``, ``deelzaken``, ``deelzaaktypen``)
    is no return: it shows other objects. Coming back after another kind (``zaaktype`` ->
    ``statustypen`` -> ``zaaktype``) shows again what the client already has, once per object
    that refers to it, which is how those answers grew without bound.
    """
    count = 0

    def walk(node: Tree, current: Kind, passed: tuple[str, ...], path: tuple[str, ...]) -> None:
        nonlocal count
        for name, below in node.items():
            target = kinds[current.relations[name].kind]  # type: ignore[index]
            here = (*path, name)
            shown = ".".join(here)
            count += 1
            if len(here) > max_depth:
                raise invalid(
                    parameter, "max-depth-exceeded", f"Uitvouwen kan tot {max_depth} niveaus diep: '{shown}'."
                )
            if target.name != current.name and target.name in passed:
                raise invalid(
                    parameter,
                    "expand-cycle",
                    f"'{shown}' komt terug bij een {target.name} die eerder in het pad staat. "
                    "Die gegevens staan al in het antwoord.",
                )
            if count > MAX_EXPANSIONS:
                raise invalid(
                    parameter,
                    "too-many-expansions",
                    f"U kunt in één verzoek hoogstens {MAX_EXPANSIONS} attributen uitvouwen.",
                )
            walk(below, target, (*passed, target.name), here)

    walk(tree, kind, (kind.name,), ())


def _urls(value: Any, key: str = "url") -> list[str]:
    """The URLs in an attribute: one, a list, or (relevanteAndereZaken) objects with a ``key``."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Sequence):
        found = (item.get(key) if isinstance(item, Mapping) else item for item in value)
        return [url for url in found if isinstance(url, str) and url]
    return []


@dataclass
class Budget:
    """What is left of ``MAX_OBJECTS`` and ``MAX_BYTES`` for the answer being built."""

    parameter: str = "expand"
    # Read when the answer starts, so a test can lower the limits.
    objects: int = field(default_factory=lambda: MAX_OBJECTS)
    size: int = field(default_factory=lambda: MAX_BYTES)
    # What this answer already read and rendered (without ``_expand``), with its size as JSON,
    # by kind and uuid: a type reached along several paths is read and paid for once.
    seen: dict[tuple[str, uuid_module.UUID], tuple[dict, int]] = field(default_factory=dict)

    def spend(self, objects: int = 0, size: int = 0) -> None:
        self.objects -= objects
        self.size -= size
        if self.objects < 0 or self.size < 0:
            raise invalid(
                self.parameter,
                "answer-too-large",
                f"Zo uitgevouwen wordt het antwoord te groot (meer dan {MAX_OBJECTS} objecten of "
                f"{MAX_BYTES // 1024} kB uitgevouwen). Vouw minder uit of vraag de objecten apart op.",
            )


def apply(
    request: HttpRequest,
    kind: Kind,
    items: Sequence[dict],
    tree: Tree,
    kinds: Mapping[str, Kind],
    *,
    weights: Sequence[int] | None = None,
    budget: Budget | None = None,
) -> None:
    """Add ``_expand`` to each rendered ``item`` of ``kind``, one fetch per attribute and level.

    ``weights``: how often each item appears in the answer (an object expanded for ten others
    is shown ten times). ``budget`` pays for the objects of each level before they are read (as
    many as the URLs name: an upper bound) and for their bytes, times how often each is shown,
    once they are rendered.
    """
    if not tree:
        return
    if budget is None:
        budget = Budget(getattr(tree, "parameter", "expand"))
    weights = weights if weights is not None else [1] * len(items)
    for item in items:
        item["_expand"] = {}
    for name in sorted(tree):
        relation = kind.relations[name]
        target = kinds[relation.kind]  # type: ignore[index]
        wanted = [[target.read_uuid(url) for url in _urls(item.get(name), relation.key)] for item in items]
        uuids = {found for row in wanted for found in row if found is not None}
        new = {found for found in uuids if (target.name, found) not in budget.seen}
        budget.spend(objects=len(new))
        objects = list(target.fetch(request, new)) if new else []
        shown = target.render(request, objects) if objects else []
        for obj, data in zip(objects, shown, strict=True):
            budget.seen[(target.name, obj.uuid)] = (data, len(dumps(data)))
        # A copy per attribute: each gets the ``_expand`` of its own path.
        rendered = {
            found: dict(budget.seen[(target.name, found)][0])
            for row in wanted
            for found in row
            if (target.name, found) in budget.seen
        }
        shows: dict[uuid_module.UUID, int] = dict.fromkeys(rendered, 0)
        for weight, row in zip(weights, wanted, strict=True):
            for found in row if relation.many else row[:1]:
                if found in shows:
                    shows[found] += weight
        # Measured before its own expansions are added, which are counted at the next level;
        # ``name`` and the brackets and commas around each appearance at most ``len(name) + 16``.
        budget.spend(
            size=sum(
                (budget.seen[(target.name, found)][1] + len(name) + 16) * times
                for found, times in shows.items()
            )
        )
        apply(
            request,
            target,
            list(rendered.values()),
            tree[name],
            kinds,
            weights=list(shows.values()),
            budget=budget,
        )
        for item, row in zip(items, wanted, strict=True):
            if relation.many:
                item["_expand"][name] = [rendered[found] for found in row if found in rendered]
            else:
                item["_expand"][name] = rendered.get(row[0]) if row else None


# --- ``fields``: answer only the attributes a client names (Zaken ``_zoek``, zrc-029) ------------

# The attributes of a resource, each with the attributes of its data group (a nested object
# such as ``processobject``) or None for a plain value.
Shape = dict[str, "Shape | None"]


def shape_of(model: type[BaseModel]) -> Shape:
    """The attributes of a response schema, by the name the client sees (its alias)."""
    shape: Shape = {}
    for name, info in model.model_fields.items():
        groups = _models_in(info.annotation)
        merged: Shape = {}
        for group in groups:
            merged.update(shape_of(group))
        shape[info.alias or name] = merged if groups else None
    return shape


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    # ``X | None``, ``list[X]`` and unions of several identification schemas (a rol's betrokkene).
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for argument in get_args(annotation) for found in _models_in(argument)]


@dataclass(frozen=True)
class Selection:
    """The attributes of an object to answer: all (``"*"``) or ``names``, plus data groups
    narrowed in turn (``groups``) and relations expanded with their own selection."""

    every: bool = False
    names: frozenset[str] = frozenset()
    groups: Mapping[str, Selection] = field(default_factory=dict)
    relations: Mapping[str, Selection] = field(default_factory=dict)

    def tree(self) -> Tree:
        """The expansions this selection needs, as ``parse`` would give them."""
        return FieldsTree({name: selection.tree() for name, selection in self.relations.items()})


def parse_fields(
    value: Any, kind: Kind, kinds: Mapping[str, Kind], shapes: Mapping[str, Shape], *, where: str = "fields"
) -> Selection:
    """``fields`` as the Zaken standard gives it: a list of attribute names and ``"*"``, and
    objects that name a relation (or data group) with the list to select inside it::

        ["url", "identificatie", {"zaaktype": ["omschrijving", {"catalogus": ["domein"]}]}]

    A name the resource does not have is a 400; names match regardless of case when only one
    attribute fits (the standard's own example writes ``datumstatusgezet``).
    """
    selection = _selection(value, kind, kinds, shapes, shapes.get(kind.name), where)
    check(selection.tree(), kind, kinds, where)
    return selection


def _selection(
    value: Any,
    kind: Kind | None,
    kinds: Mapping[str, Kind],
    shapes: Mapping[str, Shape],
    shape: Shape | None,
    where: str,
) -> Selection:
    if not isinstance(value, list) or not value:
        raise invalid(where, "invalid", 'Geef een lijst met namen van attributen, of "*" voor alle.')
    every, names = False, set()
    groups: dict[str, Selection] = {}
    relations: dict[str, Selection] = {}
    for item in value:
        if isinstance(item, str):
            entries: list[tuple[str, Any]] = [(item, None)]
        elif isinstance(item, Mapping) and item:
            entries = list(item.items())
        else:
            raise invalid(where, "invalid", "Elk element is een naam of een object {naam: [namen]}.")
        for name, inner in entries:
            if name == "*" and inner is None:
                every = True
                continue
            found = _attribute(name, kind, shape, where)
            relation = kind.relations.get(found) if kind is not None else None
            if inner is None:
                names.add(found)
            elif relation is not None:
                if relation.kind is None:
                    raise invalid(where, "expand-not-supported", f"Plus1 kan '{found}' niet uitvouwen.")
                target = kinds[relation.kind]
                relations[found] = _selection(
                    inner, target, kinds, shapes, shapes.get(target.name), f"{where}.{found}"
                )
            elif shape is not None and shape.get(found) is not None:
                groups[found] = _selection(inner, None, kinds, shapes, shape[found], f"{where}.{found}")
            else:
                raise invalid(
                    where, "invalid", f"'{found}' is geen relatie of gegevensgroep: noem het zonder lijst."
                )
    return Selection(every, frozenset(names), groups, relations)


def _attribute(name: str, kind: Kind | None, shape: Shape | None, where: str) -> str:
    known = set(shape or ()) | set(kind.relations if kind is not None else ())
    if name in known:
        return name
    matches = [candidate for candidate in known if candidate.lower() == name.lower()]
    if len(matches) == 1:
        return matches[0]
    if shape is None:
        return name  # a resource whose attributes are not described: what it has is answered
    owner = kind.name if kind is not None else where.rpartition(".")[2]
    raise invalid(where, "unknown-field", f"Een {owner} heeft geen attribuut '{name}'.")


def select(item: dict, selection: Selection) -> dict:
    """``item`` (rendered, ``_expand`` applied for ``selection.tree()``) with only what it selects."""
    wanted = selection.names | set(selection.groups) | set(selection.relations)
    shown = {
        name: value
        for name, value in item.items()
        if name != "_expand" and (selection.every or name in wanted)
    }
    for name, inner in selection.groups.items():
        value = shown.get(name)
        if isinstance(value, Mapping):
            shown[name] = select(dict(value), inner)
        elif isinstance(value, list):
            shown[name] = [select(one, inner) if isinstance(one, Mapping) else one for one in value]
    if selection.relations:
        expanded = item.get("_expand") or {}
        shown["_expand"] = {}
        for name, inner in selection.relations.items():
            value = expanded.get(name)
            if isinstance(value, list):
                shown["_expand"][name] = [select(one, inner) for one in value]
            else:
                shown["_expand"][name] = select(value, inner) if isinstance(value, Mapping) else None
    return shown
