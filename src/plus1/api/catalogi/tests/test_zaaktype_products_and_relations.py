"""A zaaktype as a standard client writes it: any products or services, related zaaktypen, no procestype."""

import pytest

from plus1.catalog.models import Catalogus, Product, ZaakType

from .test_catalogi_api import ROOT, zaaktype_payload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEZWAAR = "https://producten.example.org/diensten/bezwaar-behandelen"


def _catalogus_url(client, gemeente) -> str:
    catalogus = Catalogus.objects.create(tenant=gemeente, domein="EIGEN", naam=f"Catalogus {gemeente}")
    return client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]


def test_a_zaaktype_need_not_be_a_upl_product(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus_url = _catalogus_url(client, gemeente_a)

    made = client.post(
        f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, productenOfDiensten=[BEZWAAR])
    )
    assert made.status_code == 201, made.text
    assert made.json()["productenOfDiensten"] == [BEZWAAR]
    stored = ZaakType.objects.get(uuid=made.json()["url"].rsplit("/", 1)[-1])
    assert stored.product is None  # an internal process: not offered in the portal

    upl = Product.objects.get(upl_name="parkeervergunning").upl_uri
    patched = client.patch(made.json()["url"], json={"productenOfDiensten": [BEZWAAR, upl]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["productenOfDiensten"] == [BEZWAAR, upl]
    stored.refresh_from_db()
    assert stored.product.upl_uri == upl

    emptied = client.put(made.json()["url"], json=zaaktype_payload(catalogus_url, productenOfDiensten=[]))
    assert emptied.status_code == 200, emptied.text
    assert emptied.json()["productenOfDiensten"] == []


def test_a_zaaktype_without_selectielijst_procestype_is_stored(zgw_client, gemeente_a):
    # ztc-001 checks the procestype "indien ingevuld": it is optional.
    client = zgw_client(gemeente_a)
    body = zaaktype_payload(_catalogus_url(client, gemeente_a))
    del body["selectielijstProcestype"]

    made = client.post(f"{ROOT}/zaaktypen", json=body)

    assert made.status_code == 201, made.text
    assert made.json()["selectielijstProcestype"] is None


def test_related_zaaktypen_are_stored_and_expanded(zgw_client, gemeente_a, gemeente_b):
    client = zgw_client(gemeente_a)
    catalogus_url = _catalogus_url(client, gemeente_a)
    first = client.post(
        f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, identificatie="EERSTE")
    ).json()
    elsewhere = "https://ztc.example.org/catalogi/api/v1/zaaktypen/3f5a1c1e-1d7e-4a43-9d1f-1c2b3a4d5e6f"
    relations = [
        {"zaaktype": first["url"], "aardRelatie": "vervolg", "toelichting": "Na de aanvraag"},
        {"zaaktype": elsewhere, "aardRelatie": "bijdrage"},
    ]

    second = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(catalogus_url, identificatie="TWEEDE", gerelateerdeZaaktypen=relations),
    )

    assert second.status_code == 201, second.text
    assert second.json()["gerelateerdeZaaktypen"] == [
        {
            "zaaktype": first["url"],
            "zaaktypeIdentificatie": "EERSTE",
            "aardRelatie": "vervolg",
            "toelichting": "Na de aanvraag",
        },
        {"zaaktype": elsewhere, "zaaktypeIdentificatie": "", "aardRelatie": "bijdrage", "toelichting": ""},
    ]
    expanded = client.get(second.json()["url"], params={"expand": "gerelateerdeZaaktypen"})
    assert expanded.status_code == 200, expanded.text
    assert [z["url"] for z in expanded.json()["_expand"]["gerelateerdeZaaktypen"]] == [first["url"]]

    # Another gemeente's zaaktype is not a relation this client can make (tenancy: never data).
    other = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(
            catalogus_url,
            identificatie="DERDE",
            gerelateerdeZaaktypen=[
                {
                    "zaaktype": first["url"].replace(
                        first["url"].rsplit("/", 1)[-1], "0" * 8 + "-0000-4000-8000-" + "0" * 12
                    ),
                    "aardRelatie": "onderwerp",
                }
            ],
        ),
    )
    assert other.status_code == 400
    assert other.json()["invalidParams"][0]["name"] == "gerelateerdeZaaktypen.0.zaaktype"


def test_an_empty_single_reference_expands_to_the_standards_empty_object(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaaktype = client.post(
        f"{ROOT}/zaaktypen", json=zaaktype_payload(_catalogus_url(client, gemeente_a))
    ).json()
    eigenschap = client.post(
        f"{ROOT}/eigenschappen",
        json={
            "zaaktype": zaaktype["url"],
            "naam": "kenteken",
            "definitie": "Het kenteken",
            "specificatie": {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"},
        },
    ).json()
    assert eigenschap["statustype"] is None

    expanded = client.get(eigenschap["url"], params={"expand": "statustype,zaaktype"})

    assert expanded.status_code == 200, expanded.text
    assert expanded.json()["_expand"]["statustype"] == {}
    assert expanded.json()["_expand"]["zaaktype"]["url"] == zaaktype["url"]
