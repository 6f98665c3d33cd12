"""Zaaknotities over real HTTP (new in Zaken 1.7.0): notes about a zaak, with their filters."""

from __future__ import annotations

import pytest
import time_machine

from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.models import Notification

from .conftest import ROOT, create_zaak, reader_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _notitie(client, zaak, **extra):
    body = {"gerelateerdAan": zaak["url"], "onderwerp": "Telefoon", "tekst": "Inwoner belde.", **extra}
    response = client.post(f"{ROOT}/zaaknotities", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_notitie_is_written_read_changed_and_deleted(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    with time_machine.travel("2026-11-03T09:00:00Z", tick=False):
        response = api.post(
            f"{ROOT}/zaaknotities",
            json={"gerelateerdAan": zaak["url"], "onderwerp": "Telefoon", "tekst": "Inwoner belde."},
        )
    assert response.status_code == 201, response.text
    notitie = response.json()
    assert response.headers["Location"] == notitie["url"]
    assert notitie["gerelateerdAan"] == zaak["url"]
    # Without a type or status a notitie is intern and a concept: nothing reaches the initiator.
    assert (notitie["notitieType"], notitie["status"]) == ("intern", "concept")
    assert notitie["aanmaakdatum"] == notitie["wijzigingsdatum"] == "2026-11-03T09:00:00Z"
    assert notitie["aangemaaktDoor"] == ""

    read = api.get(notitie["url"])
    assert read.status_code == 200 and read.json() == notitie
    assert api.get(notitie["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304

    with time_machine.travel("2026-11-04T10:00:00Z", tick=False):
        patched = api.patch(notitie["url"], json={"status": "definitief", "notitieType": "extern"})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["status"], patched.json()["notitieType"]) == ("definitief", "extern")
    assert patched.json()["onderwerp"] == "Telefoon"
    assert patched.json()["aanmaakdatum"] == "2026-11-03T09:00:00Z"
    assert patched.json()["wijzigingsdatum"] == "2026-11-04T10:00:00Z"

    put = api.put(
        notitie["url"],
        json={
            "gerelateerdAan": zaak["url"],
            "onderwerp": "Balie",
            "tekst": "Kwam langs.",
            "aangemaaktDoor": "J. de Vries",
        },
    )
    assert put.status_code == 200, put.text
    assert (put.json()["onderwerp"], put.json()["aangemaaktDoor"]) == ("Balie", "J. de Vries")

    # A notitie stays with its zaak.
    other = create_zaak(api, zaaktype)
    moved = api.patch(notitie["url"], json={"gerelateerdAan": other["url"]})
    assert moved.status_code == 400
    assert moved.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"

    assert api.delete(notitie["url"]).status_code == 204
    assert api.get(notitie["url"]).status_code == 404
    acties = sorted(
        Notification.objects.filter(
            kanaal="zaken", resource="zaaknotitie", resource_url=notitie["url"]
        ).values_list("actie", flat=True)
    )
    assert acties == ["create", "destroy", "partial_update", "update"]
    trail = [(row["resource"], row["actie"]) for row in api.get(f"{zaak['url']}/audittrail").json()]
    assert ("zaaknotitie", "create") in trail and ("zaaknotitie", "destroy") in trail


def test_notities_are_filtered_and_paged_as_the_standard_lists(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak, other = create_zaak(api, zaaktype), create_zaak(api, zaaktype)
    with time_machine.travel("2026-11-01T09:00:00Z", tick=False):
        first = _notitie(api, zaak, onderwerp="Telefoon", aangemaaktDoor="Jan Jansen", notitieType="extern")
    with time_machine.travel("2026-11-02T09:00:00Z", tick=False):
        second = _notitie(api, zaak, onderwerp="Balie", tekst="Bezwaar aangekondigd", status="definitief")
    with time_machine.travel("2026-11-03T09:00:00Z", tick=False):
        third = _notitie(api, other, onderwerp="Brief")

    def urls(**params):
        response = api.get(f"{ROOT}/zaaknotities", params=params)
        assert response.status_code == 200, response.text
        return [row["url"] for row in response.json()["results"]]

    assert urls() == [first["url"], second["url"], third["url"]]
    assert urls(gerelateerdAan=other["url"]) == [third["url"]]
    assert urls(notitieType="extern") == [first["url"]]
    assert urls(status="definitief") == [second["url"]]
    assert urls(onderwerp="Balie") == [second["url"]]
    assert urls(onderwerp__icontains="tele") == [first["url"]]
    assert urls(tekst__icontains="bezwaar") == [second["url"]]
    assert urls(aangemaaktDoor="Jan Jansen") == [first["url"]]
    assert urls(aangemaaktDoor__icontains="jansen") == [first["url"]]
    assert urls(aanmaakdatum__gte="2026-11-02T09:00:00Z") == [second["url"], third["url"]]
    assert urls(aanmaakdatum__lt="2026-11-02T09:00:00Z") == [first["url"]]
    assert urls(aanmaakdatum="2026-11-03T09:00:00Z") == [third["url"]]
    assert urls(wijzigingsdatum__gt="2026-11-02T09:00:00Z", wijzigingsdatum__lte="2026-11-03T09:00:00Z") == [
        third["url"]
    ]

    page = api.get(f"{ROOT}/zaaknotities", params={"pageSize": 2}).json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"].endswith("page=2")
    last = api.get(page["next"]).json()
    assert [row["url"] for row in last["results"]] == [third["url"]] and last["previous"]

    assert api.get(f"{ROOT}/zaaknotities", params={"notitieType": "geheim"}).status_code == 400
    assert api.get(f"{ROOT}/zaaknotities", params={"aanmaakdatum__gt": "gisteren"}).status_code == 400
    assert api.get(f"{ROOT}/zaaknotities", params={"pageSize": 0}).status_code == 400
    assert api.get(f"{ROOT}/zaaknotities", params={"onbekend": "1"}).status_code == 400


def test_a_notitie_is_validated(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    empty = api.post(
        f"{ROOT}/zaaknotities", json={"gerelateerdAan": zaak["url"], "onderwerp": "", "tekst": "x"}
    )
    assert empty.status_code == 400
    assert empty.json()["invalidParams"][0]["name"] == "onderwerp"
    missing = api.post(f"{ROOT}/zaaknotities", json={"onderwerp": "x", "tekst": "x"})
    assert missing.json()["invalidParams"][0]["name"] == "gerelateerdAan"
    unknown = api.post(
        f"{ROOT}/zaaknotities",
        json={"gerelateerdAan": "https://elders.nl/zaken/1", "onderwerp": "x", "tekst": "x"},
    )
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0] == {
        "name": "gerelateerdAan",
        "code": "bad-url",
        "reason": "Deze zaak bestaat niet (of hoort bij een andere gemeente).",
    }
    wrong_type = api.post(
        f"{ROOT}/zaaknotities",
        json={"gerelateerdAan": zaak["url"], "onderwerp": "x", "tekst": "x", "notitieType": "geheim"},
    )
    assert wrong_type.json()["invalidParams"][0]["code"] == "invalid_choice"


def test_an_application_sees_and_writes_only_notities_of_zaaktypen_it_is_authorised_for(
    zgw_client, gemeente_a, adoption, zaaktype
):
    admin = zgw_client(gemeente_a)
    visible = _notitie(admin, create_zaak(admin, zaaktype))
    hidden = _notitie(admin, create_zaak(admin, ZaakTypeFactory(published=True)))

    reader = reader_of(zgw_client, gemeente_a, zaaktype)
    page = reader.get(f"{ROOT}/zaaknotities").json()
    assert page["count"] == 1 and [row["url"] for row in page["results"]] == [visible["url"]]
    assert reader.get(hidden["url"]).status_code == 403
    assert reader.patch(visible["url"], json={"status": "definitief"}).status_code == 403
    assert reader.delete(visible["url"]).status_code == 403
    body = {"gerelateerdAan": visible["gerelateerdAan"], "onderwerp": "x", "tekst": "x"}
    assert reader.post(f"{ROOT}/zaaknotities", json=body).status_code == 403

    writer = reader_of(zgw_client, gemeente_a, zaaktype, "zaken.lezen", "zaken.bijwerken")
    assert writer.patch(hidden["url"], json={"status": "definitief"}).status_code == 403
    assert writer.patch(visible["url"], json={"status": "definitief"}).status_code == 200


def test_another_gemeente_never_sees_or_changes_a_notitie(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    zaak = create_zaak(api_a, zaaktype)
    notitie = _notitie(api_a, zaak)

    assert api_b.get(f"{ROOT}/zaaknotities").json()["count"] == 0
    assert api_b.get(f"{ROOT}/zaaknotities", params={"gerelateerdAan": zaak["url"]}).json()["count"] == 0
    assert api_b.get(notitie["url"]).status_code == 404
    assert api_b.patch(notitie["url"], json={"tekst": "weg"}).status_code == 404
    assert api_b.delete(notitie["url"]).status_code == 404
    stolen = api_b.post(
        f"{ROOT}/zaaknotities", json={"gerelateerdAan": zaak["url"], "onderwerp": "x", "tekst": "x"}
    )
    assert stolen.status_code == 400 and stolen.json()["invalidParams"][0]["name"] == "gerelateerdAan"
    assert api_a.get(notitie["url"]).json()["tekst"] == "Inwoner belde."
