"""Catalogi rules of our own (docs/zgw-deviations.md) still accept a standard client's normal requests.

Each rule refuses only the unusual case; the same request as a standard client normally sends it
passes. One journey per group keeps the live server busy once.
"""

import pytest

from plus1.apiclients.services import AutorisatieSpec

from .test_catalogi_api import ROOT, zaaktype_payload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _status(response) -> tuple[int, list[str]]:
    return response.status_code, [p["name"] for p in response.json().get("invalidParams", [])]


def test_catalogus_and_type_rules_accept_normal_requests(zgw_client, gemeente_a):
    client = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.schrijven"])],
    )
    catalogus = {"domein": "EIGEN", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "Beheer"}

    # RSIN: the application's own organisation's is accepted; another is refused, saying which.
    first = client.post(f"{ROOT}/catalogussen", json=catalogus)
    assert first.status_code == 201, first.text
    other_rsin = client.post(f"{ROOT}/catalogussen", json=catalogus | {"domein": "X", "rsin": "100000010"})
    assert _status(other_rsin) == (400, ["rsin"])
    assert gemeente_a.rsin in other_rsin.json()["invalidParams"][0]["reason"]
    # domein: unique within the organisation; another domein is a second catalogus.
    assert client.post(f"{ROOT}/catalogussen", json=catalogus | {"domein": "TWEE"}).status_code == 201
    assert _status(client.post(f"{ROOT}/catalogussen", json=catalogus)) == (400, ["domein"])
    catalogus_url = first.json()["url"]

    # identificatie: a PUT keeping it is accepted; after publishing, a new version with it too.
    zaaktype = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url))
    assert zaaktype.status_code == 201, zaaktype.text
    url = zaaktype.json()["url"]
    assert client.put(url, json=zaaktype_payload(catalogus_url, doel="Anders")).status_code == 200
    assert _status(client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url))) == (
        400,
        ["identificatie"],
    )
    assert client.post(f"{url}/publish").status_code == 200
    next_version = client.post(
        f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, beginGeldigheid="2027-01-01")
    )
    assert next_version.status_code == 201, next_version.text
    concept = next_version.json()["url"]

    # Parts: different volgnummers and omschrijvingen are accepted; a text eigenschap with a lengte.
    for volgnummer, omschrijving in ((1, "Ontvangen"), (2, "Afgehandeld")):
        made = client.post(
            f"{ROOT}/statustypen",
            json={"zaaktype": concept, "omschrijving": omschrijving, "volgnummer": volgnummer},
        )
        assert made.status_code == 201, made.text
    twice = client.post(
        f"{ROOT}/statustypen", json={"zaaktype": concept, "omschrijving": "X", "volgnummer": 2}
    )
    assert twice.status_code == 400
    eigenschap = client.post(
        f"{ROOT}/eigenschappen",
        json={
            "zaaktype": concept,
            "naam": "kenteken",
            "definitie": "Het kenteken",
            "specificatie": {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"},
        },
    )
    assert eigenschap.status_code == 201, eigenschap.text

    # omschrijving of informatieobjecttypen and besluittypen: distinct ones are accepted.
    for omschrijving in ("Aanvraag", "Besluit"):
        iot = client.post(
            f"{ROOT}/informatieobjecttypen",
            json={
                "catalogus": catalogus_url,
                "omschrijving": omschrijving,
                "vertrouwelijkheidaanduiding": "openbaar",
                "beginGeldigheid": "2026-01-01",
                "informatieobjectcategorie": "Document",
            },
        )
        assert iot.status_code == 201, iot.text
    besluittype = {
        "catalogus": catalogus_url,
        "omschrijving": "Vergunning",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
    }
    assert client.post(f"{ROOT}/besluittypen", json=besluittype).status_code == 201
    assert (
        client.post(f"{ROOT}/besluittypen", json=besluittype | {"omschrijving": "Weigering"}).status_code
        == 201
    )
    assert _status(client.post(f"{ROOT}/besluittypen", json=besluittype)) == (400, ["omschrijving"])
