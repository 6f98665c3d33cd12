"""What a hostile or careless client sends the Documenten API: another gemeente's RSIN, file
names that are paths, dates and sizes beyond any sense. Each is a 400 with a ZGW error body,
never a 500, and nothing is written."""

from __future__ import annotations

import base64
import re

import pytest

from plus1.cases.models import BestandsDeel, InformatieObject
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.catalog.models import InformatieObjectType
from plus1.tenants.models import Mandate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _iot(gemeente) -> InformatieObjectType:
    zaaktype = handling_zaaktype()
    adopt_with_team(gemeente=gemeente, zaaktype=zaaktype)
    return InformatieObjectType.objects.get(tenant=zaaktype.tenant, omschrijving="Bewijsstuk")


def _body(client, iot, **overrides) -> dict:
    root = str(client.base_url).rstrip("/")
    return {
        "bronorganisatie": "100000009",
        "creatiedatum": "2026-11-30",
        "titel": "Bouwtekening",
        "auteur": "Architect",
        "taal": "dut",
        "bestandsnaam": "tekening.pdf",
        "inhoud": base64.b64encode(PDF).decode(),
        "informatieobjecttype": f"{root}/catalogi/api/v1/informatieobjecttypen/{iot.uuid}",
        **overrides,
    }


def _refused(response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_a_gemeente_cannot_register_a_document_in_another_gemeentes_name(zgw_client, gemeente_a, gemeente_b):
    iot = _iot(gemeente_b)
    client_b = zgw_client(gemeente_b)

    # Gemeente A's RSIN from gemeente B's application.
    assert _refused(client_b.post(EIO, json=_body(client_b, iot, bronorganisatie="100000009"))) == {
        ("bronorganisatie", "invalid-organisation")
    }
    assert not InformatieObject.objects.exists()

    own = client_b.post(EIO, json=_body(client_b, iot, bronorganisatie="100000010"))
    assert own.status_code == 201, own.text
    url = own.json()["url"]
    lock = client_b.post(f"{url}/lock").json()["lock"]
    stolen = {"bronorganisatie": "100000009", "lock": lock}
    assert _refused(client_b.patch(url, json=stolen)) == {("bronorganisatie", "invalid-organisation")}
    put = _body(client_b, iot, **stolen)
    assert _refused(client_b.put(url, json=put)) == {("bronorganisatie", "invalid-organisation")}
    assert InformatieObject.objects.get().bronorganisatie == "100000010"
    # The refusal says what the application may register, and for whom (create and update alike).
    for refused in (
        client_b.post(EIO, json=_body(client_b, iot, bronorganisatie="100000009")),
        client_b.patch(url, json=stolen),
    ):
        assert refused.json()["invalidParams"][0]["reason"].startswith(
            "Deze applicatie mag alleen documenten registreren voor het RSIN van "
            f"gemeente {gemeente_b.name} (100000010)"
        )

    # A samenwerkingsverband's member it registers for is fine.
    Mandate.objects.create(organisation=gemeente_b, rsin="100000022", name="Werkorganisatie")
    assert client_b.patch(url, json={"bronorganisatie": "100000022", "lock": lock}).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["../x.pdf", "a/b.pdf", "C:\\x.pdf", "..", "brief\u202efdp.exe", "regel\nbreuk.pdf", "bel\x07.pdf"],
)
def test_a_bestandsnaam_that_is_a_path_or_holds_control_characters_is_refused(zgw_client, gemeente_a, name):
    iot = _iot(gemeente_a)
    client = zgw_client(gemeente_a)

    assert _refused(client.post(EIO, json=_body(client, iot, bestandsnaam=name))) == {
        ("bestandsnaam", "invalid")
    }
    assert not InformatieObject.objects.exists()


def test_a_long_name_of_wide_characters_is_kept_but_never_names_the_file_on_disk(zgw_client, gemeente_a):
    iot = _iot(gemeente_a)
    client = zgw_client(gemeente_a)
    # 255 characters of four bytes each: 1,020 bytes, four times the file system's limit.
    wide = "\U00020000" * 251 + ".pdf"

    created = client.post(EIO, json=_body(client, iot, bestandsnaam=wide))
    assert created.status_code == 201, created.text
    assert created.json()["bestandsnaam"] == wide
    document = InformatieObject.objects.get()
    assert re.fullmatch(r"documenten/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    download = client.get(f"{created.json()['url']}/download")
    assert download.status_code == 200 and download.content == PDF

    too_long = _body(client, iot, bestandsnaam="a" * 256 + ".pdf")
    assert _refused(client.post(EIO, json=too_long)) == {("bestandsnaam", "max_length")}


def test_a_document_larger_than_the_maximum_is_refused_in_every_form(zgw_client, gemeente_a, settings):
    settings.PLUS1_MAX_UPLOAD_BYTES = 1000
    iot = _iot(gemeente_a)
    client = zgw_client(gemeente_a)

    for size in (2**63, 400 * 2**30, 1001):
        announced = _body(client, iot, inhoud=None, bestandsomvang=size)
        assert _refused(client.post(EIO, json=announced)) == {("bestandsomvang", "max_value")}
    inline = _body(client, iot, inhoud=base64.b64encode(PDF + b"x" * 1000).decode())
    assert _refused(client.post(EIO, json=inline)) == {("inhoud", "file-too-large")}
    assert not InformatieObject.objects.exists() and not BestandsDeel.objects.exists()

    # The maximum itself is fine; a change to a larger size is refused, and the document stays.
    created = client.post(EIO, json=_body(client, iot, inhoud=None, bestandsomvang=1000))
    assert created.status_code == 201, created.text
    url, lock = created.json()["url"], created.json()["lock"]
    assert _refused(client.patch(url, json={"bestandsomvang": 2**63, "lock": lock})) == {
        ("bestandsomvang", "max_value")
    }
    assert InformatieObject.objects.get().size == 1000


def test_dates_and_versions_beyond_any_sense_are_refused(zgw_client, gemeente_a):
    iot = _iot(gemeente_a)
    client = zgw_client(gemeente_a)

    assert _refused(client.post(EIO, json=_body(client, iot, creatiedatum="9999-12-31"))) == {
        ("creatiedatum", "invalid")
    }
    assert _refused(client.post(EIO, json=_body(client, iot, ontvangstdatum="0001-01-01"))) == {
        ("ontvangstdatum", "invalid")
    }
    assert not InformatieObject.objects.exists()
    created = client.post(EIO, json=_body(client, iot))
    assert created.status_code == 201, created.text
    assert client.get(created.json()["url"], params={"versie": 2**63}).status_code == 404
    # A null where the document must have a value (a 500 before).
    url = created.json()["url"]
    lock = client.post(f"{url}/lock").json()["lock"]
    for name in ("bestandsnaam", "titel", "trefwoorden"):
        assert _refused(client.patch(url, json={name: None, "lock": lock})) == {(name, "null")}
