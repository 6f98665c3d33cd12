"""What a client may write, every later answer must be able to show within its documented schema.

A value the input accepts but the answer's schema forbids (a string longer than the answer's
``maxLength``, a list item longer than documented, a string without the documented ``pattern``)
is stored, and from then on every read of that object fails a strict client and schemathesis'
``response_schema_conformance``. So for each of the six APIs, every request-body property
(recursively, list items included) that also appears in a 2xx answer of the same operation must
be at least as strict as that answer: in our committed document, and in the standard's document
(what strict ZGW clients validate against). Where our own answer documents a looser limit than
the standard, that is a documented deviation (``docs/zgw-deviations.md``, checked by
``test_zgw_openapi``) and our limit counts.

Answers with several shapes (``oneOf``: GeoJSON) only count a constraint every shape carries: which
shape a value takes is decided by its content, not by the property.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
import yaml

from plus1.api import registry

CONSTRAINTS = ("maxLength", "maxItems", "pattern")
MAX_DEPTH = 8
_TEMPLATE = re.compile(r"\{[^}/]*\}")


@functools.cache
def _document(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _resolve(document: Mapping[str, Any], schema: Any) -> dict:
    seen: set[str] = set()
    while isinstance(schema, Mapping) and "$ref" in schema and schema["$ref"] not in seen:
        seen.add(schema["$ref"])
        node: Any = document
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return dict(schema) if isinstance(schema, Mapping) else {}


def _variants(document: Mapping[str, Any], schema: Any) -> list[dict]:
    """The non-null shapes a schema allows; ``allOf`` merged into one."""
    schema = _resolve(document, schema)
    for part in schema.pop("allOf", []):
        for variant in _variants(document, part):
            schema = {**variant, **schema}
    for key in ("oneOf", "anyOf"):
        if key in schema:
            base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
            variants = [
                {**variant, **base}
                for part in schema[key]
                for variant in _variants(document, part)
                if variant.get("type") != "null"
            ]
            return variants or [base]
    return [schema]


def _common(variants: list[dict]) -> dict:
    """One shape holding what every variant shares (constraints, properties, items)."""
    if len(variants) == 1:
        return variants[0]
    merged: dict[str, Any] = {}
    for key in CONSTRAINTS:
        values = [variant.get(key) for variant in variants]
        if all(value is not None for value in values):
            merged[key] = values[0] if key == "pattern" else max(values)
        if key == "pattern" and len(set(values)) > 1:
            merged.pop(key, None)
    names = set.intersection(*(set(variant.get("properties") or {}) for variant in variants))
    merged["properties"] = {name: {"anyOf": [v["properties"][name] for v in variants]} for name in names}
    if all("items" in variant for variant in variants):
        merged["items"] = {"anyOf": [variant["items"] for variant in variants]}
    return merged


def _as_strict(key: str, accepted: Any, wanted: Any) -> bool:
    if key == "pattern":
        # The empty string is how ZGW answers say "not set" (``objectTypeOverige``), so a pattern
        # that also allows it is as strict as the standard's.
        return accepted in (wanted, f"^$|{wanted}")
    return accepted <= wanted


def _mismatches(
    request_doc: Mapping[str, Any],
    request: Any,
    answer_doc: Mapping[str, Any],
    answer: Any,
    where: str,
    depth: int = 0,
) -> Iterator[tuple[str, str, Any, Any]]:
    if depth > MAX_DEPTH:
        return
    wanted = _common(_variants(answer_doc, answer))
    for accepted in _variants(request_doc, request):
        for key in CONSTRAINTS:
            if key not in wanted:
                continue
            if key not in accepted:
                yield where, key, None, wanted[key]
            elif not _as_strict(key, accepted[key], wanted[key]):
                yield where, key, accepted[key], wanted[key]
        shown = wanted.get("properties") or {}
        for name, schema in (accepted.get("properties") or {}).items():
            if name in shown and not _resolve(request_doc, schema).get("readOnly"):
                yield from _mismatches(
                    request_doc, schema, answer_doc, shown[name], f"{where}.{name}", depth + 1
                )
        if "items" in accepted and "items" in wanted:
            yield from _mismatches(
                request_doc, accepted["items"], answer_doc, wanted["items"], f"{where}[]", depth + 1
            )


def _operations(document: Mapping[str, Any]) -> dict[tuple[str, str], dict]:
    return {
        (method.upper(), _TEMPLATE.sub("{}", path.rstrip("/") or "/")): operation
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if isinstance(operation, Mapping) and method in ("post", "put", "patch")
    }


def _answers(operation: Mapping[str, Any]) -> Iterator[Any]:
    for code, response in (operation.get("responses") or {}).items():
        if str(code).startswith("2"):
            for content in (response.get("content") or {}).values():
                if "schema" in content:
                    yield content["schema"]


def mismatches(ours: Mapping[str, Any], standard: Mapping[str, Any]) -> list[str]:
    """Each request-body constraint looser than the answer's, as ``METHOD path: .prop key``."""
    found: set[str] = set()
    theirs = _operations(standard)
    for key, operation in _operations(ours).items():
        for content in (operation.get("requestBody") or {}).get("content", {}).values():
            request = content.get("schema")
            own: set[tuple[str, str]] = set()
            for answer in _answers(operation):
                for where, constraint, accepted, wanted in _mismatches(ours, request, ours, answer, ""):
                    found.add(f"{key[0]} {key[1]}: {where} {constraint} {accepted!r} > ours {wanted!r}")
                # What our own answer documents (looser than the standard: a documented deviation).
                own |= _documented(ours, answer, "")
            for answer in _answers(theirs.get(key, {})):
                for where, constraint, accepted, wanted in _mismatches(ours, request, standard, answer, ""):
                    if (where, constraint) not in own:
                        found.add(
                            f"{key[0]} {key[1]}: {where} {constraint} {accepted!r} > standard {wanted!r}"
                        )
    return sorted(found)


def _documented(document: Mapping[str, Any], schema: Any, where: str, depth: int = 0) -> set[tuple[str, str]]:
    """Which (property path, constraint) pairs a schema documents."""
    if depth > MAX_DEPTH:
        return set()
    shape = _common(_variants(document, schema))
    found = {(where, key) for key in CONSTRAINTS if key in shape}
    for name, sub in (shape.get("properties") or {}).items():
        found |= _documented(document, sub, f"{where}.{name}", depth + 1)
    if "items" in shape:
        found |= _documented(document, shape["items"], f"{where}[]", depth + 1)
    return found


# --- the tooling on hand-made documents -------------------------------------------------------


def _doc(request: dict, answer: dict) -> dict:
    return {
        "paths": {
            "/dingen": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": request}}},
                    "responses": {"201": {"content": {"application/json": {"schema": answer}}}},
                }
            }
        }
    }


def _obj(**properties: dict) -> dict:
    return {"type": "object", "properties": properties}


def test_a_list_item_without_the_answers_length_is_found():
    ours = _doc(
        _obj(namen={"type": "array", "items": {"type": "string"}}),
        _obj(namen={"type": "array", "items": {"type": "string"}}),
    )
    standard = _doc({}, _obj(namen={"type": "array", "items": {"type": "string", "maxLength": 40}}))
    assert mismatches(ours, standard) == ["POST /dingen: .namen[] maxLength None > standard 40"]


def test_a_longer_input_than_our_own_answer_is_found_and_an_equal_one_passes():
    answer = _obj(naam={"type": "string", "maxLength": 20})
    assert mismatches(_doc(_obj(naam={"type": "string", "maxLength": 30}), answer), {"paths": {}}) == [
        "POST /dingen: .naam maxLength 30 > ours 20"
    ]
    assert mismatches(_doc(_obj(naam={"type": "string", "maxLength": 20}), answer), {"paths": {}}) == []


def test_our_documented_longer_answer_overrides_the_standard():
    schema = _obj(naam={"type": "string", "maxLength": 80})
    standard = _doc({}, _obj(naam={"type": "string", "maxLength": 30}))
    assert mismatches(_doc(schema, schema), standard) == []


def test_a_constraint_only_one_shape_carries_does_not_count():
    point = _obj(coordinates={"type": "array", "maxItems": 2})
    polygon = _obj(coordinates={"type": "array"})
    ours = _doc(_obj(g=_obj(coordinates={"type": "array"})), _obj(g={}))
    standard = _doc({}, _obj(g={"oneOf": [point, polygon]}))
    assert mismatches(ours, standard) == []


# --- the real APIs ------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", list(registry.APIS.values()), ids=lambda spec: spec.name)
def test_what_a_client_may_write_every_answer_may_show(spec):
    ours = _document(str(spec.openapi_path))
    standard = _document(str(spec.official_path))
    found = mismatches(ours, standard)
    if found:
        pytest.fail(
            f"{len(found)} request propert(y/ies) of the {spec.name} API accept more than its answers"
            " document; add the answer's limit to the write schema (schemas.py) and run"
            " `plus1 zgw-openapi --write`:\n" + "\n".join(found),
            pytrace=False,
        )
