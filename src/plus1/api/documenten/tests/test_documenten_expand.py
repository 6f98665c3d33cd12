"""``expand`` in the Documenten API over real HTTP (drc-011..014): an expanded object equals its
own GET, stops at three levels, and shows nothing the client may not read."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.services import add_zaak_document
from plus1.cases.services.verzendingen import create_verzending
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType

from .test_documenten_api import EIO, ROOT, _document, _setup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BETROKKENE = "https://klanten.example.nl/api/v1/klanten/1"
CONTACT = "https://medewerkers.example.nl/api/v1/medewerkers/1"


def _without_expand(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "_expand"}


def test_a_document_expands_its_informatieobjecttype_as_the_catalogi_api_shows_it(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()
    iot_body = client.get(document["informatieobjecttype"]).json()

    read = client.get(document["url"], params={"expand": "informatieobjecttype"})
    assert read.status_code == 200, read.text
    assert read.json()["_expand"] == {"informatieobjecttype": iot_body}
    assert _without_expand(read.json()) == client.get(document["url"]).json()
    listed = client.get(EIO, params={"expand": "informatieobjecttype.catalogus"}).json()["results"][0]
    assert (
        listed["_expand"]["informatieobjecttype"]["_expand"]["catalogus"]
        == client.get(iot_body["catalogus"]).json()
    )
    found = client.post(
        f"{EIO}/_zoek",
        json={"uuid__in": [document["url"].rsplit("/", 1)[1]], "expand": "informatieobjecttype"},
    )
    assert found.status_code == 200, found.text
    assert found.json()["results"][0]["_expand"]["informatieobjecttype"] == iot_body


def test_relations_of_a_document_expand_the_document_up_to_three_levels(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()
    right = client.post(
        f"{ROOT}/gebruiksrechten",
        json={
            "informatieobject": document["url"],
            "startdatum": "2026-12-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Intern",
        },
    ).json()
    verzending = client.post(
        f"{ROOT}/verzendingen",
        json={
            "informatieobject": document["url"],
            "betrokkene": BETROKKENE,
            "aardRelatie": "geadresseerde",
            "verzenddatum": "2026-11-30",
            "contactPersoon": CONTACT,
            "emailadres": "bewoner@example.nl",
        },
    )
    assert verzending.status_code == 201, verzending.text
    shown = client.get(document["url"]).json()

    for url in (right["url"], verzending.json()["url"]):
        body = client.get(url, params={"expand": "informatieobject"}).json()
        assert body["_expand"]["informatieobject"] == shown, url
    rights = client.get(
        f"{ROOT}/gebruiksrechten", params={"expand": "informatieobject.informatieobjecttype"}
    ).json()
    assert (
        rights[0]["_expand"]["informatieobject"]["_expand"]["informatieobjecttype"]
        == client.get(shown["informatieobjecttype"]).json()
    )
    verzendingen = client.get(f"{ROOT}/verzendingen", params={"expand": "informatieobject"}).json()["results"]
    assert verzendingen[0]["_expand"]["informatieobject"] == shown

    # drc-012: three levels; a deeper path is answered three levels deep.
    three = "informatieobject.informatieobjecttype.catalogus"
    deep = client.get(right["url"], params={"expand": three})
    assert deep.status_code == 200, deep.text
    assert deep.json()["_expand"]["informatieobject"]["_expand"]["informatieobjecttype"]["_expand"][
        "catalogus"
    ]
    deeper = client.get(right["url"], params={"expand": f"{three}.zaaktypen"})
    assert deeper.status_code == 200, deeper.text
    assert deeper.json() == deep.json()
    # drc-013: only attributes of the resource; drc-011: not what lives in another register.
    assert client.get(document["url"], params={"expand": "kleur"}).status_code == 404
    assert client.get(right["url"], params={"expand": "informatieobject.kleur"}).status_code == 404
    assert client.get(verzending.json()["url"], params={"expand": "betrokkene"}).status_code == 400


def test_an_objectinformatieobject_expands_its_document_for_its_own_gemeente_only(
    zgw_client, gemeente_a, gemeente_b
):
    zaak, iot = _setup(gemeente_a)
    add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=iot.pk,
        upload=SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf"),
        actor=SYSTEM,
    )
    client = zgw_client(gemeente_a)
    relations = client.get(f"{ROOT}/objectinformatieobjecten", params={"expand": "informatieobject"}).json()
    assert len(relations) == 1
    document = relations[0]["_expand"]["informatieobject"]
    assert document == client.get(relations[0]["informatieobject"]).json()
    one = client.get(relations[0]["url"], params={"expand": "informatieobject"}).json()
    assert one["_expand"]["informatieobject"] == document
    assert client.get(relations[0]["url"], params={"expand": "object"}).status_code == 400

    other = zgw_client(gemeente_b)
    assert other.get(f"{ROOT}/objectinformatieobjecten", params={"expand": "informatieobject"}).json() == []
    assert other.get(relations[0]["url"], params={"expand": "informatieobject"}).status_code == 404
    assert other.get(EIO, params={"expand": "informatieobjecttype"}).json()["count"] == 0


def test_an_application_without_document_rights_gets_no_document_through_a_zaak(zgw_client, gemeente_a):
    zaak, iot = _setup(gemeente_a)
    add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=iot.pk,
        upload=SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf"),
        actor=SYSTEM,
    )
    zaken_only = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaak.zaaktype, max_confidentiality="geheim"
            )
        ],
    )
    links = zaken_only.get("/zaken/api/v1/zaakinformatieobjecten", params={"expand": "informatieobject"})
    assert links.status_code == 200, links.text
    # One it may not read is an empty object, as the standard's EmptyObject.
    assert [link["_expand"]["informatieobject"] for link in links.json()] == [{}]
    full = zgw_client(gemeente_a).get(
        "/zaken/api/v1/zaakinformatieobjecten", params={"expand": "informatieobject"}
    )
    assert full.json()[0]["_expand"]["informatieobject"]["url"] == links.json()[0]["informatieobject"]


@pytest.mark.parametrize("documents", [2, 8])
def test_expanded_document_lists_do_not_grow_with_the_page(
    gemeente_a, django_assert_max_num_queries, documents
):
    zaaktype = handling_zaaktype()
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype))
    iot = InformatieObjectType.objects.get(tenant=zaaktype.tenant, omschrijving="Bewijsstuk")
    for number in range(documents):
        document = add_zaak_document(
            zaak=zaak,
            informatieobjecttype_id=iot.pk,
            upload=SimpleUploadedFile(f"bewijs-{number}.pdf", PDF, content_type="application/pdf"),
            actor=SYSTEM,
        )
        create_verzending(
            document=document,
            actor=SYSTEM,
            values={
                "betrokkene": BETROKKENE,
                "relation": "geadresseerde",
                "sent_on": datetime.date(2026, 11, 30),
                "contact_person": CONTACT,
                "is_via_mijn_overheid": True,
            },
        )
    client_id, secret = make_client(gemeente_a)
    http = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    http.get(f"{ROOT}/verzendingen")  # the first call also loads the application (kept after)
    # Auth, count, page, parts; the documents (with their parts); the types with their zaaktypen
    # and the catalogus: the same for 2 documents as for 8.
    with django_assert_max_num_queries(15):
        response = http.get(
            f"{ROOT}/verzendingen", {"expand": "informatieobject.informatieobjecttype.catalogus"}
        )
    assert response.status_code == 200
    assert len(response.json()["results"]) == documents
    # The zaaktypen come with their statustypen, roltypen ... (one query each), as in the Catalogi API.
    with django_assert_max_num_queries(19):
        listed = http.get(EIO, {"expand": "informatieobjecttype.zaaktypen"})
    assert listed.json()["count"] == documents
