"""The Catalogi API over real HTTP: the shared catalog, a gemeente's own types, concept and publish."""

import datetime

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.models import (
    Catalogus,
    InformatieObjectType,
    Product,
    ResultaatType,
    SelectielijstProcestype,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory
from plus1.notifications.models import Notification

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"


def _own_catalogus(gemeente) -> Catalogus:
    return Catalogus.objects.create(tenant=gemeente, domein="EIGEN", naam=f"Catalogus {gemeente}")


def _iot(catalogus, *, published=False) -> InformatieObjectType:
    return InformatieObjectType.objects.create(
        tenant=catalogus.tenant,
        catalogus=catalogus,
        omschrijving="Bewijsstuk",
        category="Bewijs",
        confidentiality="intern",
        status="published" if published else "concept",
        valid_from=datetime.date(2026, 1, 1),
    )


def zaaktype_payload(catalogus_url: str, **overrides) -> dict:
    procestype = SelectielijstProcestype.objects.get(jaar=2020, nummer=11)
    payload = {
        "identificatie": "ZT-API-1",
        "omschrijving": "Kapvergunning aanvragen",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Een boom mogen kappen",
        "aanleiding": "Aanvraag van een inwoner",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": "Kapvergunning",
        "handelingBehandelaar": "Behandelen",
        "doorlooptijd": "P8W",
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": False,
        "trefwoorden": ["boom", "kap"],
        "publicatieIndicatie": False,
        "productenOfDiensten": [Product.objects.get(upl_name="parkeervergunning").upl_uri],
        "selectielijstProcestype": procestype.url,
        "referentieproces": {"naam": "Kap"},
        "verantwoordelijke": "College van B&W",
        "catalogus": catalogus_url,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-02-01",
    }
    payload.update(overrides)
    return payload


def test_the_shared_catalog_is_read_with_every_part_of_a_zaaktype(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    client = zgw_client(gemeente_a)

    catalogussen = client.get(f"{ROOT}/catalogussen")
    assert catalogussen.status_code == 200, catalogussen.text
    assert catalogussen.headers["API-version"] == "1.3.3"
    catalogus = catalogussen.json()["results"][0]

    listed = client.get(f"{ROOT}/zaaktypen")
    assert listed.json()["count"] == 1
    body = listed.json()["results"][0]
    assert body["url"].endswith(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}")
    assert body["url"] in catalogus["zaaktypen"]
    assert body["catalogus"] == catalogus["url"]
    assert body["identificatie"] == zaaktype.process.identificatie
    assert body["concept"] is False
    assert body["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert body["doorlooptijd"] == "P8W"

    read = client.get(body["url"])
    assert read.json() == body
    assert client.get(body["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304
    head = client.head(body["url"])
    assert head.status_code == 200 and head.content == b"" and head.headers["ETag"] == read.headers["ETag"]

    statustypen = client.get(f"{ROOT}/statustypen", params={"zaaktype": body["url"]}).json()
    assert [(s["volgnummer"], s["isEindstatus"]) for s in statustypen["results"]] == [(1, False), (2, True)]
    assert sorted(s["url"] for s in statustypen["results"]) == sorted(body["statustypen"])
    assert client.get(statustypen["results"][0]["url"]).json() == statustypen["results"][0]

    roltypen = client.get(f"{ROOT}/roltypen", params={"omschrijvingGeneriek": "initiator"}).json()
    assert [r["omschrijving"] for r in roltypen["results"]] == ["Aanvrager"]
    assert client.get(f"{ROOT}/roltypen", params={"omschrijvingGeneriek": "adviseur"}).json()["count"] == 0

    resultaattype = client.get(
        f"{ROOT}/resultaattypen", params={"zaaktypeIdentificatie": body["identificatie"]}
    )
    result = resultaattype.json()["results"][0]
    assert result["omschrijvingGeneriek"] == "Verleend"
    assert result["brondatumArchiefprocedure"]["afleidingswijze"] == "afgehandeld"
    assert result["archiefnominatie"] == "vernietigen"


def test_lists_show_published_types_unless_status_asks_otherwise(zgw_client, gemeente_a):
    published = ZaakTypeFactory(published=True, valid_from=datetime.date(2026, 1, 1))
    concept = ZaakTypeFactory(keywords=["boom"])
    client = zgw_client(gemeente_a)

    def uuids(**params):
        response = client.get(f"{ROOT}/zaaktypen", params=params)
        assert response.status_code == 200, response.text
        assert response.json()["count"] == len(response.json()["results"])
        return {r["url"].rsplit("/", 1)[-1] for r in response.json()["results"]}

    assert uuids() == {str(published.uuid)}
    assert uuids(status="concept") == {str(concept.uuid)}
    assert uuids(status="alles") == {str(published.uuid), str(concept.uuid)}
    assert uuids(status="alles", identificatie=concept.process.identificatie) == {str(concept.uuid)}
    assert uuids(status="alles", trefwoorden="boom") == {str(concept.uuid)}
    assert uuids(datumGeldigheid="2025-12-31") == set()
    assert uuids(datumGeldigheid="2026-06-01") == {str(published.uuid)}
    assert uuids(catalogus="https://elders.example.com/catalogi/api/v1/catalogussen/x") == set()

    wrong_status = client.get(f"{ROOT}/zaaktypen", params={"status": "misschien"})
    assert wrong_status.status_code == 400
    assert wrong_status.json()["invalidParams"][0]["name"] == "status"
    wrong_date = client.get(f"{ROOT}/statustypen", params={"datumGeldigheid": "morgen"})
    assert wrong_date.status_code == 400
    unknown = client.get(f"{ROOT}/roltypen", params={"kleur": "blauw"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "unknown-parameters"
    # Parts follow the status of their zaaktype.
    assert client.get(f"{ROOT}/statustypen").json()["count"] == 2
    assert client.get(f"{ROOT}/statustypen", params={"status": "alles"}).json()["count"] == 4


def test_a_gemeente_never_sees_the_own_types_of_another_gemeente(zgw_client, gemeente_a, gemeente_b):
    shared = ZaakTypeFactory(published=True)
    own = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a), published=True)
    client_a = zgw_client(gemeente_a)
    client_b = zgw_client(gemeente_b)

    seen_by_a = {r["url"].rsplit("/", 1)[-1] for r in client_a.get(f"{ROOT}/zaaktypen").json()["results"]}
    assert seen_by_a == {str(shared.uuid), str(own.uuid)}
    listed_b = client_b.get(f"{ROOT}/zaaktypen").json()
    assert listed_b["count"] == 1
    assert listed_b["results"][0]["url"].endswith(str(shared.uuid))
    assert client_b.get(f"{ROOT}/statustypen").json()["count"] == 2
    assert client_b.get(f"{ROOT}/catalogussen").json()["count"] == 1

    own_url = f"{ROOT}/zaaktypen/{own.uuid}"
    assert client_a.get(own_url).status_code == 200
    assert client_b.get(own_url).status_code == 404
    assert client_b.patch(own_url, json={"eindeGeldigheid": "2026-12-31"}).status_code == 404
    assert client_b.delete(own_url).status_code == 404
    assert client_b.post(f"{own_url}/publish").status_code == 404
    statustype = own.statustypen.first()
    assert client_b.get(f"{ROOT}/statustypen/{statustype.uuid}").status_code == 404
    assert client_b.delete(f"{ROOT}/statustypen/{statustype.uuid}").status_code == 404
    catalogus = own.process.catalogus
    assert client_b.get(f"{ROOT}/catalogussen/{catalogus.uuid}").status_code == 404
    # B cannot hang a part on A's zaaktype by its URL either.
    foreign = client_b.post(
        f"{ROOT}/roltypen",
        json={
            "zaaktype": client_a.get(own_url).json()["url"],
            "omschrijving": "X",
            "omschrijvingGeneriek": "adviseur",
        },
    )
    assert foreign.status_code == 400
    assert foreign.json()["invalidParams"][0]["name"] == "zaaktype"


def test_a_gemeente_builds_publishes_and_ends_its_own_zaaktype(zgw_client, gemeente_a):
    catalogus = _own_catalogus(gemeente_a)
    # Without geforceerd-schrijven (heeftAlleAutorisaties would include it).
    client = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.schrijven"])],
    )
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]

    response = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url))
    assert response.status_code == 201, response.text
    zaaktype = response.json()
    assert response.headers["Location"] == zaaktype["url"]
    assert zaaktype["concept"] is True
    assert zaaktype["identificatie"] == "ZT-API-1"
    assert zaaktype["trefwoorden"] == ["boom", "kap"]

    patched = client.patch(zaaktype["url"], json={"omschrijving": "Kapvergunning"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["omschrijving"] == "Kapvergunning"
    put = client.put(
        zaaktype["url"], json=zaaktype_payload(catalogus_url, omschrijving="Kapvergunning", doel="Kappen")
    )
    assert put.status_code == 200, put.text
    assert (put.json()["doel"], put.json()["besluittypen"]) == ("Kappen", [])
    renamed = client.put(zaaktype["url"], json=zaaktype_payload(catalogus_url, identificatie="ANDER"))
    assert renamed.status_code == 400
    assert renamed.json()["invalidParams"][0]["name"] == "identificatie"

    for volgnummer, omschrijving in [(1, "Ontvangen"), (2, "Afgehandeld")]:
        status = client.post(
            f"{ROOT}/statustypen",
            json={"zaaktype": zaaktype["url"], "omschrijving": omschrijving, "volgnummer": volgnummer},
        )
        assert status.status_code == 201, status.text
    assert status.json()["isEindstatus"] is True
    rol = client.post(
        f"{ROOT}/roltypen",
        json={"zaaktype": zaaktype["url"], "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
    )
    assert rol.status_code == 201, rol.text

    model = ZaakType.objects.get(uuid=zaaktype["url"].rsplit("/", 1)[-1])
    template = ZaakTypeFactory()
    ResultaatType.objects.create(
        zaaktype=model,
        omschrijving="Verleend",
        generic=template.resultaattypen.first().generic,
        selectielijstklasse=template.resultaattypen.first().selectielijstklasse,
        archiefnominatie="vernietigen",
        archiefactietermijn="P1Y",
        brondatum_afleidingswijze="afgehandeld",
    )
    published = client.post(f"{zaaktype['url']}/publish")
    assert published.status_code == 200, published.text
    assert published.json()["concept"] is False

    # ztc-009: a published zaaktype only takes a new end date.
    changed = client.patch(zaaktype["url"], json={"omschrijving": "Anders"})
    assert changed.status_code == 400
    assert changed.json()["invalidParams"][0]["code"] == "non-concept-object"
    ended = client.patch(zaaktype["url"], json={"eindeGeldigheid": "2026-12-31"})
    assert ended.status_code == 200
    assert ended.json()["eindeGeldigheid"] == "2026-12-31"
    assert client.delete(zaaktype["url"]).status_code == 400
    # ztc-010: its parts are fixed too.
    extra = client.post(
        f"{ROOT}/statustypen", json={"zaaktype": zaaktype["url"], "omschrijving": "X", "volgnummer": 3}
    )
    assert extra.status_code == 400
    assert extra.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    assert client.delete(rol.json()["url"]).status_code == 400

    actions = list(
        Notification.objects.filter(kanaal="zaaktypen", resource_url=zaaktype["url"])
        .order_by("id")
        .values_list("actie", flat=True)
    )
    assert actions == ["create", "partial_update", "update", "update", "partial_update"]
    assert Notification.objects.filter(kanaal="zaaktypen").first().kenmerken == {"catalogus": catalogus_url}


def test_invalid_input_is_refused_and_writes_nothing(zgw_client, gemeente_a):
    catalogus = _own_catalogus(gemeente_a)
    client = zgw_client(gemeente_a)
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]

    missing = client.post(f"{ROOT}/zaaktypen", json={"identificatie": "X"})
    assert missing.status_code == 400
    names = {p["name"] for p in missing.json()["invalidParams"]}
    assert {"omschrijving", "doel", "catalogus", "referentieproces"} <= names

    bad_procestype = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(catalogus_url, selectielijstProcestype="https://example.com/procestypen/1"),
    )
    assert bad_procestype.status_code == 400
    assert bad_procestype.json()["invalidParams"][0]["name"] == "selectielijstProcestype"  # ztc-001

    bad_duration = client.post(
        f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, doorlooptijd="acht weken")
    )
    assert bad_duration.status_code == 400
    assert bad_duration.json()["invalidParams"][0]["name"] == "doorlooptijd"

    shared = ZaakTypeFactory(published=True).process.catalogus
    not_ours = client.post(
        f"{ROOT}/zaaktypen",
        json=zaaktype_payload(client.get(f"{ROOT}/catalogussen/{shared.uuid}").json()["url"]),
    )
    assert not_ours.status_code == 400
    assert not_ours.json()["invalidParams"][0]["name"] == "catalogus"

    first = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url))
    assert first.status_code == 201
    second = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url))
    assert second.status_code == 400
    assert second.json()["invalidParams"][0]["code"] == "concept-exists"
    assert ZaakType.objects.filter(tenant=gemeente_a).count() == 1

    # A concept is deleted for good, with its process.
    assert client.delete(first.json()["url"]).status_code == 204
    assert client.get(first.json()["url"]).status_code == 404
    assert not ZaakType.objects.filter(tenant=gemeente_a).exists()


def test_a_zaaktype_is_published_only_after_its_informatieobjecttypen(zgw_client, gemeente_a):
    # ztc-012: related besluittypen and informatieobjecttypen must be published first.
    zaaktype = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    iot = _iot(zaaktype.process.catalogus)
    ZaakTypeInformatieObjectType.objects.create(zaaktype=zaaktype, informatieobjecttype=iot, volgnummer=1)
    client = zgw_client(gemeente_a)

    refused = client.post(f"{ROOT}/zaaktypen/{zaaktype.uuid}/publish")
    assert refused.status_code == 400
    assert "Bewijsstuk" in refused.json()["invalidParams"][0]["reason"]

    link = client.get(f"{ROOT}/zaaktype-informatieobjecttypen", params={"status": "alles"}).json()["results"]
    assert [(x["informatieobjecttype"], x["richting"], x["volgnummer"]) for x in link] == [
        ("Bewijsstuk", "inkomend", 1)
    ]
    iot_body = client.get(f"{ROOT}/informatieobjecttypen/{iot.uuid}").json()
    assert iot_body["concept"] is True
    assert iot_body["zaaktypen"] == [client.get(f"{ROOT}/zaaktypen/{zaaktype.uuid}").json()["url"]]

    published_iot = client.post(f"{ROOT}/informatieobjecttypen/{iot.uuid}/publish")
    assert published_iot.status_code == 200, published_iot.text
    assert published_iot.json()["concept"] is False
    assert client.post(f"{ROOT}/informatieobjecttypen/{iot.uuid}/publish").status_code == 400
    # In use by a zaaktype: the informatieobjecttype stays.
    assert client.delete(f"{ROOT}/informatieobjecttypen/{iot.uuid}").status_code == 400

    assert client.post(f"{ROOT}/zaaktypen/{zaaktype.uuid}/publish").status_code == 200
    assert client.get(f"{ROOT}/informatieobjecttypen").json()["count"] == 1
    assert Notification.objects.filter(kanaal="informatieobjecttypen", actie="update").count() == 1


def test_scopes_decide_who_reads_and_who_writes(zgw_client, gemeente_a):
    shared = ZaakTypeFactory(published=True)
    own = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    reader = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen"])]
    )
    zaken_app = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=shared, max_confidentiality="openbaar"
            )
        ],
    )
    outsider = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ac", scopes=["autorisaties.lezen"])]
    )
    writer = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.schrijven"])]
    )

    assert reader.get(f"{ROOT}/zaaktypen").status_code == 200
    assert reader.patch(f"{ROOT}/zaaktypen/{own.uuid}", json={"omschrijving": "X"}).status_code == 403
    assert reader.delete(f"{ROOT}/zaaktypen/{own.uuid}").status_code == 403
    # ztc-014: a Zaken API client with zaken.lezen reads the catalog.
    assert zaken_app.get(f"{ROOT}/zaaktypen/{shared.uuid}").status_code == 200
    assert zaken_app.get(f"{ROOT}/statustypen").status_code == 200
    denied = outsider.get(f"{ROOT}/zaaktypen")
    assert denied.status_code == 403
    assert denied.json()["code"] == "permission_denied"
    # The shared catalog is the collective's: a gemeente reads it but does not change it.
    assert (
        writer.patch(f"{ROOT}/zaaktypen/{shared.uuid}", json={"eindeGeldigheid": "2026-12-31"}).status_code
        == 403
    )
    assert writer.patch(f"{ROOT}/zaaktypen/{own.uuid}", json={"omschrijving": "Eigen"}).status_code == 200


def test_a_correction_with_geforceerd_schrijven_may_add_to_a_published_zaaktype(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a), published=True)
    corrector = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.geforceerd-schrijven"])
        ],
    )
    url = corrector.get(f"{ROOT}/zaaktypen/{zaaktype.uuid}").json()["url"]
    added = corrector.post(
        f"{ROOT}/roltypen",
        json={"zaaktype": url, "omschrijving": "Adviseur", "omschrijvingGeneriek": "adviseur"},
    )
    assert added.status_code == 201, added.text
    assert added.json()["url"] in corrector.get(url).json()["roltypen"]
    # Deleting needs geforceerd-verwijderen, which this application lacks.
    assert corrector.delete(added.json()["url"]).status_code == 403


def test_a_gemeente_manages_its_own_informatieobjecttypen_and_besluittypen(
    zgw_client, gemeente_a, gemeente_b
):
    catalogus = _own_catalogus(gemeente_a)
    client = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.schrijven"])],
    )
    catalogus_url = client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]
    iot_payload = {
        "catalogus": catalogus_url,
        "omschrijving": "Situatietekening",
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2026-01-01",
        "informatieobjectcategorie": "Tekening",
    }
    iot = client.post(f"{ROOT}/informatieobjecttypen", json=iot_payload)
    assert iot.status_code == 201, iot.text
    assert iot.json()["concept"] is True
    duplicate = client.post(f"{ROOT}/informatieobjecttypen", json=iot_payload)
    assert duplicate.status_code == 400
    assert duplicate.json()["invalidParams"][0] == {
        "name": "omschrijving",
        "code": "unique",
        "reason": "Deze omschrijving bestaat al in de catalogus; kies een andere.",
    }
    put = client.put(iot.json()["url"], json={**iot_payload, "vertrouwelijkheidaanduiding": "intern"})
    assert put.status_code == 200, put.text
    assert put.json()["vertrouwelijkheidaanduiding"] == "intern"

    besluittype = client.post(
        f"{ROOT}/besluittypen",
        json={
            "catalogus": catalogus_url,
            "omschrijving": "Kapvergunning verleend",
            "reactietermijn": "P6W",
            "publicatieIndicatie": True,
            "informatieobjecttypen": [],
            "beginGeldigheid": "2026-01-01",
        },
    )
    assert besluittype.status_code == 201, besluittype.text
    assert besluittype.json()["reactietermijn"] == "P6W"
    assert besluittype.json()["besluitcategorie"] == "Kapvergunning verleend"
    patched = client.patch(
        besluittype.json()["url"], json={"reactietermijn": None, "toelichting": "Zes weken"}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["reactietermijn"] is None
    assert client.post(f"{besluittype.json()['url']}/publish").status_code == 200
    # ztc-009: published, it only takes an end date.
    assert client.patch(besluittype.json()["url"], json={"toelichting": "Anders"}).status_code == 400
    assert client.patch(besluittype.json()["url"], json={"eindeGeldigheid": "2027-01-01"}).status_code == 200
    assert client.delete(besluittype.json()["url"]).status_code == 400

    # Another gemeente sees none of it, and cannot write in this catalogus.
    other = zgw_client(gemeente_b)
    assert other.get(iot.json()["url"]).status_code == 404
    assert other.get(f"{ROOT}/besluittypen").json()["count"] == 0
    assert (
        other.post(f"{ROOT}/informatieobjecttypen", json={**iot_payload, "omschrijving": "X"}).status_code
        == 400
    )

    assert client.delete(iot.json()["url"]).status_code == 204
    assert client.get(iot.json()["url"]).status_code == 404
    kanalen = set(Notification.objects.values_list("kanaal", "actie"))
    assert {("informatieobjecttypen", "create"), ("informatieobjecttypen", "destroy")} <= kanalen
    assert {("besluittypen", "create"), ("besluittypen", "partial_update")} <= kanalen


def test_the_parts_of_a_concept_zaaktype_change_until_it_is_published(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    _iot(zaaktype.process.catalogus, published=True)
    client = zgw_client(gemeente_a)
    zaaktype_url = client.get(f"{ROOT}/zaaktypen/{zaaktype.uuid}").json()["url"]

    statustype = client.get(
        f"{ROOT}/statustypen", params={"zaaktype": zaaktype_url, "status": "alles"}
    ).json()
    first = statustype["results"][0]
    patched = client.patch(first["url"], json={"statustekst": "We hebben uw aanvraag ontvangen."})
    assert patched.status_code == 200, patched.text
    assert patched.json()["statustekst"] == "We hebben uw aanvraag ontvangen."
    clash = client.patch(first["url"], json={"volgnummer": 2})
    assert clash.status_code == 400
    moved = client.put(
        first["url"],
        json={"zaaktype": zaaktype_url, "omschrijving": "Ontvangen", "volgnummer": 1, "informeren": False},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["informeren"] is False
    other = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    other_url = client.get(f"{ROOT}/zaaktypen/{other.uuid}").json()["url"]
    assert client.patch(first["url"], json={"zaaktype": other_url}).status_code == 400

    roltype = client.get(f"{ROOT}/roltypen", params={"zaaktype": zaaktype_url, "status": "alles"}).json()[
        "results"
    ][0]
    renamed = client.patch(roltype["url"], json={"omschrijving": "Indiener"})
    assert renamed.json()["omschrijving"] == "Indiener"
    assert client.patch(roltype["url"], json={"omschrijvingGeneriek": "baas"}).status_code == 400

    link = client.post(
        f"{ROOT}/zaaktype-informatieobjecttypen",
        json={
            "zaaktype": zaaktype_url,
            "informatieobjecttype": "Bewijsstuk",
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )
    assert link.status_code == 201, link.text
    assert link.json()["informatieobjecttype"] == "Bewijsstuk"
    outgoing = client.patch(link.json()["url"], json={"richting": "uitgaand", "volgnummer": 3})
    assert outgoing.status_code == 200, outgoing.text
    assert (outgoing.json()["richting"], outgoing.json()["volgnummer"]) == ("uitgaand", 3)
    unknown = client.post(
        f"{ROOT}/zaaktype-informatieobjecttypen",
        json={
            "zaaktype": zaaktype_url,
            "informatieobjecttype": "Onbekend",
            "volgnummer": 2,
            "richting": "intern",
        },
    )
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "relations-incorrect-catalogus"  # ztc-013

    assert client.post(f"{zaaktype_url}/publish").status_code == 200
    # ztc-010: now the parts are fixed (without geforceerd-schrijven).
    fixed = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.schrijven"])],
    )
    assert fixed.patch(first["url"], json={"statustekst": "Anders"}).status_code == 400
    assert fixed.delete(link.json()["url"]).status_code == 400


def test_a_gemeente_opens_its_own_catalogus_and_completes_a_zaaktype(zgw_client, gemeente_a, gemeente_b):
    client = zgw_client(gemeente_a)
    opened = client.post(
        f"{ROOT}/catalogussen",
        json={"domein": "UTR", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "Team Catalogus"},
    )
    assert opened.status_code == 201, opened.text
    catalogus = opened.json()
    assert catalogus["rsin"] == gemeente_a.rsin
    assert catalogus["zaaktypen"] == []
    assert (
        client.post(
            f"{ROOT}/catalogussen",
            json={"domein": "UTR", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "X"},
        ).json()["invalidParams"][0]["code"]
        == "unique"
    )
    wrong_rsin = client.post(
        f"{ROOT}/catalogussen",
        json={"domein": "ANDER", "rsin": gemeente_b.rsin, "contactpersoonBeheerNaam": "X"},
    )
    assert wrong_rsin.status_code == 400
    assert wrong_rsin.json()["invalidParams"][0]["name"] == "rsin"
    renamed = client.patch(catalogus["url"], json={"naam": "Catalogus Utrecht"})
    assert renamed.status_code == 200 and renamed.json()["naam"] == "Catalogus Utrecht"
    assert zgw_client(gemeente_b).patch(catalogus["url"], json={"naam": "Van B"}).status_code == 404

    zaaktype = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus["url"])).json()
    template = ZaakTypeFactory().resultaattypen.first()
    resultaat = {
        "zaaktype": zaaktype["url"],
        "omschrijving": "Verleend",
        "resultaattypeomschrijving": template.generic.url,
        "selectielijstklasse": template.selectielijstklasse.url,
        "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
    }
    created = client.post(f"{ROOT}/resultaattypen", json=resultaat)
    assert created.status_code == 201, created.text
    # ztc-002: archiving follows the selectielijstklasse when not given.
    assert created.json()["archiefnominatie"] == template.selectielijstklasse.waardering
    assert created.json()["archiefactietermijn"] == template.selectielijstklasse.bewaartermijn
    # The selectielijst is served by Plus1 itself: the klasse points at our copy, which answers.
    klasse_url = created.json()["selectielijstklasse"]
    assert klasse_url.startswith(f"{client.base_url}/referentielijsten/api/v1/resultaten/")
    assert client.get(klasse_url).json()["volledigNummer"] == template.selectielijstklasse.volledig_nummer
    # Our own URL is accepted as input too, and names the same klasse.
    again = client.post(
        f"{ROOT}/resultaattypen", json={**resultaat, "omschrijving": "Ook", "selectielijstklasse": klasse_url}
    )
    assert again.status_code == 201, again.text
    assert client.delete(again.json()["url"]).status_code == 204
    wrong_klasse = client.post(
        f"{ROOT}/resultaattypen",
        json={
            **resultaat,
            "omschrijving": "Anders",
            "selectielijstklasse": "https://example.com/resultaten/1",
        },
    )
    assert wrong_klasse.status_code == 400
    assert wrong_klasse.json()["invalidParams"][0]["name"] == "selectielijstklasse"

    eigenschap = client.post(
        f"{ROOT}/eigenschappen",
        json={
            "zaaktype": zaaktype["url"],
            "naam": "plantdatum",
            "definitie": "Wanneer is de boom geplant?",
            "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"},
        },
    )
    assert eigenschap.status_code == 201, eigenschap.text
    assert eigenschap.json()["specificatie"]["formaat"] == "datum"
    wrong_length = client.post(
        f"{ROOT}/eigenschappen",
        json={
            "zaaktype": zaaktype["url"],
            "naam": "kapdatum",
            "definitie": "Wanneer wilt u kappen?",
            "specificatie": {"formaat": "datum", "lengte": "10", "kardinaliteit": "1"},
        },
    )
    assert wrong_length.status_code == 400  # ztc-015
    assert wrong_length.json()["invalidParams"][0]["name"] == "specificatie.lengte"
    explained = client.patch(created.json()["url"], json={"toelichting": "Vergunning verleend"})
    assert explained.status_code == 200 and explained.json()["toelichting"] == "Vergunning verleend"
    put = client.put(created.json()["url"], json={**resultaat, "omschrijving": "Toegekend"})
    assert put.status_code == 200 and put.json()["omschrijving"] == "Toegekend"
    assert (
        client.put(
            created.json()["url"],
            json={**resultaat, "selectielijstklasse": template.selectielijstklasse.url[:-1]},
        )
    ).status_code == 400
    asked = client.patch(eigenschap.json()["url"], json={"definitie": "Plantdatum van de boom"})
    assert asked.status_code == 200 and asked.json()["definitie"] == "Plantdatum van de boom"
    detail = client.get(zaaktype["url"]).json()
    assert detail["resultaattypen"] == [created.json()["url"]]
    assert detail["eigenschappen"] == [eigenschap.json()["url"]]
    assert client.get(catalogus["url"]).json()["zaaktypen"] == [zaaktype["url"]]
