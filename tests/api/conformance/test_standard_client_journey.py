"""A standard ZGW client's whole journey, only over HTTP, as one written for any server makes it.

It opens a catalogus for its gemeente, makes a zaaktype that is no UPL product (an internal
process: bezwaar handling), publishes it before it has any parts, completes it in a new concept
version (ztc-010 fixes the parts of a published version), publishes that, and then runs a zaak
on it in the Zaken API: statuses, a resultaat, closed. The gemeente never "adopts" anything:
that is Plus1's portal and back-office notion, not the standard's.
"""

from __future__ import annotations

import datetime

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ZTC = "/catalogi/api/v1"
ZRC = "/zaken/api/v1"
REFERENCE = "/referentielijsten/api/v1"
BEZWAAR = "https://producten.example.org/diensten/bezwaar-behandelen"


def ok(response, status: int = 201) -> dict:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else {}


def _zaaktype_body(catalogus: str, begin: str) -> dict:
    """Every attribute the standard requires, with a product URL of the client's own choosing."""
    return {
        "identificatie": "BEZWAAR",
        "omschrijving": "Bezwaar behandelen",
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
        "doel": "Een bezwaar zorgvuldig beoordelen",
        "aanleiding": "Een bezwaarschrift",
        "indicatieInternOfExtern": "intern",
        "handelingInitiator": "Indienen",
        "onderwerp": "Bezwaar",
        "handelingBehandelaar": "Beoordelen",
        "doorlooptijd": "P12W",
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": False,
        "trefwoorden": ["bezwaar"],
        "publicatieIndicatie": False,
        "productenOfDiensten": [BEZWAAR],
        "referentieproces": {"naam": "Bezwaar"},
        "verantwoordelijke": "College van B&W",
        "catalogus": catalogus,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": begin,
        "versiedatum": begin,
    }


def test_a_standard_client_builds_an_internal_zaaktype_and_runs_a_zaak_on_it(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus = ok(
        client.post(
            f"{ZTC}/catalogussen",
            json={"domein": "BZW", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "Team Juridisch"},
        )
    )["url"]

    # Version 1: no UPL product, no selectielijstProcestype, no parts; published at once.
    first = ok(client.post(f"{ZTC}/zaaktypen", json=_zaaktype_body(catalogus, "2026-01-01")))
    assert first["productenOfDiensten"] == [BEZWAAR]
    assert first["selectielijstProcestype"] is None
    published = ok(client.post(f"{first['url']}/publish"), 200)
    assert published["concept"] is False
    # ztc-010: the parts of a published version are fixed (but for a correction, with
    # geforceerd-schrijven), so this client completes the zaaktype in a new concept version.
    begin = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    procestype = next(
        p for p in ok(client.get(f"{REFERENCE}/procestypen", params={"jaar": 2020}), 200) if p["nummer"] == 11
    )["url"]
    second = ok(
        client.post(
            f"{ZTC}/zaaktypen",
            json={**_zaaktype_body(catalogus, begin), "selectielijstProcestype": procestype},
        )
    )
    assert second["concept"] is True and second["identificatie"] == "BEZWAAR"
    statustypen = [
        ok(
            client.post(
                f"{ZTC}/statustypen",
                json={"zaaktype": second["url"], "omschrijving": omschrijving, "volgnummer": volgnummer},
            )
        )["url"]
        for volgnummer, omschrijving in ((1, "Ontvangen"), (2, "In behandeling"), (3, "Afgehandeld"))
    ]
    roltype = ok(
        client.post(
            f"{ZTC}/roltypen",
            json={"zaaktype": second["url"], "omschrijving": "Indiener", "omschrijvingGeneriek": "initiator"},
        )
    )["url"]
    klasse = next(
        k
        for k in ok(client.get(f"{REFERENCE}/resultaten", params={"procesType": procestype}), 200)["results"]
        if k["procestermijn"] == "nihil"
    )["url"]
    resultaattype = ok(
        client.post(
            f"{ZTC}/resultaattypen",
            json={
                "zaaktype": second["url"],
                "omschrijving": "Ongegrond",
                "resultaattypeomschrijving": ok(client.get(f"{REFERENCE}/resultaattypeomschrijvingen"), 200)[
                    0
                ]["url"],
                "selectielijstklasse": klasse,
                "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
            },
        )
    )["url"]
    ok(client.post(f"{second['url']}/publish"), 200)
    # ztc-016: the previous version ends the day before the new one starts.
    assert ok(client.get(first["url"]), 200)["eindeGeldigheid"] is not None

    # The Zaken API: a zaak on the zaaktype the gemeente made, without any adoption.
    zaak = ok(
        client.post(
            f"{ZRC}/zaken",
            json={
                "bronorganisatie": gemeente_a.rsin,
                "verantwoordelijkeOrganisatie": gemeente_a.rsin,
                "zaaktype": second["url"],
                "startdatum": datetime.date.today().isoformat(),
                "productenOfDiensten": [BEZWAAR],
            },
        )
    )
    assert zaak["productenOfDiensten"] == [BEZWAAR]
    ok(
        client.post(
            f"{ZRC}/rollen",
            json={
                "zaak": zaak["url"],
                "roltype": roltype,
                "betrokkeneType": "natuurlijk_persoon",
                "roltoelichting": "Indiener van het bezwaar",
                "betrokkeneIdentificatie": {"geslachtsnaam": "Jansen"},
            },
        )
    )
    now = datetime.datetime.now(datetime.UTC)
    for offset, statustype in enumerate(statustypen[:2]):
        ok(
            client.post(
                f"{ZRC}/statussen",
                json={
                    "zaak": zaak["url"],
                    "statustype": statustype,
                    "datumStatusGezet": (now - datetime.timedelta(minutes=10 - offset)).isoformat(),
                },
            )
        )
    ok(client.post(f"{ZRC}/resultaten", json={"zaak": zaak["url"], "resultaattype": resultaattype}))
    ok(
        client.post(
            f"{ZRC}/statussen",
            json={"zaak": zaak["url"], "statustype": statustypen[-1], "datumStatusGezet": now.isoformat()},
        )
    )

    closed = ok(client.get(zaak["url"]), 200)
    assert closed["einddatum"] == now.date().isoformat()
    assert closed["archiefnominatie"] in {"blijvend_bewaren", "vernietigen"}


def test_a_zaak_names_a_product_of_its_zaaktype_that_is_no_upl_product(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus = ok(
        client.post(
            f"{ZTC}/catalogussen",
            json={"domein": "BZW", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "Team Juridisch"},
        )
    )["url"]
    zaaktype = ok(client.post(f"{ZTC}/zaaktypen", json=_zaaktype_body(catalogus, "2026-01-01")))["url"]
    ok(client.post(f"{zaaktype}/publish"), 200)

    zaak = client.post(
        f"{ZRC}/zaken",
        json={
            "bronorganisatie": gemeente_a.rsin,
            "verantwoordelijkeOrganisatie": gemeente_a.rsin,
            "zaaktype": zaaktype,
            "startdatum": datetime.date.today().isoformat(),
            "productenOfDiensten": [BEZWAAR],
        },
    )

    assert ok(zaak)["productenOfDiensten"] == [BEZWAAR]
