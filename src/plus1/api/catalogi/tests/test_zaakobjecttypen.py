"""Zaakobjecttypen over real HTTP: a part of a concept zaaktype, in its own catalogus, per gemeente."""

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.models import Catalogus, ZaakObjectType
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
BOOM = "https://objecttypen.example.nl/api/v2/objecttypes/boom"
READ_WRITE = ["catalogi.lezen", "catalogi.schrijven"]


def _body(zaaktype: dict, **overrides) -> dict:
    return {
        "zaaktype": zaaktype["url"],
        "catalogus": zaaktype["catalogus"],
        "objecttype": BOOM,
        "relatieOmschrijving": "De boom die gekapt wordt",
        "anderObjecttype": True,
        **overrides,
    }


@pytest.fixture
def concept(zgw_client, gemeente_a):
    """Gemeente A's application and one of its concept zaaktypen (as the API shows it)."""
    zaaktype = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    client = zgw_client(gemeente_a)
    return client, client.get(f"{ROOT}/zaaktypen/{zaaktype.uuid}").json()


def test_a_gemeente_adds_reads_changes_and_removes_a_zaakobjecttype_of_its_concept_zaaktype(concept):
    client, zaaktype = concept

    created = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype))
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["Location"] == body["url"]
    assert body["objecttype"] == BOOM
    assert body["anderObjecttype"] is True
    assert body["zaaktypeIdentificatie"] == zaaktype["identificatie"]
    assert body["catalogus"] == zaaktype["catalogus"]
    # A sub-type has the validity of its zaaktype.
    assert body["beginGeldigheid"] == zaaktype["beginGeldigheid"]
    assert (body["statustypen"], body["resultaattypen"]) == ([], [])
    assert client.get(zaaktype["url"]).json()["zaakobjecttypen"] == [body["url"]]
    assert client.get(body["url"]).json() == body
    assert client.head(body["url"]).status_code == 200

    listed = client.get(f"{ROOT}/zaakobjecttypen", params={"zaaktype": zaaktype["url"]}).json()
    assert [row["url"] for row in listed["results"]] == [body["url"]]
    for params in (
        {"objecttype": BOOM},
        {"relatieOmschrijving": "De boom die gekapt wordt"},
        {"anderObjecttype": "true"},
        {"catalogus": zaaktype["catalogus"]},
        {"zaaktypeIdentificatie": zaaktype["identificatie"]},
        {"datumBeginGeldigheid": zaaktype["beginGeldigheid"]},
        {"datumGeldigheid": zaaktype["beginGeldigheid"]},
    ):
        found = client.get(f"{ROOT}/zaakobjecttypen", params=params).json()
        assert [row["url"] for row in found["results"]] == [body["url"]], params
    for params in ({"anderObjecttype": "false"}, {"objecttype": "https://elders.example.nl/x"}):
        assert client.get(f"{ROOT}/zaakobjecttypen", params=params).json()["count"] == 0, params
    assert client.get(f"{ROOT}/zaakobjecttypen", params={"anderObjecttype": "soms"}).status_code == 400

    patched = client.patch(body["url"], json={"relatieOmschrijving": "De te kappen boom"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["relatieOmschrijving"] == "De te kappen boom"
    replaced = client.put(body["url"], json=_body(zaaktype, anderObjecttype=False))
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["anderObjecttype"] is False

    assert client.delete(body["url"]).status_code == 204
    assert client.get(body["url"]).status_code == 404
    assert not ZaakObjectType.objects.exists()


def test_a_zaakobjecttype_stays_in_the_catalogus_and_on_the_zaaktype_it_belongs_to(concept, gemeente_a):
    client, zaaktype = concept
    other_catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="ANDER", naam="Andere catalogus")
    elsewhere = f"{ROOT}/catalogussen/{other_catalogus.uuid}"
    other_url = client.get(elsewhere).json()["url"]

    refused = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype, catalogus=other_url))
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"  # ztc-013
    no_url = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype, objecttype="een boom"))
    assert no_url.status_code == 400
    assert no_url.json()["invalidParams"][0]["name"] == "objecttype"
    missing = client.post(f"{ROOT}/zaakobjecttypen", json={"zaaktype": zaaktype["url"]})
    assert missing.status_code == 400
    assert not ZaakObjectType.objects.exists()

    url = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype)).json()["url"]
    twice = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype))
    assert twice.status_code == 400
    moved = client.patch(url, json={"catalogus": other_url})
    assert moved.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"
    other = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    other_zaaktype = client.get(f"{ROOT}/zaaktypen/{other.uuid}").json()["url"]
    assert (
        client.patch(url, json={"zaaktype": other_zaaktype}).json()["invalidParams"][0]["code"] == "immutable"
    )


def test_the_zaakobjecttypen_of_a_published_zaaktype_are_fixed_but_a_correction_may_add(
    zgw_client, concept, gemeente_a
):
    client, zaaktype = concept
    url = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype)).json()["url"]
    assert client.post(f"{zaaktype['url']}/publish").status_code == 200, "the factory zaaktype is complete"

    writer = zgw_client(gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=READ_WRITE)])
    # ztc-010: no change, no removal and no addition without geforceerd-schrijven.
    assert writer.patch(url, json={"relatieOmschrijving": "Anders"}).status_code == 400
    assert writer.delete(url).status_code == 400
    added = writer.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype, objecttype=f"{BOOM}/2"))
    assert added.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"

    corrector = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(component="ztc", scopes=[*READ_WRITE, "catalogi.geforceerd-schrijven"])
        ],
    )
    assert (
        corrector.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype, objecttype=f"{BOOM}/2")).status_code
        == 201
    )
    assert ZaakObjectType.objects.count() == 2


def test_another_gemeente_neither_sees_nor_changes_the_zaakobjecttypen_of_a_gemeente(
    zgw_client, concept, gemeente_b
):
    client, zaaktype = concept
    url = client.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype)).json()["url"]
    other = zgw_client(gemeente_b)

    assert other.get(url).status_code == 404
    assert other.get(f"{ROOT}/zaakobjecttypen").json()["count"] == 0
    assert other.patch(url, json={"relatieOmschrijving": "Van B"}).status_code == 404
    assert other.delete(url).status_code == 404
    assert other.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype)).status_code == 400
    assert ZaakObjectType.objects.get().relatie_omschrijving == "De boom die gekapt wordt"


def test_reading_needs_catalogi_lezen_and_writing_catalogi_schrijven(zgw_client, concept, gemeente_a):
    _client, zaaktype = concept
    outsider = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ac", scopes=["autorisaties.lezen"])]
    )
    assert outsider.get(f"{ROOT}/zaakobjecttypen").status_code == 403
    reader = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen"])]
    )
    assert reader.get(f"{ROOT}/zaakobjecttypen").status_code == 200
    assert reader.post(f"{ROOT}/zaakobjecttypen", json=_body(zaaktype)).status_code == 403
    assert not ZaakObjectType.objects.exists()
