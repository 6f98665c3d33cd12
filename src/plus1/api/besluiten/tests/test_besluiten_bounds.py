"""A besluit in another gemeente's name, or with dates beyond any sense: a 400, nothing written."""

from __future__ import annotations

import pytest

from plus1.cases.models import Besluit

from .test_besluiten_api import ROOT, body_for, zaak_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _refused(response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_a_gemeente_cannot_take_a_besluit_in_another_gemeentes_name(zgw_client, gemeente_a, gemeente_b):
    besluittype = zaak_of(gemeente_b).zaaktype.besluittypen.get()
    client_b = zgw_client(gemeente_b)

    # The verantwoordelijke organisatie of a besluit is the one that took and registers it.
    stolen = body_for(client_b, besluittype, verantwoordelijkeOrganisatie="100000009")
    assert _refused(client_b.post(f"{ROOT}/besluiten", json=stolen)) == {
        ("verantwoordelijkeOrganisatie", "invalid-organisation")
    }
    assert not Besluit.objects.exists()
    own = body_for(client_b, besluittype, verantwoordelijkeOrganisatie="100000010")
    assert client_b.post(f"{ROOT}/besluiten", json=own).status_code == 201


def test_dates_of_a_besluit_beyond_any_sense_are_refused(zgw_client, gemeente_a):
    besluittype = zaak_of(gemeente_a).zaaktype.besluittypen.get()
    client = zgw_client(gemeente_a)

    for name in ("ingangsdatum", "vervaldatum", "publicatiedatum", "verzenddatum", "uiterlijkeReactiedatum"):
        body = body_for(client, besluittype, **{name: "9999-12-31"})
        assert _refused(client.post(f"{ROOT}/besluiten", json=body)) == {(name, "invalid")}
    assert _refused(
        client.post(f"{ROOT}/besluiten", json=body_for(client, besluittype, datum="0001-01-01"))
    ) == {("datum", "invalid")}
    assert not Besluit.objects.exists()
