"""The Zaken API's rules on references: communicatiekanaal (zrc-010), productenOfDiensten
(zrc-015) and archiving with documents that are not archived yet (zrc-022)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.cases.models import InformatieObject, Zaak
from plus1.cases.services import add_zaak_document
from plus1.cases.tests.factories import SYSTEM
from plus1.catalog.models import Communicatiekanaal

from .conftest import ROOT, absolute, new_zaak_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _problem(response) -> tuple[int, list[tuple[str, str]]]:
    return response.status_code, [(p["name"], p["code"]) for p in response.json().get("invalidParams", [])]


def test_a_communicatiekanaal_must_be_one_of_the_reference_list(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    kanaal = Communicatiekanaal.objects.first()
    ours = absolute(api, f"/referentielijsten/api/v1/communicatiekanalen/{kanaal.uuid}")
    vng = f"https://referentielijsten-api.vng.cloud/api/v1/communicatiekanalen/{kanaal.uuid}"
    unknown = "https://referentielijsten-api.vng.cloud/api/v1/communicatiekanalen/00000000-0000-0000-0000-000000000000"

    for url in (ours, vng):
        made = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, communicatiekanaal=url))
        assert made.status_code == 201, made.text
        assert made.json()["communicatiekanaal"] == url

    refused = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, communicatiekanaal=unknown))
    assert _problem(refused) == (400, [("communicatiekanaal", "bad-url")])
    changed = api.patch(made.json()["url"], json={"communicatiekanaal": unknown})
    assert _problem(changed) == (400, [("communicatiekanaal", "bad-url")])
    assert api.get(made.json()["url"]).json()["communicatiekanaal"] == vng


def test_the_products_or_services_must_be_the_zaaktypes_own(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    own = zaaktype.product.upl_uri

    made = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, productenOfDiensten=[own]))
    assert made.status_code == 201, made.text
    assert made.json()["productenOfDiensten"] == [own]

    other = "http://standaarden.overheid.nl/owms/terms/paspoort"
    refused = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype, productenOfDiensten=[own, other]))
    assert _problem(refused) == (400, [("productenOfDiensten", "invalid-products-services")])
    assert Zaak.objects.filter(tenant=gemeente_a).count() == 1


def test_a_zaak_is_archived_only_when_its_documents_are(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    made = api.post(f"{ROOT}/zaken", json=new_zaak_body(api, zaaktype)).json()
    zaak = Zaak.objects.get(uuid=made["uuid"])
    document = add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=zaaktype.document_types.first().informatieobjecttype_id,
        upload=SimpleUploadedFile("besluit.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=SYSTEM,
    )
    archive = {
        "archiefstatus": "gearchiveerd",
        "archiefnominatie": "blijvend_bewaren",
        "archiefactiedatum": "2040-01-01",
    }

    refused = api.patch(made["url"], json=archive)
    assert _problem(refused) == (400, [("archiefstatus", "documents-not-archived")])
    assert api.get(made["url"]).json()["archiefstatus"] == "nog_te_archiveren"

    InformatieObject.objects.filter(pk=document.pk).update(status="gearchiveerd")
    archived = api.patch(made["url"], json=archive)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archiefstatus"] == "gearchiveerd"
