"""Zaakcontactmomenten over real HTTP: a zaak linked to a contactmoment of the Klantinteracties API."""

from __future__ import annotations

import pytest

from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.models import Notification

from .conftest import ROOT, create_zaak, reader_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CONTACTMOMENT = (
    "https://klantinteracties.example.nl/api/v1/contactmomenten/6d3e7ec6-6a49-4a84-a2e8-1a1c3c7d1f10"
)


def _link(client, zaak, contactmoment=CONTACTMOMENT):
    response = client.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": contactmoment}
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_a_contactmoment_is_linked_read_listed_and_unlinked(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    response = api.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": CONTACTMOMENT}
    )
    assert response.status_code == 201, response.text
    link = response.json()
    assert response.headers["Location"] == link["url"]
    assert link["url"].endswith(f"{ROOT}/zaakcontactmomenten/{link['uuid']}")
    # The URL to the other API is kept exactly as sent; Plus1 does not fetch it.
    assert link["zaak"] == zaak["url"] and link["contactmoment"] == CONTACTMOMENT

    read = api.get(link["url"])
    assert read.status_code == 200 and read.json() == link
    assert api.get(link["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304

    other = create_zaak(api, zaaktype)
    _link(api, other, CONTACTMOMENT.replace("6d3e", "0000"))
    # A plain list (not paginated), filtered by zaak and by contactmoment.
    everything = api.get(f"{ROOT}/zaakcontactmomenten").json()
    assert len(everything) == 2
    assert [
        row["url"] for row in api.get(f"{ROOT}/zaakcontactmomenten", params={"zaak": zaak["url"]}).json()
    ] == [link["url"]]
    by_moment = api.get(f"{ROOT}/zaakcontactmomenten", params={"contactmoment": CONTACTMOMENT}).json()
    assert [row["url"] for row in by_moment] == [link["url"]]
    assert api.get(f"{ROOT}/zaakcontactmomenten", params={"zaak": "https://elders.nl/zaken/1"}).json() == []

    assert api.delete(link["url"]).status_code == 204
    assert api.get(link["url"]).status_code == 404
    notifications = Notification.objects.filter(
        kanaal="zaken", resource="zaakcontactmoment", resource_url=link["url"]
    )
    assert sorted(n.actie for n in notifications) == ["create", "destroy"]
    assert all(n.hoofd_object == zaak["url"] for n in notifications)
    assert notifications[0].kenmerken["zaaktype"] == zaak["zaaktype"]
    trail = [(row["resource"], row["actie"]) for row in api.get(f"{zaak['url']}/audittrail").json()]
    assert ("zaakcontactmoment", "create") in trail and ("zaakcontactmoment", "destroy") in trail


def test_a_contactmoment_link_is_validated(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = create_zaak(api, zaaktype)

    not_a_url = api.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": "geen url"}
    )
    assert not_a_url.status_code == 400
    assert not_a_url.headers["Content-Type"] == "application/problem+json"
    assert not_a_url.json()["invalidParams"] == [
        {"name": "contactmoment", "code": "invalid", "reason": "Dit is geen geldige URL."}
    ]
    missing = api.post(f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"]})
    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0]["name"] == "contactmoment"
    unknown_zaak = api.post(
        f"{ROOT}/zaakcontactmomenten",
        json={"zaak": "https://elders.nl/zaken/1", "contactmoment": CONTACTMOMENT},
    )
    assert unknown_zaak.status_code == 400
    assert unknown_zaak.json()["invalidParams"][0]["name"] == "zaak"
    _link(api, zaak)
    twice = api.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": CONTACTMOMENT}
    )
    assert twice.status_code == 400
    assert twice.json()["invalidParams"][0]["code"] == "unique"
    assert api.get(f"{ROOT}/zaakcontactmomenten", params={"contactmoment": "geen url"}).status_code == 400
    assert api.get(f"{ROOT}/zaakcontactmomenten", params={"onbekend": "1"}).status_code == 400


def test_an_application_sees_and_changes_only_the_zaaktypen_it_is_authorised_for(
    zgw_client, gemeente_a, adoption, zaaktype
):
    admin = zgw_client(gemeente_a)
    visible = _link(admin, create_zaak(admin, zaaktype))
    hidden = _link(admin, create_zaak(admin, ZaakTypeFactory(published=True)))
    secret = _link(admin, create_zaak(admin, zaaktype, vertrouwelijkheidaanduiding="geheim"))

    reader = reader_of(zgw_client, gemeente_a, zaaktype, max_confidentiality="zaakvertrouwelijk")
    assert [row["url"] for row in reader.get(f"{ROOT}/zaakcontactmomenten").json()] == [visible["url"]]
    assert reader.get(visible["url"]).status_code == 200
    assert reader.get(hidden["url"]).status_code == 403
    assert reader.get(secret["url"]).status_code == 403
    # Reading is not writing: zaken.bijwerken is needed to link or unlink.
    zaak = admin.get(visible["zaak"]).json()
    denied = reader.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": CONTACTMOMENT}
    )
    assert denied.status_code == 403
    assert reader.delete(visible["url"]).status_code == 403

    writer = reader_of(zgw_client, gemeente_a, zaaktype, "zaken.lezen", "zaken.bijwerken")
    assert writer.delete(hidden["url"]).status_code == 403
    assert writer.delete(visible["url"]).status_code == 204


def test_another_gemeente_never_sees_or_removes_a_contactmoment_link(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    zaak = create_zaak(api_a, zaaktype)
    link = _link(api_a, zaak)

    assert api_b.get(f"{ROOT}/zaakcontactmomenten").json() == []
    assert api_b.get(f"{ROOT}/zaakcontactmomenten", params={"zaak": zaak["url"]}).json() == []
    assert api_b.get(link["url"]).status_code == 404
    assert api_b.delete(link["url"]).status_code == 404
    stolen = api_b.post(
        f"{ROOT}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": CONTACTMOMENT + "x"}
    )
    assert stolen.status_code == 400 and stolen.json()["invalidParams"][0]["name"] == "zaak"
    assert api_a.get(link["url"]).status_code == 200
