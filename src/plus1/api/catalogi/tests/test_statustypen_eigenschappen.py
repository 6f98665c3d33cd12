"""Statustypen and eigenschappen over real HTTP: lead times, checklists, the eigenschappen a status needs."""

import datetime

import pytest

from plus1.audit.services import Actor
from plus1.catalog import services
from plus1.catalog.models import Catalogus, Eigenschap, InformatieObjectType, StatusType
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
CHECKLIST = [
    {"itemnaam": "Foto", "toelichting": "Van de boom", "vraagstelling": "Is er een foto?", "verplicht": True}
]


def _eigenschap_body(zaaktype: dict, **overrides) -> dict:
    return {
        "zaaktype": zaaktype["url"],
        "naam": "kapdatum",
        "definitie": "Wanneer wilt u kappen?",
        "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"},
        **overrides,
    }


def _statustype_body(zaaktype: dict, **overrides) -> dict:
    return {"zaaktype": zaaktype["url"], "omschrijving": "Beoordeeld", "volgnummer": 3, **overrides}


@pytest.fixture
def concept(zgw_client, gemeente_a):
    """Gemeente A's application, one of its concept zaaktypen (as the API shows it) and its model."""
    model = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    client = zgw_client(gemeente_a)
    return client, client.get(f"{ROOT}/zaaktypen/{model.uuid}").json(), model


def test_a_statustype_keeps_its_lead_time_checklist_and_the_eigenschappen_it_needs(concept):
    client, zaaktype, _model = concept
    eigenschap = client.post(f"{ROOT}/eigenschappen", json=_eigenschap_body(zaaktype)).json()

    created = client.post(
        f"{ROOT}/statustypen",
        json=_statustype_body(
            zaaktype,
            doorlooptijd="P5D",
            toelichting="De boomdeskundige kijkt",
            checklistitemStatustype=CHECKLIST,
            eigenschappen=[eigenschap["url"]],
        ),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["doorlooptijd"], body["toelichting"]) == ("P5D", "De boomdeskundige kijkt")
    assert body["checklistitemStatustype"] == CHECKLIST
    assert body["eigenschappen"] == [eigenschap["url"]]
    assert client.get(body["url"]).json() == body
    # The same relation, seen from the eigenschap.
    assert client.get(eigenschap["url"]).json()["statustype"] == body["url"]

    cleared = client.patch(body["url"], json={"eigenschappen": [], "doorlooptijd": None, "toelichting": None})
    assert cleared.status_code == 200, cleared.text
    assert (cleared.json()["eigenschappen"], cleared.json()["doorlooptijd"]) == ([], None)
    assert client.get(eigenschap["url"]).json()["statustype"] is None

    # From the other side: the eigenschap names its statustype.
    linked = client.patch(eigenschap["url"], json={"statustype": body["url"]})
    assert linked.status_code == 200, linked.text
    assert client.get(body["url"]).json()["eigenschappen"] == [eigenschap["url"]]
    put = client.put(body["url"], json=_statustype_body(zaaktype, checklistitemStatustype=[]))
    assert put.status_code == 200, put.text
    assert (put.json()["checklistitemStatustype"], put.json()["eigenschappen"]) == ([], [])


def test_a_concept_eigenschap_takes_a_new_specificatie(concept):
    client, zaaktype, _model = concept
    url = client.post(f"{ROOT}/eigenschappen", json=_eigenschap_body(zaaktype)).json()["url"]

    patched = client.patch(
        url,
        json={"specificatie": {"formaat": "tekst", "lengte": "40", "kardinaliteit": "1", "groep": "Boom"}},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["specificatie"] == {
        "groep": "Boom",
        "formaat": "tekst",
        "lengte": "40",
        "kardinaliteit": "1",
        "waardenverzameling": [],
    }
    # ztc-015: a datum has lengte 8, on a change as on a create.
    wrong = client.patch(
        url, json={"specificatie": {"formaat": "datum", "lengte": "10", "kardinaliteit": "1"}}
    )
    assert wrong.json()["invalidParams"][0]["name"] == "specificatie.lengte"
    assert Eigenschap.objects.get(uuid=url.rsplit("/", 1)[-1]).max_length == 40


def test_statustypen_and_eigenschappen_only_link_within_their_zaaktype(concept, gemeente_a):
    client, zaaktype, _model = concept
    other = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    other_zaaktype = client.get(f"{ROOT}/zaaktypen/{other.uuid}").json()
    foreign = client.post(f"{ROOT}/eigenschappen", json=_eigenschap_body(other_zaaktype)).json()["url"]
    foreign_status = other_zaaktype["statustypen"][0]

    refused = client.post(f"{ROOT}/statustypen", json=_statustype_body(zaaktype, eigenschappen=[foreign]))
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-zaaktype"
    refused = client.post(f"{ROOT}/eigenschappen", json=_eigenschap_body(zaaktype, statustype=foreign_status))
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-zaaktype"
    bad_duration = client.post(
        f"{ROOT}/statustypen", json=_statustype_body(zaaktype, doorlooptijd="vijf dagen")
    )
    assert bad_duration.json()["invalidParams"][0]["name"] == "doorlooptijd"
    long_item = [{**CHECKLIST[0], "itemnaam": "x" * 31}]
    assert (
        client.post(
            f"{ROOT}/statustypen", json=_statustype_body(zaaktype, checklistitemStatustype=long_item)
        ).status_code
        == 400
    )
    assert not StatusType.objects.filter(omschrijving="Beoordeeld").exists()
    assert Eigenschap.objects.filter(zaaktype__uuid=zaaktype["url"].rsplit("/", 1)[-1]).count() == 0


def test_a_next_version_links_its_own_copies_of_statustype_and_eigenschap(concept):
    client, zaaktype, model = concept
    eigenschap = client.post(f"{ROOT}/eigenschappen", json=_eigenschap_body(zaaktype)).json()
    client.post(
        f"{ROOT}/statustypen",
        json=_statustype_body(zaaktype, checklistitemStatustype=CHECKLIST, eigenschappen=[eigenschap["url"]]),
    )
    services.publish_zaaktype(zaaktype=model, actor=Actor.system("test"))

    following = services.create_next_version(
        zaaktype=model, valid_from=datetime.date(2027, 1, 1), actor=Actor.system("test")
    )
    copy = following.eigenschappen.get()
    assert copy.statustype.zaaktype == following
    assert (copy.statustype.omschrijving, copy.statustype.checklistitems) == ("Beoordeeld", CHECKLIST)
    # The first version keeps its own link.
    assert (
        client.get(eigenschap["url"])
        .json()["statustype"]
        .endswith(str(model.statustypen.get(volgnummer=3).uuid))
    )


def _iot(model, omschrijving: str) -> InformatieObjectType:
    return InformatieObjectType.objects.create(
        tenant=model.tenant,
        catalogus=model.process.catalogus,
        omschrijving=omschrijving,
        category="Bewijs",
        confidentiality="openbaar",
        valid_from=datetime.date(2026, 1, 1),
    )


def test_a_document_type_of_a_zaaktype_names_its_statustype_and_can_change_type(concept):
    client, zaaktype, model = concept
    _iot(model, "Foto"), _iot(model, "Tekening")
    statustype = zaaktype["statustypen"][0]
    created = client.post(
        f"{ROOT}/zaaktype-informatieobjecttypen",
        json={
            "zaaktype": zaaktype["url"],
            "informatieobjecttype": "Foto",
            "volgnummer": 1,
            "richting": "inkomend",
            "statustype": statustype,
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["statustype"] == statustype
    url = created.json()["url"]

    moved = client.patch(url, json={"informatieobjecttype": "Tekening", "statustype": None})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["informatieobjecttype"], moved.json()["statustype"]) == ("Tekening", None)
    unknown = client.patch(url, json={"informatieobjecttype": "Onbekend"})
    assert unknown.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"
    other = ZaakTypeFactory(process=ProcessFactory(tenant=model.tenant))
    foreign = client.get(f"{ROOT}/zaaktypen/{other.uuid}").json()["statustypen"][0]
    refused = client.put(
        url,
        json={
            "zaaktype": zaaktype["url"],
            "informatieobjecttype": "Foto",
            "volgnummer": 1,
            "richting": "inkomend",
            "statustype": foreign,
        },
    )
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-zaaktype"
    assert client.get(url).json()["informatieobjecttype"] == "Tekening"

    # A next version's document type names the copy of its statustype.
    link = model.document_types.get()
    link.statustype = model.statustypen.get(volgnummer=1)
    link.save()
    for iot in InformatieObjectType.objects.all():
        iot.status = "published"
        iot.save()
    services.publish_zaaktype(zaaktype=model, actor=Actor.system("test"))
    following = services.create_next_version(
        zaaktype=model, valid_from=datetime.date(2027, 1, 1), actor=Actor.system("test")
    )
    assert following.document_types.get().statustype == following.statustypen.get(volgnummer=1)


def test_a_roltype_takes_only_the_catalogus_of_its_zaaktype(concept):
    client, zaaktype, model = concept
    body = {"zaaktype": zaaktype["url"], "omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur"}
    created = client.post(f"{ROOT}/roltypen", json={**body, "catalogus": zaaktype["catalogus"]})
    assert created.status_code == 201, created.text
    assert created.json()["catalogus"] == zaaktype["catalogus"]
    other = Catalogus.objects.create(tenant=model.tenant, domein="ANDER", naam="Ander")
    other_url = client.get(f"{ROOT}/catalogussen/{other.uuid}").json()["url"]
    refused = client.patch(created.json()["url"], json={"catalogus": other_url})
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"
    refused = client.post(f"{ROOT}/roltypen", json={**body, "omschrijving": "Ander", "catalogus": other_url})
    assert refused.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"
