"""The Documenten API (and the Zaken API's zaakinformatieobjecten) over real HTTP.

The documents are the ones the portal and the back office use: what one channel adds, the
other shows.
"""

from __future__ import annotations

import base64
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.apiclients.models import Application
from plus1.apiclients.services import AutorisatieSpec, update_application
from plus1.cases.models import InformatieObject, ObjectInformatieObject, ZaakInformatieObject
from plus1.cases.processing import Purpose
from plus1.cases.selectors import get_zaak_document
from plus1.cases.services import add_zaak_document
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType
from plus1.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/documenten/api/v1"
EIO = f"{ROOT}/enkelvoudiginformatieobjecten"
ZIO = "/zaken/api/v1/zaakinformatieobjecten"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


def _iot_url(client, iot) -> str:
    return f"{client.base_url}/catalogi/api/v1/informatieobjecttypen/{iot.uuid}".replace(
        "//catalogi", "/catalogi"
    )


def _zaak_url(client, zaak) -> str:
    return f"{client.base_url}/zaken/api/v1/zaken/{zaak.uuid}".replace("//zaken", "/zaken")


def _setup(gemeente):
    zaaktype = handling_zaaktype()
    adoption = adopt_with_team(gemeente=gemeente, zaaktype=zaaktype)
    zaak = new_zaak(adoption)
    iot = InformatieObjectType.objects.get(tenant=zaaktype.tenant, omschrijving="Bewijsstuk")
    return zaak, iot


def _document(client, iot, **overrides) -> dict:
    body = {
        "bronorganisatie": "100000009",
        "creatiedatum": "2026-11-30",
        "titel": "Bouwtekening",
        "auteur": "Architect",
        "taal": "dut",
        "bestandsnaam": "tekening.pdf",
        "formaat": "application/pdf",
        "inhoud": _b64(PDF),
        "informatieobjecttype": _iot_url(client, iot),
        "trefwoorden": ["bouwtekening", "vergunning"],
    }
    body.update(overrides)
    return body


def test_a_document_is_created_read_locked_changed_into_versions_and_removed(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)

    response = client.post(EIO, json=_document(client, iot))
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == body["url"]
    assert body["identificatie"].startswith("DOCUMENT-")
    assert body["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"  # drc-007: from the type
    assert body["versie"] == 1 and body["locked"] is False and body["bestandsdelen"] == []
    assert body["bestandsomvang"] == len(PDF)
    assert body["inhoud"].endswith("/download?versie=1")

    read = client.get(body["url"])
    assert read.status_code == 200
    assert {k: v for k, v in read.json().items()} == {k: v for k, v in body.items() if k != "lock"}
    assert client.get(body["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304
    head = client.head(body["url"])
    assert head.status_code == 200 and head.headers["ETag"] == read.headers["ETag"] and head.content == b""
    download = client.get(body["inhoud"])
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["Content-Type"] == "application/octet-stream"

    # drc-009: no change without the lock.
    unlocked = client.patch(body["url"], json={"titel": "Nieuw"})
    assert unlocked.status_code == 400
    lock = client.post(f"{body['url']}/lock").json()["lock"]
    assert client.post(f"{body['url']}/lock").json()["invalidParams"][0]["code"] == "existing-lock"
    wrong = client.patch(body["url"], json={"titel": "Nieuw", "lock": "fout"})
    assert wrong.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    # A locked document cannot be deleted (gemma-zaken #1956).
    assert client.delete(body["url"]).json()["invalidParams"][0]["code"] == "locked"

    new_content = PDF + b"% versie 2\n"
    patched = client.patch(
        body["url"], json={"titel": "Bouwtekening v2", "inhoud": _b64(new_content), "lock": lock}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["versie"] == 2 and patched.json()["titel"] == "Bouwtekening v2"
    assert patched.json()["beginRegistratie"] > body["beginRegistratie"]
    put = client.put(body["url"], json=_document(client, iot, titel="Bouwtekening v3", lock=lock))
    assert put.status_code == 200 and put.json()["versie"] == 3

    first = client.get(body["url"], params={"versie": 1}).json()
    assert first["titel"] == "Bouwtekening" and first["versie"] == 1
    assert client.get(f"{body['url']}/download", params={"versie": 1}).content == PDF
    assert client.get(f"{body['url']}/download", params={"versie": 2}).content == new_content
    at = client.get(body["url"], params={"registratieOp": patched.json()["beginRegistratie"]}).json()
    assert at["versie"] == 2
    assert client.get(body["url"], params={"versie": 9}).status_code == 404

    assert client.post(f"{body['url']}/unlock", json={"lock": lock}).status_code == 204
    assert client.delete(body["url"]).status_code == 204
    assert client.get(body["url"]).status_code == 404
    actions = list(
        Notification.objects.filter(kanaal="documenten", resource_url=body["url"]).values_list(
            "actie", flat=True
        )
    )
    assert actions == ["create", "partial_update", "update", "update", "destroy"]
    kenmerken = Notification.objects.filter(kanaal="documenten", resource_url=body["url"]).first().kenmerken
    assert kenmerken["bronorganisatie"] == "100000009"
    assert kenmerken["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert kenmerken["informatieobjecttype"].endswith(f"/catalogi/api/v1/informatieobjecttypen/{iot.uuid}")


def test_the_rules_of_the_standard_are_checked(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    concept = InformatieObjectType.objects.create(
        tenant=iot.tenant,
        catalogus=iot.catalogus,
        omschrijving="Concepttype",
        category="Test",
        confidentiality="openbaar",
        valid_from=datetime.date(2026, 1, 1),
    )
    client = zgw_client(gemeente_a)

    def codes(response):
        assert response.status_code == 400, response.text
        return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}

    # drc-001: a published type only.
    assert ("informatieobjecttype", "not-published") in codes(
        client.post(EIO, json=_document(client, concept))
    )
    assert ("informatieobjecttype", "bad-url") in codes(
        client.post(EIO, json=_document(client, iot, informatieobjecttype="https://elders.nl/iot/1"))
    )
    # drc-005: a received document is not still in progress.
    assert ("status", "invalid_for_received") in codes(
        client.post(EIO, json=_document(client, iot, ontvangstdatum="2026-11-30", status="in_bewerking"))
    )
    assert ("bronorganisatie", "invalid") in codes(
        client.post(EIO, json=_document(client, iot, bronorganisatie="123456789"))
    )
    assert ("inhoud", "invalid") in codes(
        client.post(EIO, json=_document(client, iot, inhoud="geen base64!"))
    )
    assert ("titel", "required") in codes(
        client.post(EIO, json={k: v for k, v in _document(client, iot).items() if k != "titel"})
    )
    assert ("vertrouwelijkheidaanduiding", "invalid_choice") in codes(
        client.post(EIO, json=_document(client, iot, vertrouwelijkheidaanduiding="superheim"))
    )
    explicit = client.post(
        EIO, json=_document(client, iot, vertrouwelijkheidaanduiding="openbaar", identificatie="DOC-1")
    )
    assert explicit.json()["vertrouwelijkheidaanduiding"] == "openbaar"
    assert ("identificatie", "identificatie-niet-uniek") in codes(
        client.post(EIO, json=_document(client, iot, identificatie="DOC-1"))
    )
    assert (
        client.get(EIO, params={"kleur": "blauw"}).json()["invalidParams"][0]["code"] == "unknown-parameters"
    )
    # Nothing half-written.
    assert InformatieObject.objects.filter(tenant=gemeente_a).count() == 1


def test_lists_filter_and_search(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    one = client.post(
        EIO, json=_document(client, iot, identificatie="A-1", trefwoorden=["bouw", "dak"])
    ).json()
    two = client.post(EIO, json=_document(client, iot, identificatie="A-2", trefwoorden=["tuin"])).json()

    everything = client.get(EIO).json()
    assert everything["count"] >= 2  # the zaak's own documents count too
    assert [d["url"] for d in client.get(EIO, params={"identificatie": "A-1"}).json()["results"]] == [
        one["url"]
    ]
    assert [d["url"] for d in client.get(EIO, params={"trefwoorden": "tuin"}).json()["results"]] == [
        two["url"]
    ]
    assert client.get(EIO, params={"trefwoorden": "bouw,tuin"}).json()["count"] == 0
    assert client.get(EIO, params={"bronorganisatie": "999999999"}).json()["count"] == 0
    found = client.post(
        f"{EIO}/_zoek", json={"uuid__in": [one["url"].rsplit("/", 1)[1]], "identificatie": "A-1"}
    ).json()
    assert found["count"] == 1 and found["results"][0]["url"] == one["url"]
    assert client.post(f"{EIO}/_zoek", json={}).json()["invalidParams"][0]["name"] == "uuid__in"


def test_a_large_file_arrives_in_parts_and_is_joined_on_unlock(zgw_client, gemeente_a, settings):
    settings.PLUS1_DOCUMENT_PART_SIZE = 20
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    content = PDF  # 45 bytes: parts of 20, 20 and 5
    created = client.post(EIO, json=_document(client, iot, inhoud=None, bestandsomvang=len(content)))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["locked"] is True and body["lock"]
    parts = body["bestandsdelen"]
    assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [
        (1, 20, False),
        (2, 20, False),
        (3, 5, False),
    ]
    assert body["inhoud"] is None

    def put_part(part, data, lock):
        return client.put(
            part["url"], data={"lock": lock}, files={"inhoud": ("deel", data, "application/octet-stream")}
        )

    assert put_part(parts[0], content[:19], body["lock"]).json()["invalidParams"][0]["code"] == "file-size"
    assert put_part(parts[0], content[:20], "fout").json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    done = put_part(parts[0], content[:20], body["lock"])
    assert done.status_code == 200, done.text
    assert done.json()["voltooid"] is True
    incomplete = client.post(f"{body['url']}/unlock", json={"lock": body["lock"]})
    assert incomplete.json()["invalidParams"][0]["code"] == "incomplete-upload"
    put_part(parts[1], content[20:40], body["lock"])
    put_part(parts[2], content[40:], body["lock"])
    assert client.post(f"{body['url']}/unlock", json={"lock": body["lock"]}).status_code == 204

    joined = client.get(body["url"]).json()
    assert (
        joined["locked"] is False
        and joined["bestandsdelen"] == []
        and joined["bestandsomvang"] == len(content)
    )
    assert client.get(joined["inhoud"]).content == content


def test_a_document_linked_to_a_zaak_shows_in_the_back_office_and_in_both_apis(zgw_client, gemeente_a):
    zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()
    zaak_url = _zaak_url(client, zaak)

    link = client.post(ZIO, json={"zaak": zaak_url, "informatieobject": document["url"], "titel": "Tekening"})
    assert link.status_code == 201, link.text
    link_body = link.json()
    assert link_body["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"
    assert link_body["registratiedatum"]
    # The back office shows the zaak's documents through InformatieObject.zaak.
    assert zaak.documenten.filter(uuid=document["url"].rsplit("/", 1)[1]).exists()
    # The resident does not see a document marked tonenAanInitiator=false.
    hidden = client.post(EIO, json=_document(client, iot, tonenAanInitiator=False)).json()
    assert client.post(ZIO, json={"zaak": zaak_url, "informatieobject": hidden["url"]}).status_code == 201
    purpose = Purpose.own_zaken(SYSTEM)
    hidden_uuid = hidden["url"].rsplit("/", 1)[1]
    assert get_zaak_document(zaak=zaak, document_uuid=hidden_uuid, purpose=purpose).titel == "Bouwtekening"
    with pytest.raises(InformatieObject.DoesNotExist):
        get_zaak_document(zaak=zaak, document_uuid=hidden_uuid, purpose=purpose, for_initiator=True)
    assert client.get(link_body["url"]).json() == link_body
    assert client.head(link_body["url"]).headers["ETag"] == client.get(link_body["url"]).headers["ETag"]
    assert Notification.objects.filter(
        kanaal="zaken", resource="zaakinformatieobject", resource_url=link_body["url"], actie="create"
    ).exists()
    listed = client.get(ZIO, params={"zaak": zaak_url}).json()
    assert link_body["url"] in [item["url"] for item in listed]

    # zrc-004: the Documenten API shows the relation.
    relations = client.get(
        f"{ROOT}/objectinformatieobjecten", params={"informatieobject": document["url"]}
    ).json()
    assert [(r["object"], r["objectType"]) for r in relations] == [(zaak_url, "zaak")]
    assert client.get(relations[0]["url"]).status_code == 200
    assert client.head(relations[0]["url"]).status_code == 200
    # The mirror goes with its source, not on its own.
    assert client.delete(relations[0]["url"]).json()["invalidParams"][0]["code"] == "inconsistent-relation"
    again = client.post(
        f"{ROOT}/objectinformatieobjecten",
        json={"informatieobject": document["url"], "object": zaak_url, "objectType": "zaak"},
    )
    # drc-003: the relation is there already (the zaakinformatieobject mirrored it).
    assert again.status_code == 400 and again.json()["invalidParams"][0]["code"] == "unique"
    by_object = client.get(EIO, params={"objectinformatieobjecten_object": zaak_url}).json()
    assert document["url"] in [d["url"] for d in by_object["results"]]

    # drc-008: not while it belongs to a zaak.
    assert client.delete(document["url"]).json()["invalidParams"][0]["code"] == "pending-relations"
    # zrc-005: zaak and informatieobject are fixed.
    other_zaak = new_zaak(zaak.zaaktype.adoptions.get(tenant=gemeente_a))
    moved = client.patch(link_body["url"], json={"zaak": _zaak_url(client, other_zaak)})
    assert moved.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"
    retitled = client.patch(link_body["url"], json={"titel": "Bouwtekening"})
    assert retitled.status_code == 200 and retitled.json()["titel"] == "Bouwtekening"
    # A document may belong to several zaken.
    second = client.post(
        ZIO, json={"zaak": _zaak_url(client, other_zaak), "informatieobject": document["url"]}
    )
    assert second.status_code == 201
    duplicate = client.post(ZIO, json={"zaak": zaak_url, "informatieobject": document["url"]})
    assert duplicate.status_code == 400

    assert client.delete(link_body["url"]).status_code == 204
    assert client.delete(second.json()["url"]).status_code == 204
    assert (
        client.get(f"{ROOT}/objectinformatieobjecten", params={"informatieobject": document["url"]}).json()
        == []
    )
    assert not zaak.documenten.filter(uuid=document["url"].rsplit("/", 1)[1]).exists()
    assert client.delete(document["url"]).status_code == 204


def test_a_zaakinformatieobject_needs_a_type_of_the_zaaktype_and_an_existing_document(zgw_client, gemeente_a):
    zaak, iot = _setup(gemeente_a)
    stranger = InformatieObjectType.objects.create(
        tenant=iot.tenant,
        catalogus=iot.catalogus,
        omschrijving="Vreemd type",
        category="Test",
        confidentiality="openbaar",
        valid_from=datetime.date(2026, 1, 1),
        status="published",
    )
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, stranger)).json()
    zaak_url = _zaak_url(client, zaak)
    # zrc-017
    wrong_type = client.post(ZIO, json={"zaak": zaak_url, "informatieobject": document["url"]})
    assert wrong_type.json()["invalidParams"][0]["code"] == "missing-zaaktype-informatieobjecttype-relation"
    # zrc-003
    missing = client.post(ZIO, json={"zaak": zaak_url, "informatieobject": f"{document['url'][:-4]}0000"})
    assert missing.json()["invalidParams"][0]["name"] == "informatieobject"
    # drc-004: the relation must exist at the zaak first.
    orphan = client.post(
        f"{ROOT}/objectinformatieobjecten",
        json={"informatieobject": document["url"], "object": zaak_url, "objectType": "zaak"},
    )
    assert orphan.json()["invalidParams"][0]["code"] == "inconsistent-relation"
    assert (
        ZaakInformatieObject.objects.filter(informatieobject__uuid=document["url"].rsplit("/", 1)[1]).count()
        == 0
    )


def test_a_portal_upload_is_an_enkelvoudiginformatieobject_of_its_zaak(zgw_client, gemeente_a):
    zaak, iot = _setup(gemeente_a)
    uploaded = add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=iot.pk,
        upload=SimpleUploadedFile("paspoort.pdf", PDF, content_type="application/pdf"),
        actor=SYSTEM,
    )
    client = zgw_client(gemeente_a)
    url = f"{EIO}/{uploaded.uuid}"
    body = client.get(url).json()
    assert body["bestandsnaam"] == "paspoort.pdf" and body["formaat"] == "application/pdf"
    assert body["bronorganisatie"] == "100000009" and body["identificatie"].startswith("DOCUMENT-")
    assert client.get(body["inhoud"]).content == PDF
    links = client.get(ZIO, params={"informatieobject": body["url"]}).json()
    assert [link["zaak"] for link in links] == [_zaak_url(client, zaak)]
    assert Notification.objects.filter(
        kanaal="documenten", actie="create", resource_url__endswith=str(uploaded.uuid)
    ).exists()
    trail = client.get(f"{url}/audittrail")
    assert trail.status_code == 200


def test_an_application_sees_only_the_types_and_levels_it_is_authorised_for(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    other_iot = InformatieObjectType.objects.get(tenant=iot.tenant, omschrijving="Beschikking")
    admin = zgw_client(gemeente_a)
    open_doc = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="openbaar")).json()
    secret_doc = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="geheim")).json()
    other_doc = admin.post(
        EIO, json=_document(admin, other_iot, vertrouwelijkheidaanduiding="openbaar")
    ).json()

    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen", "documenten.lock"],
                informatieobjecttype=iot,
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )
    listed = reader.get(EIO).json()
    urls = {d["url"] for d in listed["results"]}
    assert open_doc["url"] in urls and secret_doc["url"] not in urls and other_doc["url"] not in urls
    assert listed["count"] == len(listed["results"])
    assert reader.get(secret_doc["url"]).status_code == 403
    assert reader.get(other_doc["url"]).status_code == 403
    assert reader.post(EIO, json=_document(reader, iot)).status_code == 403
    lock = reader.post(f"{open_doc['url']}/lock").json()["lock"]
    assert reader.patch(open_doc["url"], json={"titel": "x", "lock": lock}).status_code == 403
    # Without documenten.geforceerd-unlock only the lock id unlocks; the admin may force it.
    assert reader.post(f"{open_doc['url']}/unlock", json={}).status_code == 400
    assert admin.post(f"{open_doc['url']}/unlock", json={}).status_code == 204

    application = Application.objects.get(credentials__client_id=reader.client_id)
    update_application(application=application, actor=SYSTEM, only_published_documents=True)
    assert reader.get(EIO).json()["count"] == 0
    InformatieObject.objects.filter(uuid=open_doc["url"].rsplit("/", 1)[1]).update(
        is_ready_for_publication=True
    )
    assert [d["url"] for d in reader.get(EIO).json()["results"]] == [open_doc["url"]]


def test_another_gemeente_sees_nothing_of_these_documents(zgw_client, gemeente_a, gemeente_b):
    zaak, iot = _setup(gemeente_a)
    client_a = zgw_client(gemeente_a)
    client_b = zgw_client(gemeente_b)
    document = client_a.post(EIO, json=_document(client_a, iot)).json()
    link = client_a.post(
        ZIO, json={"zaak": _zaak_url(client_a, zaak), "informatieobject": document["url"]}
    ).json()

    assert client_b.get(EIO).json()["count"] == 0
    assert client_b.get(document["url"]).status_code == 404
    assert client_b.get(f"{document['url']}/download").status_code == 404
    assert client_b.post(f"{document['url']}/lock").status_code == 404
    assert client_b.delete(document["url"]).status_code == 404
    assert client_b.get(link["url"]).status_code == 404
    assert client_b.get(ZIO).json() == []
    assert client_b.get(f"{ROOT}/objectinformatieobjecten").json() == []
    assert (
        client_b.post(f"{EIO}/_zoek", json={"uuid__in": [document["url"].rsplit("/", 1)[1]]}).json()["count"]
        == 0
    )
    # B cannot link A's document to B's zaak, nor A's zaak.
    stolen = client_b.post(ZIO, json={"zaak": _zaak_url(client_b, zaak), "informatieobject": document["url"]})
    assert stolen.status_code == 400
    assert ObjectInformatieObject.objects.filter(tenant=gemeente_b).count() == 0


def test_gebruiksrechten_set_and_clear_the_indicatie_of_their_document(zgw_client, gemeente_a, gemeente_b):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()
    assert document["indicatieGebruiksrecht"] is None
    right = client.post(
        f"{ROOT}/gebruiksrechten",
        json={
            "informatieobject": document["url"],
            "startdatum": "2026-12-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Alleen voor de vergunning",
        },
    )
    assert right.status_code == 201, right.text
    body = right.json()
    # drc-006
    assert client.get(document["url"]).json()["indicatieGebruiksrecht"] is True
    assert client.get(body["url"]).json() == body
    listed = client.get(f"{ROOT}/gebruiksrechten", params={"informatieobject": document["url"]}).json()
    assert [item["url"] for item in listed] == [body["url"]]
    assert (
        client.get(f"{ROOT}/gebruiksrechten", params={"startdatum__gt": "2027-01-01T00:00:00Z"}).json() == []
    )
    changed = client.patch(body["url"], json={"omschrijvingVoorwaarden": "Ook voor bezwaar"})
    assert changed.status_code == 200 and changed.json()["omschrijvingVoorwaarden"] == "Ook voor bezwaar"
    assert zgw_client(gemeente_b).get(body["url"]).status_code == 404
    assert client.delete(body["url"]).status_code == 204
    assert client.get(document["url"]).json()["indicatieGebruiksrecht"] is None


def test_a_document_without_its_own_level_is_listed_by_its_types_level(zgw_client, gemeente_a):
    """drc-007: a document from before the field existed has its type's vertrouwelijkheidaanduiding;
    lists judge it by that level, as a detail read does."""
    _zaak, iot = _setup(gemeente_a)
    admin = zgw_client(gemeente_a)
    made = admin.post(EIO, json=_document(admin, iot)).json()
    InformatieObject.objects.filter(uuid=made["url"].rsplit("/", 1)[1]).update(confidentiality="")

    def reader(level):
        return zgw_client(
            gemeente_a,
            autorisaties=[
                AutorisatieSpec(
                    component="drc",
                    scopes=["documenten.lezen"],
                    informatieobjecttype=iot,
                    max_confidentiality=level,
                )
            ],
        )

    allowed, too_low = reader(iot.confidentiality), reader("openbaar")
    assert [d["url"] for d in allowed.get(EIO).json()["results"]] == [made["url"]]
    assert allowed.get(made["url"]).status_code == 200
    assert too_low.get(EIO).json()["count"] == 0
    assert too_low.get(made["url"]).status_code == 403
