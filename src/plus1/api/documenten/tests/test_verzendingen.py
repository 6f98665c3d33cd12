"""The Documenten API's verzendingen over real HTTP: to whom a document went, or from whom it came."""

from __future__ import annotations

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.models import Verzending
from plus1.catalog.models import InformatieObjectType
from plus1.notifications.models import Notification

from .test_documenten_api import EIO, ROOT, _document, _setup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VERZENDINGEN = f"{ROOT}/verzendingen"
BETROKKENE = "https://klanten.example.nl/api/v1/klanten/8f4c"
CONTACT = "https://medewerkers.example.nl/api/v1/medewerkers/12"
ADRES = {
    "huisnummer": 12,
    "naamOpenbareRuimte": "Kerkstraat",
    "woonplaatsnaam": "Utrecht",
    "postcode": "3511AB",
}


def _verzending(document_url: str, **overrides) -> dict:
    body = {
        "informatieobject": document_url,
        "betrokkene": BETROKKENE,
        "aardRelatie": "geadresseerde",
        "verzenddatum": "2026-11-30",
        "contactPersoon": CONTACT,
        "contactpersoonnaam": "J. Jansen",
        "binnenlandsCorrespondentieadres": ADRES,
    }
    body.update(overrides)
    return body


def _problems(response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.text
    return [(item["name"], item["code"]) for item in response.json()["invalidParams"]]


def test_a_verzending_is_registered_read_listed_changed_and_removed(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()

    response = client.post(VERZENDINGEN, json=_verzending(document["url"]))
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == body["url"]
    assert body["informatieobject"] == document["url"]
    assert body["binnenlandsCorrespondentieadres"]["naamOpenbareRuimte"] == "Kerkstraat"
    assert body["aardRelatie"] == "geadresseerde" and body["mijnOverheid"] is False

    read = client.get(body["url"])
    assert read.status_code == 200 and read.json() == body
    assert client.get(body["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304
    head = client.head(body["url"])
    assert head.status_code == 200 and head.headers["ETag"] == read.headers["ETag"] and head.content == b""

    received = client.post(
        VERZENDINGEN,
        json=_verzending(
            document["url"],
            aardRelatie="afzender",
            verzenddatum=None,
            ontvangstdatum="2026-11-29",
            binnenlandsCorrespondentieadres=None,
            emailadres="afzender@example.nl",
            betrokkene="https://klanten.example.nl/api/v1/klanten/other",
        ),
    ).json()
    page = client.get(VERZENDINGEN).json()
    assert page["count"] == 2 and [item["url"] for item in page["results"]] == [body["url"], received["url"]]
    by_relation = client.get(VERZENDINGEN, params={"aardRelatie": "afzender"}).json()["results"]
    assert [item["url"] for item in by_relation] == [received["url"]]
    by_betrokkene = client.get(VERZENDINGEN, params={"betrokkene": BETROKKENE}).json()["results"]
    assert [item["url"] for item in by_betrokkene] == [body["url"]]
    by_document = client.get(VERZENDINGEN, params={"informatieobject": document["url"]}).json()
    assert by_document["count"] == 2
    assert client.get(VERZENDINGEN, params={"informatieobject": f"{EIO}/nope"}).json()["count"] == 0
    assert client.get(VERZENDINGEN, params={"aardRelatie": "bode"}).status_code == 400

    patched = client.patch(body["url"], json={"toelichting": "Aangetekend verstuurd"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["toelichting"] == "Aangetekend verstuurd"
    assert patched.json()["contactpersoonnaam"] == "J. Jansen"  # PATCH keeps what it does not send
    put = client.put(
        body["url"],
        json=_verzending(document["url"], binnenlandsCorrespondentieadres=None, mijnOverheid=True),
    )
    assert put.status_code == 200, put.text
    assert put.json()["mijnOverheid"] is True and put.json()["binnenlandsCorrespondentieadres"] is None
    assert put.json()["toelichting"] == ""  # PUT replaces the whole verzending

    assert client.delete(body["url"]).status_code == 204
    assert client.get(body["url"]).status_code == 404
    assert client.get(document["url"]).status_code == 200  # the document stays

    notifications = Notification.objects.filter(kanaal="documenten", resource="verzending")
    assert list(notifications.filter(resource_url=body["url"]).values_list("actie", flat=True)) == [
        "create",
        "partial_update",
        "update",
        "destroy",
    ]
    first = notifications.first()
    assert first.hoofd_object == document["url"]
    assert first.kenmerken["bronorganisatie"] == "100000009"
    assert first.kenmerken["informatieobjecttype"].endswith(f"/informatieobjecttypen/{iot.uuid}")
    trail = client.get(f"{document['url']}/audittrail").json()
    # The audittrail of the document holds its verzendingen, each entry also on its own.
    assert client.get(f"{document['url']}/audittrail/{trail[-1]['uuid']}").json() == trail[-1]
    assert {entry["bron"] for entry in trail} == {"drc"}
    assert {entry["hoofdObject"] for entry in trail} == {document["url"]}
    verzending_entries = [entry for entry in trail if entry["resource"] == "verzending"]
    assert [entry["actie"] for entry in verzending_entries if entry["resourceUrl"] == body["url"]] == [
        "create",
        "partial_update",
        "update",
        "destroy",
    ]


def test_the_rules_of_the_standard_are_checked(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    client = zgw_client(gemeente_a)
    document = client.post(EIO, json=_document(client, iot)).json()

    # Exactly one way the document went or came: an address, fax, phone, e-mail or MijnOverheid.
    no_address = _verzending(document["url"], binnenlandsCorrespondentieadres=None)
    without = client.post(VERZENDINGEN, json=no_address)
    assert _problems(without) == [("nonFieldErrors", "invalid-address")]
    both = client.post(VERZENDINGEN, json=_verzending(document["url"], telefoonnummer="0301234567"))
    assert _problems(both) == [("nonFieldErrors", "invalid-address")]
    # The afzender's document has an ontvangstdatum; a geadresseerde's verzending may be
    # registered before it is sent (the standard requires no verzenddatum).
    sender = client.post(VERZENDINGEN, json=_verzending(document["url"], aardRelatie="afzender"))
    assert _problems(sender) == [("ontvangstdatum", "required")]
    addressee = client.post(VERZENDINGEN, json=_verzending(document["url"], verzenddatum=None))
    assert addressee.status_code == 201, addressee.text
    assert addressee.json()["verzenddatum"] is None
    # The fields and groups of the standard.
    assert _problems(client.post(VERZENDINGEN, json=_verzending(document["url"], aardRelatie="bode")))
    assert _problems(
        client.post(
            VERZENDINGEN,
            json=_verzending(document["url"], binnenlandsCorrespondentieadres={"huisnummer": 0}),
        )
    )
    unknown = client.post(VERZENDINGEN, json=_verzending(f"{EIO}/6b5f8a9e-1c1d-4c55-9f0c-2d6b9c1f1a11"))
    assert _problems(unknown) == [("informatieobject", "bad-url")]
    assert Verzending.objects.count() == 1  # only the geadresseerde's verzending above

    made = client.post(VERZENDINGEN, json=_verzending(document["url"])).json()
    # A PATCH must leave a verzending that keeps the rules.
    assert _problems(client.patch(made["url"], json={"emailadres": "x@example.nl"})) == [
        ("nonFieldErrors", "invalid-address")
    ]
    assert _problems(client.patch(made["url"], json={"aardRelatie": None})) == [("aardRelatie", "required")]
    assert client.get(made["url"]).json() == made


def test_an_application_sees_only_verzendingen_of_documents_it_is_authorised_for(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    other_iot = InformatieObjectType.objects.get(tenant=iot.tenant, omschrijving="Beschikking")
    admin = zgw_client(gemeente_a)
    open_doc = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="openbaar")).json()
    secret_doc = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="geheim")).json()
    other_doc = admin.post(
        EIO, json=_document(admin, other_iot, vertrouwelijkheidaanduiding="openbaar")
    ).json()
    visible = admin.post(VERZENDINGEN, json=_verzending(open_doc["url"])).json()
    secret = admin.post(VERZENDINGEN, json=_verzending(secret_doc["url"])).json()
    other = admin.post(VERZENDINGEN, json=_verzending(other_doc["url"])).json()

    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen"],
                informatieobjecttype=iot,
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )
    assert [item["url"] for item in reader.get(VERZENDINGEN).json()["results"]] == [visible["url"]]
    assert reader.get(visible["url"]).status_code == 200
    assert reader.get(secret["url"]).status_code == 403
    assert reader.get(other["url"]).status_code == 403
    # Reading is not writing.
    assert reader.post(VERZENDINGEN, json=_verzending(open_doc["url"])).status_code == 403
    assert reader.patch(visible["url"], json={"toelichting": "x"}).status_code == 403
    assert reader.delete(visible["url"]).status_code == 403

    # Moving a verzending to a document the writer may not change is refused.
    writer = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen", "documenten.bijwerken"],
                informatieobjecttype=iot,
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )
    assert writer.patch(visible["url"], json={"informatieobject": other_doc["url"]}).status_code == 403
    assert admin.get(visible["url"]).json()["informatieobject"] == open_doc["url"]


def test_another_gemeente_sees_nothing_of_these_verzendingen(zgw_client, gemeente_a, gemeente_b):
    _zaak, iot = _setup(gemeente_a)
    client_a = zgw_client(gemeente_a)
    client_b = zgw_client(gemeente_b)
    document = client_a.post(EIO, json=_document(client_a, iot)).json()
    verzending = client_a.post(VERZENDINGEN, json=_verzending(document["url"])).json()

    assert client_b.get(VERZENDINGEN).json()["count"] == 0
    assert client_b.get(VERZENDINGEN, params={"informatieobject": document["url"]}).json()["count"] == 0
    assert client_b.get(verzending["url"]).status_code == 404
    assert client_b.head(verzending["url"]).status_code == 404
    assert client_b.patch(verzending["url"], json={"toelichting": "x"}).status_code == 404
    assert client_b.put(verzending["url"], json=_verzending(document["url"])).status_code == 404
    assert client_b.delete(verzending["url"]).status_code == 404
    # B cannot record a verzending of A's document.
    stolen = client_b.post(VERZENDINGEN, json=_verzending(document["url"]))
    assert _problems(stolen) == [("informatieobject", "bad-url")]
    assert Verzending.objects.filter(tenant=gemeente_b).count() == 0
    assert client_a.get(verzending["url"]).json() == verzending
