"""The Zaken API's rules of our own (docs/zgw-deviations.md) never stop a standard client's normal request.

Each rule Plus1 keeps beyond the standard is listed in docs/zgw-deviations.md with its reason.
Here, per rule: the request any standard client sends in the normal case is accepted, and the
one case the rule is for is refused with a clear ZGW error.
"""

from __future__ import annotations

import pytest

from plus1.catalog.models import Eigenschap

from .conftest import ROOT, create_zaak, new_zaak_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_identificatie_is_unique_within_the_gemeente_and_another_gemeente_may_use_it(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    create_zaak(api_a, zaaktype, identificatie="EXT-2026-1")
    create_zaak(api_a, zaaktype, identificatie="EXT-2026-2")
    # Gemeente B's own zaak with the same number: another gemeente, no clash.
    in_b = api_b.post(
        f"{ROOT}/zaken",
        json=new_zaak_body(
            api_b,
            zaaktype,
            identificatie="EXT-2026-1",
            bronorganisatie=gemeente_b.rsin,
            verantwoordelijkeOrganisatie=gemeente_b.rsin,
        ),
    )
    assert in_b.status_code == 201, in_b.text
    twice = api_a.post(f"{ROOT}/zaken", json=new_zaak_body(api_a, zaaktype, identificatie="EXT-2026-1"))
    assert twice.status_code == 400
    assert twice.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"


def test_a_client_sends_back_the_zaak_it_read_and_the_fixed_attributes_stay(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype, identificatie="VAST-1")
    read = api.get(zaak["url"]).json()
    # PUT with what it read (read-only attributes included): identificatie, bronorganisatie and
    # zaaktype the same, so accepted.
    put = api.put(zaak["url"], json={**read, "omschrijving": "Gewijzigd"})
    assert put.status_code == 200, put.text
    assert put.json()["omschrijving"] == "Gewijzigd"
    renamed = api.patch(zaak["url"], json={"identificatie": "ANDERS-1"})
    assert renamed.status_code == 400
    assert renamed.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"


def test_one_value_per_eigenschap_is_set_and_changed(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)
    eigenschap = Eigenschap.objects.get(zaaktype=zaaktype, name="kenteken")
    eigenschap_url = f"{api.base_url}/catalogi/api/v1/eigenschappen/{eigenschap.uuid}"
    body = {"zaak": zaak["url"], "eigenschap": eigenschap_url, "waarde": "AB-123-C"}
    created = api.post(f"{zaak['url']}/zaakeigenschappen", json=body)
    assert created.status_code == 201, created.text
    changed = api.patch(created.json()["url"], json={"waarde": "XY-987-Z"})
    assert changed.status_code == 200, changed.text
    second = api.post(f"{zaak['url']}/zaakeigenschappen", json={**body, "waarde": "ZZ-000-Z"})
    assert second.status_code == 400
    assert second.json()["invalidParams"][0]["code"] == "unique"


def test_a_part_sent_back_with_its_own_zaak_is_accepted(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak, other = create_zaak(api, zaaktype), create_zaak(api, zaaktype)
    zaakobject = api.post(
        f"{ROOT}/zaakobjecten",
        json={"zaak": zaak["url"], "objectType": "adres", "object": "https://bag.example.com/adres/1"},
    ).json()
    put = api.put(zaakobject["url"], json={**zaakobject, "relatieomschrijving": "Locatie"})
    assert put.status_code == 200, put.text
    moved = api.patch(zaakobject["url"], json={"zaak": other["url"]})
    assert moved.status_code == 400
    assert moved.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"


def test_a_zaak_without_besluiten_is_deleted(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)
    assert api.delete(zaak["url"]).status_code == 204


def test_numbers_are_reserved_for_the_gemeentes_own_rsin_only(zgw_client, gemeente_a, gemeente_b, adoption):
    api = zgw_client(gemeente_a)
    own = api.post(f"{ROOT}/zaaknummer_reserveren", json={"bronorganisatie": gemeente_a.rsin})
    assert own.status_code == 201, own.text
    other = api.post(f"{ROOT}/zaaknummer_reserveren", json={"bronorganisatie": gemeente_b.rsin})
    assert other.status_code == 400
    assert other.json()["invalidParams"][0]["code"] == "invalid-organisation"


def test_a_zaak_relates_to_several_contactmomenten_and_verzoeken_each_once(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)
    for number in (1, 2):
        moment = f"https://klant.example.com/contactmomenten/{number}"
        created = api.post(f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": moment})
        assert created.status_code == 201, created.text
    again = api.post(
        f"{ROOT}/zaakcontactmomenten",
        json={"zaak": zaak["url"], "contactmoment": "https://klant.example.com/contactmomenten/1"},
    )
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["code"] == "unique"
