"""Every page of ``GET /zaken`` holds exactly what the plain query gives, with its count.

The list of an application is found from kept counts (``cases.counts``): the count is a sum
and a deep page an id range, not a count and an OFFSET over every zaak. These tests hold
that to the plain queryset, page by page, after creates, deletes and changes of zaaktype and
vertrouwelijkheid, for an application that sees some zaaktypen up to some level.
"""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.access import levels_up_to
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases import counts
from plus1.cases.models import Zaak
from plus1.cases.models.counts import BLOCK_BITS
from plus1.cases.tests.factories import handling_zaaktype, new_zaak
from plus1.catalog.models import ZaakType

from .conftest import ROOT

CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}
BLOCK = 1 << BLOCK_BITS
LEVELS = ["openbaar", "intern", "geheim", "zeer_geheim"]


def _reader(gemeente, grants: dict[ZaakType, str] | None):
    """A GET for an application with these grants (zaaktype -> highest level), or all."""
    autorisaties = [
        AutorisatieSpec(component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality=level)
        for zaaktype, level in (grants or {}).items()
    ]
    client_id, secret = make_client(gemeente, autorisaties=autorisaties)
    token = f"Bearer {make_token(client_id, secret)}"
    return lambda query="": Client().get(f"{ROOT}/zaken{query}", HTTP_AUTHORIZATION=token, **CRS)


def _load(template: Zaak, zaaktypen: list[ZaakType]) -> None:
    """Zaken over several blocks of ids, with gaps, mixed zaaktypen and levels."""
    made, index = [], 0
    for block, size in ((40, 130), (41, 3), (43, 170), (47, 60)):
        for position in range(size):
            zaak = Zaak.objects.get(pk=template.pk)
            pk = block * BLOCK + 1 + position * 7
            zaak.pk, zaak.uuid, zaak.identificatie = pk, uuid.uuid4(), f"ZAAK-P-{pk}"
            zaak.zaaktype = zaaktypen[index % len(zaaktypen)]
            zaak.confidentiality = LEVELS[(index // 3) % len(LEVELS)]
            made.append(zaak)
            index += 1
    Zaak.objects.bulk_create(made)


def _expected(gemeente, grants, query: dict) -> list[str]:
    """The uuids the plain queryset gives, newest first."""
    zaken = Zaak.objects.filter(tenant=gemeente).order_by("-id")
    rows = [
        (str(zaak_uuid), zaaktype_id, level)
        for zaak_uuid, zaaktype_id, level in zaken.values_list("uuid", "zaaktype_id", "confidentiality")
    ]
    if grants is not None:
        allowed = {zaaktype.pk: levels_up_to(level) for zaaktype, level in grants.items()}
        rows = [row for row in rows if row[1] in allowed and row[2] in allowed[row[1]]]
    if "zaaktype" in query:
        rows = [row for row in rows if row[1] == query["zaaktype"].pk]
    if "maximaleVertrouwelijkheidaanduiding" in query:
        rows = [row for row in rows if row[2] in levels_up_to(query["maximaleVertrouwelijkheidaanduiding"])]
    return [row[0] for row in rows]


def _query(query: dict, page: int) -> str:
    parts = [f"page={page}"]
    if "zaaktype" in query:
        parts.append(f"zaaktype=http://testserver/catalogi/api/v1/zaaktypen/{query['zaaktype'].uuid}")
    if "maximaleVertrouwelijkheidaanduiding" in query:
        parts.append(f"maximaleVertrouwelijkheidaanduiding={query['maximaleVertrouwelijkheidaanduiding']}")
    return "?" + "&".join(parts)


def _assert_pages(get, gemeente, grants, query: dict | None = None) -> None:
    query = query or {}
    expected = _expected(gemeente, grants, query)
    pages = max(1, -(-len(expected) // 100))
    for page in range(1, pages + 1):
        response = get(_query(query, page))
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] == len(expected)
        found = [result["url"].rsplit("/", 1)[1] for result in body["results"]]
        assert found == expected[(page - 1) * 100 : page * 100], f"page {page}"
        assert (body["next"] is None) == (page == pages)
        assert (body["previous"] is None) == (page == 1)
    # The page after the last is not there (a first page always is, even empty).
    assert get(_query(query, pages + 1)).status_code == 404


@pytest.fixture
def listed(gemeente_a, adoption, zaaktype):
    other, third = handling_zaaktype(), handling_zaaktype()
    template = new_zaak(adoption)
    _load(template, [zaaktype, other, third])
    return zaaktype, other, third


@pytest.mark.django_db
def test_every_page_is_the_plain_query_for_an_application_with_grants(gemeente_a, listed, monkeypatch):
    zaaktype, other, third = listed
    asked = []
    block_sums = counts.block_sums
    monkeypatch.setattr(counts, "block_sums", lambda *args: asked.append(args) or block_sums(*args))
    grants = {zaaktype: "intern", other: "zeer_geheim"}
    get = _reader(gemeente_a, grants)
    _assert_pages(get, gemeente_a, grants)
    _assert_pages(get, gemeente_a, grants, {"zaaktype": other})
    _assert_pages(get, gemeente_a, grants, {"maximaleVertrouwelijkheidaanduiding": "openbaar"})
    # A zaaktype the application may not see: nothing, and the first page is still there.
    _assert_pages(get, gemeente_a, grants, {"zaaktype": third})
    everything = _reader(gemeente_a, None)
    _assert_pages(everything, gemeente_a, None)
    # Each of those pages was found from the kept counts.
    assert len(asked) >= 12


@pytest.mark.django_db
def test_pages_stay_exact_after_creates_deletes_and_changes(gemeente_a, adoption, listed):
    zaaktype, other, third = listed
    grants = {zaaktype: "geheim", third: "intern"}
    get = _reader(gemeente_a, grants)
    _assert_pages(get, gemeente_a, grants)
    new_zaak(adoption)
    new_zaak(adoption)
    ids = list(Zaak.objects.filter(tenant=gemeente_a).order_by("-id").values_list("pk", flat=True))
    Zaak.objects.filter(pk__in=ids[3:40:4]).delete()
    Zaak.objects.filter(pk__in=ids[50:120:3]).update(zaaktype=other)
    Zaak.objects.filter(pk__in=ids[120:200:2]).update(confidentiality="zeer_geheim")
    Zaak.objects.filter(pk__in=ids[200:260:2]).update(confidentiality="openbaar", zaaktype=third)
    _assert_pages(get, gemeente_a, grants)
    _assert_pages(get, gemeente_a, grants, {"zaaktype": third})


@pytest.mark.django_db
def test_another_gemeente_counts_only_its_own(gemeente_a, gemeente_b, listed):
    get = _reader(gemeente_b, None)
    response = get()
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert get("?page=2").status_code == 404


@pytest.mark.django_db
def test_other_filters_and_orderings_still_count_the_rows(gemeente_a, listed):
    zaaktype = listed[0]
    get = _reader(gemeente_a, {zaaktype: "zeer_geheim"})
    visible = Zaak.objects.filter(tenant=gemeente_a, zaaktype=zaaktype)
    body = get("?ordering=-startdatum").json()
    assert body["count"] == visible.count()
    identificatie = visible.order_by("id").values_list("identificatie", flat=True)[5]
    body = get(f"?identificatie={identificatie}").json()
    assert body["count"] == 1
    assert body["results"][0]["identificatie"] == identificatie
