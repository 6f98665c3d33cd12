"""``POST`` and ``DELETE /zaken/{zaak_uuid}/besluiten`` over real HTTP: the Besluiten API's calls
to register a besluit at its zaak (brc-006). Plus1 keeps the relation on the besluit itself, so
they confirm what the besluit says and refuse what it contradicts, as Open Zaak does."""

from __future__ import annotations

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.services import close_zaak
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock
from plus1.notifications.models import Notification

from .conftest import ROOT, absolute, catalog_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BRC = "/besluiten/api/v1/besluiten"


def _zaak_url(api, zaak) -> str:
    return absolute(api, f"{ROOT}/zaken/{zaak.uuid}")


def _besluit(api, zaaktype, zaak_url: str | None, *, organisatie: str = "100000009") -> dict:
    today = clock.today().isoformat()
    body = {
        "verantwoordelijkeOrganisatie": organisatie,
        "besluittype": catalog_url(api, "besluittypen", zaaktype.besluittypen.get()),
        "datum": today,
        "ingangsdatum": today,
    }
    if zaak_url:
        body["zaak"] = zaak_url
    response = api.post(BRC, json=body)
    assert response.status_code == 201, response.text
    # A zaakbesluit shares the uuid of its besluit; the Besluiten API shows only the URL.
    return {**response.json(), "uuid": response.json()["url"].rsplit("/", 1)[1]}


def _writer(zgw_client, gemeente, zaaktype, *zrc_scopes: str, brc: bool = True):
    autorisaties = [
        AutorisatieSpec(
            component="zrc",
            scopes=list(zrc_scopes or ["zaken.lezen", "zaken.bijwerken"]),
            zaaktype=zaaktype,
            max_confidentiality="zeer_geheim",
        )
    ]
    if brc:
        autorisaties.append(
            AutorisatieSpec(
                component="brc", scopes=["besluiten.lezen"], besluittype=zaaktype.besluittypen.get()
            )
        )
    return zgw_client(gemeente, all_autorisaties=False, autorisaties=autorisaties)


def test_registering_a_besluit_at_its_zaak_confirms_what_the_besluit_already_told(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption)
    admin = zgw_client(gemeente_a)
    zaak_url = _zaak_url(admin, zaak)
    besluit = _besluit(admin, zaaktype, zaak_url)
    api = _writer(zgw_client, gemeente_a, zaaktype)

    response = api.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]})

    assert response.status_code == 201, response.text
    body = response.json()
    assert body == {
        "url": f"{zaak_url}/besluiten/{besluit['uuid']}",
        "uuid": besluit["uuid"],
        "besluit": besluit["url"],
    }
    assert response.headers["Location"] == body["url"]
    assert api.get(body["url"]).json() == body
    # The besluit told its zaak when it was made; confirming that adds no second notification.
    notification = Notification.objects.filter(tenant=gemeente_a, resource="zaakbesluit").get()
    assert (notification.kanaal, notification.actie) == ("zaken", "create")
    assert (notification.hoofd_object, notification.resource_url) == (zaak_url, body["url"])
    assert notification.kenmerken["bronorganisatie"] == zaak.bronorganisatie
    trail = admin.get(f"{zaak_url}/audittrail").json()
    row = next(row for row in trail if row["resource"] == "zaakbesluit")
    assert (row["actie"], row["resourceUrl"], row["hoofdObject"]) == ("create", body["url"], zaak_url)
    assert row["wijzigingen"]["nieuw"] == {"besluit": besluit["url"]}
    assert admin.get(f"{zaak_url}/audittrail/{row['uuid']}").json()["resource"] == "zaakbesluit"
    besluit_trail = admin.get(f"{besluit['url']}/audittrail").json()
    assert [row["actie"] for row in besluit_trail] == ["create"], (
        "the registration is the zaak's, not a new besluit"
    )


def test_a_besluit_that_does_not_point_at_the_zaak_cannot_be_registered_there(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak, other = new_zaak(adoption), new_zaak(adoption)
    api = zgw_client(gemeente_a)
    loose = _besluit(api, zaaktype, None)
    elsewhere = _besluit(api, zaaktype, _zaak_url(api, other))

    for besluit in (loose, elsewhere):
        response = api.post(f"{_zaak_url(api, zaak)}/besluiten", json={"besluit": besluit["url"]})
        assert response.status_code == 400, response.text
        [problem] = response.json()["invalidParams"]
        assert (problem["name"], problem["code"]) == ("besluit", "inconsistent-relation")
    assert api.get(f"{_zaak_url(api, zaak)}/besluiten").json() == []
    assert not Notification.objects.filter(resource="zaakbesluit", hoofd_object=_zaak_url(api, zaak)).exists()


def test_a_besluit_url_that_is_no_readable_besluit_is_invalid(zgw_client, gemeente_a, adoption, zaaktype):
    zaak = new_zaak(adoption)
    admin = zgw_client(gemeente_a)
    zaak_url = _zaak_url(admin, zaak)
    besluit = _besluit(admin, zaaktype, zaak_url)
    # Without besluiten.lezen for its besluittype the client cannot know the besluit.
    blind = _writer(zgw_client, gemeente_a, zaaktype, brc=False)

    for api, value in (
        (blind, besluit["url"]),
        (admin, absolute(admin, f"{BRC}/00000000-0000-4000-8000-000000000000")),
        (admin, "https://elders.example.nl/besluiten/api/v1/besluiten/1"),
    ):
        response = api.post(f"{zaak_url}/besluiten", json={"besluit": value})
        assert response.status_code == 400, response.text
        assert response.json()["invalidParams"][0]["name"] == "besluit"
        assert response.json()["invalidParams"][0]["code"] == "bad-url"
    assert admin.post(f"{zaak_url}/besluiten", json={}).status_code == 400


def test_registering_and_removing_need_zaken_bijwerken_for_the_zaaktype(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption)
    admin = zgw_client(gemeente_a)
    zaak_url = _zaak_url(admin, zaak)
    besluit = _besluit(admin, zaaktype, zaak_url)
    reader = _writer(zgw_client, gemeente_a, zaaktype, "zaken.lezen")

    assert reader.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]}).status_code == 403
    assert reader.delete(f"{zaak_url}/besluiten/{besluit['uuid']}").status_code == 403
    elsewhere = _writer(zgw_client, gemeente_a, handling_zaaktype())
    assert elsewhere.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]}).status_code == 403
    assert admin.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]}).status_code == 201


def test_a_closed_zaak_registers_a_besluit_only_with_geforceerd_bijwerken(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption)
    admin = zgw_client(gemeente_a)
    zaak_url = _zaak_url(admin, zaak)
    besluit = _besluit(admin, zaaktype, zaak_url)
    close_zaak(zaak=zaak, resultaattype=zaaktype.resultaattypen.get(), actor=SYSTEM, expected_version=None)
    worker = _writer(zgw_client, gemeente_a, zaaktype)
    forced = _writer(
        zgw_client, gemeente_a, zaaktype, "zaken.lezen", "zaken.bijwerken", "zaken.geforceerd-bijwerken"
    )

    refused = worker.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]})
    assert refused.status_code == 403
    assert "geforceerd-bijwerken" in refused.json()["detail"]
    assert forced.post(f"{zaak_url}/besluiten", json={"besluit": besluit["url"]}).status_code == 201


def test_a_zaakbesluit_is_removed_only_once_the_besluit_left_the_zaak(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak, other = new_zaak(adoption), new_zaak(adoption)
    api = zgw_client(gemeente_a)
    zaak_url = _zaak_url(api, zaak)
    besluit = _besluit(api, zaaktype, zaak_url)
    zaakbesluit_url = f"{zaak_url}/besluiten/{besluit['uuid']}"

    still = api.delete(zaakbesluit_url)
    assert still.status_code == 400
    assert still.json()["invalidParams"][0]["code"] == "inconsistent-relation"
    assert api.get(zaakbesluit_url).status_code == 200

    # The zaak of a besluit does not change (brc-006): the besluit leaves the zaak when the
    # Besluiten API deletes it, and takes the zaakbesluit with it.
    assert api.patch(besluit["url"], json={"zaak": _zaak_url(api, other)}).status_code == 400
    assert api.delete(besluit["url"]).status_code == 204
    assert api.get(zaakbesluit_url).status_code == 404
    assert api.get(f"{zaak_url}/besluiten").json() == []
    assert api.delete(f"{zaak_url}/besluiten/00000000-0000-4000-8000-000000000000").status_code == 404


def test_a_besluit_of_another_gemeente_is_not_found(zgw_client, gemeente_a, gemeente_b, adoption, zaaktype):
    zaak = new_zaak(adoption)
    zaak_b = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    besluit_b = _besluit(api_b, zaaktype, _zaak_url(api_b, zaak_b), organisatie=gemeente_b.rsin)
    zaak_url = _zaak_url(api_a, zaak)

    response = api_a.post(f"{zaak_url}/besluiten", json={"besluit": besluit_b["url"]})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "bad-url"
    assert api_a.delete(f"{zaak_url}/besluiten/{besluit_b['uuid']}").status_code == 404
    # Nor can gemeente A reach gemeente B's zaak.
    assert (
        api_a.post(f"{_zaak_url(api_a, zaak_b)}/besluiten", json={"besluit": besluit_b["url"]}).status_code
        == 404
    )
    assert api_a.delete(f"{_zaak_url(api_a, zaak_b)}/besluiten/{besluit_b['uuid']}").status_code == 404
