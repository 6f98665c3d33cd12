"""The Zaken API over real HTTP: zaken and their parts, the standard's rules, autorisaties, tenancy."""

from __future__ import annotations

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.cases.selectors import zaken_for_resident
from plus1.cases.tests.factories import SYSTEM, new_zaak
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.models import Notification

from .conftest import ROOT, absolute, catalog_url, new_zaak_body

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _create(client, zaaktype, **extra):
    response = client.post(f"{ROOT}/zaken", json=new_zaak_body(client, zaaktype, **extra))
    assert response.status_code == 201, response.text
    return response.json()


def test_a_zaak_is_registered_read_changed_and_deleted(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)

    response = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, omschrijving="Parkeren"))
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == body["url"]
    assert response.headers["Content-Crs"] == "EPSG:4326"
    assert response.headers["API-version"] == "1.7.0"
    # zrc-002: a generated, readable identificatie; zrc-009: the zaaktype's confidentiality.
    assert body["identificatie"].startswith("ZAAK-")
    assert body["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert body["zaaktype"] == catalog_url(api, "zaaktypen", zaaktype)
    assert body["uiterlijkeEinddatumAfdoening"]  # from the zaaktype's doorlooptijd
    assert body["opschorting"] == {"indicatie": False, "reden": ""}
    assert body["verlenging"] is None
    assert body["status"] is None and body["resultaat"] is None
    # It lands in the inbox of the team that runs the process at this gemeente.
    zaak = Zaak.objects.get(uuid=body["uuid"])
    assert zaak.team_id == adoption.team_id

    read = api.get(body["url"])
    assert read.status_code == 200 and read.json() == body
    assert api.get(body["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304
    head = api.head(body["url"])
    assert head.status_code == 200 and head.headers["ETag"] == read.headers["ETag"] and not head.content

    # The CRS headers are required (412) and only WGS84 is served (406).
    assert api.get(body["url"], headers={"Accept-Crs": None}).status_code == 412
    assert api.get(body["url"], headers={"Accept-Crs": "EPSG:28992"}).status_code == 406
    no_crs = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype), headers={"Content-Crs": None})
    assert no_crs.status_code == 412

    patched = api.patch(
        body["url"],
        json={"toelichting": "Via de balie", "opschorting": {"indicatie": True, "reden": "Wacht"}},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["toelichting"] == "Via de balie"
    assert patched.json()["opschorting"] == {"indicatie": True, "reden": "Wacht"}
    # zrc-002: the identificatie does not change.
    refused = api.patch(body["url"], json={"identificatie": "ANDERS-1"})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "identificatie"

    put = api.put(
        body["url"],
        json=new_zaak_body(
            api, zaaktype, omschrijving="Parkeren (bewoner)", identificatie=body["identificatie"]
        ),
    )
    assert put.status_code == 200, put.text
    assert put.json()["omschrijving"] == "Parkeren (bewoner)"
    assert put.json()["opschorting"]["indicatie"] is False

    listed = api.get(f"{ROOT}/zaken")
    assert listed.status_code == 200
    assert [z["url"] for z in listed.json()["results"]] == [body["url"]]

    hoofd = f"{ROOT}/zaken/{body['uuid']}".replace(ROOT, absolute(api, ROOT))
    notifications = list(Notification.objects.filter(kanaal="zaken", hoofd_object=hoofd).order_by("id"))
    assert [(n.resource, n.actie) for n in notifications] == [
        ("zaak", "create"),
        ("zaak", "partial_update"),
        ("zaak", "update"),
    ]
    assert notifications[0].kenmerken == {
        "bronorganisatie": "100000009",
        "zaaktype": catalog_url(api, "zaaktypen", zaaktype),
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }

    assert api.delete(body["url"]).status_code == 204
    assert api.get(body["url"]).status_code == 404
    assert Notification.objects.filter(hoofd_object=hoofd, actie="destroy").count() == 1


def test_the_standards_rules_on_a_new_zaak(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)

    # zrc-001: only a published zaaktype.
    concept = ZaakTypeFactory()
    response = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, concept))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "zaaktype"
    bad_url = api.post(
        f"{ROOT}/zaken", json={**new_zaak_body(api, zaaktype), "zaaktype": "https://elders.nl/zt/1"}
    )
    assert bad_url.json()["invalidParams"][0] == {
        "name": "zaaktype",
        "code": "bad-url",
        "reason": "Dit zaaktype bestaat niet in de Catalogi API.",
    }

    # zrc-002: an identificatie given by the client is unique.
    first = _create(api, zaaktype, identificatie="EXT-1")
    assert first["identificatie"] == "EXT-1"
    twice = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, identificatie="EXT-1"))
    assert twice.status_code == 400
    assert twice.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"

    # zrc-014: nvt and a payment date do not go together; a payment date is not in the future.
    nvt = api.post(
        f"{ROOT}/zaken",
        json=new_zaak_body(
            api, zaaktype, betalingsindicatie="nvt", laatsteBetaaldatum="2026-11-01T10:00:00Z"
        ),
    )
    assert nvt.status_code == 400
    assert nvt.json()["invalidParams"][0]["name"] == "laatsteBetaaldatum"
    future = api.post(
        f"{ROOT}/zaken",
        json=new_zaak_body(
            api, zaaktype, betalingsindicatie="geheel", laatsteBetaaldatum="2099-01-01T10:00:00Z"
        ),
    )
    assert future.status_code == 400
    assert future.json()["invalidParams"][0]["code"] == "date-in-future"
    paid = _create(api, zaaktype, betalingsindicatie="geheel", laatsteBetaaldatum="2026-11-01T10:00:00Z")
    assert paid["betalingsindicatieWeergave"]
    cleared = api.patch(paid["url"], json={"betalingsindicatie": "nvt"})
    assert cleared.json()["laatsteBetaaldatum"] is None

    # Reserved zaaknummers are handed out once and can be used for a new zaak.
    one = api.post(f"{ROOT}/zaaknummer_reserveren", json={"bronorganisatie": "100000009"})
    assert one.status_code == 201, one.text
    several = api.post(
        f"{ROOT}/zaaknummer_reserveren", json={"bronorganisatie": "100000009", "aantal": 2}
    ).json()
    numbers = [one.json()["zaaknummer"], *(item["zaaknummer"] for item in several)]
    assert len(set(numbers)) == 3
    assert _create(api, zaaktype, identificatie=numbers[0])["identificatie"] == numbers[0]
    assert api.post(f"{ROOT}/zaaknummer_reserveren", json={"bronorganisatie": "100000010"}).status_code == 400

    # zrc-013: a deelzaak cannot be a hoofdzaak; zrc-011: related zaken must exist.
    deelzaak = _create(api, zaaktype, hoofdzaak=first["url"])
    assert deelzaak["hoofdzaak"] == first["url"]
    assert api.get(first["url"]).json()["deelzaken"] == [deelzaak["url"]]
    nested = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, hoofdzaak=deelzaak["url"]))
    assert nested.json()["invalidParams"][0]["code"] == "deelzaak-als-hoofdzaak"
    missing = absolute(api, f"{ROOT}/zaken/00000000-0000-4000-8000-000000000000")
    related = api.post(
        f"{ROOT}/zaken",
        json=new_zaak_body(api, zaaktype, relevanteAndereZaken=[{"url": missing, "aardRelatie": "vervolg"}]),
    )
    assert related.json()["invalidParams"][0]["name"] == "relevanteAndereZaken.0.url"
    # The zaak of another organisation's Zaken API is kept as given (not fetched).
    elsewhere = [{"url": "https://elders.nl/zaken/1", "aardRelatie": "vervolg"}]
    assert _create(api, zaaktype, relevanteAndereZaken=elsewhere)["relevanteAndereZaken"] == elsewhere

    # Schema rules: a missing required field, a wrong enum value.
    missing = api.post(f"{ROOT}/zaken", json={"zaaktype": catalog_url(api, "zaaktypen", zaaktype)})
    assert {p["name"] for p in missing.json()["invalidParams"]} >= {"bronorganisatie", "startdatum"}

    # zrc-023: deleting the hoofdzaak deletes its deelzaken.
    assert api.delete(first["url"]).status_code == 204
    assert api.get(deelzaak["url"]).status_code == 404


def test_the_list_filters_orders_and_searches(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    old = _create(api, zaaktype, startdatum="2026-10-01", identificatie="Z-OLD")
    new = _create(api, zaaktype, startdatum="2026-11-20", identificatie="Z-NEW")
    portal = new_zaak(adoption, bsn="123456780")

    def urls(params):
        response = api.get(f"{ROOT}/zaken", params=params)
        assert response.status_code == 200, response.text
        return [z["url"] for z in response.json()["results"]]

    assert urls({"identificatie": "Z-OLD"}) == [old["url"]]
    recent = urls({"startdatum__gte": "2026-11-01", "ordering": "startdatum"})
    assert new["url"] in recent and old["url"] not in recent
    assert urls({"startdatum__lt": "2026-11-01"}) == [old["url"]]
    # (An RSIN has the form of a BSN: search it in the body, where no URL log shows it.)
    by_rsin = api.post(
        f"{ROOT}/zaken/_zoek",
        json={"ordering": "identificatie", "bronorganisatie__in": ["100000009", "123456780"]},
    )
    assert [z["url"] for z in by_rsin.json()["results"]][:2] == [new["url"], old["url"]]
    assert len(urls({"zaaktype": catalog_url(api, "zaaktypen", zaaktype), "einddatum__isnull": "true"})) == 3
    portal_url = absolute(api, f"{ROOT}/zaken/{portal.uuid}")
    assert urls({"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "123456780"}) == [portal_url]
    assert urls({"rol__betrokkeneType": "natuurlijk_persoon", "rol__omschrijvingGeneriek": "initiator"}) == [
        portal_url
    ]
    assert urls({"maximaleVertrouwelijkheidaanduiding": "openbaar"}) == []

    unknown = api.get(f"{ROOT}/zaken", params={"colour": "red"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "unknown-parameters"
    assert api.get(f"{ROOT}/zaken", params={"startdatum__gt": "gisteren"}).status_code == 400
    assert api.get(f"{ROOT}/zaken", params={"ordering": "kleur"}).status_code == 400

    found = api.post(
        f"{ROOT}/zaken/_zoek", json={"uuid__in": [old["uuid"], new["uuid"]], "ordering": "-startdatum"}
    )
    assert found.status_code == 200, found.text
    assert found.json()["count"] == 2
    assert [z["url"] for z in found.json()["results"]] == [new["url"], old["url"]]
    by_type = api.post(
        f"{ROOT}/zaken/_zoek", json={"zaaktype__in": [catalog_url(api, "zaaktypen", zaaktype)]}
    )
    assert by_type.json()["count"] == 3


def test_a_zaak_closes_with_a_resultaat_and_reopens_only_with_heropenen(
    zgw_client, gemeente_a, adoption, zaaktype
):
    admin = zgw_client(gemeente_a)
    zaak = _create(admin, zaaktype)
    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    resultaattype = zaaktype.resultaattypen.get()

    def status_body(statustype, when="2026-11-10T09:00:00Z"):
        return {
            "zaak": zaak["url"],
            "statustype": catalog_url(admin, "statustypen", statustype),
            "datumStatusGezet": when,
        }

    first = admin.post(f"{ROOT}/statussen", json=status_body(statustypen[0]))
    assert first.status_code == 201, first.text
    assert first.json()["indicatieLaatstGezetteStatus"] is True
    assert admin.get(zaak["url"]).json()["status"] == first.json()["url"]
    # A status is not set before the zaak started.
    early = admin.post(f"{ROOT}/statussen", json=status_body(statustypen[1], "2026-01-01T09:00:00Z"))
    assert early.json()["invalidParams"][0]["name"] == "datumStatusGezet"

    # zrc-007: the eindstatus needs a resultaat.
    no_result = admin.post(f"{ROOT}/statussen", json=status_body(statustypen[-1]))
    assert no_result.status_code == 400
    assert no_result.json()["invalidParams"][0]["code"] == "resultaat-does-not-exist"
    resultaat = admin.post(
        f"{ROOT}/resultaten",
        json={"zaak": zaak["url"], "resultaattype": catalog_url(admin, "resultaattypen", resultaattype)},
    )
    assert resultaat.status_code == 201, resultaat.text
    end = admin.post(f"{ROOT}/statussen", json=status_body(statustypen[-1], "2026-11-12T09:00:00Z"))
    assert end.status_code == 201, end.text
    closed = admin.get(zaak["url"]).json()
    assert closed["einddatum"] == "2026-11-12"
    assert closed["resultaat"] == resultaat.json()["url"]
    assert closed["archiefnominatie"] == "vernietigen"  # zrc-021: from the resultaattype
    assert closed["archiefactiedatum"] == "2027-11-12"

    latest = admin.get(
        f"{ROOT}/statussen", params={"zaak": zaak["url"], "indicatieLaatstGezetteStatus": "true"}
    )
    assert [s["url"] for s in latest.json()["results"]] == [end.json()["url"]]
    assert admin.get(f"{ROOT}/statussen", params={"zaak": zaak["url"]}).json()["count"] == 2
    assert admin.head(end.json()["url"]).status_code == 200

    # A closed zaak changes only with zaken.geforceerd-bijwerken (zrc-007), reopens only with
    # zaken.heropenen (zrc-008).
    worker = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.bijwerken", "zaken.statussen.toevoegen"],
                zaaktype=zaaktype,
                max_confidentiality="zeer_geheim",
            )
        ],
    )
    assert worker.patch(zaak["url"], json={"toelichting": "te laat"}).status_code == 403
    assert worker.post(f"{ROOT}/statussen", json=status_body(statustypen[1])).status_code == 403
    reopener = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.heropenen"],
                zaaktype=zaaktype,
                max_confidentiality="zeer_geheim",
            )
        ],
    )
    reopened = reopener.post(f"{ROOT}/statussen", json=status_body(statustypen[1], "2026-11-13T09:00:00Z"))
    assert reopened.status_code == 201, reopened.text
    again = admin.get(zaak["url"]).json()
    assert (
        again["einddatum"] is None
        and again["archiefnominatie"] is None
        and again["archiefactiedatum"] is None
    )

    hoofd = zaak["url"]
    resources = list(
        Notification.objects.filter(hoofd_object=hoofd).order_by("id").values_list("resource", "actie")
    )
    assert resources == [
        ("zaak", "create"),
        ("status", "create"),
        ("resultaat", "create"),
        ("status", "create"),
        ("status", "create"),
    ]


def test_rollen_of_every_kind_and_the_initiator_sees_the_zaak_in_mijn_zaken(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    zaak = _create(api, zaaktype)
    roltype = zaaktype.roltypen.get()
    roltype_url = catalog_url(api, "roltypen", roltype)
    identifications = {
        "natuurlijk_persoon": {"inpBsn": "123456780", "geslachtsnaam": "Moulin", "voornamen": "Suzanne"},
        "niet_natuurlijk_persoon": {"innNnpId": "123456782", "statutaireNaam": "Bakkerij BV"},
        "vestiging": {
            "vestigingsNummer": "000012345678",
            "kvkNummer": "12345678",
            "handelsnaam": ["Bakkerij"],
        },
        "organisatorische_eenheid": {"identificatie": "VERG", "naam": "Vergunningen"},
        "medewerker": {"identificatie": "jdevries", "achternaam": "De Vries"},
    }
    created = {}
    for betrokkene_type, identification in identifications.items():
        response = api.post(
            f"{ROOT}/rollen",
            json={
                "zaak": zaak["url"],
                "betrokkeneType": betrokkene_type,
                "roltype": roltype_url,
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": identification,
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["omschrijving"] == "Aanvrager" and body["omschrijvingGeneriek"] == "initiator"
        for key, value in identification.items():
            assert body["betrokkeneIdentificatie"][key] == value
        created[betrokkene_type] = body

    assert sorted(api.get(zaak["url"]).json()["rollen"]) == sorted(r["url"] for r in created.values())
    by_bsn = api.get(
        f"{ROOT}/rollen", params={"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "123456780"}
    ).json()
    assert [r["url"] for r in by_bsn["results"]] == [created["natuurlijk_persoon"]["url"]]
    by_vestiging = api.get(
        f"{ROOT}/rollen", params={"betrokkeneIdentificatie__vestiging__vestigingsNummer": "000012345678"}
    ).json()
    assert by_vestiging["count"] == 1
    assert api.get(f"{ROOT}/rollen", params={"betrokkeneType": "medewerker"}).json()["count"] == 1
    assert (
        api.get(
            f"{ROOT}/zaken", params={"rol__betrokkeneIdentificatie__medewerker__identificatie": "jdevries"}
        ).json()["count"]
        == 1
    )

    # The resident with that BSN finds the zaak in Mijn zaken.
    mine = zaken_for_resident(tenant=gemeente_a, bsn="123456780", purpose=Purpose.own_zaken(SYSTEM))
    assert [str(z.uuid) for z in mine] == [zaak["uuid"]]

    invalid = api.post(
        f"{ROOT}/rollen",
        json={
            "zaak": zaak["url"],
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": roltype_url,
            "roltoelichting": "x",
            "betrokkeneIdentificatie": {"inpBsn": "1234567890"},
        },
    )
    assert invalid.status_code == 400
    assert invalid.json()["invalidParams"][0]["name"] == "betrokkeneIdentificatie.inpBsn"

    medewerker = created["medewerker"]["url"]
    assert api.head(medewerker).status_code == 200
    assert api.delete(medewerker).status_code == 204
    assert api.get(medewerker).status_code == 404
    assert Notification.objects.filter(resource="rol", actie="destroy", resource_url=medewerker).exists()


def test_zaakeigenschappen_resultaten_besluiten_and_audittrail(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak = _create(api, zaaktype)
    eigenschap = zaaktype.eigenschappen.get()
    collection = f"{zaak['url']}/zaakeigenschappen"

    response = api.post(
        collection,
        json={
            "zaak": zaak["url"],
            "eigenschap": catalog_url(api, "eigenschappen", eigenschap),
            "waarde": "AB-12",
        },
    )
    assert response.status_code == 201, response.text
    item = response.json()
    assert item["naam"] == "kenteken" and item["url"].startswith(collection)
    assert api.get(collection).json() == [item]
    assert api.get(item["url"]).json() == item
    assert api.head(item["url"]).status_code == 200
    patched = api.patch(item["url"], json={"waarde": "CD-34"})
    assert patched.status_code == 200 and patched.json()["waarde"] == "CD-34"
    put = api.put(
        item["url"],
        json={
            "zaak": zaak["url"],
            "eigenschap": catalog_url(api, "eigenschappen", eigenschap),
            "waarde": "EF-56",
        },
    )
    assert put.json()["waarde"] == "EF-56"
    twice = api.post(
        collection,
        json={
            "zaak": zaak["url"],
            "eigenschap": catalog_url(api, "eigenschappen", eigenschap),
            "waarde": "X",
        },
    )
    assert twice.status_code == 400
    other = ZaakTypeFactory(published=True)
    foreign = other.resultaattypen.get()
    wrong_type = api.post(
        f"{ROOT}/resultaten",
        json={"zaak": zaak["url"], "resultaattype": catalog_url(api, "resultaattypen", foreign)},
    )
    assert wrong_type.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"  # zrc-020

    resultaat = api.post(
        f"{ROOT}/resultaten",
        json={
            "zaak": zaak["url"],
            "resultaattype": catalog_url(api, "resultaattypen", zaaktype.resultaattypen.get()),
            "toelichting": "Verleend",
        },
    ).json()
    assert (
        api.patch(resultaat["url"], json={"toelichting": "Toch verleend"}).json()["toelichting"]
        == "Toch verleend"
    )
    assert api.get(f"{ROOT}/resultaten", params={"zaak": zaak["url"]}).json()["count"] == 1
    assert api.delete(resultaat["url"]).status_code == 204
    assert api.delete(item["url"]).status_code == 204
    assert api.get(collection).json() == []

    assert api.get(f"{zaak['url']}/besluiten").json() == []

    # Zaakobjecten: an object by URL, an 'overige' needs its kind.
    pand = "https://bag.basisregistraties.overheid.nl/api/v1/panden/0344100000000001"
    zaakobject = api.post(
        f"{ROOT}/zaakobjecten", json={"zaak": zaak["url"], "object": pand, "objectType": "pand"}
    )
    assert zaakobject.status_code == 201, zaakobject.text
    assert api.get(zaak["url"]).json()["zaakobjecten"] == [zaakobject.json()["url"]]
    overige = api.post(
        f"{ROOT}/zaakobjecten", json={"zaak": zaak["url"], "object": pand, "objectType": "overige"}
    )
    assert overige.json()["invalidParams"][0]["name"] == "objectTypeOverige"
    assert api.get(f"{ROOT}/zaakobjecten", params={"object": pand}).json()["count"] == 1
    renamed = api.patch(zaakobject.json()["url"], json={"relatieomschrijving": "Bouwplaats"})
    assert renamed.json()["relatieomschrijving"] == "Bouwplaats"
    assert api.head(zaakobject.json()["url"]).status_code == 200
    assert api.delete(zaakobject.json()["url"]).status_code == 204

    trail = api.get(f"{zaak['url']}/audittrail")
    assert trail.status_code == 200, trail.text
    acties = [(row["resource"], row["actie"]) for row in trail.json()]
    assert acties[0] == ("zaak", "create")
    assert ("zaakeigenschap", "partial_update") in acties and ("resultaat", "destroy") in acties
    assert ("zaakobject", "create") in acties
    assert all(row["hoofdObject"] == zaak["url"] and row["bron"] == "zrc" for row in trail.json())
    one = api.get(f"{zaak['url']}/audittrail/{trail.json()[0]['uuid']}")
    assert one.json()["applicatieWeergave"] == "Testapplicatie"

    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="zeer_geheim"
            )
        ],
    )
    assert reader.get(f"{zaak['url']}/audittrail").status_code == 403


def test_an_application_sees_only_the_zaaktypen_and_confidentiality_it_is_authorised_for(
    zgw_client, gemeente_a, adoption, zaaktype
):
    admin = zgw_client(gemeente_a)
    other = ZaakTypeFactory(published=True)
    visible = _create(admin, zaaktype, vertrouwelijkheidaanduiding="intern")
    secret = _create(admin, zaaktype, vertrouwelijkheidaanduiding="geheim")
    hidden = _create(admin, other)

    limited = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.aanmaken"],
                zaaktype=zaaktype,
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )
    listed = limited.get(f"{ROOT}/zaken").json()
    assert listed["count"] == 1
    assert [z["url"] for z in listed["results"]] == [visible["url"]]
    assert limited.post(f"{ROOT}/zaken/_zoek", json={}).json()["count"] == 1
    assert limited.get(secret["url"]).status_code == 403
    assert limited.get(hidden["url"]).status_code == 403
    assert limited.get(visible["url"]).status_code == 200
    # Creating is allowed for its own zaaktype, up to its level, not beyond.
    assert limited.post(f"{ROOT}/zaken", json=new_zaak_body(limited, other)).status_code == 403
    too_secret = new_zaak_body(limited, zaaktype, vertrouwelijkheidaanduiding="geheim")
    assert limited.post(f"{ROOT}/zaken", json=too_secret).status_code == 403
    assert limited.post(f"{ROOT}/zaken", json=new_zaak_body(limited, zaaktype)).status_code == 201
    # No write scope, no change; no delete scope, no delete.
    assert limited.patch(visible["url"], json={"toelichting": "x"}).status_code == 403
    assert limited.delete(visible["url"]).status_code == 403


def test_another_gemeente_never_sees_or_changes_a_zaak(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    api_a = zgw_client(gemeente_a)
    api_b = zgw_client(gemeente_b)
    zaak = _create(api_a, zaaktype)
    rol = api_a.post(
        f"{ROOT}/rollen",
        json={
            "zaak": zaak["url"],
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": catalog_url(api_a, "roltypen", zaaktype.roltypen.get()),
            "roltoelichting": "Aanvrager",
            "betrokkeneIdentificatie": {"inpBsn": "123456780"},
        },
    ).json()
    status = api_a.post(
        f"{ROOT}/statussen",
        json={
            "zaak": zaak["url"],
            "statustype": catalog_url(api_a, "statustypen", zaaktype.statustypen.order_by("volgnummer")[0]),
            "datumStatusGezet": "2026-11-10T09:00:00Z",
        },
    ).json()

    for url in (
        zaak["url"],
        rol["url"],
        status["url"],
        f"{zaak['url']}/zaakeigenschappen",
        f"{zaak['url']}/audittrail",
    ):
        assert api_b.get(url).status_code == 404, url
    assert api_b.patch(zaak["url"], json={"toelichting": "x"}).status_code == 404
    assert api_b.delete(zaak["url"]).status_code == 404
    assert api_b.delete(rol["url"]).status_code == 404
    for collection in ("zaken", "rollen", "statussen", "resultaten"):
        assert api_b.get(f"{ROOT}/{collection}").json()["count"] == 0, collection
    assert api_b.post(f"{ROOT}/zaken/_zoek", json={"uuid__in": [zaak["uuid"]]}).json()["count"] == 0
    # B cannot hang its own rol or status on A's zaak.
    stolen = api_b.post(
        f"{ROOT}/rollen",
        json={
            "zaak": zaak["url"],
            "betrokkeneType": "medewerker",
            "roltype": catalog_url(api_b, "roltypen", zaaktype.roltypen.get()),
            "roltoelichting": "x",
            "betrokkeneIdentificatie": {"identificatie": "x"},
        },
    )
    assert stolen.status_code == 400 and stolen.json()["invalidParams"][0]["name"] == "zaak"


def test_a_zaak_from_the_portal_is_visible_through_the_api(zgw_client, gemeente_a, adoption, zaaktype):
    portal = new_zaak(adoption, bsn="123456780", name="Suzanne Moulin", data={"kenteken": "AB-12"})
    api = zgw_client(gemeente_a)

    body = api.get(f"{ROOT}/zaken/{portal.uuid}").json()
    assert body["identificatie"] == portal.identificatie
    assert body["bronorganisatie"] == "100000009"
    assert body["status"] is not None and len(body["rollen"]) == 1 and len(body["eigenschappen"]) == 1
    rol = api.get(body["rollen"][0]).json()
    assert rol["betrokkeneType"] == "natuurlijk_persoon"
    assert rol["betrokkeneIdentificatie"]["inpBsn"] == "123456780"
    assert api.get(body["eigenschappen"][0]).json()["waarde"] == "AB-12"
    status = api.get(body["status"]).json()
    assert status["indicatieLaatstGezetteStatus"] is True

    # expand: the zaak's own parts under _expand, in the list and on the detail.
    expanded = api.get(body["url"], params={"expand": "status,rollen,eigenschappen,resultaat"}).json()
    assert expanded["_expand"]["status"]["url"] == body["status"]
    assert expanded["_expand"]["rollen"][0]["betrokkeneIdentificatie"]["inpBsn"] == "123456780"
    assert expanded["_expand"]["eigenschappen"][0]["waarde"] == "AB-12"
    assert expanded["_expand"]["resultaat"] == {}  # none yet: the empty object
    listed = api.get(f"{ROOT}/zaken", params={"expand": "status"}).json()["results"]
    assert listed[0]["_expand"]["status"]["statustype"] == catalog_url(
        api, "statustypen", portal.current_status.statustype
    )
    assert api.get(body["url"], params={"expand": "kleur"}).status_code == 404  # zrc-027
    assert api.get(body["url"], params={"expand": "communicatiekanaal"}).status_code == 400  # zrc-025
