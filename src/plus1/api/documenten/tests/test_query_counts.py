"""Lists of documents and their relations take a fixed number of queries, however long the page."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.services import add_zaak_document
from plus1.cases.services.verzendingen import create_verzending
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize("documents", [2, 12])
def test_document_lists_do_not_grow_with_the_page(db, gemeente_a, django_assert_max_num_queries, documents):
    zaaktype = handling_zaaktype()
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype))
    iot = InformatieObjectType.objects.get(tenant=zaaktype.tenant, omschrijving="Bewijsstuk")
    for number in range(documents):
        document = add_zaak_document(
            zaak=zaak,
            informatieobjecttype_id=iot.pk,
            upload=SimpleUploadedFile(f"bewijs-{number}.pdf", PDF, content_type="application/pdf"),
            actor=SYSTEM,
        )
        create_verzending(
            document=document,
            actor=SYSTEM,
            values={
                "betrokkene": "https://klanten.example.nl/api/v1/klanten/1",
                "relation": "geadresseerde",
                "sent_on": datetime.date(2026, 11, 30),
                "contact_person": "https://medewerkers.example.nl/api/v1/medewerkers/1",
                "is_via_mijn_overheid": True,
            },
        )
    client_id, secret = make_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen"],
                informatieobjecttype=iot,
                max_confidentiality="geheim",
            ),
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="geheim"
            ),
        ],
    )
    http = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    # Auth (credential + autorisaties), count, page, parts prefetch, audit/processing bookkeeping.
    with django_assert_max_num_queries(8):
        page = http.get("/documenten/api/v1/enkelvoudiginformatieobjecten")
    assert page.status_code == 200 and page.json()["count"] == documents
    with django_assert_max_num_queries(6):
        relations = http.get("/documenten/api/v1/objectinformatieobjecten")
    assert len(relations.json()) == documents
    with django_assert_max_num_queries(6):
        links = http.get("/zaken/api/v1/zaakinformatieobjecten")
    assert len(links.json()) == documents
    with django_assert_max_num_queries(7):
        verzendingen = http.get("/documenten/api/v1/verzendingen")
    assert verzendingen.json()["count"] == documents
