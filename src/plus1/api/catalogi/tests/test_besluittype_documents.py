"""A besluittype names the informatieobjecttypen its besluiten are recorded in (Catalogi 1.3.3):
stored, shown on both types, filtered on, and kept inside one catalogus (ztc-013)."""

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.audit.models import AuditEntry
from plus1.catalog.models import BesluitType, Catalogus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
WRITER = ["catalogi.lezen", "catalogi.schrijven"]


def _writer(zgw_client, gemeente, *scopes):
    return zgw_client(gemeente, autorisaties=[AutorisatieSpec(component="ztc", scopes=[*WRITER, *scopes])])


def _iot(client, catalogus_url: str, omschrijving: str) -> dict:
    created = client.post(
        f"{ROOT}/informatieobjecttypen",
        json={
            "catalogus": catalogus_url,
            "omschrijving": omschrijving,
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Besluit",
        },
    )
    assert created.status_code == 201, created.text
    return created.json()


def _besluittype_body(catalogus_url: str, iots: list[str]) -> dict:
    return {
        "catalogus": catalogus_url,
        "omschrijving": "Kapvergunning verleend",
        "publicatieIndicatie": False,
        "informatieobjecttypen": iots,
        "beginGeldigheid": "2026-01-01",
    }


def test_a_besluittype_keeps_its_informatieobjecttypen_and_both_types_show_the_link(zgw_client, gemeente_a):
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Utrecht")
    client = _writer(zgw_client, gemeente_a)
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]
    besluit = _iot(client, catalogus_url, "Besluitbrief")
    bijlage = _iot(client, catalogus_url, "Bijlage bij besluit")

    created = client.post(f"{ROOT}/besluittypen", json=_besluittype_body(catalogus_url, [besluit["url"]]))
    assert created.status_code == 201, created.text
    assert created.json()["informatieobjecttypen"] == [besluit["url"]]
    assert created.json()["informatieobjecttypeOmschrijvingen"] == ["Besluitbrief"]
    url = created.json()["url"]
    assert client.get(besluit["url"]).json()["besluittypen"] == [url]
    assert client.get(besluit["url"]).json()["besluittypeOmschrijving"] == ["Kapvergunning verleend"]

    patched = client.patch(url, json={"informatieobjecttypen": [besluit["url"], bijlage["url"]]})
    assert patched.status_code == 200, patched.text
    assert sorted(patched.json()["informatieobjecttypen"]) == sorted([besluit["url"], bijlage["url"]])
    assert client.get(url).json() == patched.json()
    # A PATCH without the list leaves it as it is; a PUT sets it.
    assert len(client.patch(url, json={"toelichting": "Zes weken"}).json()["informatieobjecttypen"]) == 2
    put = client.put(url, json=_besluittype_body(catalogus_url, [bijlage["url"]]))
    assert put.status_code == 200, put.text
    assert put.json()["informatieobjecttypen"] == [bijlage["url"]]
    assert client.get(besluit["url"]).json()["besluittypen"] == []
    assert AuditEntry.objects.filter(
        action="change_besluittype", after__informatieobjecttypen="Bijlage bij besluit"
    ).exists()

    def listed(iot_url: str) -> list[str]:
        page = client.get(
            f"{ROOT}/besluittypen", params={"status": "alles", "informatieobjecttypen": iot_url}
        )
        assert page.status_code == 200, page.text
        return [b["url"] for b in page.json()["results"]]

    assert listed(bijlage["url"]) == [url]
    assert listed(besluit["url"]) == []
    expanded = client.get(url, params={"expand": "informatieobjecttypen"}).json()["_expand"]
    assert expanded["informatieobjecttypen"] == [client.get(bijlage["url"]).json()]

    # A document type in use by a besluittype stays.
    assert client.delete(bijlage["url"]).status_code == 400
    assert client.get(bijlage["url"]).status_code == 200


def test_informatieobjecttypen_of_another_catalogus_or_gemeente_are_refused(
    zgw_client, gemeente_a, gemeente_b
):
    own = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Utrecht")
    second = Catalogus.objects.create(tenant=gemeente_a, domein="TWEE", naam="Utrecht 2")
    theirs = Catalogus.objects.create(tenant=gemeente_b, domein="EIGEN", naam="Groningen")
    client = _writer(zgw_client, gemeente_a)
    other = _writer(zgw_client, gemeente_b)
    own_url = client.get(f"{ROOT}/catalogussen/{own.uuid}").json()["url"]
    elsewhere = _iot(client, client.get(f"{ROOT}/catalogussen/{second.uuid}").json()["url"], "Elders")
    foreign = _iot(other, other.get(f"{ROOT}/catalogussen/{theirs.uuid}").json()["url"], "Van Groningen")

    wrong_catalogus = client.post(f"{ROOT}/besluittypen", json=_besluittype_body(own_url, [elsewhere["url"]]))
    assert wrong_catalogus.status_code == 400
    assert wrong_catalogus.json()["invalidParams"][0]["name"] == "informatieobjecttypen"
    assert wrong_catalogus.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"
    wrong_gemeente = client.post(f"{ROOT}/besluittypen", json=_besluittype_body(own_url, [foreign["url"]]))
    assert wrong_gemeente.status_code == 400
    assert wrong_gemeente.json()["invalidParams"][0]["name"] == "informatieobjecttypen.0"
    assert not BesluitType.objects.filter(catalogus=own).exists()

    created = client.post(f"{ROOT}/besluittypen", json=_besluittype_body(own_url, []))
    assert created.status_code == 201, created.text
    refused = client.patch(created.json()["url"], json={"informatieobjecttypen": [elsewhere["url"]]})
    assert refused.status_code == 400
    assert client.get(created.json()["url"]).json()["informatieobjecttypen"] == []


def test_a_published_besluittype_takes_new_informatieobjecttypen_only_as_a_correction(zgw_client, gemeente_a):
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Utrecht")
    client = _writer(zgw_client, gemeente_a)
    corrector = _writer(zgw_client, gemeente_a, "catalogi.geforceerd-schrijven")
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]
    first = _iot(client, catalogus_url, "Besluitbrief")
    second = _iot(client, catalogus_url, "Bijlage")
    url = client.post(f"{ROOT}/besluittypen", json=_besluittype_body(catalogus_url, [first["url"]])).json()[
        "url"
    ]
    assert client.post(f"{url}/publish").status_code == 200

    both = {"informatieobjecttypen": [first["url"], second["url"]]}
    refused = client.patch(url, json=both)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "non-concept-object"
    # A correction may add, never take away (ztc-010).
    assert corrector.patch(url, json={"informatieobjecttypen": [second["url"]]}).status_code == 400
    added = corrector.patch(url, json=both)
    assert added.status_code == 200, added.text
    assert len(added.json()["informatieobjecttypen"]) == 2
