"""The Catalogi API's business rules (ztc-001 ... ztc-016), tested as an outside client would.

Only over HTTP: the client opens its own catalogus, reads the Selectielijst and Referentielijsten
from Plus1's Referentielijsten API, and builds its types with the Catalogi API. The rules and
their wording are in src/plus1/api/conformance/rules/ztc.yaml.
"""

from __future__ import annotations

import datetime

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.models import InformatieObjectType, ZaakType

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ZTC = "/catalogi/api/v1"
REFERENCE = "/referentielijsten/api/v1"
WRITER = ["catalogi.lezen", "catalogi.schrijven"]


def ok(response, status: int = 201) -> dict:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else {}


def refused(response, name: str | None = None, code: str | None = None) -> None:
    """A 400 whose invalidParams name ``name`` (and ``code``), and nothing written."""
    assert response.status_code == 400, f"{response.request.method} {response.request.url}: {response.text}"
    params = [(p["name"], p["code"]) for p in response.json().get("invalidParams", [])]
    if name is not None:
        assert name in [n for n, _c in params], params
    if code is not None:
        assert code in [c for _n, c in params], params


def writer(zgw_client, gemeente, *scopes: str):
    """An application that builds its catalog; without geforceerd-schrijven unless asked."""
    return zgw_client(gemeente, autorisaties=[AutorisatieSpec(component="ztc", scopes=[*WRITER, *scopes])])


def open_catalogus(client, gemeente, domein: str = "ZTC") -> str:
    body = {"domein": domein, "rsin": gemeente.rsin, "contactpersoonBeheerNaam": "Team Catalogus"}
    return ok(client.post(f"{ZTC}/catalogussen", json=body))["url"]


def procestype(client, nummer: int = 11) -> str:
    found = ok(client.get(f"{REFERENCE}/procestypen", params={"jaar": 2020}), 200)
    return next(p for p in found if p["nummer"] == nummer)["url"]


def klasse(client, procestype_url: str, procestermijn: str) -> dict:
    """A selectielijstklasse of the procestype with this procestermijn."""
    found = ok(client.get(f"{REFERENCE}/resultaten", params={"procesType": procestype_url}), 200)["results"]
    return next(k for k in found if k["procestermijn"] == procestermijn)


def generiek(client) -> dict:
    return ok(client.get(f"{REFERENCE}/resultaattypeomschrijvingen"), 200)[0]


def zaaktype_body(catalogus: str, **overrides) -> dict:
    body = {
        "identificatie": "ZTC-REGELS",
        "omschrijving": "Regels van de Catalogi API",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "De regels toetsen",
        "aanleiding": "Een aanvraag",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": "Toets",
        "handelingBehandelaar": "Behandelen",
        "doorlooptijd": "P8W",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "trefwoorden": [],
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://producten.example.org/toets"],
        "referentieproces": {"naam": "Toets"},
        "verantwoordelijke": "College van B&W",
        "catalogus": catalogus,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
    }
    return body | overrides


def new_zaaktype(client, catalogus: str, **overrides) -> dict:
    return ok(client.post(f"{ZTC}/zaaktypen", json=zaaktype_body(catalogus, **overrides)))


def resultaattype_body(zaaktype: str, selectielijstklasse: str, omschrijving_url: str, **brondatum) -> dict:
    return {
        "zaaktype": zaaktype,
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": omschrijving_url,
        "selectielijstklasse": selectielijstklasse,
        "brondatumArchiefprocedure": brondatum or {"afleidingswijze": "afgehandeld"},
    }


def iot_body(catalogus: str, omschrijving: str = "Bewijsstuk") -> dict:
    return {
        "catalogus": catalogus,
        "omschrijving": omschrijving,
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2026-01-01",
        "informatieobjectcategorie": "Bewijs",
    }


def besluittype_body(catalogus: str, omschrijving: str = "Vergunning", **overrides) -> dict:
    return {
        "catalogus": catalogus,
        "omschrijving": omschrijving,
        "zaaktypen": [],
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
    } | overrides


@pytest.fixture
def setup(zgw_client, gemeente_a):
    """A writer without geforceerd-schrijven, its catalogus and the procestype 11 (2020)."""
    client = writer(zgw_client, gemeente_a)
    catalogus = open_catalogus(client, gemeente_a)
    return client, catalogus, procestype(client)


# --- ztc-001 ------------------------------------------------------------------------------------


def test_ztc_001_selectielijst_procestype_is_a_selectielijst_url_when_given(setup):
    client, catalogus, procestype_url = setup

    refused(
        client.post(
            f"{ZTC}/zaaktypen",
            json=zaaktype_body(catalogus, selectielijstProcestype="https://example.com/procestypen/1"),
        ),
        "selectielijstProcestype",
    )
    given = new_zaaktype(client, catalogus, selectielijstProcestype=procestype_url)
    assert given["selectielijstProcestype"] == procestype_url
    # "indien ingevuld": without one the zaaktype is stored as well.
    without = new_zaaktype(client, catalogus, identificatie="ZONDER")
    assert without["selectielijstProcestype"] is None


# --- ztc-002 ------------------------------------------------------------------------------------


def test_ztc_002_resultaattype_references_and_derived_archive_values(setup):
    client, catalogus, procestype_url = setup
    zaaktype = new_zaaktype(client, catalogus, selectielijstProcestype=procestype_url)["url"]
    nihil = klasse(client, procestype_url, "nihil")
    omschrijving = generiek(client)

    refused(
        client.post(
            f"{ZTC}/resultaattypen",
            json=resultaattype_body(
                zaaktype, nihil["url"], "https://example.com/resultaattypeomschrijvingen/1"
            ),
        ),
        "resultaattypeomschrijving",
    )
    other_procestype = procestype(client, nummer=15)
    elsewhere = klasse(client, other_procestype, "nihil")
    refused(
        client.post(
            f"{ZTC}/resultaattypen", json=resultaattype_body(zaaktype, elsewhere["url"], omschrijving["url"])
        ),
        "selectielijstklasse",
    )

    made = ok(
        client.post(
            f"{ZTC}/resultaattypen", json=resultaattype_body(zaaktype, nihil["url"], omschrijving["url"])
        )
    )

    assert made["omschrijvingGeneriek"] == omschrijving["omschrijving"]
    # Not given: derived from the selectielijstklasse's waardering and bewaartermijn.
    assert (
        made["archiefnominatie"]
        == {"vernietigen": "vernietigen", "blijvend_bewaren": "blijvend_bewaren"}[nihil["waardering"]]
    )
    assert made["archiefactietermijn"] == nihil["bewaartermijn"]


# --- ztc-003 ... ztc-008: brondatumArchiefprocedure -----------------------------------------------


@pytest.fixture
def brondatum(setup):
    """``post(procestermijn, **brondatum)`` -> the answer to a resultaattype with that klasse."""
    client, catalogus, procestype_url = setup
    zaaktype = new_zaaktype(client, catalogus, selectielijstProcestype=procestype_url)["url"]
    omschrijving = generiek(client)["url"]
    klassen = {
        procestermijn: klasse(client, procestype_url, procestermijn)["url"]
        for procestermijn in ("nihil", "bestaansduur_procesobject", "")
    }

    made = iter(range(1, 100))

    def post(klasse_termijn: str, /, **values):
        body = resultaattype_body(zaaktype, klassen[klasse_termijn], omschrijving, **values)
        # A zaaktype's resultaattypen have different omschrijvingen (Plus1 names them apart).
        body["omschrijving"] = f"Resultaat {next(made)}"
        return client.post(f"{ZTC}/resultaattypen", json=body)

    return post


def test_ztc_003_afleidingswijze_follows_the_procestermijn(setup, brondatum):
    client, catalogus, _procestype = setup
    name = "brondatumArchiefprocedure.afleidingswijze"

    refused(brondatum("nihil", afleidingswijze="termijn", procestermijn="P5Y"), name)
    ok(brondatum("nihil", afleidingswijze="afgehandeld"))
    # Without a procestermijn every afleidingswijze is possible.
    ok(brondatum("", afleidingswijze="hoofdzaak"))
    ok(brondatum("", afleidingswijze="termijn", procestermijn="P5Y"))

    # ingeschatte_bestaansduur_procesobject asks for termijn (procestype 15 has that klasse).
    procestype_15 = procestype(client, nummer=15)
    zaaktype = new_zaaktype(client, catalogus, identificatie="ZTC-003", selectielijstProcestype=procestype_15)
    estimated = klasse(client, procestype_15, "ingeschatte_bestaansduur_procesobject")["url"]
    omschrijving = generiek(client)["url"]
    refused(
        client.post(
            f"{ZTC}/resultaattypen",
            json=resultaattype_body(zaaktype["url"], estimated, omschrijving, afleidingswijze="hoofdzaak"),
        ),
        name,
    )
    ok(
        client.post(
            f"{ZTC}/resultaattypen",
            json=resultaattype_body(
                zaaktype["url"], estimated, omschrijving, afleidingswijze="termijn", procestermijn="P10Y"
            ),
        )
    )


def test_ztc_004_datumkenmerk_only_where_a_date_is_read(brondatum):
    name = "brondatumArchiefprocedure.datumkenmerk"
    free = "bestaansduur_procesobject"

    refused(brondatum(free, afleidingswijze="eigenschap"), name)
    refused(brondatum(free, afleidingswijze="zaakobject", objecttype="pand"), name)
    refused(brondatum(free, afleidingswijze="ander_datumkenmerk", objecttype="pand", registratie="BAG"), name)
    refused(brondatum("nihil", afleidingswijze="afgehandeld", datumkenmerk="datum"), name)
    ok(brondatum(free, afleidingswijze="eigenschap", datumkenmerk="datumKap"))


def test_ztc_005_einddatum_bekend_not_for_afgehandeld_or_termijn(brondatum):
    name = "brondatumArchiefprocedure.einddatumBekend"

    refused(brondatum("nihil", afleidingswijze="afgehandeld", einddatumBekend=True), name)
    refused(brondatum("", afleidingswijze="termijn", procestermijn="P5Y", einddatumBekend=True), name)
    ok(
        brondatum(
            "bestaansduur_procesobject", afleidingswijze="eigenschap", datumkenmerk="d", einddatumBekend=True
        )
    )


def test_ztc_006_objecttype_for_zaakobject_and_ander_datumkenmerk_only(brondatum):
    name = "brondatumArchiefprocedure.objecttype"
    free = "bestaansduur_procesobject"

    refused(brondatum(free, afleidingswijze="zaakobject", datumkenmerk="d"), name)
    refused(brondatum(free, afleidingswijze="ander_datumkenmerk", datumkenmerk="d", registratie="BAG"), name)
    refused(brondatum(free, afleidingswijze="eigenschap", datumkenmerk="d", objecttype="pand"), name)
    ok(brondatum(free, afleidingswijze="zaakobject", datumkenmerk="d", objecttype="pand"))


def test_ztc_007_registratie_for_ander_datumkenmerk_only(brondatum):
    name = "brondatumArchiefprocedure.registratie"
    free = "bestaansduur_procesobject"

    refused(brondatum(free, afleidingswijze="ander_datumkenmerk", datumkenmerk="d", objecttype="pand"), name)
    refused(
        brondatum(free, afleidingswijze="zaakobject", datumkenmerk="d", objecttype="pand", registratie="BAG"),
        name,
    )
    ok(
        brondatum(
            free, afleidingswijze="ander_datumkenmerk", datumkenmerk="d", objecttype="pand", registratie="BAG"
        )
    )


def test_ztc_008_procestermijn_for_termijn_only(brondatum):
    name = "brondatumArchiefprocedure.procestermijn"

    refused(brondatum("", afleidingswijze="termijn"), name)
    refused(brondatum("nihil", afleidingswijze="afgehandeld", procestermijn="P5Y"), name)
    ok(brondatum("", afleidingswijze="termijn", procestermijn="P5Y"))


# --- ztc-009 / ztc-010: published types and their parts ------------------------------------------


def test_ztc_009_published_types_do_not_change_but_for_their_end_date(setup, zgw_client, gemeente_a):
    client, catalogus, _procestype = setup
    zaaktype = new_zaaktype(client, catalogus)
    iot = ok(client.post(f"{ZTC}/informatieobjecttypen", json=iot_body(catalogus)))
    besluittype = ok(client.post(f"{ZTC}/besluittypen", json=besluittype_body(catalogus)))
    for obj in (zaaktype, iot, besluittype):
        ok(client.post(f"{obj['url']}/publish"), 200)

    refused(
        client.put(zaaktype["url"], json=zaaktype_body(catalogus, doel="Anders")), code="non-concept-object"
    )
    refused(client.patch(zaaktype["url"], json={"omschrijving": "Anders"}), code="non-concept-object")
    refused(client.patch(iot["url"], json={"omschrijving": "Anders"}), code="non-concept-object")
    refused(
        client.put(besluittype["url"], json=besluittype_body(catalogus, toelichting="X")),
        code="non-concept-object",
    )
    for obj in (zaaktype, iot, besluittype):
        refused(client.delete(obj["url"]))
        assert ok(client.patch(obj["url"], json={"eindeGeldigheid": "2030-12-31"}), 200)[
            "eindeGeldigheid"
        ] == ("2030-12-31")

    # A correction (geforceerd-schrijven) may change a published type.
    corrector = writer(zgw_client, gemeente_a, "catalogi.geforceerd-schrijven")
    corrected = ok(corrector.patch(zaaktype["url"], json={"trefwoorden": ["toets"]}), 200)
    assert corrected["trefwoorden"] == ["toets"]


def test_ztc_010_the_parts_of_a_published_zaaktype_are_fixed(setup, zgw_client, gemeente_a):
    client, catalogus, procestype_url = setup
    zaaktype = new_zaaktype(client, catalogus, selectielijstProcestype=procestype_url)["url"]
    statustype = ok(
        client.post(
            f"{ZTC}/statustypen", json={"zaaktype": zaaktype, "omschrijving": "Ontvangen", "volgnummer": 1}
        )
    )
    roltype = ok(
        client.post(
            f"{ZTC}/roltypen",
            json={"zaaktype": zaaktype, "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
        )
    )
    ok(client.post(f"{zaaktype}/publish"), 200)

    refused(
        client.post(
            f"{ZTC}/statustypen", json={"zaaktype": zaaktype, "omschrijving": "Klaar", "volgnummer": 2}
        ),
        code="non-concept-zaaktype",
    )
    refused(client.patch(statustype["url"], json={"omschrijving": "Binnen"}))
    refused(
        client.put(
            roltype["url"],
            json={"zaaktype": zaaktype, "omschrijving": "Indiener", "omschrijvingGeneriek": "initiator"},
        )
    )
    refused(client.delete(roltype["url"]))
    assert len(ok(client.get(zaaktype), 200)["statustypen"]) == 1

    # A correction may add a statustype at the end, never delete (only catalogi.geforceerd-verwijderen,
    # the OAS's scope for that, removes a part of a published zaaktype).
    corrector = writer(zgw_client, gemeente_a, "catalogi.geforceerd-schrijven")
    ok(
        corrector.post(
            f"{ZTC}/statustypen", json={"zaaktype": zaaktype, "omschrijving": "Klaar", "volgnummer": 2}
        )
    )
    refused(corrector.delete(statustype["url"]))
    assert len(ok(client.get(zaaktype), 200)["statustypen"]) == 2


# --- ztc-011 (a, b, c): the history model ------------------------------------------------------


def test_ztc_011_a_change_is_a_new_version_that_may_use_published_types(setup):
    client, catalogus, _procestype = setup
    iot = ok(client.post(f"{ZTC}/informatieobjecttypen", json=iot_body(catalogus)))
    ok(client.post(f"{iot['url']}/publish"), 200)
    besluittype = ok(
        client.post(
            f"{ZTC}/besluittypen", json=besluittype_body(catalogus, informatieobjecttypen=[iot["url"]])
        )
    )
    ok(client.post(f"{besluittype['url']}/publish"), 200)
    first = new_zaaktype(client, catalogus)
    ok(client.post(f"{first['url']}/publish"), 200)

    # ztc-011a: a new version of the zaaktype (same identificatie) with its own parts.
    second = new_zaaktype(client, catalogus, beginGeldigheid="2027-01-01", besluittypen=[besluittype["url"]])
    assert second["identificatie"] == first["identificatie"] and second["url"] != first["url"]
    assert second["besluittypen"] == [besluittype["url"]]
    # ztc-011c: a zaaktype-informatieobjecttype of a concept zaaktype may name a published iot.
    link = ok(
        client.post(
            f"{ZTC}/zaaktype-informatieobjecttypen",
            json={
                "zaaktype": second["url"],
                "informatieobjecttype": "Bewijsstuk",
                "volgnummer": 1,
                "richting": "inkomend",
            },
        )
    )
    assert link["informatieobjecttype"] == "Bewijsstuk"
    assert ok(client.get(first["url"]), 200)["besluittypen"] == []
    # ztc-011b: the besluittype's relation to the published informatieobjecttype holds.
    assert ok(client.get(besluittype["url"]), 200)["informatieobjecttypen"] == [iot["url"]]
    ok(client.post(f"{second['url']}/publish"), 200)


# --- ztc-012 ------------------------------------------------------------------------------------


def test_ztc_012_a_zaaktype_is_published_after_its_besluittypen_and_informatieobjecttypen(setup):
    client, catalogus, _procestype = setup
    besluittype = ok(client.post(f"{ZTC}/besluittypen", json=besluittype_body(catalogus)))
    iot = ok(client.post(f"{ZTC}/informatieobjecttypen", json=iot_body(catalogus)))
    zaaktype = new_zaaktype(client, catalogus, besluittypen=[besluittype["url"]])
    ok(
        client.post(
            f"{ZTC}/zaaktype-informatieobjecttypen",
            json={
                "zaaktype": zaaktype["url"],
                "informatieobjecttype": "Bewijsstuk",
                "volgnummer": 1,
                "richting": "inkomend",
            },
        )
    )

    refused(client.post(f"{zaaktype['url']}/publish"))
    ok(client.post(f"{besluittype['url']}/publish"), 200)
    refused(client.post(f"{zaaktype['url']}/publish"))
    assert ok(client.get(zaaktype["url"]), 200)["concept"] is True
    ok(client.post(f"{iot['url']}/publish"), 200)

    # Nothing else is asked: no statustypen, resultaattypen or roltypen are needed to publish.
    assert ok(client.post(f"{zaaktype['url']}/publish"), 200)["concept"] is False


# --- ztc-013 ------------------------------------------------------------------------------------


def test_ztc_013_types_do_not_relate_across_catalogi(setup, gemeente_a):
    client, catalogus, procestype_url = setup
    other = open_catalogus(client, gemeente_a, domein="ANDER")
    foreign_besluittype = ok(client.post(f"{ZTC}/besluittypen", json=besluittype_body(other)))
    foreign_iot = ok(client.post(f"{ZTC}/informatieobjecttypen", json=iot_body(other)))

    refused(
        client.post(
            f"{ZTC}/zaaktypen", json=zaaktype_body(catalogus, besluittypen=[foreign_besluittype["url"]])
        ),
        "besluittypen",
    )
    refused(
        client.post(
            f"{ZTC}/besluittypen",
            json=besluittype_body(catalogus, informatieobjecttypen=[foreign_iot["url"]]),
        ),
        "informatieobjecttypen",
    )
    zaaktype = new_zaaktype(client, catalogus, selectielijstProcestype=procestype_url)["url"]
    body = resultaattype_body(
        zaaktype, klasse(client, procestype_url, "nihil")["url"], generiek(client)["url"]
    )
    refused(
        client.post(f"{ZTC}/resultaattypen", json=body | {"besluittypen": [foreign_besluittype["url"]]}),
        "besluittypen",
    )
    # The same besluittype in the zaaktype's own catalogus is fine.
    own = ok(client.post(f"{ZTC}/besluittypen", json=besluittype_body(catalogus)))
    ok(client.post(f"{ZTC}/resultaattypen", json=body | {"besluittypen": [own["url"]]}))


# --- ztc-014 ------------------------------------------------------------------------------------


def test_ztc_014_zaken_and_documenten_readers_read_the_catalog(setup, zgw_client, gemeente_a):
    client, catalogus, _procestype = setup
    zaaktype = new_zaaktype(client, catalogus)
    ok(client.post(f"{zaaktype['url']}/publish"), 200)
    iot = ok(client.post(f"{ZTC}/informatieobjecttypen", json=iot_body(catalogus)))
    ok(client.post(f"{iot['url']}/publish"), 200)
    # Registering an application is set-up, as an administrator does it; the reads are the test.
    model = ZaakType.objects.get(uuid=zaaktype["url"].rsplit("/", 1)[-1])
    zaken_reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=model, max_confidentiality="openbaar"
            )
        ],
    )
    documenten_reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen"],
                informatieobjecttype=InformatieObjectType.objects.get(uuid=iot["url"].rsplit("/", 1)[-1]),
                max_confidentiality="openbaar",
            )
        ],
    )

    for reader in (zaken_reader, documenten_reader):
        assert ok(reader.get(zaaktype["url"]), 200)["url"] == zaaktype["url"]
        assert ok(reader.get(f"{ZTC}/informatieobjecttypen"), 200)["count"] >= 1
        assert (
            reader.post(f"{ZTC}/zaaktypen", json=zaaktype_body(catalogus, identificatie="NIET")).status_code
            == 403
        )


# --- ztc-015 ------------------------------------------------------------------------------------


def test_ztc_015_date_eigenschappen_have_the_lengths_of_their_format(setup):
    client, catalogus, _procestype = setup
    zaaktype = new_zaaktype(client, catalogus)["url"]

    def eigenschap(naam: str, formaat: str, lengte: str):
        return client.post(
            f"{ZTC}/eigenschappen",
            json={
                "zaaktype": zaaktype,
                "naam": naam,
                "definitie": "Een datum",
                "specificatie": {"formaat": formaat, "lengte": lengte, "kardinaliteit": "1"},
            },
        )

    refused(eigenschap("datum", "datum", "10"), "specificatie.lengte")
    refused(eigenschap("moment", "datum_tijd", "8"), "specificatie.lengte")
    assert ok(eigenschap("datum", "datum", "8"))["specificatie"]["lengte"] == "8"
    assert ok(eigenschap("moment", "datum_tijd", "14"))["specificatie"]["lengte"] == "14"


# --- ztc-016 ------------------------------------------------------------------------------------


def test_ztc_016_published_versions_never_overlap(setup):
    client, catalogus, _procestype = setup
    first = new_zaaktype(client, catalogus, beginGeldigheid="2026-01-01")
    ok(client.post(f"{first['url']}/publish"), 200)
    early = new_zaaktype(client, catalogus, beginGeldigheid="2025-06-01")
    # A version that would start before (or with) the published one is not published.
    refused(client.post(f"{early['url']}/publish"))
    ok(client.delete(early["url"]), 204)

    second = new_zaaktype(client, catalogus, beginGeldigheid="2027-01-01")
    ok(client.post(f"{second['url']}/publish"), 200)

    versions = sorted(
        (datetime.date.fromisoformat(z["beginGeldigheid"]), z["eindeGeldigheid"])
        for z in ok(client.get(f"{ZTC}/zaaktypen", params={"identificatie": "ZTC-REGELS"}), 200)["results"]
    )
    assert versions == [(datetime.date(2026, 1, 1), "2026-12-31"), (datetime.date(2027, 1, 1), None)]
    # Moving the end of the first version into the second one would make them overlap.
    refused(client.patch(first["url"], json={"eindeGeldigheid": "2027-06-30"}), "eindeGeldigheid")
