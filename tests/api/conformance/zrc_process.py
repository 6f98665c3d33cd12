"""A process built as a standard client builds one: only through the Catalogi and Referentielijsten APIs.

The Zaken API rules (test_zrc_rules.py) need a published zaaktype with statustypen, a roltype,
resultaattypen for several ways of deriving the archive date, an eigenschap and a document type.
``build_process`` makes them with the calls any ZGW client would make, and answers their URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ZTC = "/catalogi/api/v1"
ZRC = "/zaken/api/v1"
DRC = "/documenten/api/v1"
REFERENCE = "/referentielijsten/api/v1"
# A UPL product URI, as a client that offers the service sends it (zrc-015 checks a zaak against it).
UPL_PRODUCT = "http://standaarden.overheid.nl/owms/terms/parkeervergunning"


@dataclass
class Process:
    """The URLs of one published zaaktype and its parts."""

    catalogus: str
    zaaktype: str
    statustypen: list[str]
    roltype: str
    # By afleidingswijze: afgehandeld, termijn, eigenschap, ander_datumkenmerk, hoofdzaak, gerelateerde_zaak.
    resultaattypen: dict[str, str]
    eigenschap: str
    informatieobjecttype: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def eindstatus(self) -> str:
        return self.statustypen[-1]


def ok(response, status: int = 201) -> dict:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else {}


def open_catalogus(client, rsin: str, domein: str = "PLUS") -> str:
    return ok(
        client.post(
            f"{ZTC}/catalogussen",
            json={"domein": domein, "rsin": rsin, "contactpersoonBeheerNaam": "Team Catalogus"},
        )
    )["url"]


def _klassen(client) -> tuple[str, dict[str, str]]:
    """The Selectielijst procestype 11 (2020) and one of its klassen per procestermijn."""
    procestype = next(
        p for p in ok(client.get(f"{REFERENCE}/procestypen", params={"jaar": 2020}), 200) if p["nummer"] == 11
    )
    klassen: dict[str, str] = {}
    for klasse in ok(client.get(f"{REFERENCE}/resultaten", params={"procesType": procestype["url"]}), 200)[
        "results"
    ]:
        klassen.setdefault(klasse["procestermijn"], klasse["url"])
    return procestype["url"], klassen


def build_process(
    client,
    catalogus: str,
    *,
    identificatie: str = "ZRC-REGELS",
    vertrouwelijkheidaanduiding: str = "zaakvertrouwelijk",
    iot_omschrijving: str = "Bewijsstuk",
    publish: bool = True,
) -> Process:
    """A zaaktype in ``catalogus`` with two statustypen, an initiator roltype, five resultaattypen,
    a date eigenschap and a document type (published first, as ztc-012 asks), then published."""
    procestype, klassen = _klassen(client)
    generiek = ok(client.get(f"{REFERENCE}/resultaattypeomschrijvingen"), 200)[0]["url"]
    zaaktype = ok(
        client.post(
            f"{ZTC}/zaaktypen",
            json={
                "identificatie": identificatie,
                "omschrijving": "Regels van de Zaken API",
                "vertrouwelijkheidaanduiding": vertrouwelijkheidaanduiding,
                "doel": "De regels toetsen",
                "aanleiding": "Een aanvraag",
                "indicatieInternOfExtern": "extern",
                "handelingInitiator": "Aanvragen",
                "onderwerp": "Toets",
                "handelingBehandelaar": "Behandelen",
                "doorlooptijd": "P8W",
                "opschortingEnAanhoudingMogelijk": True,
                "verlengingMogelijk": True,
                "verlengingstermijn": "P4W",
                "trefwoorden": [],
                "publicatieIndicatie": False,
                "productenOfDiensten": [UPL_PRODUCT],
                "selectielijstProcestype": procestype,
                "referentieproces": {"naam": "Toets"},
                "verantwoordelijke": "College van B&W",
                "catalogus": catalogus,
                "besluittypen": [],
                "gerelateerdeZaaktypen": [],
                "beginGeldigheid": "2026-01-01",
                "versiedatum": "2026-01-01",
            },
        )
    )["url"]
    statustypen = [
        ok(
            client.post(
                f"{ZTC}/statustypen",
                json={"zaaktype": zaaktype, "omschrijving": omschrijving, "volgnummer": volgnummer},
            )
        )["url"]
        for volgnummer, omschrijving in ((1, "Ontvangen"), (2, "Afgehandeld"))
    ]
    roltype = ok(
        client.post(
            f"{ZTC}/roltypen",
            json={"zaaktype": zaaktype, "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
        )
    )["url"]
    eigenschap = ok(
        client.post(
            f"{ZTC}/eigenschappen",
            json={
                "zaaktype": zaaktype,
                "naam": "datumKap",
                "definitie": "Wanneer is de boom gekapt?",
                "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"},
            },
        )
    )["url"]
    free = klassen["bestaansduur_procesobject"]
    brondatum = {
        "afgehandeld": (klassen["nihil"], {"afleidingswijze": "afgehandeld"}, {}),
        "termijn": (free, {"afleidingswijze": "termijn", "procestermijn": "P5Y"}, {}),
        "eigenschap": (free, {"afleidingswijze": "eigenschap", "datumkenmerk": "datumKap"}, {}),
        "ander_datumkenmerk": (
            free,
            {
                "afleidingswijze": "ander_datumkenmerk",
                "datumkenmerk": "vervaldatum",
                "objecttype": "overige",
                "registratie": "Register",
            },
            {},
        ),
        "hoofdzaak": (free, {"afleidingswijze": "hoofdzaak"}, {}),
        "gerelateerde_zaak": (free, {"afleidingswijze": "gerelateerde_zaak"}, {}),
    }
    resultaattypen = {}
    for name, (klasse, archiefprocedure, extra) in brondatum.items():
        resultaattypen[name] = ok(
            client.post(
                f"{ZTC}/resultaattypen",
                json={
                    "zaaktype": zaaktype,
                    "omschrijving": f"Klaar {name}",
                    "resultaattypeomschrijving": generiek,
                    "selectielijstklasse": klasse,
                    "archiefnominatie": "vernietigen",
                    "archiefactietermijn": "P10Y",
                    "brondatumArchiefprocedure": archiefprocedure,
                    **extra,
                },
            )
        )["url"]
    iot = ok(
        client.post(
            f"{ZTC}/informatieobjecttypen",
            json={
                "catalogus": catalogus,
                "omschrijving": iot_omschrijving,
                "vertrouwelijkheidaanduiding": "openbaar",
                "beginGeldigheid": "2026-01-01",
                "informatieobjectcategorie": "Bewijs",
            },
        )
    )["url"]
    ok(client.post(f"{iot}/publish"), 200)
    ok(
        client.post(
            f"{ZTC}/zaaktype-informatieobjecttypen",
            json={
                "zaaktype": zaaktype,
                "informatieobjecttype": iot_omschrijving,
                "volgnummer": 1,
                "richting": "inkomend",
            },
        )
    )
    if publish:
        ok(client.post(f"{zaaktype}/publish"), 200)
    return Process(
        catalogus=catalogus,
        zaaktype=zaaktype,
        statustypen=statustypen,
        roltype=roltype,
        resultaattypen=resultaattypen,
        eigenschap=eigenschap,
        informatieobjecttype=iot,
    )
