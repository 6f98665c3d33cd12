"""Rules of our own in the Documenten API (docs/zgw-deviations.md) stop nothing a standard
client normally sends: each refusal is shown with the everyday request it leaves alone.

The client works as one written for any standard server: it sets up its catalogus and
informatieobjecttypen through the Catalogi API and sends what the standard's examples send.
"""

from __future__ import annotations

import base64

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"
ZTC = "/catalogi/api/v1"
RSIN = "100000009"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _iot(client) -> str:
    catalogus = client.post(
        f"{ZTC}/catalogussen",
        json={"domein": "EIGEN", "rsin": RSIN, "contactpersoonBeheerNaam": "Informatiebeheer"},
    )
    assert catalogus.status_code == 201, catalogus.text
    created = client.post(
        f"{ZTC}/informatieobjecttypen",
        json={
            "catalogus": catalogus.json()["url"],
            "omschrijving": "Brief",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Brief",
        },
    )
    assert created.status_code == 201, created.text
    assert client.post(f"{created.json()['url']}/publish").status_code == 200
    return created.json()["url"]


def _body(iot: str, content: bytes = PDF, **overrides) -> dict:
    return {
        "bronorganisatie": RSIN,
        "creatiedatum": "2026-11-30",
        "titel": "Aanvraag",
        "auteur": "Inwoner",
        "taal": "dut",
        "bestandsnaam": "aanvraag.pdf",
        "formaat": "application/pdf",
        "inhoud": base64.b64encode(content).decode(),
        "informatieobjecttype": iot,
        **overrides,
    }


def test_everyday_file_names_are_accepted(zgw_client, gemeente_a):
    # Own rule: no path separators, no '.'/'..' and no control or invisible characters.
    client = zgw_client(gemeente_a)
    iot = _iot(client)
    for name in (
        "Aanvraag omgevingsvergunning (definitief) v2.pdf",
        "besluit_2026-11-30.docx",
        "Foto's gevel café Ænne — zijkant.JPG",
        "rapport.final.v3.odt",
        "zonder extensie",
        ".verborgen",
        "",
    ):
        response = client.post(EIO, json=_body(iot, bestandsnaam=name))
        assert response.status_code == 201, (name, response.text)
        assert response.json()["bestandsnaam"] == name


def test_a_document_up_to_the_maximum_size_is_accepted(zgw_client, gemeente_a):
    # Own rule: at most PLUS1_MAX_UPLOAD_BYTES (10 MB by default), inline or in bestandsdelen.
    client = zgw_client(gemeente_a)
    iot = _iot(client)
    scan = PDF + b"0" * (2 * 1024 * 1024)  # a scanned letter of 2 MB
    inline = client.post(EIO, json=_body(iot, scan, bestandsnaam="scan.pdf"))
    assert inline.status_code == 201, inline.text
    assert client.get(f"{inline.json()['url']}/download").content == scan

    parts = client.post(EIO, json=_body(iot, inhoud=None, bestandsomvang=settings.PLUS1_MAX_UPLOAD_BYTES))
    assert parts.status_code == 201, parts.text
    assert sum(part["omvang"] for part in parts.json()["bestandsdelen"]) == settings.PLUS1_MAX_UPLOAD_BYTES


def test_dates_of_everyday_documents_are_accepted(zgw_client, gemeente_a):
    # Own rule: dates lie between 1800-01-01 and 100 years from now.
    client = zgw_client(gemeente_a)
    iot = _iot(client)
    archived = client.post(
        EIO,
        json=_body(
            iot,
            creatiedatum="1901-03-14",
            ontvangstdatum="1901-03-20",
            status="gearchiveerd",
            ondertekening={"soort": "analoog", "datum": "1901-03-14"},
        ),
    )
    assert archived.status_code == 201, archived.text
    planned = client.post(EIO, json=_body(iot, verzenddatum="2030-01-31"))
    assert planned.status_code == 201, planned.text


def test_a_client_may_send_back_what_it_read(zgw_client, gemeente_a):
    # No rule of our own any more: fields the request body does not list (an answer's url,
    # versie, locked, bestandsdelen ...) are ignored, as the reference implementation does.
    client = zgw_client(gemeente_a)
    iot = _iot(client)
    created = client.post(EIO, json={**_body(iot), "url": "https://elders.example.com/x", "kleur": "rood"})
    assert created.status_code == 201, created.text
    document = client.get(created.json()["url"]).json()
    assert document["url"] == created.json()["url"]
    lock = client.post(f"{document['url']}/lock").json()["lock"]

    changed = client.put(document["url"], json={**document, "titel": "Aanvraag (aangevuld)", "lock": lock})
    assert changed.status_code == 200, changed.text
    assert changed.json()["titel"] == "Aanvraag (aangevuld)" and changed.json()["versie"] == 2
    assert changed.json()["url"] == document["url"]
    patched = client.patch(
        document["url"], json={**changed.json(), "beschrijving": "Met bijlage", "lock": lock}
    )
    assert patched.status_code == 200, patched.text
    # The answer's inhoud is its download link: sent back, the content stays.
    assert client.get(f"{document['url']}/download").content == PDF


def test_a_locked_document_is_deleted_after_its_unlock(zgw_client, gemeente_a):
    # Rule accepted by VNG (gemma-zaken #1956), not yet in the written rules: a locked document
    # is not deleted. The normal course, unlock and delete, goes through.
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_body(_iot(client))).json()
    lock = client.post(f"{document['url']}/lock").json()["lock"]
    assert client.delete(document["url"]).status_code == 400
    assert client.post(f"{document['url']}/unlock", json={"lock": lock}).status_code == 204
    assert client.delete(document["url"]).status_code == 204
