"""Catalogi lists run a fixed number of queries, however many types a page holds."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plus1.api.common.testing import make_client, make_token
from plus1.catalog.models import BesluitType, Eigenschap, InformatieObjectType, ZaakTypeInformatieObjectType
from plus1.catalog.tests.factories import ZaakTypeFactory

LISTS = [
    "catalogussen",
    "zaaktypen",
    "informatieobjecttypen",
    "besluittypen",
    "statustypen",
    "roltypen",
    "resultaattypen",
    "eigenschappen",
    "zaaktype-informatieobjecttypen",
]


def _catalog(size: int) -> None:
    for _ in range(size):
        zaaktype = ZaakTypeFactory(published=True)
        iot = InformatieObjectType.objects.create(
            tenant=zaaktype.tenant,
            catalogus=zaaktype.process.catalogus,
            omschrijving=f"Document {zaaktype.pk}",
            category="Bewijs",
            confidentiality="intern",
            status="published",
            valid_from=zaaktype.valid_from,
        )
        ZaakTypeInformatieObjectType.objects.create(zaaktype=zaaktype, informatieobjecttype=iot, volgnummer=1)
        Eigenschap.objects.create(
            zaaktype=zaaktype, order=1, name="kenteken", label="Kenteken", data_type="text", step="Gegevens"
        )
        besluittype = BesluitType.objects.create(
            tenant=zaaktype.tenant,
            catalogus=zaaktype.process.catalogus,
            omschrijving=f"Besluit {zaaktype.pk}",
            category="Vergunning",
            status="published",
            valid_from=zaaktype.valid_from,
        )
        zaaktype.besluittypen.add(besluittype)


@pytest.mark.parametrize("collection", LISTS)
def test_a_list_needs_the_same_queries_for_two_or_twelve_types(
    db, gemeente_a, collection, django_assert_max_num_queries
):
    client_id, secret = make_client(gemeente_a)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    url = f"/catalogi/api/v1/{collection}"
    _catalog(2)
    # The first call also loads the application and its autorisaties (kept for the next calls).
    client.get(url)
    with django_assert_max_num_queries(16), CaptureQueriesContext(connection) as small_queries:
        small = client.get(url)
    assert small.status_code == 200, small.content
    _catalog(10)
    client.get(url)
    with django_assert_max_num_queries(16), CaptureQueriesContext(connection) as large_queries:
        large = client.get(url)
    assert large.status_code == 200
    assert large.json()["count"] >= small.json()["count"]
    assert len(large_queries) == len(small_queries)  # no query per row
