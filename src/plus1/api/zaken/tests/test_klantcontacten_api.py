"""Klantcontacten over real HTTP: contacts with the resident about a zaak (deprecated, still served)."""

from __future__ import annotations

import pytest

from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.models import Notification

from .conftest import ROOT, create_zaak, reader_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _contact(client, zaak, **extra):
    body = {"zaak": zaak["url"], "datumtijd": "2026-11-03T09:30:00Z", **extra}
    response = client.post(f"{ROOT}/klantcontacten", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_klantcontact_is_recorded_read_and_listed_per_page(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    response = api.post(
        f"{ROOT}/klantcontacten",
        json={
            "zaak": zaak["url"],
            "datumtijd": "2026-11-03T09:30:00Z",
            "kanaal": "telefoon",
            "onderwerp": "Vraag over de vergunning",
            "toelichting": "Inwoner belde over de termijn.",
        },
    )
    assert response.status_code == 201, response.text
    contact = response.json()
    assert response.headers["Location"] == contact["url"]
    assert contact["zaak"] == zaak["url"]
    assert contact["datumtijd"] == "2026-11-03T09:30:00Z"
    assert (contact["kanaal"], contact["onderwerp"]) == ("telefoon", "Vraag over de vergunning")
    # Without an identificatie, Plus1 gives the next readable one of the year.
    assert contact["identificatie"] == "KC-2026-000001"
    assert _contact(api, zaak)["identificatie"] == "KC-2026-000002"

    read = api.get(contact["url"])
    assert read.status_code == 200 and read.json() == contact
    assert api.get(contact["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304

    other = create_zaak(api, zaaktype)
    _contact(api, other, identificatie="EIGEN-1")
    page = api.get(f"{ROOT}/klantcontacten").json()
    assert page["count"] == 3 and page["next"] is None and page["previous"] is None
    filtered = api.get(f"{ROOT}/klantcontacten", params={"zaak": other["url"]}).json()
    assert [row["identificatie"] for row in filtered["results"]] == ["EIGEN-1"]
    assert api.get(f"{ROOT}/klantcontacten", params={"page": 2}).status_code == 404

    # The standard has no change or delete for a klantcontact.
    assert api.delete(contact["url"]).status_code == 405
    notifications = Notification.objects.filter(kanaal="zaken", resource="klantcontact", actie="create")
    assert notifications.filter(resource_url=contact["url"], hoofd_object=zaak["url"]).count() == 1
    trail = [(row["resource"], row["actie"]) for row in api.get(f"{zaak['url']}/audittrail").json()]
    assert ("klantcontact", "create") in trail


def test_a_klantcontact_is_validated(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    missing = api.post(f"{ROOT}/klantcontacten", json={"zaak": zaak["url"]})
    assert missing.status_code == 400
    assert missing.json()["invalidParams"] == [
        {"name": "datumtijd", "code": "required", "reason": "Dit veld is verplicht."}
    ]
    too_long = api.post(
        f"{ROOT}/klantcontacten",
        json={"zaak": zaak["url"], "datumtijd": "2026-11-03T09:30:00Z", "kanaal": "x" * 21},
    )
    assert too_long.json()["invalidParams"][0]["name"] == "kanaal"
    not_a_url = api.post(
        f"{ROOT}/klantcontacten", json={"zaak": "zaak-1", "datumtijd": "2026-11-03T09:30:00Z"}
    )
    assert not_a_url.json()["invalidParams"][0] == {
        "name": "zaak",
        "code": "invalid",
        "reason": "Dit is geen geldige URL.",
    }
    _contact(api, zaak, identificatie="KC-EIGEN")
    twice = api.post(
        f"{ROOT}/klantcontacten",
        json={"zaak": zaak["url"], "datumtijd": "2026-11-03T09:30:00Z", "identificatie": "KC-EIGEN"},
    )
    assert twice.status_code == 400
    assert twice.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"
    assert api.get(f"{ROOT}/klantcontacten", params={"onbekend": "1"}).status_code == 400


def test_an_application_sees_only_the_klantcontacten_of_zaaktypen_it_is_authorised_for(
    zgw_client, gemeente_a, adoption, zaaktype
):
    admin = zgw_client(gemeente_a)
    visible = _contact(admin, create_zaak(admin, zaaktype))
    hidden = _contact(admin, create_zaak(admin, ZaakTypeFactory(published=True)))

    reader = reader_of(zgw_client, gemeente_a, zaaktype)
    page = reader.get(f"{ROOT}/klantcontacten").json()
    assert page["count"] == 1 and [row["url"] for row in page["results"]] == [visible["url"]]
    assert reader.get(visible["url"]).status_code == 200
    assert reader.get(hidden["url"]).status_code == 403
    body = {"zaak": visible["zaak"], "datumtijd": "2026-11-03T09:30:00Z"}
    assert reader.post(f"{ROOT}/klantcontacten", json=body).status_code == 403
    # zaken.geforceerd-bijwerken is enough to record one, as the standard says.
    forced = reader_of(zgw_client, gemeente_a, zaaktype, "zaken.geforceerd-bijwerken")
    assert forced.post(f"{ROOT}/klantcontacten", json=body).status_code == 201


def test_another_gemeente_never_sees_a_klantcontact(zgw_client, gemeente_a, gemeente_b, adoption, zaaktype):
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    zaak = create_zaak(api_a, zaaktype)
    contact = _contact(api_a, zaak)

    assert api_b.get(f"{ROOT}/klantcontacten").json()["count"] == 0
    assert api_b.get(contact["url"]).status_code == 404
    stolen = api_b.post(
        f"{ROOT}/klantcontacten", json={"zaak": zaak["url"], "datumtijd": "2026-11-03T09:30:00Z"}
    )
    assert stolen.status_code == 400 and stolen.json()["invalidParams"][0]["name"] == "zaak"
