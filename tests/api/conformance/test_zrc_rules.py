"""The Zaken API's business rules (zrc-001 .. zrc-029), each tested as an outside client would.

The process is built through the Catalogi API (``zrc_process``), the zaken and their parts
through the Zaken API, documents through the Documenten API: only HTTP, only the public APIs.
Rule texts: src/plus1/api/conformance/rules/zrc.yaml.
"""

from __future__ import annotations

import base64
import datetime

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.connectors.klantinteracties import KlantinteractiesSimulator

from .zrc_process import DRC, REFERENCE, UPL_PRODUCT, ZRC, ZTC, Process, build_process, ok, open_catalogus

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RSIN = "100000009"  # gemeente A's


@pytest.fixture
def api(zgw_client, gemeente_a):
    """An application of gemeente A with heeftAlleAutorisaties, as a test suite's client has."""
    return zgw_client(gemeente_a)


@pytest.fixture
def process(api) -> Process:
    return build_process(api, open_catalogus(api, RSIN))


def new_zaak(api, process: Process, **extra) -> dict:
    body = {
        "zaaktype": process.zaaktype,
        "bronorganisatie": RSIN,
        "verantwoordelijkeOrganisatie": RSIN,
        "startdatum": "2026-11-02",
        **extra,
    }
    return ok(api.post(f"{ZRC}/zaken", json=body))


def refused(response, name: str | None = None, code: str | None = None, status: int = 400) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    if name is not None:
        names = [param["name"] for param in body["invalidParams"]]
        assert any(found == name or found.startswith(f"{name}.") for found in names), names
    if code is not None:
        assert code in [param["code"] for param in body["invalidParams"]], body
    return body


def document(api, process: Process, **extra) -> dict:
    body = {
        "bronorganisatie": RSIN,
        "creatiedatum": "2026-11-02",
        "titel": "Bewijs",
        "auteur": "Inwoner",
        "taal": "dut",
        "bestandsnaam": "bewijs.txt",
        "formaat": "text/plain",
        "inhoud": base64.b64encode(b"bewijs").decode(),
        "informatieobjecttype": process.informatieobjecttype,
        "indicatieGebruiksrecht": False,
        **extra,
    }
    return ok(api.post(f"{DRC}/enkelvoudiginformatieobjecten", json=body))


def set_status(api, zaak: dict, statustype: str, when: str = "2026-11-20T10:00:00Z"):
    return api.post(
        f"{ZRC}/statussen", json={"zaak": zaak["url"], "statustype": statustype, "datumStatusGezet": when}
    )


def close(api, process: Process, zaak: dict, afleidingswijze: str = "afgehandeld", when: str = "2026-11-20"):
    ok(
        api.post(
            f"{ZRC}/resultaten",
            json={"zaak": zaak["url"], "resultaattype": process.resultaattypen[afleidingswijze]},
        )
    )
    ok(set_status(api, zaak, process.eindstatus, f"{when}T10:00:00Z"))
    return ok(api.get(zaak["url"]), 200)


def other_process(api, process: Process) -> Process:
    return build_process(api, process.catalogus, identificatie="ZRC-ANDER", iot_omschrijving="Ander stuk")


# --- zrc-001 .. zrc-002: the zaaktype and the identificatie --------------------------------------


def test_zrc_001_a_zaak_takes_only_a_published_zaaktype_that_exists(api, process):
    concept = build_process(
        api, process.catalogus, identificatie="ZRC-CONCEPT", iot_omschrijving="C", publish=False
    )
    refused(api.post(f"{ZRC}/zaken", json=_body(process, zaaktype=concept.zaaktype)), "zaaktype")
    refused(
        api.post(f"{ZRC}/zaken", json=_body(process, zaaktype=f"{api.base_url}{ZTC}/zaaktypen/0")), "zaaktype"
    )
    refused(
        api.post(f"{ZRC}/zaken", json=_body(process, zaaktype="https://elders.example.com/zaaktypen/1")),
        "zaaktype",
    )
    # A published zaaktype of the gemeente's own catalogus: no other step is needed first.
    zaak = new_zaak(api, process)
    assert zaak["zaaktype"] == process.zaaktype


def _body(process: Process, **extra) -> dict:
    return {
        "zaaktype": process.zaaktype,
        "bronorganisatie": RSIN,
        "verantwoordelijkeOrganisatie": RSIN,
        "startdatum": "2026-11-02",
        **extra,
    }


def test_zrc_002_identificatie_is_unique_per_bronorganisatie_and_generated_when_absent(api, process):
    given = new_zaak(api, process, identificatie="EXTERN-1")
    assert given["identificatie"] == "EXTERN-1"
    refused(api.post(f"{ZRC}/zaken", json=_body(process, identificatie="EXTERN-1")), "identificatie")
    generated = [new_zaak(api, process)["identificatie"] for _ in range(2)]
    assert all(generated) and len(set(generated)) == 2
    assert "EXTERN-1" not in generated
    # An update may not give it the identificatie of another zaak either.
    other = new_zaak(api, process)
    assert api.patch(other["url"], json={"identificatie": "EXTERN-1"}).status_code == 400


# --- zrc-003 .. zrc-005: documents --------------------------------------------------------------


def test_zrc_003_a_zaakinformatieobject_needs_an_informatieobject_that_exists(api, process):
    zaak = new_zaak(api, process)
    missing = f"{api.base_url}{DRC}/enkelvoudiginformatieobjecten/00000000-0000-4000-8000-000000000000"
    for url in (missing, "https://elders.example.com/documenten/1"):
        refused(
            api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": url}),
            "informatieobject",
        )
    doc = document(api, process)
    ok(api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": doc["url"]}))


def test_zrc_004_the_relation_is_hoort_bij_registered_by_the_system_and_fixed(api, process):
    zaak, other = new_zaak(api, process), new_zaak(api, process)
    doc, doc2 = document(api, process), document(api, process)
    zio = ok(
        api.post(
            f"{ZRC}/zaakinformatieobjecten",
            json={"zaak": zaak["url"], "informatieobject": doc["url"], "titel": "Bewijs"},
        )
    )
    assert zio["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"
    # What the client read may go back whole: the attributes it cannot write are ignored.
    assert ok(api.put(zio["url"], json=zio), 200)["registratiedatum"] == zio["registratiedatum"]
    registered = datetime.datetime.fromisoformat(zio["registratiedatum"].replace("Z", "+00:00"))
    assert abs(registered - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=5)
    refused(api.patch(zio["url"], json={"zaak": other["url"]}), "zaak")
    refused(api.patch(zio["url"], json={"informatieobject": doc2["url"]}), "informatieobject")
    # The same values are not a change: a client may send the whole object back.
    changed = ok(
        api.put(
            zio["url"],
            json={"zaak": zaak["url"], "informatieobject": doc["url"], "titel": "Nieuw bewijs"},
        ),
        200,
    )
    assert changed["titel"] == "Nieuw bewijs"


def test_zrc_005_the_relation_is_mirrored_in_the_documenten_api(api, process):
    zaak = new_zaak(api, process)
    doc = document(api, process)
    zio = ok(
        api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": doc["url"]})
    )
    mirrored = ok(api.get(f"{DRC}/objectinformatieobjecten", params={"informatieobject": doc["url"]}), 200)
    assert [(o["object"], o["objectType"]) for o in mirrored] == [(zaak["url"], "zaak")]
    ok(api.delete(zio["url"]), 204)
    assert ok(api.get(f"{DRC}/objectinformatieobjecten", params={"informatieobject": doc["url"]}), 200) == []


# --- zrc-006: autorisaties ---------------------------------------------------------------------


def test_zrc_006_a_client_sees_and_changes_only_the_zaken_its_autorisaties_name(
    api, process, zgw_client, gemeente_a
):
    other = other_process(api, process)
    open_zaak = new_zaak(api, process, vertrouwelijkheidaanduiding="openbaar")
    secret = new_zaak(api, process, vertrouwelijkheidaanduiding="geheim")
    elsewhere = new_zaak(api, other, vertrouwelijkheidaanduiding="openbaar")
    zaaktype_uuid = process.zaaktype.rsplit("/", 1)[-1]
    from plus1.catalog.models import ZaakType  # arrange only: an autorisatie names a zaaktype

    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen"],
                zaaktype=ZaakType.objects.get(uuid=zaaktype_uuid),
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )
    listed = ok(reader.get(f"{ZRC}/zaken"), 200)
    assert [z["url"] for z in listed["results"]] == [open_zaak["url"]]
    assert listed["count"] == 1
    assert reader.get(open_zaak["url"]).status_code == 200
    assert reader.get(secret["url"]).status_code == 403
    assert reader.get(elsewhere["url"]).status_code == 403
    assert reader.patch(open_zaak["url"], json={"toelichting": "Mag niet"}).status_code == 403
    assert ok(api.get(f"{ZRC}/zaken"), 200)["count"] == 3  # heeftAlleAutorisaties: everything


# --- zrc-007 .. zrc-009: closing, reopening, confidentiality ----------------------------------


def test_zrc_007_a_zaak_closes_with_its_eindstatus_after_a_resultaat(api, process, zgw_client, gemeente_a):
    zaak = new_zaak(api, process)
    ok(set_status(api, zaak, process.statustypen[0], "2026-11-03T09:00:00Z"))
    # No resultaat yet: the eindstatus is refused.
    refused(set_status(api, zaak, process.eindstatus))
    closed = close(api, process, zaak, when="2026-11-20")
    assert closed["einddatum"] == "2026-11-20"
    assert closed["status"].startswith(f"{api.base_url}{ZRC}/statussen/")
    # Closed: the zaak and its parts change only with zaken.geforceerd-bijwerken.
    from plus1.catalog.models import ZaakType

    zaaktype = ZaakType.objects.get(uuid=process.zaaktype.rsplit("/", 1)[-1])
    worker = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.bijwerken", "zaken.statussen.toevoegen"],
                zaaktype=zaaktype,
                max_confidentiality="geheim",
            )
        ],
    )
    assert worker.patch(zaak["url"], json={"toelichting": "Te laat"}).status_code in (400, 403)
    assert worker.post(
        f"{ZRC}/zaakobjecten",
        json={"zaak": zaak["url"], "objectType": "adres", "object": "https://bag.example.com/adres/1"},
    ).status_code in (400, 403)
    doc = document(api, process)
    late_document = {"zaak": zaak["url"], "informatieobject": doc["url"]}
    assert worker.post(f"{ZRC}/zaakinformatieobjecten", json=late_document).status_code == 403
    ok(api.post(f"{ZRC}/zaakinformatieobjecten", json=late_document))
    forced = ok(api.patch(zaak["url"], json={"toelichting": "Correctie"}), 200)
    assert forced["toelichting"] == "Correctie"


def test_zrc_007_closing_needs_indicatie_gebruiksrecht_on_every_document(api, process):
    zaak = new_zaak(api, process)
    doc = document(api, process, indicatieGebruiksrecht=None)
    ok(api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": doc["url"]}))
    ok(
        api.post(
            f"{ZRC}/resultaten",
            json={"zaak": zaak["url"], "resultaattype": process.resultaattypen["afgehandeld"]},
        )
    )
    refused(set_status(api, zaak, process.eindstatus), code="indicatiegebruiksrecht-unset")
    assert ok(api.get(zaak["url"]), 200)["einddatum"] is None
    lock = ok(api.post(f"{doc['url']}/lock"), 200)["lock"]
    ok(api.patch(doc["url"], json={"lock": lock, "indicatieGebruiksrecht": False}), 200)
    ok(api.post(f"{doc['url']}/unlock", json={"lock": lock}), 204)
    ok(set_status(api, zaak, process.eindstatus))


def test_zrc_008_reopening_needs_its_scope_and_clears_the_end_and_archive_data(
    api, process, zgw_client, gemeente_a
):
    zaak = new_zaak(api, process)
    closed = close(api, process, zaak)
    assert closed["einddatum"] and closed["archiefnominatie"] and closed["archiefactiedatum"]
    from plus1.catalog.models import ZaakType

    zaaktype = ZaakType.objects.get(uuid=process.zaaktype.rsplit("/", 1)[-1])
    without = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.statussen.toevoegen", "zaken.bijwerken"],
                zaaktype=zaaktype,
                max_confidentiality="geheim",
            )
        ],
    )
    assert set_status(without, zaak, process.statustypen[0], "2026-11-21T10:00:00Z").status_code == 403
    ok(set_status(api, zaak, process.statustypen[0], "2026-11-21T10:00:00Z"))
    reopened = ok(api.get(zaak["url"]), 200)
    assert (reopened["einddatum"], reopened["archiefnominatie"], reopened["archiefactiedatum"]) == (
        None,
        None,
        None,
    )


def test_zrc_009_confidentiality_is_the_clients_or_else_the_zaaktypes(api, process):
    assert new_zaak(api, process)["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert (
        new_zaak(api, process, vertrouwelijkheidaanduiding="openbaar")["vertrouwelijkheidaanduiding"]
        == "openbaar"
    )
    zaak = new_zaak(api, process)
    changed = ok(api.patch(zaak["url"], json={"vertrouwelijkheidaanduiding": "geheim"}), 200)
    assert changed["vertrouwelijkheidaanduiding"] == "geheim"


# --- zrc-010 .. zrc-015: references and data groups of a zaak ----------------------------------


def test_zrc_010_communicatiekanaal_must_be_a_communicatiekanaal(api, process):
    kanaal = ok(api.get(f"{REFERENCE}/communicatiekanalen"), 200)["results"][0]
    assert {"url", "naam", "omschrijving"} <= set(kanaal)
    zaak = new_zaak(api, process, communicatiekanaal=kanaal["url"])
    assert zaak["communicatiekanaal"] == kanaal["url"]
    refused(
        api.post(
            f"{ZRC}/zaken", json=_body(process, communicatiekanaal="https://elders.example.com/kanaal/1")
        ),
        "communicatiekanaal",
    )
    refused(
        api.patch(
            zaak["url"], json={"communicatiekanaal": f"{api.base_url}{REFERENCE}/communicatiekanalen/0"}
        ),
        "communicatiekanaal",
    )


def test_zrc_011_relevante_andere_zaken_must_exist_named_by_index(api, process):
    first = new_zaak(api, process)
    related = new_zaak(api, process, relevanteAndereZaken=[{"url": first["url"], "aardRelatie": "vervolg"}])
    assert related["relevanteAndereZaken"] == [{"url": first["url"], "aardRelatie": "vervolg"}]
    body = refused(
        api.post(
            f"{ZRC}/zaken",
            json=_body(
                process,
                relevanteAndereZaken=[
                    {"url": first["url"], "aardRelatie": "vervolg"},
                    {
                        "url": f"{api.base_url}{ZRC}/zaken/00000000-0000-4000-8000-000000000000",
                        "aardRelatie": "bijdrage",
                    },
                ],
            ),
        )
    )
    assert body["invalidParams"][0]["name"].startswith("relevanteAndereZaken.1")
    # A zaak in another organisation's Zaken API: Plus1 keeps it as given, without fetching it.
    elsewhere = [{"url": "https://zaken.andere-gemeente.example/api/v1/zaken/1", "aardRelatie": "bijdrage"}]
    assert new_zaak(api, process, relevanteAndereZaken=elsewhere)["relevanteAndereZaken"] == elsewhere


def test_zrc_012_data_groups_take_null_are_validated_whole_and_always_answered(api, process):
    zaak = new_zaak(api, process, verlenging=None, opschorting=None)
    assert zaak["opschorting"] == {"indicatie": False, "reden": ""}
    assert "verlenging" in zaak
    refused(api.patch(zaak["url"], json={"verlenging": {"reden": "Drukte"}}), "verlenging")
    extended = ok(api.patch(zaak["url"], json={"verlenging": {"reden": "Drukte", "duur": "P2W"}}), 200)
    assert extended["verlenging"] == {"reden": "Drukte", "duur": "P2W"}
    suspended = ok(api.patch(zaak["url"], json={"opschorting": {"indicatie": True, "reden": "Wacht"}}), 200)
    assert suspended["opschorting"]["indicatie"] is True
    cleared = ok(api.patch(zaak["url"], json={"opschorting": None}), 200)
    assert cleared["opschorting"] == {"indicatie": False, "reden": ""}


def test_zrc_013_a_hoofdzaak_is_a_zaak_that_is_no_deelzaak_and_not_the_zaak_itself(api, process):
    hoofdzaak = new_zaak(api, process)
    deelzaak = new_zaak(api, process, hoofdzaak=hoofdzaak["url"])
    assert ok(api.get(hoofdzaak["url"]), 200)["deelzaken"] == [deelzaak["url"]]
    refused(api.post(f"{ZRC}/zaken", json=_body(process, hoofdzaak=deelzaak["url"])), "hoofdzaak")
    refused(api.patch(hoofdzaak["url"], json={"hoofdzaak": hoofdzaak["url"]}), "hoofdzaak")
    refused(
        api.post(f"{ZRC}/zaken", json=_body(process, hoofdzaak="https://elders.example.com/zaken/1")),
        "hoofdzaak",
    )


def test_zrc_014_betalingsindicatie_nvt_has_no_laatste_betaaldatum(api, process):
    refused(
        api.post(
            f"{ZRC}/zaken",
            json=_body(process, betalingsindicatie="nvt", laatsteBetaaldatum="2026-11-01T10:00:00Z"),
        ),
        "laatsteBetaaldatum",
    )
    paid = new_zaak(api, process, betalingsindicatie="geheel", laatsteBetaaldatum="2026-11-01T10:00:00Z")
    assert paid["laatsteBetaaldatum"]
    assert ok(api.patch(paid["url"], json={"betalingsindicatie": "nvt"}), 200)["laatsteBetaaldatum"] is None


def test_zrc_015_producten_of_diensten_are_those_of_the_zaaktype(api, process):
    zaak = new_zaak(api, process, productenOfDiensten=[UPL_PRODUCT])
    assert zaak["productenOfDiensten"] == [UPL_PRODUCT]
    refused(
        api.post(f"{ZRC}/zaken", json=_body(process, productenOfDiensten=["https://elders.example.com/p/1"])),
        "productenOfDiensten",
    )
    refused(
        api.patch(zaak["url"], json={"productenOfDiensten": [UPL_PRODUCT, "https://x.example.com/p"]}),
        "productenOfDiensten",
    )


# --- zrc-016 .. zrc-020: the parts follow the zaaktype ------------------------------------------


def test_zrc_016_a_status_has_a_statustype_of_the_zaaktype(api, process):
    other = other_process(api, process)
    zaak = new_zaak(api, process)
    refused(set_status(api, zaak, other.statustypen[0]), "statustype")
    ok(set_status(api, zaak, process.statustypen[0]))


def test_zrc_017_a_document_has_an_informatieobjecttype_of_the_zaaktype(api, process):
    other = other_process(api, process)
    zaak = new_zaak(api, process)
    foreign = document(api, process, informatieobjecttype=other.informatieobjecttype)
    refused(
        api.post(
            f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": foreign["url"]}
        )
    )
    own = document(api, process)
    ok(api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": own["url"]}))


def test_zrc_018_a_zaakeigenschap_has_an_eigenschap_of_the_zaaktype(api, process):
    other = other_process(api, process)
    zaak = new_zaak(api, process)
    url = f"{zaak['url']}/zaakeigenschappen"
    refused(
        api.post(url, json={"zaak": zaak["url"], "eigenschap": other.eigenschap, "waarde": "20260101"}),
        "eigenschap",
    )
    ok(api.post(url, json={"zaak": zaak["url"], "eigenschap": process.eigenschap, "waarde": "20260101"}))


def _rol(zaak: dict, roltype: str) -> dict:
    return {
        "zaak": zaak["url"],
        "roltype": roltype,
        "betrokkeneType": "natuurlijk_persoon",
        "roltoelichting": "Aanvrager",
        "betrokkeneIdentificatie": {"inpBsn": "123456782", "geslachtsnaam": "Jansen"},
    }


def test_zrc_019_a_rol_has_a_roltype_of_the_zaaktype(api, process):
    other = other_process(api, process)
    zaak = new_zaak(api, process)
    refused(api.post(f"{ZRC}/rollen", json=_rol(zaak, other.roltype)), "roltype")
    rol = ok(api.post(f"{ZRC}/rollen", json=_rol(zaak, process.roltype)))
    assert rol["omschrijvingGeneriek"] == "initiator"


def test_zrc_020_a_resultaat_has_a_resultaattype_of_the_zaaktype(api, process):
    other = other_process(api, process)
    zaak = new_zaak(api, process)
    refused(
        api.post(
            f"{ZRC}/resultaten",
            json={"zaak": zaak["url"], "resultaattype": other.resultaattypen["afgehandeld"]},
        ),
        "resultaattype",
    )
    ok(
        api.post(
            f"{ZRC}/resultaten",
            json={"zaak": zaak["url"], "resultaattype": process.resultaattypen["afgehandeld"]},
        )
    )


# --- zrc-021 .. zrc-023: archiving and destroying ----------------------------------------------


def test_zrc_021_afgehandeld_archive_date_is_einddatum_plus_archiefactietermijn(api, process):
    closed = close(api, process, new_zaak(api, process), "afgehandeld", when="2026-11-20")
    assert closed["archiefnominatie"] == "vernietigen"
    assert closed["archiefactiedatum"] == "2036-11-20"


def test_zrc_021_termijn_adds_the_procestermijn_first(api, process):
    closed = close(api, process, new_zaak(api, process), "termijn", when="2026-11-20")
    assert closed["archiefactiedatum"] == "2041-11-20"


def test_zrc_021_eigenschap_takes_the_date_of_the_eigenschap(api, process):
    zaak = new_zaak(api, process)
    ok(
        api.post(
            f"{zaak['url']}/zaakeigenschappen",
            json={"zaak": zaak["url"], "eigenschap": process.eigenschap, "waarde": "20250301"},
        )
    )
    closed = close(api, process, zaak, "eigenschap", when="2026-11-20")
    assert closed["archiefactiedatum"] == "2035-03-01"


def test_zrc_021_hoofdzaak_takes_the_einddatum_of_the_hoofdzaak(api, process):
    hoofdzaak = close(api, process, new_zaak(api, process), "afgehandeld", when="2026-11-10")
    deelzaak = new_zaak(api, process, hoofdzaak=hoofdzaak["url"])
    closed = close(api, process, deelzaak, "hoofdzaak", when="2026-11-20")
    assert closed["archiefactiedatum"] == "2036-11-10"


def test_zrc_021_gerelateerde_zaak_takes_the_last_einddatum_of_the_related_zaken(api, process):
    first = close(api, process, new_zaak(api, process), "afgehandeld", when="2026-11-05")
    second = close(api, process, new_zaak(api, process), "afgehandeld", when="2026-11-12")
    related = [{"url": z["url"], "aardRelatie": "onderwerp"} for z in (first, second)]
    zaak = new_zaak(api, process, relevanteAndereZaken=related)
    closed = close(api, process, zaak, "gerelateerde_zaak", when="2026-11-20")
    assert closed["archiefactiedatum"] == "2036-11-12"


def test_zrc_021_ander_datumkenmerk_leaves_the_date_to_the_client_and_keeps_a_given_nomination(api, process):
    zaak = new_zaak(api, process, archiefnominatie="blijvend_bewaren")
    closed = close(api, process, zaak, "ander_datumkenmerk")
    assert closed["archiefactiedatum"] is None
    assert closed["archiefnominatie"] == "blijvend_bewaren"
    dated = ok(api.patch(zaak["url"], json={"archiefactiedatum": "2040-01-01"}), 200)
    assert dated["archiefactiedatum"] == "2040-01-01"


def test_zrc_022_archiefstatus_needs_the_archive_data_and_archived_documents(api, process):
    zaak = new_zaak(api, process)
    refused(api.patch(zaak["url"], json={"archiefstatus": "gearchiveerd"}), "archiefnominatie")
    doc = document(api, process)
    ok(api.post(f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": doc["url"]}))
    closed = close(api, process, zaak)
    refused(api.patch(zaak["url"], json={"archiefstatus": "gearchiveerd"}), "archiefstatus")
    lock = ok(api.post(f"{doc['url']}/lock"), 200)["lock"]
    ok(api.patch(doc["url"], json={"lock": lock, "status": "gearchiveerd"}), 200)
    ok(api.post(f"{doc['url']}/unlock", json={"lock": lock}), 204)
    archived = ok(api.patch(zaak["url"], json={"archiefstatus": "gearchiveerd"}), 200)
    assert archived["archiefstatus"] == "gearchiveerd"
    assert (archived["archiefnominatie"], archived["archiefactiedatum"]) == (
        closed["archiefnominatie"],
        closed["archiefactiedatum"],
    )


def test_zrc_023_deleting_a_zaak_deletes_it_and_everything_of_it(api, process):
    zaak = new_zaak(api, process)
    deelzaak = new_zaak(api, process, hoofdzaak=zaak["url"])
    doc = document(api, process)
    parts = [
        ok(set_status(api, zaak, process.statustypen[0]))["url"],
        ok(api.post(f"{ZRC}/rollen", json=_rol(zaak, process.roltype)))["url"],
        ok(
            api.post(
                f"{ZRC}/resultaten",
                json={"zaak": zaak["url"], "resultaattype": process.resultaattypen["afgehandeld"]},
            )
        )["url"],
        ok(
            api.post(
                f"{ZRC}/zaakobjecten",
                json={
                    "zaak": zaak["url"],
                    "objectType": "adres",
                    "object": "https://bag.example.com/adres/1",
                },
            )
        )["url"],
        ok(
            api.post(
                f"{zaak['url']}/zaakeigenschappen",
                json={"zaak": zaak["url"], "eigenschap": process.eigenschap, "waarde": "20260101"},
            )
        )["url"],
        ok(
            api.post(
                f"{ZRC}/zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": doc["url"]}
            )
        )["url"],
        ok(
            api.post(
                f"{ZRC}/klantcontacten",
                json={"zaak": zaak["url"], "datumtijd": "2026-11-03T10:00:00Z", "kanaal": "telefoon"},
            )
        )["url"],
        ok(
            api.post(
                f"{ZRC}/zaakcontactmomenten",
                json={"zaak": zaak["url"], "contactmoment": "https://klant.example.com/contactmomenten/1"},
            )
        )["url"],
        ok(
            api.post(
                f"{ZRC}/zaakverzoeken",
                json={"zaak": zaak["url"], "verzoek": "https://klant.example.com/verzoeken/1"},
            )
        )["url"],
    ]
    assert ok(api.get(f"{zaak['url']}/audittrail"), 200)
    ok(api.delete(zaak["url"]), 204)
    for url in [zaak["url"], deelzaak["url"], *parts, f"{zaak['url']}/audittrail"]:
        assert api.get(url).status_code == 404, url
    assert ok(api.get(f"{DRC}/objectinformatieobjecten", params={"informatieobject": doc["url"]}), 200) == []
    # A deelzaak can go without its hoofdzaak.
    hoofdzaak = new_zaak(api, process)
    alone = new_zaak(api, process, hoofdzaak=hoofdzaak["url"])
    ok(api.delete(alone["url"]), 204)
    assert api.get(hoofdzaak["url"]).status_code == 200


# --- zrc-024 .. zrc-029: verzoeken, contactmomenten, expand, fields ----------------------------


def test_zrc_026_startdatum_bewaartermijn_is_kept(api, process):
    zaak = new_zaak(api, process, startdatumBewaartermijn="2030-01-01")
    assert zaak["startdatumBewaartermijn"] == "2030-01-01"
    assert ok(api.get(zaak["url"]), 200)["startdatumBewaartermijn"] == "2030-01-01"


def test_zrc_026_expand_goes_several_levels_deep(api, process):
    hoofdzaak = new_zaak(api, process)
    deelzaak = new_zaak(api, process, hoofdzaak=hoofdzaak["url"])
    ok(set_status(api, deelzaak, process.statustypen[0]))
    read = ok(api.get(hoofdzaak["url"], params={"expand": "zaaktype,deelzaken.status.statustype"}), 200)
    assert read["_expand"]["zaaktype"]["url"] == process.zaaktype
    status = read["_expand"]["deelzaken"][0]["_expand"]["status"]
    assert status["_expand"]["statustype"]["url"] == process.statustypen[0]


def test_zrc_027_expand_of_an_attribute_the_resource_lacks_is_404(api, process):
    zaak = new_zaak(api, process)
    assert api.get(zaak["url"], params={"expand": "bestaatniet"}).status_code == 404
    assert api.get(zaak["url"], params={"expand": "status.bestaatniet"}).status_code == 404
    assert api.get(f"{ZRC}/zaken", params={"expand": "bestaatniet"}).status_code == 404


def test_zrc_028_expand_answers_a_valid_answer_also_for_empty_relations(api, process):
    zaak = new_zaak(api, process)
    read = ok(api.get(zaak["url"], params={"expand": "status,resultaat,hoofdzaak,deelzaken,rollen"}), 200)
    # The standard's schema: an empty relation expands to an empty object (EmptyObject), a list to [].
    assert read["_expand"] == {"status": {}, "resultaat": {}, "hoofdzaak": {}, "deelzaken": [], "rollen": []}


def test_zrc_029_fields_selects_what_zoek_answers_and_excludes_expand(api, process):
    zaak = new_zaak(api, process)
    ok(set_status(api, zaak, process.statustypen[0]))
    found = ok(
        api.post(
            f"{ZRC}/zaken/_zoek",
            json={"uuid__in": [zaak["uuid"]], "fields": ["url", "identificatie", {"status": ["statustype"]}]},
        ),
        200,
    )
    [only] = found["results"]
    assert set(only) - {"_expand"} == {"url", "identificatie", "status"}
    assert only["_expand"]["status"] == {"statustype": process.statustypen[0]}
    refused(
        api.post(
            f"{ZRC}/zaken/_zoek",
            json={"uuid__in": [zaak["uuid"]], "fields": ["url"], "expand": "status"},
        )
    )


def test_zrc_024_a_zaakverzoek_is_mirrored_in_the_verzoeken_api(api, process):
    zaak = new_zaak(api, process)
    verzoek = "https://klant.example.com/verzoeken/api/v1/verzoeken/7d3c1f4e-0000-4000-8000-000000000001"
    link = ok(api.post(f"{ZRC}/zaakverzoeken", json={"zaak": zaak["url"], "verzoek": verzoek}))
    # The other side: the (simulated) Verzoeken API holds the objectverzoek for this zaak.
    assert KlantinteractiesSimulator.mirrored(zaak["url"]) == {("verzoek", verzoek)}
    ok(api.delete(link["url"]), 204)
    assert KlantinteractiesSimulator.mirrored(zaak["url"]) == set()
    ok(api.post(f"{ZRC}/zaakverzoeken", json={"zaak": zaak["url"], "verzoek": verzoek}))
    ok(api.delete(zaak["url"]), 204)
    assert KlantinteractiesSimulator.mirrored(zaak["url"]) == set()


def test_zrc_025_a_zaakcontactmoment_is_mirrored_in_the_contactmomenten_api(api, process):
    zaak = new_zaak(api, process)
    moment = "https://klant.example.com/contactmomenten/api/v1/contactmomenten/7d3c1f4e-0000-4000-8000-000000000002"
    link = ok(api.post(f"{ZRC}/zaakcontactmomenten", json={"zaak": zaak["url"], "contactmoment": moment}))
    assert KlantinteractiesSimulator.mirrored(zaak["url"]) == {("contactmoment", moment)}
    ok(api.delete(link["url"]), 204)
    assert KlantinteractiesSimulator.mirrored(zaak["url"]) == set()


def test_zrc_025_expand_reaches_only_the_zaken_and_catalogi_apis(api, process):
    kanaal = ok(api.get(f"{REFERENCE}/communicatiekanalen"), 200)["results"][0]["url"]
    zaak = new_zaak(api, process, communicatiekanaal=kanaal)
    # The Referentielijsten API is another source: an error, not an answer from it.
    assert api.get(zaak["url"], params={"expand": "communicatiekanaal"}).status_code == 400
    # The Catalogi API is expanded.
    assert (
        ok(api.get(zaak["url"], params={"expand": "zaaktype"}), 200)["_expand"]["zaaktype"]["url"]
        == process.zaaktype
    )


def test_zrc_024_a_verzoek_the_verzoeken_api_refuses_is_not_related_here_either(api, process, monkeypatch):
    from plus1.connectors import klantinteracties

    class Refusing(klantinteracties.NoKlantinteracties):
        def mirror(self, relation):
            raise klantinteracties.KlantinteractiesError("De Klantinteracties API antwoordde 403.")

    monkeypatch.setattr(klantinteracties, "get_klantinteracties", Refusing)
    zaak = new_zaak(api, process)
    verzoek = "https://klant.example.com/verzoeken/api/v1/verzoeken/7d3c1f4e-0000-4000-8000-000000000003"
    refused(
        api.post(f"{ZRC}/zaakverzoeken", json={"zaak": zaak["url"], "verzoek": verzoek}),
        "verzoek",
        "klantinteracties-unavailable",
    )
    assert ok(api.get(f"{ZRC}/zaakverzoeken", params={"zaak": zaak["url"]}), 200) == []
