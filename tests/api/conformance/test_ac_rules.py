"""The Autorisaties API's business rules (ac-001 .. ac-003), as an outside client meets them.

Each test calls only the public API over HTTP. The types an autorisatie names are arranged in the
shared catalog beforehand and found through the Catalogi API, as a client would find them.
"""

from __future__ import annotations

import datetime

import pytest

from plus1.catalog.models import BesluitType, InformatieObjectType
from plus1.catalog.tests.factories import ZaakTypeFactory

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AC = "/autorisaties/api/v1"
ZTC = "/catalogi/api/v1"


@pytest.fixture
def types(zgw_client, gemeente_a) -> dict[str, str]:
    """URLs of a published zaaktype, informatieobjecttype and besluittype, read from the Catalogi API."""
    zaaktype = ZaakTypeFactory(published=True)
    InformatieObjectType.objects.create(
        tenant=zaaktype.tenant,
        catalogus=zaaktype.process.catalogus,
        omschrijving="Aanvraagformulier",
        category="Aanvraag",
        confidentiality="openbaar",
        status="published",
        valid_from=datetime.date(2026, 1, 1),
    )
    BesluitType.objects.create(
        tenant=zaaktype.tenant,
        catalogus=zaaktype.process.catalogus,
        omschrijving="Vergunning",
        category="Vergunning",
        status="published",
        valid_from=datetime.date(2026, 1, 1),
    )
    reader = zgw_client(gemeente_a)

    def first(collection: str) -> str:
        response = reader.get(f"{ZTC}/{collection}", params={"status": "alles"})
        assert response.status_code == 200, response.text
        assert response.json()["results"], f"no {collection} in the catalog"
        return response.json()["results"][0]["url"]

    return {
        "zaaktype": first("zaaktypen"),
        "informatieobjecttype": first("informatieobjecttypen"),
        "besluittype": first("besluittypen"),
    }


def applicatie(client_ids: list[str], **fields) -> dict:
    return {"clientIds": client_ids, "label": f"Applicatie {client_ids[0]}", **fields}


def invalid_names(response) -> set[str]:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    return {param["name"] for param in response.json()["invalidParams"]}


# --- ac-001 Uniciteit van client_ids ----------------------------------------------------------


def test_ac_001_an_applicatie_may_have_several_client_ids(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    response = admin.post(
        f"{AC}/applicaties",
        json=applicatie(["zaaksysteem-zrc", "zaaksysteem-drc"], heeftAlleAutorisaties=True),
    )

    assert response.status_code == 201, response.text
    assert sorted(response.json()["clientIds"]) == ["zaaksysteem-drc", "zaaksysteem-zrc"]
    for client_id in ("zaaksysteem-zrc", "zaaksysteem-drc"):
        consumer = admin.get(f"{AC}/applicaties/consumer", params={"clientId": client_id})
        assert consumer.json()["url"] == response.json()["url"]


def test_ac_001_a_client_id_of_another_applicatie_is_refused(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)
    first = admin.post(f"{AC}/applicaties", json=applicatie(["formulieren"], heeftAlleAutorisaties=True))
    assert first.status_code == 201, first.text

    again = admin.post(f"{AC}/applicaties", json=applicatie(["formulieren"], heeftAlleAutorisaties=True))

    assert invalid_names(again) == {"clientIds"}
    assert again.json()["invalidParams"][0]["code"] == "clientId-exists"
    listed = admin.get(f"{AC}/applicaties", params={"clientIds": "formulieren"}).json()
    assert listed["count"] == 1


def test_ac_001_a_client_id_of_another_gemeentes_applicatie_is_refused_too(
    zgw_client, gemeente_a, gemeente_b
):
    """A client id identifies one applicatie in the whole installation: a token names no gemeente."""
    admin_b = zgw_client(gemeente_b)
    admin_a = zgw_client(gemeente_a)

    response = admin_a.post(
        f"{AC}/applicaties", json=applicatie([admin_b.client_id], heeftAlleAutorisaties=True)
    )

    assert invalid_names(response) == {"clientIds"}
    # Whose it is stays unsaid: gemeente A learns nothing about gemeente B's applicaties.
    assert "Testapplicatie" not in response.text


def test_ac_001_an_update_may_not_take_another_applicaties_client_id(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)
    other = admin.post(f"{AC}/applicaties", json=applicatie(["app-een"], heeftAlleAutorisaties=True)).json()
    mine = admin.post(f"{AC}/applicaties", json=applicatie(["app-twee"], heeftAlleAutorisaties=True)).json()

    taken = admin.patch(mine["url"], json={"clientIds": ["app-twee", "app-een"]})
    kept = admin.put(mine["url"], json=applicatie(["app-twee"], heeftAlleAutorisaties=True))

    assert invalid_names(taken) == {"clientIds"}
    assert kept.status_code == 200, kept.text
    assert admin.get(other["url"]).json()["clientIds"] == ["app-een"]


# --- ac-002 Autorisatiesspecificatie ----------------------------------------------------------


def test_ac_002_all_autorisaties_and_a_list_together_are_refused(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    response = admin.post(
        f"{AC}/applicaties",
        json=applicatie(
            ["beide"],
            heeftAlleAutorisaties=True,
            autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}],
        ),
    )

    assert invalid_names(response) == {"nonFieldErrors"}
    assert response.json()["invalidParams"][0]["code"] == "ambiguous-authorizations-specified"


def test_ac_002_neither_all_autorisaties_nor_a_list_is_refused(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    response = admin.post(f"{AC}/applicaties", json=applicatie(["geen"], heeftAlleAutorisaties=False))

    assert invalid_names(response) == {"nonFieldErrors"}
    assert response.json()["invalidParams"][0]["code"] == "missing-authorizations"


def test_ac_002_either_way_is_accepted(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    everything = admin.post(f"{AC}/applicaties", json=applicatie(["alles"], heeftAlleAutorisaties=True))
    listed = admin.post(
        f"{AC}/applicaties",
        json=applicatie(
            ["lijst"],
            heeftAlleAutorisaties=False,
            autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}],
        ),
    )

    assert everything.status_code == 201, everything.text
    assert everything.json()["autorisaties"] == []
    assert listed.status_code == 201, listed.text
    assert listed.json()["heeftAlleAutorisaties"] is False
    assert [a["scopes"] for a in listed.json()["autorisaties"]] == [["catalogi.lezen"]]


def test_ac_002_a_patch_that_leaves_neither_is_refused(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)
    created = admin.post(
        f"{AC}/applicaties",
        json=applicatie(["patch"], autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}]),
    ).json()

    emptied = admin.patch(created["url"], json={"autorisaties": []})

    assert invalid_names(emptied) == {"nonFieldErrors"}
    assert admin.get(created["url"]).json()["autorisaties"] == created["autorisaties"]


# --- ac-003 Verplichte velden voor Autorisaties -----------------------------------------------


@pytest.mark.parametrize(
    ("component", "scope", "required"),
    [
        ("zrc", "zaken.lezen", {"zaaktype", "maxVertrouwelijkheidaanduiding"}),
        ("drc", "documenten.lezen", {"informatieobjecttype", "maxVertrouwelijkheidaanduiding"}),
        ("brc", "besluiten.lezen", {"besluittype"}),
    ],
)
def test_ac_003_scopes_about_the_main_resource_need_the_type_and_confidentiality(
    zgw_client, gemeente_a, component, scope, required
):
    admin = zgw_client(gemeente_a)

    response = admin.post(
        f"{AC}/applicaties",
        json=applicatie([f"zonder-{component}"], autorisaties=[{"component": component, "scopes": [scope]}]),
    )

    assert invalid_names(response) == {f"autorisaties.0.{field}" for field in required}


def test_ac_003_with_the_required_fields_each_typed_autorisatie_is_accepted(zgw_client, gemeente_a, types):
    admin = zgw_client(gemeente_a)
    autorisaties = [
        {
            "component": "zrc",
            "scopes": ["zaken.lezen", "zaken.aanmaken"],
            "zaaktype": types["zaaktype"],
            "maxVertrouwelijkheidaanduiding": "vertrouwelijk",
        },
        {
            "component": "drc",
            "scopes": ["documenten.lezen"],
            "informatieobjecttype": types["informatieobjecttype"],
            "maxVertrouwelijkheidaanduiding": "openbaar",
        },
        {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": types["besluittype"]},
    ]

    response = admin.post(f"{AC}/applicaties", json=applicatie(["getypeerd"], autorisaties=autorisaties))

    assert response.status_code == 201, response.text
    answered = response.json()["autorisaties"]
    assert [(a["component"], a["scopes"]) for a in answered] == [
        (a["component"], a["scopes"]) for a in autorisaties
    ]
    assert answered[0]["zaaktype"] == types["zaaktype"]
    assert answered[0]["maxVertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert answered[1]["informatieobjecttype"] == types["informatieobjecttype"]
    assert answered[2]["besluittype"] == types["besluittype"]


def test_ac_003_other_scopes_and_components_need_no_type(zgw_client, gemeente_a):
    """Only scopes about zaken, documenten or besluiten ask for a type (as the reference implementation)."""
    admin = zgw_client(gemeente_a)
    autorisaties = [
        {"component": "zrc", "scopes": ["audittrails.lezen", "notificaties.publiceren"]},
        {"component": "drc", "scopes": ["audittrails.lezen"]},
        {"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]},
        {"component": "nrc", "scopes": ["notificaties.consumeren"]},
        {"component": "ac", "scopes": ["autorisaties.lezen"]},
    ]

    response = admin.post(f"{AC}/applicaties", json=applicatie(["zonder-type"], autorisaties=autorisaties))

    assert response.status_code == 201, response.text
    assert [a["component"] for a in response.json()["autorisaties"]] == ["zrc", "drc", "ztc", "nrc", "ac"]
