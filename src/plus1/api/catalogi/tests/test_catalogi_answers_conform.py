"""Every Catalogi answer conforms to the committed OpenAPI document, also for types that did not
come in through the API: Plus1's own process library, imported as a gemeente finds it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.api.registry import APIS
from plus1.audit.services import Actor
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import BesluitType, Catalogus, Eigenschap

from .test_catalogi_api import zaaktype_payload

ROOT = "/catalogi/api/v1"
DOCUMENT = Path(__file__).resolve().parents[1] / "openapi.yaml"
SCHEMAS = {
    "catalogussen": "Catalogus",
    "zaaktypen": "ZaakType",
    "resultaattypen": "ResultaatType",
    "statustypen": "StatusType",
    "roltypen": "RolType",
    "eigenschappen": "Eigenschap",
    "informatieobjecttypen": "InformatieObjectType",
    "besluittypen": "BesluitType",
}


def _limits(schema: str) -> dict[str, int]:
    """The maxLength of each plain string attribute of a component schema."""
    properties = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))["components"]["schemas"][schema]
    found = {}
    for name, spec in properties["properties"].items():
        for option in [spec, *spec.get("anyOf", [])]:
            if "maxLength" in option:
                found[name] = option["maxLength"]
    return found


@pytest.fixture
def library_client(db, gemeente_a) -> Client:
    import_library(actor=Actor.system("test"))
    client_id, secret = make_client(gemeente_a)
    return Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")


def test_the_process_library_is_answered_within_the_documented_lengths(library_client):
    checked = 0
    for collection, schema in SCHEMAS.items():
        limits = _limits(schema)
        page, results = 1, []
        while True:
            body = library_client.get(f"{ROOT}/{collection}", {"page": page}).json()
            results += body["results"]
            if not body["next"]:
                break
            page += 1
        assert results, collection
        for item in results:
            for name, limit in limits.items():
                value = item.get(name)
                if isinstance(value, str):
                    assert len(value) <= limit, (collection, name, value)
                    checked += 1
    assert checked > 1000


def test_a_long_name_is_answered_whole_never_cut_off(library_client):
    # "formulier_organisatie_ingevuld": cut to 20 characters it was another, unknown eigenschap.
    longest = max(Eigenschap.objects.values_list("name", flat=True), key=len)
    assert len(longest) > 20
    names = set()
    page = 1
    while page:
        body = library_client.get(f"{ROOT}/eigenschappen", {"page": page}).json()
        names |= {item["naam"] for item in body["results"]}
        page = page + 1 if body["next"] else 0
    assert longest in names


def test_the_documents_list_the_answers_that_come_before_an_operation():
    """304 on every read, 411 and 413 on every write, 414 on every operation: the web server
    and the request gate give them before the operation runs."""
    # The six ZGW documents (the klantwaardering API has a document of its own, outside the gate).
    for document_path in (spec.openapi_path for spec in APIS.values()):
        document = yaml.safe_load(document_path.read_text(encoding="utf-8"))
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                codes = set(operation.get("responses", {}))
                where = (document_path.parent.name, method, path)
                assert "414" in codes and "429" in codes, where
                if method in ("get", "head"):
                    assert "304" in codes, where
                if method in ("post", "put", "patch"):
                    assert {"411", "413", "415"} <= codes, where


def test_names_and_categories_longer_than_the_standard_are_answered_whole(library_client, gemeente_a):
    """Set in the back office (not through the API): a contactpersoon of 60 characters was cut
    to 40, a besluitcategorie of 60 to 40 and a groep of 40 to 32."""
    name = "Afdeling Vergunningen, Toezicht en Handhaving - J. Jansen"
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="LANG", naam="Lang", contactpersoon=name)
    besluittype = BesluitType.objects.create(
        tenant=gemeente_a,
        catalogus=catalogus,
        omschrijving="Besluit",
        category="Besluit op een aanvraag om een omgevingsvergunning (kap)",
        status="published",
        valid_from=datetime.date(2026, 1, 1),
    )
    eigenschap = Eigenschap.objects.filter(zaaktype__status="published").first()
    Eigenschap.objects.filter(pk=eigenschap.pk).update(step="Gegevens over de boom en de plek waar hij staat")
    catalogus_limits, besluittype_limits = _limits("Catalogus"), _limits("BesluitType")
    schemas = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))["components"]["schemas"]
    groep_limit = next(
        option["maxLength"]
        for option in schemas["EigenschapSpecificatie"]["properties"]["groep"].get("anyOf", [])
        if "maxLength" in option
    )

    shown = library_client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()
    decided = library_client.get(f"{ROOT}/besluittypen/{besluittype.uuid}").json()
    asked = library_client.get(f"{ROOT}/eigenschappen/{eigenschap.uuid}").json()

    assert shown["contactpersoonBeheerNaam"] == name
    assert len(name) <= catalogus_limits["contactpersoonBeheerNaam"]
    assert decided["besluitcategorie"] == besluittype.category
    assert len(besluittype.category) <= besluittype_limits["besluitcategorie"]
    assert asked["specificatie"]["groep"] == "Gegevens over de boom en de plek waar hij staat"
    assert len(asked["specificatie"]["groep"]) <= groep_limit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_input_is_held_to_the_lengths_the_document_gives(zgw_client, gemeente_a):
    """What the document allows is accepted and answered whole; one character more is a 400."""
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Eigen")
    client = zgw_client(gemeente_a)
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]
    limits = _limits("ZaakTypeCreate")
    handeling = "Identiteit controleren en doorsturen"

    created = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(catalogus_url, handelingBehandelaar=handeling, trefwoorden=["t" * 30]),
    )
    too_long = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(catalogus_url, handelingBehandelaar="h" * (limits["handelingBehandelaar"] + 1)),
    )
    long_word = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, trefwoorden=["t" * 31]))

    assert created.status_code == 201, created.text
    assert created.json()["handelingBehandelaar"] == handeling
    for refused, name in ((too_long, "handelingBehandelaar"), (long_word, "trefwoorden.0")):
        assert refused.status_code == 400, refused.text
        assert [(p["name"], p["code"]) for p in refused.json()["invalidParams"]] == [(name, "max_length")]
