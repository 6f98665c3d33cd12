"""The Besluiten API's business rules (brc-001 .. brc-009), as an outside client meets them.

Every call goes over HTTP to the public APIs. The client sets up its own catalogus,
informatieobjecttypen, besluittypen and documents through the Catalogi and Documenten APIs;
only a zaak comes from the project's factories (a zaak needs a zaaktype the gemeente has
adopted, which the Catalogi API does not do), and the factory's besluittype is told which
document types it takes, as a catalog editor would.
"""

from __future__ import annotations

import uuid

import pytest

from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock

from .clients import RSIN, absolute, new_document

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BRC = "/besluiten/api/v1"
BESLUITEN = f"{BRC}/besluiten"
BIO = f"{BRC}/besluitinformatieobjecten"
EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"
OIO = "/documenten/api/v1/objectinformatieobjecten"
ZTC = "/catalogi/api/v1"


# --- what a client does first ----------------------------------------------------------------


def published(client, response) -> str:
    assert response.status_code == 201, response.text
    url = response.json()["url"]
    publish = client.post(f"{url}/publish")
    assert publish.status_code == 200, publish.text
    return url


class Catalog:
    """A gemeente's own catalogus with a besluittype and the document types of its besluiten."""

    def __init__(self, client):
        created = client.post(
            f"{ZTC}/catalogussen",
            json={"domein": "BESL", "rsin": RSIN, "contactpersoonBeheerNaam": "Team Informatiebeheer"},
        )
        assert created.status_code == 201, created.text
        self.client, self.url = client, created.json()["url"]
        self.brief = self.iot("Besluitbrief")
        self.bijlage = self.iot("Bijlage")
        self.besluittype = self.new_besluittype("Vergunning verleend", [self.brief])

    def iot(self, omschrijving: str) -> str:
        body = {
            "catalogus": self.url,
            "omschrijving": omschrijving,
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Besluit",
        }
        return published(self.client, self.client.post(f"{ZTC}/informatieobjecttypen", json=body))

    def new_besluittype(self, omschrijving: str, iots: list[str], *, publish: bool = True) -> str:
        body = {
            "catalogus": self.url,
            "omschrijving": omschrijving,
            "publicatieIndicatie": False,
            "informatieobjecttypen": iots,
            "beginGeldigheid": "2026-01-01",
        }
        response = self.client.post(f"{ZTC}/besluittypen", json=body)
        if publish:
            return published(self.client, response)
        assert response.status_code == 201, response.text
        return response.json()["url"]


def besluit_body(besluittype: str, **overrides) -> dict:
    today = clock.today().isoformat()
    return {
        "verantwoordelijkeOrganisatie": RSIN,
        "besluittype": besluittype,
        "datum": today,
        "ingangsdatum": today,
        **overrides,
    }


def new_besluit(client, besluittype: str, **overrides) -> dict:
    created = client.post(BESLUITEN, json=besluit_body(besluittype, **overrides))
    assert created.status_code == 201, created.text
    return created.json()


def new_besluit_document(client, iot: str) -> dict:
    return new_document(client, iot, titel="Besluit op uw aanvraag", bestandsnaam="besluit.pdf")


def link(client, besluit: dict, document: dict):
    return client.post(BIO, json={"besluit": besluit["url"], "informatieobject": document["url"]})


def mirrors_of(client, document: dict) -> list[tuple[str, str]]:
    response = client.get(OIO, params={"informatieobject": document["url"]})
    assert response.status_code == 200, response.text
    return [(relation["object"], relation["objectType"]) for relation in response.json()]


def names(response) -> set[str]:
    return {param["name"] for param in response.json().get("invalidParams", [])}


def zaak_of(gemeente) -> Zaak:
    return new_zaak(adopt_with_team(gemeente=gemeente, zaaktype=handling_zaaktype()))


def urls_of(client, zaak: Zaak) -> tuple[str, str]:
    """The zaak's URL and that of its zaaktype's besluittype."""
    besluittype = zaak.zaaktype.besluittypen.get()
    return (
        absolute(client, f"/zaken/api/v1/zaken/{zaak.uuid}"),
        absolute(client, f"{ZTC}/besluittypen/{besluittype.uuid}"),
    )


# --- brc-001 ---------------------------------------------------------------------------------


def test_brc_001_a_besluittype_that_does_not_resolve_is_refused(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    for wrong in (
        absolute(client, f"{ZTC}/besluittypen/{uuid.uuid4()}"),
        catalog.brief,  # resolves, but is an informatieobjecttype
        "https://elders.example.com/catalogi/api/v1/besluittypen/1",
    ):
        refused = client.post(BESLUITEN, json=besluit_body(wrong))
        assert refused.status_code == 400, (wrong, refused.text)
        assert names(refused) == {"besluittype"}
    assert client.get(BESLUITEN).json()["count"] == 0


def test_brc_001_a_concept_besluittype_is_refused(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    concept = catalog.new_besluittype("Nog in ontwerp", [], publish=False)

    refused = client.post(BESLUITEN, json=besluit_body(concept))
    assert refused.status_code == 400
    assert names(refused) == {"besluittype"}
    assert client.post(f"{concept}/publish").status_code == 200
    assert client.post(BESLUITEN, json=besluit_body(concept)).status_code == 201


def test_brc_001_the_besluittype_of_a_besluit_cannot_change(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)
    other = catalog.new_besluittype("Vergunning geweigerd", [catalog.brief])

    patched = client.patch(besluit["url"], json={"besluittype": other})
    assert patched.status_code == 400 and names(patched) == {"besluittype"}
    put = client.put(besluit["url"], json=besluit_body(other, identificatie=besluit["identificatie"]))
    assert put.status_code == 400 and "besluittype" in names(put)
    assert client.get(besluit["url"]).json()["besluittype"] == catalog.besluittype
    # Sending the besluittype it has is no change.
    same = client.patch(besluit["url"], json={"besluittype": catalog.besluittype, "toelichting": "Ja."})
    assert same.status_code == 200, same.text


# --- brc-002 ---------------------------------------------------------------------------------


def test_brc_002_an_identificatie_is_unique_per_verantwoordelijke_organisatie(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    new_besluit(client, catalog.besluittype, identificatie="BESLUIT-42")

    twice = client.post(BESLUITEN, json=besluit_body(catalog.besluittype, identificatie="BESLUIT-42"))
    assert twice.status_code == 400 and names(twice) == {"identificatie"}
    assert client.get(BESLUITEN, params={"identificatie": "BESLUIT-42"}).json()["count"] == 1


def test_brc_002_without_identificatie_a_unique_one_is_generated(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    first = new_besluit(client, catalog.besluittype)
    second = new_besluit(client, catalog.besluittype)

    assert first["identificatie"] and second["identificatie"]
    assert first["identificatie"] != second["identificatie"]


def test_brc_002_identificatie_and_verantwoordelijke_organisatie_cannot_change(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)

    for change in ({"identificatie": "ANDERS"}, {"verantwoordelijkeOrganisatie": "100000010"}):
        refused = client.patch(besluit["url"], json=change)
        assert refused.status_code == 400, refused.text
        assert names(refused) == set(change)
    assert client.get(besluit["url"]).json() == besluit


# --- brc-003 .. brc-005: documents ------------------------------------------------------------


def test_brc_003_an_informatieobject_that_does_not_resolve_is_refused(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)

    for wrong in (
        absolute(client, f"{EIO}/{uuid.uuid4()}"),
        besluit["url"],  # resolves, but is no informatieobject
        "https://elders.example.com/documenten/api/v1/enkelvoudiginformatieobjecten/1",
    ):
        refused = client.post(BIO, json={"besluit": besluit["url"], "informatieobject": wrong})
        assert refused.status_code == 400, (wrong, refused.text)
        assert names(refused) == {"informatieobject"}
    assert client.get(BIO, params={"besluit": besluit["url"]}).json() == []


def test_brc_004_the_relation_of_a_besluit_and_its_document_is_legt_vast(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)
    document = new_besluit_document(client, catalog.brief)

    created = link(client, besluit, document)
    assert created.status_code == 201, created.text
    # The client sends no relation information; the mirror says what the relation is.
    assert mirrors_of(client, document) == [(besluit["url"], "besluit")]


def test_brc_005_a_besluitinformatieobject_is_mirrored_in_the_documenten_api(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)
    document = new_besluit_document(client, catalog.brief)

    created = link(client, besluit, document)
    assert created.status_code == 201, created.text
    assert mirrors_of(client, document) == [(besluit["url"], "besluit")]
    listed = client.get(EIO, params={"objectinformatieobjecten_object": besluit["url"]}).json()
    assert [d["url"] for d in listed["results"]] == [document["url"]]

    assert client.delete(created.json()["url"]).status_code == 204
    assert mirrors_of(client, document) == []


# --- brc-006 / brc-007: the zaak --------------------------------------------------------------


def test_brc_006_a_besluit_on_a_zaak_is_registered_at_the_zaak(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak_url, besluittype = urls_of(client, zaak_of(gemeente_a))

    besluit = new_besluit(client, besluittype, zaak=zaak_url)
    zaakbesluiten = client.get(f"{zaak_url}/besluiten")
    assert zaakbesluiten.status_code == 200, zaakbesluiten.text
    assert [z["besluit"] for z in zaakbesluiten.json()] == [besluit["url"]]

    assert client.delete(besluit["url"]).status_code == 204
    assert client.get(f"{zaak_url}/besluiten").json() == []


def test_brc_006_the_zaak_of_a_besluit_cannot_change(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak = zaak_of(gemeente_a)
    zaak_url, besluittype = urls_of(client, zaak)
    other = new_zaak(zaak.zaaktype.adoptions.get(tenant=gemeente_a))
    other_url = absolute(client, f"/zaken/api/v1/zaken/{other.uuid}")
    besluit = new_besluit(client, besluittype, zaak=zaak_url)

    for change in ({"zaak": other_url}, {"zaak": ""}):
        refused = client.patch(besluit["url"], json=change)
        assert refused.status_code == 400, refused.text
        assert names(refused) == {"zaak"}
    put = client.put(besluit["url"], json=besluit_body(besluittype, identificatie=besluit["identificatie"]))
    assert put.status_code == 400 and names(put) == {"zaak"}
    # The besluit and its zaak stay as they were, in both APIs.
    assert client.get(besluit["url"]).json()["zaak"] == zaak_url
    assert [z["besluit"] for z in client.get(f"{zaak_url}/besluiten").json()] == [besluit["url"]]
    assert client.get(f"{other_url}/besluiten").json() == []
    kept = client.patch(besluit["url"], json={"zaak": zaak_url, "toelichting": "Verleend."})
    assert kept.status_code == 200, kept.text


def test_brc_007_the_besluittype_must_be_one_of_the_zaaktypes(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak_url, besluittype = urls_of(client, zaak_of(gemeente_a))
    foreign = Catalog(client).besluittype  # published, but not a besluittype of this zaaktype

    refused = client.post(BESLUITEN, json=besluit_body(foreign, zaak=zaak_url))
    assert refused.status_code == 400, refused.text
    assert client.get(BESLUITEN, params={"zaak": zaak_url}).json()["count"] == 0
    assert client.post(BESLUITEN, json=besluit_body(besluittype, zaak=zaak_url)).status_code == 201


# --- brc-008 / brc-009 ------------------------------------------------------------------------


def test_brc_008_the_document_must_have_an_informatieobjecttype_of_the_besluittype(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)
    letter = new_besluit_document(client, catalog.brief)
    attachment = new_besluit_document(client, catalog.bijlage)

    refused = link(client, besluit, attachment)
    assert refused.status_code == 400, refused.text
    assert mirrors_of(client, attachment) == []
    assert link(client, besluit, letter).status_code == 201


def test_brc_009_deleting_a_besluit_removes_its_relations_and_audittrail(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalog = Catalog(client)
    besluit = new_besluit(client, catalog.besluittype)
    document = new_besluit_document(client, catalog.brief)
    relation = link(client, besluit, document).json()
    trail = client.get(f"{besluit['url']}/audittrail")
    assert trail.status_code == 200 and trail.json()

    assert client.delete(besluit["url"]).status_code == 204
    assert client.get(besluit["url"]).status_code == 404
    assert client.get(relation["url"]).status_code == 404
    assert client.get(BIO, params={"informatieobject": document["url"]}).json() == []
    assert mirrors_of(client, document) == []
    assert client.get(f"{besluit['url']}/audittrail").status_code == 404
    assert client.get(f"{besluit['url']}/audittrail/{trail.json()[0]['uuid']}").status_code == 404
    # The document itself belongs to the Documenten API and stays.
    assert client.get(document["url"]).status_code == 200
