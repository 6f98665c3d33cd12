"""The descriptive attributes of zaaktypen, informatieobjecttypen and besluittypen over real HTTP."""

import datetime

import pytest

from plus1.audit.services import Actor
from plus1.catalog import services
from plus1.catalog.models import BesluitType, Catalogus, ZaakType

from .test_catalogi_api import zaaktype_payload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
BRONCATALOGUS = {"url": "https://ztc.example.nl/catalogussen/1", "domein": "VNG", "rsin": "002220647"}
BRONZAAKTYPE = {"url": "https://ztc.example.nl/zaaktypen/1", "identificatie": "KAP", "omschrijving": "Kap"}
OMSCHRIJVING_GENERIEK = {
    "informatieobjecttypeOmschrijvingGeneriek": "Tekening",
    "definitieInformatieobjecttypeOmschrijvingGeneriek": "Een tekening van een situatie",
    "herkomstInformatieobjecttypeOmschrijvingGeneriek": "VNG",
    "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "Tekening",
    "opmerkingInformatieobjecttypeOmschrijvingGeneriek": None,
}


@pytest.fixture
def own(zgw_client, gemeente_a):
    """Gemeente A's application and the URL of its own catalogus."""
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Eigen")
    client = zgw_client(gemeente_a)
    return client, client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]


def test_a_zaaktype_keeps_its_generic_description_publication_text_and_source(own):
    client, catalogus_url = own
    created = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(
            catalogus_url,
            omschrijvingGeneriek="Vergunning",
            publicatietekst="U mag een boom kappen.",
            verantwoordingsrelatie=["https://wetten.overheid.nl/BWBR0024779"],
            broncatalogus=BRONCATALOGUS,
            bronzaaktype=BRONZAAKTYPE,
        ),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["omschrijvingGeneriek"], body["publicatietekst"]) == ("Vergunning", "U mag een boom kappen.")
    assert body["verantwoordingsrelatie"] == ["https://wetten.overheid.nl/BWBR0024779"]
    assert (body["broncatalogus"], body["bronzaaktype"]) == (BRONCATALOGUS, BRONZAAKTYPE)
    assert (body["beginObject"], body["eindeObject"]) == ("2026-02-01", None)

    patched = client.patch(body["url"], json={"publicatietekst": None, "verantwoordingsrelatie": None})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["publicatietekst"], patched.json()["verantwoordingsrelatie"]) == ("", [])
    assert patched.json()["omschrijvingGeneriek"] == "Vergunning"
    wrong = client.patch(body["url"], json={"bronzaaktype": {"url": "https://ztc.example.nl/zaaktypen/1"}})
    assert wrong.status_code == 400

    # A next version starts as a copy; beginObject stays the first version's.
    model = ZaakType.objects.get(uuid=body["url"].rsplit("/", 1)[-1])
    ZaakType.objects.filter(pk=model.pk).update(
        status="published", published_at=datetime.datetime.now(datetime.UTC)
    )
    following = services.create_next_version(
        zaaktype=model, valid_from=datetime.date(2027, 1, 1), actor=Actor.system("test")
    )
    shown = client.get(f"{ROOT}/zaaktypen/{following.uuid}").json()
    assert (shown["omschrijvingGeneriek"], shown["bronzaaktype"]) == ("Vergunning", BRONZAAKTYPE)
    assert (shown["beginGeldigheid"], shown["beginObject"]) == ("2027-01-01", "2026-02-01")


def test_informatieobjecttypen_and_besluittypen_keep_their_descriptions(own):
    client, catalogus_url = own
    iot = client.post(
        f"{ROOT}/informatieobjecttypen",
        json={
            "catalogus": catalogus_url,
            "omschrijving": "Situatietekening",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Tekening",
            "trefwoord": ["kaart", "boom"],
            "omschrijvingGeneriek": OMSCHRIJVING_GENERIEK,
        },
    )
    assert iot.status_code == 201, iot.text
    assert (iot.json()["trefwoord"], iot.json()["omschrijvingGeneriek"]) == (
        ["kaart", "boom"],
        OMSCHRIJVING_GENERIEK,
    )
    assert (iot.json()["beginObject"], iot.json()["eindeObject"]) == ("2026-01-01", None)
    patched = client.patch(iot.json()["url"], json={"trefwoord": ["kaart"], "omschrijvingGeneriek": None})
    assert (patched.json()["trefwoord"], patched.json()["omschrijvingGeneriek"]) == (["kaart"], None)

    body = {
        "catalogus": catalogus_url,
        "omschrijving": "Kapvergunning verleend",
        "omschrijvingGeneriek": "Vergunning",
        "publicatieIndicatie": True,
        "publicatietekst": "Er is een kapvergunning verleend.",
        "publicatietermijn": "P6W",
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
    }
    bad = client.post(f"{ROOT}/besluittypen", json={**body, "publicatietermijn": "zes weken"})
    assert bad.json()["invalidParams"][0]["name"] == "publicatietermijn"
    assert not BesluitType.objects.exists()
    besluittype = client.post(f"{ROOT}/besluittypen", json=body)
    assert besluittype.status_code == 201, besluittype.text
    # The create answer also has the standard's singular spelling of this list.
    assert besluittype.json()["informatieobjecttypeOmschrijving"] == []
    shown = client.get(besluittype.json()["url"]).json()
    assert (shown["omschrijvingGeneriek"], shown["publicatietermijn"]) == ("Vergunning", "P6W")
    assert shown["publicatietekst"] == "Er is een kapvergunning verleend."
    cleared = client.patch(shown["url"], json={"publicatietermijn": None, "publicatietekst": None})
    assert (cleared.json()["publicatietermijn"], cleared.json()["publicatietekst"]) == (None, "")
