"""Our ZGW OpenAPI documents: committed, up to date, and equal to the standard but for listed deviations.

The APIs are being built in parallel; the checks run for every API whose module exists
(``plus1.api.registry.load_api``) and ``test_all_six_apis_exist`` keeps the gap visible. The tooling
itself is tested on small hand-made documents and on throw-away NinjaAPI instances.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from ninja import NinjaAPI, Router, Schema

from plus1.__main__ import translate
from plus1.api import oas_compare, openapi, registry

ROOT = Path(__file__).resolve().parents[2]
DEVIATIONS = ROOT / "docs" / "zgw-deviations.md"
EXISTING = [spec for spec in registry.APIS.values() if registry.load_api(spec.name) is not None]


@functools.cache
def _official(name: str) -> dict:
    return yaml.safe_load(registry.APIS[name].official_path.read_text(encoding="utf-8"))


@functools.cache
def _differences(name: str) -> tuple[str, ...]:
    spec = registry.APIS[name]
    api = registry.load_api(name)
    assert api is not None
    return tuple(oas_compare.compare(name, openapi.build_document(spec, api), _official(name)))


def _deviations() -> list[oas_compare.Deviation]:
    return oas_compare.parse_deviations(DEVIATIONS.read_text(encoding="utf-8"))


# --- the real APIs -------------------------------------------------------------------------


def test_all_six_apis_exist():
    assert [spec.name for spec in EXISTING] == list(registry.APIS)


@pytest.mark.parametrize("spec", EXISTING, ids=lambda spec: spec.name)
def test_committed_openapi_documents_are_up_to_date(spec):
    generated = openapi.generate(spec)
    assert generated is not None
    assert generated.path.is_file(), f"{generated.path} is missing: run `plus1 zgw-openapi --write`"
    assert generated.is_up_to_date, f"{generated.path} is out of date: run `plus1 zgw-openapi --write`"


@pytest.mark.parametrize("spec", EXISTING, ids=lambda spec: spec.name)
def test_openapi_matches_the_standard_except_documented_deviations(spec):
    unmatched = oas_compare.undocumented(_differences(spec.name), _deviations())
    if unmatched:
        pytest.fail(
            f"{len(unmatched)} difference(s) from {spec.official_file} not in docs/zgw-deviations.md.\n"
            "Fix the API, or add a line `- `<key>`: <reason>` for each accepted one:\n\n"
            + "\n".join(unmatched),
            pytrace=False,
        )


def test_every_documented_deviation_still_occurs():
    if not EXISTING:
        pytest.skip("no ZGW API exists yet")
    differences = [key for spec in EXISTING for key in _differences(spec.name)]
    stale = oas_compare.stale(differences, _deviations(), [spec.name for spec in EXISTING])
    assert not stale, "Remove these lines from docs/zgw-deviations.md (they match nothing):\n" + "\n".join(
        f"- `{deviation.pattern}`" for deviation in stale
    )


def test_deviations_document_lists_well_formed_patterns_for_known_apis():
    text = DEVIATIONS.read_text(encoding="utf-8")
    listed = [line for line in oas_compare.deviation_section(text) if line.startswith("- `")]
    deviations = _deviations()
    assert len(deviations) == len(listed), "a line `- `...`` that does not read `- `<pattern>`: <reason>`"
    patterns = [deviation.pattern for deviation in deviations]
    assert len(set(patterns)) == len(patterns), "a pattern is listed twice"
    for deviation in deviations:
        assert deviation.api is None or deviation.api in registry.APIS, deviation.pattern
        assert re.match(r"^[^:]+: ", deviation.pattern), f"pattern needs `<api>: `: {deviation.pattern}"


# --- the official documents in the project -------------------------------------------------


def _recorded_sums() -> dict[str, str]:
    readme = (registry.STANDARD_DIR / "README.md").read_text(encoding="utf-8")
    return {name: digest for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, re.MULTILINE)}


def test_official_documents_match_their_recorded_sha256():
    sums = _recorded_sums()
    assert set(sums) == {spec.official_file for spec in registry.APIS.values()} | {"LICENSE-EUPL-1.2.txt"}
    for name, digest in sums.items():
        assert hashlib.sha256((registry.STANDARD_DIR / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.skipif(not registry.SHARED_STANDARD_DIR.is_dir(), reason="no ../shared next to this clone")
def test_official_documents_are_byte_identical_to_the_shared_copy():
    for name in _recorded_sums():
        assert (registry.STANDARD_DIR / name).read_bytes() == (
            registry.SHARED_STANDARD_DIR / name
        ).read_bytes()


def test_registry_names_six_apis_with_their_component_and_version():
    assert {name: (spec.component, spec.version) for name, spec in registry.APIS.items()} == {
        "catalogi": ("ztc", "1.3.3"),
        "zaken": ("zrc", "1.7.0"),
        "documenten": ("drc", "1.7.0"),
        "besluiten": ("brc", "1.1.0"),
        "autorisaties": ("ac", "1.1.0"),
        "notificaties": ("nrc", "1.0.1"),
    }
    for spec in registry.APIS.values():
        assert _official(spec.name)["info"]["version"] == spec.version


# --- oas_compare on hand-made documents ----------------------------------------------------


def _document(paths: dict, schemas: dict | None = None, version: str = "1.0.0") -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Test", "version": version},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def _get(parameters: list | None = None, schema: dict | None = None) -> dict:
    response = {"description": "OK"}
    if schema is not None:
        response["content"] = {"application/json": {"schema": schema}}
    return {"get": {"parameters": parameters or [], "responses": {"200": response}}}


def _post(body: dict) -> dict:
    return {
        "post": {
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {
                "201": {"description": "Created", "content": {"application/json": {"schema": body}}}
            },
        }
    }


def _query(name: str, **schema) -> dict:
    return {"in": "query", "name": name, "required": False, "schema": schema or {"type": "string"}}


def test_equal_documents_have_no_differences():
    document = _document({"/zaken": _get([_query("page", type="integer")], {"type": "object"})})
    assert oas_compare.compare("zaken", document, document) == []


def test_the_official_documents_have_no_differences_from_themselves():
    for spec in registry.APIS.values():
        assert oas_compare.compare(spec.name, _official(spec.name), _official(spec.name)) == []


def test_missing_and_extra_operations_are_reported():
    official = _document({"/zaken": _get(), "/zaken/{uuid}": _get()})
    ours = _document({"/zaken": _get(), "/zaken/{uuid}/extra": _get()})
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken/{uuid}/extra: not in standard",
        "zaken: GET /zaken/{uuid}: missing operation",
    ]


def test_path_parameter_names_do_not_matter_but_the_template_does():
    official = _document({"/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}": _get()})
    assert (
        oas_compare.compare("zaken", _document({"/zaken/{pk}/zaakeigenschappen/{id}": _get()}), official)
        == []
    )
    assert oas_compare.compare(
        "zaken", _document({"/zaken/{pk}/zaakeigenschappen/{id}/": _get()}), official
    ) == [
        "zaken: GET /zaken/{pk}/zaakeigenschappen/{id}/: not in standard",
        "zaken: GET /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}: missing operation",
    ]


def test_missing_extra_and_differently_required_parameters_are_reported():
    official = _document({"/zaken": _get([_query("expand"), _query("page", type="integer")])})
    ours = _document({"/zaken": _get([_query("foo"), {**_query("page", type="integer"), "required": True}])})
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken: parameter expand: missing",
        "zaken: GET /zaken: parameter foo: not in standard",
        "zaken: GET /zaken: parameter page: required differs",
    ]


def test_parameter_enum_type_and_header_names_are_compared():
    official = _document(
        {
            "/zaken": _get(
                [
                    _query("status", type="string", enum=["alles", "concept"]),
                    _query("ordering", type="string"),
                    {"in": "header", "name": "Accept-Crs", "required": True, "schema": {"type": "string"}},
                ]
            )
        }
    )
    ours = _document(
        {
            "/zaken": _get(
                [
                    _query("status", type="string", enum=["concept", "alles", "definitief"]),
                    _query("ordering", type="integer"),
                    {"in": "header", "name": "accept-crs", "required": True, "schema": {"type": "string"}},
                ]
            )
        }
    )
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken: parameter ordering: type differs",
        "zaken: GET /zaken: parameter status: enum differs",
    ]


def test_an_optional_pydantic_query_parameter_equals_a_plain_one():
    official = _document({"/zaken": _get([_query("identificatie")])})
    ours = _document(
        {"/zaken": _get([_query("identificatie", anyOf=[{"type": "string"}, {"type": "null"}])])}
    )
    assert oas_compare.compare("zaken", ours, official) == []


def test_comma_separated_array_parameters_must_not_explode():
    array = {"type": "array", "items": {"type": "string"}}
    official = _document(
        {"/zaken": _get([{**_query("rsin__in", **array), "style": "form", "explode": False}])}
    )
    ours = _document({"/zaken": _get([_query("rsin__in", **array)])})
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken: parameter rsin__in: explode differs"
    ]


def test_request_body_properties_required_enum_and_type_are_compared():
    official = _document(
        {"/zaken": _post({"$ref": "#/components/schemas/Zaak"})},
        {
            "Zaak": {
                "type": "object",
                "required": ["zaaktype", "startdatum"],
                "properties": {
                    "url": {"type": "string", "readOnly": True},
                    "zaaktype": {"type": "string", "format": "uri", "maxLength": 1000},
                    "startdatum": {"type": "string", "format": "date"},
                    "toelichting": {"type": "string"},
                    "betalingsindicatie": {"$ref": "#/components/schemas/Betalingsindicatie"},
                    "duur": {"type": "integer"},
                },
            },
            "Betalingsindicatie": {"type": "string", "enum": ["nvt", "geheel"]},
        },
    )
    ours = _document(
        {"/zaken": _post({"$ref": "#/components/schemas/ZaakIn"})},
        {
            "ZaakIn": {
                "type": "object",
                "required": ["zaaktype"],
                "properties": {
                    "zaaktype": {"type": "string", "maxLength": 200},
                    "startdatum": {"type": "string"},
                    "betalingsindicatie": {"type": "string", "enum": ["nvt"]},
                    "duur": {"type": "string"},
                    "extra": {"type": "string"},
                },
            }
        },
    )
    differences = oas_compare.compare("zaken", ours, official)
    request = [key for key in differences if ": request body: " in key]
    assert request == [
        "zaken: POST /zaken: request body: property betalingsindicatie: enum differs",
        "zaken: POST /zaken: request body: property duur: type differs",
        "zaken: POST /zaken: request body: property extra: not in standard",
        "zaken: POST /zaken: request body: property startdatum: required differs",
        "zaken: POST /zaken: request body: property toelichting: missing",
    ]
    # The response has the readOnly url, which our schema lacks; the request does not need it.
    assert "zaken: POST /zaken: response 201: property url: missing" in differences
    assert "zaken: POST /zaken: request body: property url: missing" not in differences
    assert not any("maxLength" in key for key in differences)
    with_constraints = oas_compare.compare("zaken", ours, official, constraints=True)
    assert "zaken: POST /zaken: request body: property zaaktype: maxLength differs" in with_constraints


def test_nullable_in_openapi_3_0_equals_any_of_null_in_3_1():
    official = _document(
        {"/zaken/{uuid}": _get(schema={"$ref": "#/components/schemas/Zaak"})},
        {
            "Zaak": {
                "type": "object",
                "properties": {
                    "einddatum": {"type": "string", "nullable": True},
                    "hoofdzaak": {"allOf": [{"$ref": "#/components/schemas/Ref"}], "nullable": True},
                    "archiefnominatie": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/Nominatie"},
                            {"enum": [""]},
                            {"enum": [None]},
                        ]
                    },
                    "omschrijving": {"type": "string"},
                },
            },
            "Ref": {"type": "string"},
            "Nominatie": {"type": "string", "enum": ["blijvend_bewaren", "vernietigen"]},
        },
    )
    ours = _document(
        {"/zaken/{uuid}": _get(schema={"$ref": "#/components/schemas/ZaakOut"})},
        {
            "ZaakOut": {
                "type": "object",
                "properties": {
                    "einddatum": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
                    "hoofdzaak": {"type": ["string", "null"]},
                    "archiefnominatie": {
                        "anyOf": [
                            {"type": "string", "enum": ["vernietigen", "blijvend_bewaren", ""]},
                            {"type": "null"},
                        ]
                    },
                    "omschrijving": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                },
            }
        },
    )
    assert oas_compare.compare("zaken", ours, official) == []
    assert oas_compare.compare("zaken", ours, official, constraints=True) == [
        "zaken: GET /zaken/{uuid}: response 200: property omschrijving: nullable differs"
    ]


def test_all_of_is_merged_and_nested_objects_and_array_items_are_compared():
    official = _document(
        {"/zaken": _get(schema={"$ref": "#/components/schemas/Page"})},
        {
            "Page": {
                "type": "object",
                "required": ["count", "results"],
                "properties": {
                    "count": {"type": "integer"},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/ZaakExpanded"}},
                },
            },
            "ZaakExpanded": {
                "allOf": [
                    {"$ref": "#/components/schemas/Zaak"},
                    {
                        "properties": {
                            "_expand": {"type": "object", "properties": {"status": {"type": "object"}}}
                        }
                    },
                ]
            },
            "Zaak": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}},
        },
    )
    ours = _document(
        {"/zaken": _get(schema={"$ref": "#/components/schemas/Page"})},
        {
            "Page": {
                "type": "object",
                "required": ["count", "results"],
                "properties": {
                    "count": {"type": "integer"},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/ZaakOut"}},
                },
            },
            "ZaakOut": {
                "type": "object",
                "properties": {"url": {"type": "string"}, "_expand": {"type": "object", "properties": {}}},
            },
        },
    )
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken: response 200: property results[]._expand.status: missing",
        "zaken: GET /zaken: response 200: property results[].url: required differs",
    ]


def test_one_of_and_a_discriminator_mapping_compare_as_the_union_of_their_variants():
    official = _document(
        {"/rollen": _post({"$ref": "#/components/schemas/Rol"})},
        {
            "Rol": {
                "type": "object",
                "required": ["betrokkeneType"],
                "properties": {
                    "betrokkeneType": {"type": "string", "enum": ["natuurlijk_persoon", "vestiging"]}
                },
                "discriminator": {
                    "propertyName": "betrokkeneType",
                    "mapping": {
                        "natuurlijk_persoon": "#/components/schemas/natuurlijk_persoon_Rol",
                        "vestiging": "#/components/schemas/vestiging_Rol",
                    },
                },
            },
            "natuurlijk_persoon_Rol": {
                "allOf": [
                    {"$ref": "#/components/schemas/Rol"},
                    {"properties": {"inpBsn": {"type": "string"}}},
                ]
            },
            "vestiging_Rol": {
                "allOf": [
                    {"$ref": "#/components/schemas/Rol"},
                    {"properties": {"vestigingsNummer": {"type": "string"}}},
                ]
            },
        },
    )
    variant = {
        "type": "object",
        "required": ["betrokkeneType"],
        "properties": {"betrokkeneType": {"type": "string", "enum": ["natuurlijk_persoon"]}},
    }
    ours = _document(
        {
            "/rollen": _post(
                {
                    "oneOf": [
                        {**variant, "properties": {**variant["properties"], "inpBsn": {"type": "string"}}},
                        {
                            **variant,
                            "properties": {"betrokkeneType": {"const": "vestiging", "type": "string"}},
                        },
                    ]
                }
            )
        }
    )
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: POST /rollen: request body: property vestigingsNummer: missing",
        "zaken: POST /rollen: response 201: property vestigingsNummer: missing",
    ]


def test_missing_success_responses_request_bodies_and_wrong_versions_are_reported():
    official = _document({"/zaken": _post({"type": "object"})}, version="1.7.0")
    ours = _document(
        {"/zaken": {"post": {"responses": {"200": {"description": "OK"}, "400": {"description": "Bad"}}}}}
    )
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: POST /zaken: request body: missing",
        "zaken: POST /zaken: response 200: not in standard",
        "zaken: POST /zaken: response 201: missing",
        "zaken: info version differs",
    ]


def test_a_reference_cycle_is_compared_without_recursing_forever():
    schemas = {
        "Zaak": {
            "type": "object",
            "properties": {"hoofdzaak": {"$ref": "#/components/schemas/Zaak"}, "url": {"type": "string"}},
        }
    }
    document = _document({"/zaken": _get(schema={"$ref": "#/components/schemas/Zaak"})}, schemas)
    assert oas_compare.compare("zaken", document, document) == []


def test_deviation_patterns_match_whole_keys_with_star_as_the_only_wildcard():
    deviations = oas_compare.parse_deviations(
        "Prose that is ignored.\n"
        "- `zaken: GET /zaken*: parameter expand: missing`: not yet\n"
        "- `zaken: GET /rollen: response 200: property results[].url: missing`: literal brackets\n"
        "- `*: info version differs`: every API\n"
        "- not a deviation line\n"
    )
    assert [deviation.api for deviation in deviations] == ["zaken", "zaken", None]
    keys = [
        "zaken: GET /zaken: parameter expand: missing",
        "zaken: GET /zaken/{uuid}: parameter expand: missing",
        "zaken: GET /rollen: response 200: property results[].url: missing",
        "zaken: GET /rollen: response 200: property resultsx.url: missing",
        "zaken: GET /zaken: parameter expand: required differs",
    ]
    assert oas_compare.undocumented(keys, deviations) == keys[3:]


def test_a_deviation_is_stale_when_it_matches_nothing_for_an_existing_api():
    deviations = oas_compare.parse_deviations(
        "- `zaken: GET /zaken: parameter expand: missing`: reason\n"
        "- `zaken: GET /zaken: parameter foo: missing`: no longer true\n"
        "- `besluiten: GET /besluiten: parameter expand: missing`: API not built yet\n"
        "- `*: info version differs`: matches nothing\n"
    )
    stale = oas_compare.stale(["zaken: GET /zaken: parameter expand: missing"], deviations, ["zaken"])
    assert [deviation.pattern for deviation in stale] == [
        "zaken: GET /zaken: parameter foo: missing",
        "*: info version differs",
    ]
    assert oas_compare.stale([], deviations, []) == []


# --- the generated document and plus1 zgw-openapi, on a throw-away NinjaAPI ----------------


class _ZaakOut(Schema):
    url: str
    omschrijving: str | None = None


class _ZaakIn(Schema):
    zaaktype: str


def _fake_zaken_api() -> NinjaAPI:
    api = NinjaAPI(title="Zaken API", version="1.7.0", urls_namespace="test-fake-zaken")
    router = Router()

    @router.get("/zaken", response=list[_ZaakOut])
    def list_zaken(request, expand: str | None = None):
        return []

    @router.get("/zaken/{uuid}", response=_ZaakOut)
    def get_zaak(request, uuid: str):
        return {"url": uuid}

    @router.post("/zaken", response={201: _ZaakOut})
    def create_zaak(request, body: _ZaakIn):
        return 201, {"url": body.zaaktype}

    api.add_router("", router)
    return api


@pytest.fixture
def fake_zaken(monkeypatch, tmp_path):
    """Only a (fake) Zaken API exists, and its committed document lives in a temporary folder."""
    api = _fake_zaken_api()
    monkeypatch.setattr(registry, "load_api", lambda name: api if name == "zaken" else None)
    monkeypatch.setattr(registry, "API_DIR", tmp_path)
    (tmp_path / "zaken").mkdir()
    return api


def test_generated_document_has_standard_paths_and_our_mount_as_server(fake_zaken):
    document = openapi.build_document(registry.APIS["zaken"], fake_zaken)
    assert document["servers"] == [{"url": "/zaken/api/v1"}]
    assert set(document["paths"]) == {"/zaken", "/zaken/{uuid}"}
    text = openapi.render(document)
    assert text == openapi.render(openapi.build_document(registry.APIS["zaken"], fake_zaken))
    assert yaml.safe_load(text) == document
    assert text.index("components:") < text.index("info:") < text.index("paths:")


def test_a_ninja_document_is_compared_with_the_standard_structurally(fake_zaken):
    ours = openapi.build_document(registry.APIS["zaken"], fake_zaken)
    official = _document(
        {
            "/zaken": _get(
                [_query("expand"), _query("page", type="integer")],
                {"type": "array", "items": {"$ref": "#/components/schemas/Zaak"}},
            ),
            "/zaken/{uuid}": _get(schema={"$ref": "#/components/schemas/Zaak"}),
        },
        {
            "Zaak": {
                "type": "object",
                "required": ["url"],
                "properties": {
                    "url": {"type": "string", "format": "uri"},
                    "omschrijving": {"type": "string", "nullable": True},
                },
            }
        },
        version="1.7.0",
    )
    assert oas_compare.compare("zaken", ours, official) == [
        "zaken: GET /zaken: parameter page: missing",
        "zaken: POST /zaken: not in standard",
    ]


def test_zgw_openapi_writes_then_checks_the_documents_of_existing_apis(fake_zaken, capsys):
    target = registry.APIS["zaken"].openapi_path
    with pytest.raises(CommandError):
        call_command("zgw_openapi", "--check")
    assert "zaken/openapi.yaml is missing" in capsys.readouterr().err

    call_command("zgw_openapi", "--write")
    assert target.is_file()
    assert not (registry.API_DIR / "catalogi" / "openapi.yaml").exists()
    call_command("zgw_openapi", "--check")

    target.write_text(target.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("zgw_openapi", "--check")
    assert "zaken/openapi.yaml differs from the code" in capsys.readouterr().err


def test_zgw_openapi_prints_the_document_without_options(fake_zaken, capsys):
    call_command("zgw_openapi", "zaken")
    assert yaml.safe_load(capsys.readouterr().out)["servers"] == [{"url": "/zaken/api/v1"}]
    with pytest.raises(CommandError, match="Unknown API: zakne"):
        call_command("zgw_openapi", "zakne")


def test_load_api_returns_none_only_for_an_api_module_that_does_not_exist(monkeypatch):
    import importlib

    def missing(name):
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(importlib, "import_module", missing)
    assert registry.load_api("zaken") is None

    def broken(name):
        raise ModuleNotFoundError("No module named 'typo'", name="typo")

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        registry.load_api("zaken")


def test_plus1_zgw_openapi_spelling():
    assert translate(["zgw-openapi", "--check"]) == ["zgw_openapi", "--check"]
