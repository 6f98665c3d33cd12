"""What a hostile or careless client sends the Zaken API: another gemeente's RSIN as the
registering organisation, dates beyond any sense. Each is a 400 with a ZGW error body, never a
500, and nothing is written."""

from __future__ import annotations

import pytest

from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team
from plus1.tenants.models import Mandate

from .conftest import ROOT, new_zaak_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _refused(response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_a_gemeente_cannot_register_a_zaak_in_another_gemeentes_name(
    zgw_client, gemeente_a, gemeente_b, zaaktype
):
    adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype)
    client_b = zgw_client(gemeente_b)

    # Gemeente A's RSIN (100000009) from gemeente B's application.
    stolen = new_zaak_body(client_b, zaaktype, bronorganisatie="100000009")
    assert _refused(client_b.post(f"{ROOT}/zaken", json=stolen)) == {
        ("bronorganisatie", "invalid-organisation")
    }
    assert not Zaak.objects.exists()

    # Its own RSIN, with another organisation responsible for handling it, as the standard allows.
    own = new_zaak_body(
        client_b, zaaktype, bronorganisatie="100000010", verantwoordelijkeOrganisatie="100000009"
    )
    created = client_b.post(f"{ROOT}/zaken", json=own)
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    # zrc-002: the bronorganisatie never changes afterwards, in PUT and PATCH alike.
    assert _refused(client_b.patch(url, json={"bronorganisatie": "100000009"})) == {
        ("bronorganisatie", "wijzigen-niet-toegelaten")
    }
    put = {**own, "bronorganisatie": "100000009", "identificatie": created.json()["identificatie"]}
    assert _refused(client_b.put(url, json=put)) == {("bronorganisatie", "wijzigen-niet-toegelaten")}

    # A samenwerkingsverband registers for the gemeenten it holds a mandate for.
    Mandate.objects.create(organisation=gemeente_b, rsin="100000022", name="Werkorganisatie")
    member = new_zaak_body(client_b, zaaktype, bronorganisatie="100000022")
    assert client_b.post(f"{ROOT}/zaken", json=member).status_code == 201
    assert sorted(Zaak.objects.values_list("bronorganisatie", flat=True)) == ["100000010", "100000022"]


def test_dates_beyond_any_sense_are_refused_instead_of_overflowing(
    zgw_client, gemeente_a, adoption, zaaktype
):
    client = zgw_client(gemeente_a)

    # Before: 9999-12-31 plus the zaaktype's term overflowed into a 500.
    far = new_zaak_body(client, zaaktype, startdatum="9999-12-31")
    assert _refused(client.post(f"{ROOT}/zaken", json=far)) == {("startdatum", "invalid")}
    for name in ("einddatumGepland", "uiterlijkeEinddatumAfdoening", "publicatiedatum", "registratiedatum"):
        body = new_zaak_body(client, zaaktype, **{name: "9999-12-31"})
        assert _refused(client.post(f"{ROOT}/zaken", json=body)) == {(name, "invalid")}
    ancient = new_zaak_body(client, zaaktype, startdatum="0001-01-01")
    assert _refused(client.post(f"{ROOT}/zaken", json=ancient)) == {("startdatum", "invalid")}
    # An offset that would carry the moment past the year 9999 in UTC.
    paid = new_zaak_body(client, zaaktype, laatsteBetaaldatum="9999-12-31T23:00:00-05:00")
    assert _refused(client.post(f"{ROOT}/zaken", json=paid)) == {("laatsteBetaaldatum", "invalid")}
    assert not Zaak.objects.exists()

    created = client.post(f"{ROOT}/zaken", json=new_zaak_body(client, zaaktype))
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    assert _refused(client.patch(url, json={"uiterlijkeEinddatumAfdoening": "9999-12-31"})) == {
        ("uiterlijkeEinddatumAfdoening", "invalid")
    }
    # An archive date may lie further ahead than a planned date.
    assert client.patch(url, json={"archiefactiedatum": "2176-01-01"}).status_code == 200
