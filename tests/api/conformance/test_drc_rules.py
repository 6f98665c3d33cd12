"""The Documenten API's business rules (drc-001 .. drc-014), as an outside client meets them.

Every call goes over HTTP to the public APIs. The client sets up its own catalogus,
informatieobjecttypen and documents through the Catalogi and Documenten APIs; only a zaak to
relate a document to comes from the project's factories (a zaak needs a zaaktype the gemeente
has adopted, which the Catalogi API does not do).
"""

from __future__ import annotations

import uuid

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType

from .clients import RSIN, absolute, document_body, new_document

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DRC = "/documenten/api/v1"
EIO = f"{DRC}/enkelvoudiginformatieobjecten"
OIO = f"{DRC}/objectinformatieobjecten"
ZTC = "/catalogi/api/v1"
ZIO = "/zaken/api/v1/zaakinformatieobjecten"
CONFIDENTIALITY = {
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
}


# --- what a client does first ----------------------------------------------------------------


def new_catalogus(client) -> str:
    created = client.post(
        f"{ZTC}/catalogussen",
        json={"domein": "DOCS", "rsin": RSIN, "contactpersoonBeheerNaam": "Team Informatiebeheer"},
    )
    assert created.status_code == 201, created.text
    return created.json()["url"]


def new_iot(
    client, catalogus: str, omschrijving: str, *, publish: bool = True, vertrouwelijkheid: str = "openbaar"
) -> str:
    created = client.post(
        f"{ZTC}/informatieobjecttypen",
        json={
            "catalogus": catalogus,
            "omschrijving": omschrijving,
            "vertrouwelijkheidaanduiding": vertrouwelijkheid,
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Brief",
        },
    )
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    if publish:
        published = client.post(f"{url}/publish")
        assert published.status_code == 200, published.text
    return url


def lock(client, document: dict) -> str:
    response = client.post(f"{document['url']}/lock")
    assert response.status_code == 200, response.text
    return response.json()["lock"]


def names(response) -> set[str]:
    return {param["name"] for param in response.json().get("invalidParams", [])}


def zaak_with_iot(gemeente, client) -> tuple[str, str]:
    """A zaak of the gemeente (set up by the factories) and the URL of a document type it takes."""
    zaak = new_zaak(adopt_with_team(gemeente=gemeente, zaaktype=handling_zaaktype()))
    iot = InformatieObjectType.objects.get(tenant=zaak.zaaktype.tenant, omschrijving="Bewijsstuk")
    return (
        absolute(client, f"/zaken/api/v1/zaken/{zaak.uuid}"),
        absolute(client, f"{ZTC}/informatieobjecttypen/{iot.uuid}"),
    )


def relate_to_zaak(client, zaak: str, document: dict) -> dict:
    created = client.post(ZIO, json={"zaak": zaak, "informatieobject": document["url"]})
    assert created.status_code == 201, created.text
    return created.json()


def relations_of(client, document: dict) -> list[dict]:
    response = client.get(OIO, params={"informatieobject": document["url"]})
    assert response.status_code == 200, response.text
    return response.json()


# --- drc-001 ---------------------------------------------------------------------------------


def test_drc_001_an_informatieobjecttype_that_does_not_resolve_is_refused(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus = new_catalogus(client)
    for wrong in (
        absolute(client, f"{ZTC}/informatieobjecttypen/{uuid.uuid4()}"),
        catalogus,  # resolves, but is no informatieobjecttype
        "https://elders.example.com/catalogi/api/v1/informatieobjecttypen/1",
    ):
        refused = client.post(EIO, json=document_body(wrong))
        assert refused.status_code == 400, (wrong, refused.text)
        assert names(refused) == {"informatieobjecttype"}
    assert client.get(EIO).json()["count"] == 0


def test_drc_001_a_concept_informatieobjecttype_is_refused_until_it_is_published(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    concept = new_iot(client, new_catalogus(client), "Brief", publish=False)

    refused = client.post(EIO, json=document_body(concept))
    assert refused.status_code == 400
    assert names(refused) == {"informatieobjecttype"}

    assert client.post(f"{concept}/publish").status_code == 200
    assert client.post(EIO, json=document_body(concept)).status_code == 201


def test_drc_001_an_update_checks_the_informatieobjecttype_as_well(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus = new_catalogus(client)
    document = new_document(client, new_iot(client, catalogus, "Brief"))
    concept = new_iot(client, catalogus, "Notitie", publish=False)
    lock_id = lock(client, document)

    for wrong in (concept, absolute(client, f"{ZTC}/informatieobjecttypen/{uuid.uuid4()}")):
        patched = client.patch(document["url"], json={"informatieobjecttype": wrong, "lock": lock_id})
        assert patched.status_code == 400, patched.text
        assert names(patched) == {"informatieobjecttype"}
        put = client.put(document["url"], json=document_body(wrong, lock=lock_id))
        assert put.status_code == 400, put.text
    assert client.get(document["url"]).json()["versie"] == 1


# --- drc-002 .. drc-004: objectinformatieobjecten ---------------------------------------------


def test_drc_002_an_object_that_does_not_resolve_is_refused(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    document = new_document(client, new_iot(client, new_catalogus(client), "Brief"))
    for object_type, wrong in (
        ("zaak", absolute(client, f"/zaken/api/v1/zaken/{uuid.uuid4()}")),
        ("besluit", absolute(client, f"/besluiten/api/v1/besluiten/{uuid.uuid4()}")),
        ("zaak", "https://elders.example.com/zaken/api/v1/zaken/1"),
    ):
        refused = client.post(
            OIO, json={"informatieobject": document["url"], "object": wrong, "objectType": object_type}
        )
        assert refused.status_code == 400, refused.text
        assert names(refused) == {"object"}
    assert relations_of(client, document) == []


def test_drc_003_a_relation_of_object_and_informatieobject_occurs_once(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak, iot = zaak_with_iot(gemeente_a, client)
    document = new_document(client, iot)
    relate_to_zaak(client, zaak, document)
    # The Zaken API mirrored the relation (zrc-004): it is there once.
    assert [(r["object"], r["objectType"]) for r in relations_of(client, document)] == [(zaak, "zaak")]

    again = client.post(OIO, json={"informatieobject": document["url"], "object": zaak, "objectType": "zaak"})
    assert again.status_code == 400, again.text
    assert len(relations_of(client, document)) == 1


def test_drc_004_a_relation_is_accepted_only_when_its_source_holds_it(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak, iot = zaak_with_iot(gemeente_a, client)
    document = new_document(client, iot)

    refused = client.post(
        OIO, json={"informatieobject": document["url"], "object": zaak, "objectType": "zaak"}
    )
    assert refused.status_code == 400, refused.text
    assert relations_of(client, document) == []
    assert client.get(ZIO, params={"informatieobject": document["url"]}).json() == []


# --- drc-005 .. drc-007: the metadata ---------------------------------------------------------


def test_drc_005_a_received_document_cannot_be_in_progress(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Aanvraag")
    for status in ("in_bewerking", "ter_vaststelling"):
        refused = client.post(EIO, json=document_body(iot, ontvangstdatum="2026-11-30", status=status))
        assert refused.status_code == 400, refused.text
        assert "status" in names(refused)
    assert client.get(EIO).json()["count"] == 0

    received = new_document(client, iot, ontvangstdatum="2026-11-30", status="definitief")
    lock_id = lock(client, received)
    changed = client.patch(received["url"], json={"status": "in_bewerking", "lock": lock_id})
    assert changed.status_code == 400 and "status" in names(changed)
    # The client may clear the ontvangstdatum with it (or first change the status).
    cleared = client.patch(
        received["url"], json={"status": "in_bewerking", "ontvangstdatum": None, "lock": lock_id}
    )
    assert cleared.status_code == 200, cleared.text


def test_drc_006_gebruiksrechten_set_and_reset_indicatie_gebruiksrecht(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Foto")
    document = new_document(client, iot)
    assert document["indicatieGebruiksrecht"] is None

    def right() -> str:
        created = client.post(
            f"{DRC}/gebruiksrechten",
            json={
                "informatieobject": document["url"],
                "startdatum": "2026-11-30T09:00:00Z",
                "omschrijvingVoorwaarden": "Alleen voor de vergunning.",
            },
        )
        assert created.status_code == 201, created.text
        return created.json()["url"]

    first, second = right(), right()
    assert client.get(document["url"]).json()["indicatieGebruiksrecht"] is True
    assert client.delete(first).status_code == 204
    assert client.get(document["url"]).json()["indicatieGebruiksrecht"] is True
    assert client.delete(second).status_code == 204
    assert client.get(document["url"]).json()["indicatieGebruiksrecht"] is None

    # No conditions apply: the client says so with false.
    free = new_document(client, iot, indicatieGebruiksrecht=False)
    assert client.get(free["url"]).json()["indicatieGebruiksrecht"] is False


def test_drc_007_the_vertrouwelijkheidaanduiding_is_given_or_derived_from_the_type(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Notitie", vertrouwelijkheid="intern")

    derived = new_document(client, iot)
    assert derived["vertrouwelijkheidaanduiding"] == "intern"
    given = new_document(client, iot, vertrouwelijkheidaanduiding="geheim")
    assert given["vertrouwelijkheidaanduiding"] == "geheim"

    lock_id = lock(client, derived)
    changed = client.patch(derived["url"], json={"vertrouwelijkheidaanduiding": "openbaar", "lock": lock_id})
    assert changed.status_code == 200 and changed.json()["vertrouwelijkheidaanduiding"] == "openbaar"
    assert {d["vertrouwelijkheidaanduiding"] for d in client.get(EIO).json()["results"]} <= CONFIDENTIALITY


# --- drc-008: deleting -----------------------------------------------------------------------


def test_drc_008_a_document_with_relations_cannot_be_deleted(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak, iot = zaak_with_iot(gemeente_a, client)
    document = new_document(client, iot)
    link = relate_to_zaak(client, zaak, document)

    refused = client.delete(document["url"])
    assert refused.status_code == 400, refused.text
    assert client.get(document["url"]).status_code == 200

    assert client.delete(link["url"]).status_code == 204
    assert relations_of(client, document) == []
    assert client.delete(document["url"]).status_code == 204


def test_drc_008_a_delete_is_hard_and_takes_gebruiksrechten_and_audittrail(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    document = new_document(client, new_iot(client, new_catalogus(client), "Foto"))
    right = client.post(
        f"{DRC}/gebruiksrechten",
        json={
            "informatieobject": document["url"],
            "startdatum": "2026-11-30T09:00:00Z",
            "omschrijvingVoorwaarden": "Niet publiceren.",
        },
    ).json()
    trail = client.get(f"{document['url']}/audittrail")
    assert trail.status_code == 200 and trail.json()

    assert client.delete(document["url"]).status_code == 204
    assert client.get(document["url"]).status_code == 404
    assert client.get(right["url"]).status_code == 404
    assert client.get(f"{DRC}/gebruiksrechten", params={"informatieobject": document["url"]}).json() == []
    assert client.get(f"{document['url']}/audittrail").status_code == 404
    assert client.get(f"{document['url']}/audittrail/{trail.json()[0]['uuid']}").status_code == 404


# --- drc-009 / drc-010: lock and update -------------------------------------------------------


def test_drc_009_a_locked_document_changes_only_with_its_lock(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Brief")
    document = new_document(client, iot)

    unlocked = client.patch(document["url"], json={"titel": "Zonder lock"})
    assert unlocked.status_code == 400
    lock_id = lock(client, document)
    # Not to be guessed: long and random (another document gets another one).
    assert len(lock_id) >= 32 and lock_id != lock(client, new_document(client, iot))
    assert client.get(document["url"]).json()["locked"] is True

    for attempt in (
        client.patch(document["url"], json={"titel": "Zonder lock"}),
        client.patch(document["url"], json={"titel": "Verkeerde lock", "lock": "0" * 32}),
        client.put(document["url"], json=document_body(iot, titel="Verkeerde lock", lock="0" * 32)),
        client.delete(document["url"]),
    ):
        assert attempt.status_code == 400, attempt.text
    assert client.get(document["url"]).json()["titel"] == "Brief aan de aanvrager"

    changed = client.patch(document["url"], json={"titel": "Met lock", "lock": lock_id})
    assert changed.status_code == 200 and changed.json()["titel"] == "Met lock"
    assert client.post(f"{document['url']}/unlock", json={"lock": lock_id}).status_code == 204
    # The lock is gone with the unlock: it opens nothing any more.
    assert client.patch(document["url"], json={"titel": "Oude lock", "lock": lock_id}).status_code == 400


def test_drc_009_an_administrator_unlocks_without_the_lock_id(zgw_client, gemeente_a):
    owner = zgw_client(gemeente_a)
    iot_url = new_iot(owner, new_catalogus(owner), "Brief")
    iot = InformatieObjectType.objects.get(uuid=iot_url.rsplit("/", 1)[1])

    def application(*scopes: str):
        return zgw_client(
            gemeente_a,
            autorisaties=[
                AutorisatieSpec(
                    component="drc",
                    scopes=["documenten.lezen", "documenten.aanmaken", "documenten.lock", *scopes],
                    informatieobjecttype=iot,
                    max_confidentiality="zeer_geheim",
                )
            ],
        )

    editor, administrator = application(), application("documenten.geforceerd-unlock")
    document = new_document(editor, iot_url)
    lock(editor, document)

    # Without the scope: only with the lock id itself.
    assert editor.post(f"{document['url']}/unlock", json={}).status_code == 400
    assert editor.post(f"{document['url']}/unlock", json={"lock": "0" * 32}).status_code == 400
    assert administrator.post(f"{document['url']}/unlock", json={}).status_code == 204
    assert editor.get(document["url"]).json()["locked"] is False


def test_drc_010_an_update_needs_only_the_lock_also_for_a_definitief_document(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Besluitbrief")
    document = new_document(client, iot, status="definitief")

    without = client.patch(document["url"], json={"titel": "Aangevuld"})
    assert without.status_code == 400
    lock_id = lock(client, document)
    changed = client.patch(document["url"], json={"titel": "Aangevuld", "lock": lock_id})
    assert changed.status_code == 200, changed.text
    assert changed.json()["status"] == "definitief" and changed.json()["versie"] == 2


def test_drc_010_the_informatieobjecttype_may_change(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    catalogus = new_catalogus(client)
    document = new_document(client, new_iot(client, catalogus, "Brief"))
    other = new_iot(client, catalogus, "Bijlage")

    lock_id = lock(client, document)
    changed = client.patch(document["url"], json={"informatieobjecttype": other, "lock": lock_id})
    assert changed.status_code == 200, changed.text
    assert client.get(document["url"]).json()["informatieobjecttype"] == other


# --- drc-011 .. drc-014: expand ---------------------------------------------------------------


def test_drc_011_expand_stays_within_the_documenten_and_catalogi_apis(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    zaak, iot = zaak_with_iot(gemeente_a, client)
    document = new_document(client, iot)
    relate_to_zaak(client, zaak, document)
    relation = relations_of(client, document)[0]

    # The zaak lives in the Zaken API: not expanded here, an error.
    outside = client.get(relation["url"], params={"expand": "object"})
    assert outside.status_code in (400, 406), outside.text
    inside = client.get(relation["url"], params={"expand": "informatieobject.informatieobjecttype"})
    assert inside.status_code == 200, inside.text
    expanded = inside.json()["_expand"]["informatieobject"]
    assert expanded["url"] == document["url"]
    assert expanded["_expand"]["informatieobjecttype"]["url"] == iot


def test_drc_012_expand_is_answered_at_most_three_levels_deep(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    document = new_document(client, new_iot(client, new_catalogus(client), "Foto"))
    right = client.post(
        f"{DRC}/gebruiksrechten",
        json={
            "informatieobject": document["url"],
            "startdatum": "2026-11-30T09:00:00Z",
            "omschrijvingVoorwaarden": "Alleen intern.",
        },
    ).json()

    three = client.get(right["url"], params={"expand": "informatieobject.informatieobjecttype.catalogus"})
    assert three.status_code == 200, three.text
    level = three.json()["_expand"]["informatieobject"]["_expand"]["informatieobjecttype"]
    assert level["_expand"]["catalogus"]["url"] == level["catalogus"]

    deeper = client.get(
        right["url"], params={"expand": "informatieobject.informatieobjecttype.catalogus.zaaktypen"}
    )
    assert deeper.status_code == 200, deeper.text
    assert deeper.json() == three.json()
    assert "_expand" not in level["_expand"]["catalogus"]


def test_drc_013_expand_of_an_attribute_the_resource_lacks_is_404(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    document = new_document(client, new_iot(client, new_catalogus(client), "Brief"))

    assert client.get(document["url"], params={"expand": "kleur"}).status_code == 404
    assert client.get(document["url"], params={"expand": "informatieobjecttype.kleur"}).status_code == 404
    assert client.get(EIO, params={"expand": "kleur"}).status_code == 404


def test_drc_014_a_valid_expand_is_answered_with_what_it_asks_for(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    iot = new_iot(client, new_catalogus(client), "Brief")
    document = new_document(client, iot)

    shown = client.get(document["url"], params={"expand": "informatieobjecttype"})
    assert shown.status_code == 200, shown.text
    assert shown.json()["_expand"]["informatieobjecttype"] == client.get(iot).json()
    listed = client.get(EIO, params={"expand": "informatieobjecttype"}).json()["results"]
    assert listed[0]["_expand"]["informatieobjecttype"]["url"] == iot
    # No valid answer (the document is not there): 404, also with an expand.
    missing = client.get(f"{EIO}/{uuid.uuid4()}", params={"expand": "informatieobjecttype"})
    assert missing.status_code == 404
