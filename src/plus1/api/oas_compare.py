"""Compare our OpenAPI document with the official ZGW one; list the differences as stable keys.

Pure functions on parsed documents (dicts), no Django. Each difference is one line,
``<api>: <METHOD> <path>: <what>``, for example::

    zaken: GET /zaken/{uuid}: missing operation
    zaken: GET /zaken: parameter expand: missing
    zaken: POST /zaken: request body: property zaaktype: required differs
    zaken: GET /zaken/{uuid}: response 200: property _expand: missing

The keys name no values, so they stay the same while a difference lasts, and
``docs/zgw-deviations.md`` can list the accepted ones (see ``parse_deviations``).

What counts, and what does not:

- Operations: matched by method and path *template*, so ``/zaken/{zaak_uuid}/audittrail`` and
  ``/zaken/{pk}/audittrail`` are the same path; the key spells the standard's path. A trailing
  slash is a different path (clients of the standard call ``/zaken``). Operations we have and the
  standard lacks are reported: the standard allows no extra operations.
- Parameters: query, header (case-insensitive names) and cookie parameters by name, including
  path-level ones; path parameters are covered by the template. Compared: presence, ``required``,
  type, enum, array items and ``explode``. Nullability is not compared for parameters (leaving a
  parameter out is how a client says "none").
- Request body and every documented success (2xx) response: presence, content types, and the
  schema. Error responses are not compared.
- Schemas: ``$ref`` is resolved in both documents; ``allOf`` is merged; ``oneOf``/``anyOf`` is
  compared as the union of its variants (properties of any variant, required by all variants,
  enum values of any variant), and so is a ``discriminator.mapping`` without ``oneOf`` (ZGW's
  polymorphic ``Rol``, ``ZaakObject``). ``nullable: true`` (OpenAPI 3.0), ``type: [.., "null"]``,
  ``anyOf: [{..}, {type: null}]`` (3.1, pydantic) and ``enum: [null]`` all mean "nullable".
  Compared per property, recursively to ``MAX_DEPTH``: type, enum, required, nested
  properties and array items; nullability only with ``constraints=True``, like lengths: a
  client reads a missing value as null either way. ``readOnly`` properties are left out of request bodies and
  ``writeOnly`` ones out of responses. Ignored: titles, descriptions, examples, defaults,
  ``format``, and (unless ``constraints=True``) ``maxLength``, ``minLength`` and ``pattern``,
  which are then reported only where the standard sets one and ours differs.
- ``info.version`` must be the standard's version.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
MAX_DEPTH = 8
CONSTRAINTS = ("maxLength", "minLength", "pattern")
_TEMPLATE = re.compile(r"\{[^}/]*\}")


# --- schema normalisation ------------------------------------------------------------------


@dataclass
class _Norm:
    """A schema reduced to what we compare. ``types`` None means "any type"."""

    types: frozenset[str] | None = None
    nullable: bool = False
    enum: frozenset[Any] | None = None
    properties: dict[str, list[Any]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: list[Any] = field(default_factory=list)
    read_only: bool = False
    write_only: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)

    @property
    def is_object(self) -> bool:
        return bool(self.properties) or (self.types is not None and "object" in self.types)


def _pointer(document: Mapping[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported, not {ref!r}")
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _deref(document: Mapping[str, Any], node: Any, seen: frozenset[str]) -> tuple[Any, frozenset[str]]:
    """Follow ``$ref`` chains; a cycle gives an empty schema (any)."""
    while isinstance(node, Mapping) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            return {}, seen
        seen = seen | {ref}
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        target = _pointer(document, ref)
        # OpenAPI 3.1 allows keywords next to $ref; treat them like allOf.
        node = {"allOf": [target, siblings]} if siblings else target
    return node, seen


def _hashable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    return value


def _is_null_only(norm: _Norm) -> bool:
    return norm.types == frozenset() or (norm.enum == frozenset() and norm.nullable)


def normalise(
    document: Mapping[str, Any],
    schema: Any,
    *,
    seen: frozenset[str] = frozenset(),
    expand_mapping: bool = True,
) -> _Norm:
    """Reduce a schema (with ``$ref``, ``allOf``, ``oneOf``/``anyOf``) to a ``_Norm``."""
    schema, seen = _deref(document, schema, seen)
    if not isinstance(schema, Mapping):
        return _Norm()
    parts: list[_Norm] = [_plain(schema)]
    for member in schema.get("allOf", ()):
        parts.append(normalise(document, member, seen=seen, expand_mapping=expand_mapping))
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            variants = [normalise(document, member, seen=seen) for member in schema[keyword]]
            parts.append(_union(variants))
    mapping = (schema.get("discriminator") or {}).get("mapping")
    if mapping and expand_mapping and "oneOf" not in schema and "anyOf" not in schema:
        variants = [
            # A variant is usually allOf [this schema, extra]: start a fresh $ref chain for it, and
            # do not expand the mapping again.
            normalise(document, {"$ref": ref}, expand_mapping=False)
            for _, ref in sorted(mapping.items())
        ]
        parts = [_union(variants)]
    return _intersect(parts)


def _plain(schema: Mapping[str, Any]) -> _Norm:
    norm = _Norm()
    raw_type = schema.get("type")
    if raw_type is not None:
        types = set(raw_type) if isinstance(raw_type, list) else {raw_type}
        norm.nullable = "null" in types
        norm.types = frozenset(types - {"null"})
    if schema.get("nullable") is True:
        norm.nullable = True
    values: list[Any] | None = None
    if "enum" in schema:
        values = list(schema["enum"])
    if "const" in schema:
        values = [schema["const"]]
    if values is not None:
        if None in values:
            norm.nullable = True
        norm.enum = frozenset(_hashable(value) for value in values if value is not None)
    norm.properties = {name: [prop] for name, prop in (schema.get("properties") or {}).items()}
    norm.required = frozenset(schema.get("required") or ())
    if "items" in schema and isinstance(schema["items"], Mapping):
        norm.items = [schema["items"]]
    norm.read_only = schema.get("readOnly") is True
    norm.write_only = schema.get("writeOnly") is True
    norm.constraints = {key: schema[key] for key in CONSTRAINTS if key in schema}
    return norm


def _intersect(parts: list[_Norm]) -> _Norm:
    """allOf: every part applies (types narrow, properties and required add up)."""
    if len(parts) == 1:
        return parts[0]
    result = _Norm()
    for part in parts:
        if part.types is not None:
            result.types = part.types if result.types is None else result.types & part.types
        # OpenAPI 3.0's idiom for a nullable $ref is allOf [$ref] next to nullable: true.
        result.nullable = result.nullable or part.nullable
        if part.enum is not None:
            result.enum = part.enum if result.enum is None else result.enum & part.enum
        for name, alternatives in part.properties.items():
            result.properties[name] = result.properties.get(name, []) + alternatives
        result.required |= part.required
        result.items += part.items
        result.read_only = result.read_only or part.read_only
        result.write_only = result.write_only or part.write_only
        result.constraints.update(part.constraints)
    return result


def _union(variants: list[_Norm]) -> _Norm:
    """oneOf/anyOf: a value matches some variant. Null-only variants make the result nullable."""
    nullable = any(variant.nullable for variant in variants)
    variants = [variant for variant in variants if not _is_null_only(variant)]
    if not variants:
        return _Norm(types=frozenset(), nullable=True)
    if len(variants) == 1:
        only = variants[0]
        only.nullable = only.nullable or nullable
        return only
    result = _Norm(nullable=nullable)
    if all(variant.types is not None for variant in variants):
        result.types = frozenset().union(*(variant.types or frozenset() for variant in variants))
    if all(variant.enum is not None for variant in variants):
        result.enum = frozenset().union(*(variant.enum or frozenset() for variant in variants))
    merged: dict[str, list[Any]] = {}
    for variant in variants:
        for name, alternatives in variant.properties.items():
            merged.setdefault(name, []).append(
                alternatives[0] if len(alternatives) == 1 else {"allOf": alternatives}
            )
    result.properties = {
        name: alternatives if len(alternatives) == 1 else [{"anyOf": alternatives}]
        for name, alternatives in merged.items()
    }
    objects = [variant for variant in variants if variant.is_object]
    if objects:
        result.required = frozenset.intersection(*(variant.required for variant in objects))
    items = [
        variant.items[0] if len(variant.items) == 1 else {"allOf": variant.items}
        for variant in variants
        if variant.items
    ]
    result.items = [items[0]] if len(items) == 1 else ([{"anyOf": items}] if items else [])
    result.read_only = all(variant.read_only for variant in variants)
    result.write_only = all(variant.write_only for variant in variants)
    return result


# --- schema comparison ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    document: Mapping[str, Any]
    alternatives: list[Any]

    def norm(self) -> _Norm:
        if len(self.alternatives) == 1:
            return normalise(self.document, self.alternatives[0])
        return normalise(self.document, {"allOf": self.alternatives})


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _label(path: str) -> str:
    return f"property {path}: " if path else ""


def compare_schemas(
    ours: _Side,
    official: _Side,
    *,
    direction: str,
    path: str = "",
    depth: int = 0,
    constraints: bool = False,
    nullability: bool = True,
) -> list[str]:
    """Differences between two schemas; ``direction`` is "request" or "response"."""
    mine, theirs = ours.norm(), official.norm()
    label = _label(path)
    found: list[str] = []
    if mine.types is not None and theirs.types is not None and mine.types != theirs.types:
        found.append(f"{label}type differs")
    if nullability and constraints and mine.nullable != theirs.nullable:
        found.append(f"{label}nullable differs")
    if (mine.enum is not None or theirs.enum is not None) and mine.enum != theirs.enum:
        found.append(f"{label}enum differs")
    if constraints:
        for key, value in theirs.constraints.items():
            if mine.constraints.get(key) != value:
                found.append(f"{label}{key} differs")
    if depth >= MAX_DEPTH:
        return found

    def skipped(norm: _Norm) -> bool:
        return norm.read_only if direction == "request" else norm.write_only

    their_props = {
        name: norm
        for name, alternatives in theirs.properties.items()
        if not skipped(norm := _Side(official.document, alternatives).norm())
    }
    my_props = {
        name: norm
        for name, alternatives in mine.properties.items()
        if not skipped(norm := _Side(ours.document, alternatives).norm())
    }
    for name in sorted(their_props.keys() - my_props.keys()):
        found.append(f"property {_join(path, name)}: missing")
    for name in sorted(my_props.keys() - their_props.keys()):
        found.append(f"property {_join(path, name)}: not in standard")
    for name in sorted(their_props.keys() & my_props.keys()):
        if (name in mine.required) != (name in theirs.required):
            found.append(f"property {_join(path, name)}: required differs")
        found += compare_schemas(
            _Side(ours.document, mine.properties[name]),
            _Side(official.document, theirs.properties[name]),
            direction=direction,
            path=_join(path, name),
            depth=depth + 1,
            constraints=constraints,
        )
    if mine.items and theirs.items:
        found += compare_schemas(
            _Side(ours.document, mine.items),
            _Side(official.document, theirs.items),
            direction=direction,
            path=f"{path}[]",
            depth=depth + 1,
            constraints=constraints,
            nullability=nullability,
        )
    return found


# --- operations ----------------------------------------------------------------------------


def path_template(path: str) -> str:
    """``/zaken/{zaak_uuid}/audittrail/{uuid}`` -> ``/zaken/{}/audittrail/{}``."""
    return _TEMPLATE.sub("{}", path)


def _operations(document: Mapping[str, Any]) -> dict[tuple[str, str], tuple[str, dict, list]]:
    """(METHOD, template) -> (path as spelled, operation, path-level parameters)."""
    found = {}
    for path, item in (document.get("paths") or {}).items():
        item, _ = _deref(document, item, frozenset())
        for method in METHODS:
            if method in item:
                found[(method.upper(), path_template(path))] = (
                    path,
                    item[method],
                    item.get("parameters") or [],
                )
    return found


def _parameters(document: Mapping[str, Any], shared: list, own: list) -> dict[tuple[str, str], dict]:
    """Non-path parameters by (location, name); operation-level ones override path-level ones."""
    found: dict[tuple[str, str], dict] = {}
    for raw in [*shared, *own]:
        parameter, _ = _deref(document, raw, frozenset())
        location = parameter.get("in")
        if location == "path":
            continue
        name = parameter["name"].lower() if location == "header" else parameter["name"]
        found[(location, name)] = parameter
    return found


def _parameter_label(location: str, name: str) -> str:
    return f"parameter {name}" if location == "query" else f"{location} {name}"


def _explode(parameter: Mapping[str, Any]) -> bool:
    return parameter.get("explode", parameter.get("style", "form") == "form")


def _compare_parameters(ours: Mapping, official: Mapping, mine: dict, theirs: dict) -> list[str]:
    found: list[str] = []
    for key in sorted(theirs.keys() | mine.keys()):
        their = theirs.get(key)
        my = mine.get(key)
        label = _parameter_label(key[0], (their or my or {}).get("name", key[1]))
        if my is None:
            found.append(f"{label}: missing")
            continue
        if their is None:
            found.append(f"{label}: not in standard")
            continue
        if bool(my.get("required")) != bool(their.get("required")):
            found.append(f"{label}: required differs")
        my_schema, their_schema = my.get("schema") or {}, their.get("schema") or {}
        found += [
            f"{label}: {difference}"
            for difference in compare_schemas(
                _Side(ours, [my_schema]),
                _Side(official, [their_schema]),
                direction="request",
                nullability=False,
            )
        ]
        arrays = [
            norm.types is not None and "array" in norm.types
            for norm in (normalise(ours, my_schema), normalise(official, their_schema))
        ]
        if all(arrays) and _explode(my) != _explode(their):
            found.append(f"{label}: explode differs")
    return found


def _compare_content(
    ours: Mapping, official: Mapping, mine: Mapping, theirs: Mapping, *, direction: str, constraints: bool
) -> list[str]:
    my_content = mine.get("content") or {}
    their_content = theirs.get("content") or {}
    found: list[str] = []
    for media in sorted(their_content.keys() - my_content.keys()):
        found.append(f"content {media}: missing")
    for media in sorted(my_content.keys() - their_content.keys()):
        found.append(f"content {media}: not in standard")
    for media in sorted(their_content.keys() & my_content.keys()):
        my_schema = (my_content[media] or {}).get("schema")
        their_schema = (their_content[media] or {}).get("schema")
        if my_schema is None or their_schema is None:
            continue
        prefix = "" if len(their_content) == 1 else f"content {media}: "
        found += [
            prefix + difference
            for difference in compare_schemas(
                _Side(ours, [my_schema]),
                _Side(official, [their_schema]),
                direction=direction,
                constraints=constraints,
            )
        ]
    return found


def _compare_operation(
    ours: Mapping, official: Mapping, mine: tuple, theirs: tuple, constraints: bool
) -> list[str]:
    _, my_operation, my_shared = mine
    _, their_operation, their_shared = theirs
    found = _compare_parameters(
        ours,
        official,
        _parameters(ours, my_shared, my_operation.get("parameters") or []),
        _parameters(official, their_shared, their_operation.get("parameters") or []),
    )
    my_body, _ = _deref(ours, my_operation.get("requestBody"), frozenset())
    their_body, _ = _deref(official, their_operation.get("requestBody"), frozenset())
    if their_body and not my_body:
        found.append("request body: missing")
    elif my_body and not their_body:
        found.append("request body: not in standard")
    elif my_body and their_body:
        if bool(my_body.get("required")) != bool(their_body.get("required")):
            found.append("request body: required differs")
        found += [
            f"request body: {difference}"
            for difference in _compare_content(
                ours, official, my_body, their_body, direction="request", constraints=constraints
            )
        ]
    my_responses = _success_responses(ours, my_operation)
    their_responses = _success_responses(official, their_operation)
    for code in sorted(their_responses.keys() - my_responses.keys()):
        found.append(f"response {code}: missing")
    for code in sorted(my_responses.keys() - their_responses.keys()):
        found.append(f"response {code}: not in standard")
    for code in sorted(their_responses.keys() & my_responses.keys()):
        found += [
            f"response {code}: {difference}"
            for difference in _compare_content(
                ours,
                official,
                my_responses[code],
                their_responses[code],
                direction="response",
                constraints=constraints,
            )
        ]
    return found


def _success_responses(document: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, dict]:
    found = {}
    for code, response in (operation.get("responses") or {}).items():
        if str(code).startswith("2"):
            found[str(code)], _ = _deref(document, response, frozenset())
    return found


def compare(
    name: str,
    ours: Mapping[str, Any],
    official: Mapping[str, Any],
    *,
    constraints: bool = False,
) -> list[str]:
    """Return the sorted differences between our document and the official one of API ``name``."""
    found: list[str] = []
    my_version = (ours.get("info") or {}).get("version")
    if my_version != (official.get("info") or {}).get("version"):
        found.append(f"{name}: info version differs")
    my_operations = _operations(ours)
    their_operations = _operations(official)
    for key in their_operations.keys() - my_operations.keys():
        found.append(f"{name}: {key[0]} {their_operations[key][0]}: missing operation")
    for key in my_operations.keys() - their_operations.keys():
        found.append(f"{name}: {key[0]} {my_operations[key][0]}: not in standard")
    for key in their_operations.keys() & my_operations.keys():
        operation = f"{name}: {key[0]} {their_operations[key][0]}"
        found += [
            f"{operation}: {difference}"
            for difference in _compare_operation(
                ours, official, my_operations[key], their_operations[key], constraints
            )
        ]
    return sorted(set(found))


# --- documented deviations -----------------------------------------------------------------

_DEVIATION = re.compile(r"^- `(?P<pattern>[^`]+)`: (?P<reason>\S.*)$")


@dataclass(frozen=True)
class Deviation:
    """An accepted difference: a key pattern where ``*`` matches any text, and why we accept it."""

    pattern: str
    reason: str

    @property
    def api(self) -> str | None:
        """The API the pattern is about, or None when it starts with ``*`` (every API)."""
        head = self.pattern.split(":", 1)[0]
        return None if "*" in head else head

    def matches(self, key: str) -> bool:
        # Only * is special: keys contain [] (array items) and {}, which fnmatch would read as
        # character classes.
        regex = ".*".join(re.escape(part) for part in self.pattern.split("*"))
        return re.fullmatch(regex, key) is not None


DEVIATIONS_HEADING = "## Deviations"


def deviation_section(text: str) -> list[str]:
    """The lines from the ``## Deviations`` heading to the end (all lines if there is none)."""
    lines = text.splitlines()
    if DEVIATIONS_HEADING in lines:
        return lines[lines.index(DEVIATIONS_HEADING) + 1 :]
    return lines


def parse_deviations(text: str) -> list[Deviation]:
    """Read the lines ``- `<pattern>`: <reason>`` of the deviations section; the rest is prose."""
    return [
        Deviation(match["pattern"], match["reason"].strip())
        for line in deviation_section(text)
        if (match := _DEVIATION.match(line.rstrip()))
    ]


def undocumented(differences: Iterable[str], deviations: Iterable[Deviation]) -> list[str]:
    """The differences no deviation pattern covers."""
    deviations = list(deviations)
    return [key for key in differences if not any(deviation.matches(key) for deviation in deviations)]


def stale(
    differences: Iterable[str], deviations: Iterable[Deviation], apis: Iterable[str]
) -> list[Deviation]:
    """The deviations about the given (existing) APIs that no longer match any difference.

    A deviation about an API that is not built yet is not judged; one starting with ``*`` is
    judged as soon as any API exists.
    """
    differences = list(differences)
    apis = set(apis)
    if not apis:
        return []
    return [
        deviation
        for deviation in deviations
        if (deviation.api is None or deviation.api in apis)
        and not any(deviation.matches(key) for key in differences)
    ]
