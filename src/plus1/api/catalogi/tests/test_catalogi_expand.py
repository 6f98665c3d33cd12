"""``expand`` in the Catalogi API over real HTTP: each expanded type equals its own GET, dotted
paths follow the standard's attributes three levels deep, and a gemeente never sees another's
types."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plus1.api.common.testing import make_client, make_token
from plus1.catalog.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ZaakTypeInformatieObjectType,
)
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory

ROOT = "/catalogi/api/v1"
ZAAKTYPE_ATTRIBUTES = [
    "catalogus",
    "statustypen",
    "resultaattypen",
    "roltypen",
    "eigenschappen",
    "informatieobjecttypen",
    "besluittypen",
    "zaakobjecttypen",
    "deelzaaktypen",
]


def _without_expand(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "_expand"}


def complete_with_documents(zaaktype) -> InformatieObjectType:
    """``zaaktype`` with an eigenschap (required by its first status), a document and a besluittype."""
    catalogus = zaaktype.process.catalogus
    iot = InformatieObjectType.objects.create(
        tenant=zaaktype.tenant,
        catalogus=catalogus,
        omschrijving=f"Bewijs {zaaktype.pk}",
        category="Bewijs",
        confidentiality="intern",
        status="published",
        valid_from=zaaktype.valid_from,
    )
    first = zaaktype.statustypen.order_by("volgnummer").first()
    ZaakTypeInformatieObjectType.objects.create(
        zaaktype=zaaktype, informatieobjecttype=iot, volgnummer=1, statustype=first
    )
    eigenschap = Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=1,
        name="kenteken",
        label="Kenteken",
        data_type="text",
        step="Gegevens",
        statustype=first,
    )
    first.required_eigenschappen.add(eigenschap)
    besluittype = BesluitType.objects.create(
        tenant=zaaktype.tenant,
        catalogus=catalogus,
        omschrijving=f"Besluit {zaaktype.pk}",
        category="Vergunning",
        status="published",
        valid_from=zaaktype.valid_from,
    )
    zaaktype.besluittypen.add(besluittype)
    zaaktype.resultaattypen.first().besluittypen.add(besluittype)
    return iot


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_zaaktype_expands_every_attribute_as_the_types_own_get_shows_it(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    complete_with_documents(zaaktype)
    client = zgw_client(gemeente_a)
    url = f"{ROOT}/zaaktypen/{zaaktype.uuid}"
    plain = client.get(url).json()
    assert "_expand" not in plain

    read = client.get(url, params={"expand": ",".join(ZAAKTYPE_ATTRIBUTES)})
    assert read.status_code == 200, read.text
    body = read.json()
    assert _without_expand(body) == plain
    expanded = body["_expand"]
    assert expanded["catalogus"] == client.get(plain["catalogus"]).json()
    for name in ZAAKTYPE_ATTRIBUTES[1:]:
        assert [item["url"] for item in expanded[name]] == plain[name], name
        assert expanded[name] == [client.get(item).json() for item in plain[name]], name
    assert len(expanded["statustypen"]) == 2 and len(expanded["besluittypen"]) == 1
    assert expanded["deelzaaktypen"] == []

    # The list carries the same _expand for the same zaaktype.
    listed = client.get(f"{ROOT}/zaaktypen", params={"expand": ",".join(ZAAKTYPE_ATTRIBUTES)}).json()
    assert listed["results"] == [body]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dotted_paths_expand_the_next_levels_of_every_resource(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    iot = complete_with_documents(zaaktype)
    client = zgw_client(gemeente_a)
    zaaktype_body = client.get(f"{ROOT}/zaaktypen/{zaaktype.uuid}").json()
    catalogus_body = client.get(zaaktype_body["catalogus"]).json()

    statustypen = client.get(
        f"{ROOT}/statustypen",
        params={"zaaktype": zaaktype_body["url"], "expand": "zaaktype.catalogus,eigenschappen.catalogus"},
    )
    assert statustypen.status_code == 200, statustypen.text
    first, last = statustypen.json()["results"]
    assert _without_expand(first["_expand"]["zaaktype"]) == zaaktype_body
    assert first["_expand"]["zaaktype"]["_expand"] == {"catalogus": catalogus_body}
    [eigenschap] = first["_expand"]["eigenschappen"]
    assert _without_expand(eigenschap) == client.get(first["eigenschappen"][0]).json()
    assert eigenschap["_expand"]["catalogus"] == catalogus_body
    assert last["_expand"]["eigenschappen"] == []

    # Three levels: zaaktype -> resultaattypen -> besluittypen -> catalogus.
    deep = client.get(
        f"{ROOT}/zaaktypen/{zaaktype.uuid}", params={"expand": "resultaattypen.besluittypen.catalogus"}
    ).json()
    [deciding] = [r for r in deep["_expand"]["resultaattypen"] if r["_expand"]["besluittypen"]]
    assert deciding["_expand"]["besluittypen"][0]["_expand"]["catalogus"] == catalogus_body

    catalogus = client.get(
        zaaktype_body["catalogus"], params={"expand": "zaaktypen,besluittypen.resultaattypen"}
    ).json()
    assert catalogus["_expand"]["zaaktypen"] == [zaaktype_body]
    [besluittype] = catalogus["_expand"]["besluittypen"]
    assert besluittype["_expand"]["resultaattypen"] == [client.get(zaaktype_body["resultaattypen"][0]).json()]

    resultaattype = client.get(
        zaaktype_body["resultaattypen"][0], params={"expand": "besluittypen.zaaktypen,zaaktype"}
    ).json()
    assert resultaattype["_expand"]["besluittypen"][0]["_expand"]["zaaktypen"] == [zaaktype_body]
    assert resultaattype["_expand"]["zaaktype"] == zaaktype_body

    iot_body = client.get(f"{ROOT}/informatieobjecttypen/{iot.uuid}", params={"expand": "zaaktypen"}).json()
    assert iot_body["_expand"]["zaaktypen"] == [zaaktype_body]
    roltype = client.get(zaaktype_body["roltypen"][0], params={"expand": "zaaktype,catalogus"}).json()
    assert roltype["_expand"] == {"zaaktype": zaaktype_body, "catalogus": catalogus_body}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_zaaktype_informatieobjecttype_expands_the_version_it_holds(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    iot = complete_with_documents(zaaktype)
    client = zgw_client(gemeente_a)
    listed = client.get(
        f"{ROOT}/zaaktype-informatieobjecttypen",
        params={"expand": "informatieobjecttype.catalogus,statustype,zaaktype"},
    )
    assert listed.status_code == 200, listed.text
    [link] = listed.json()["results"]
    # The attribute stays the omschrijving, as the standard has it; _expand holds the type itself.
    assert link["informatieobjecttype"] == iot.omschrijving
    expanded = link["_expand"]["informatieobjecttype"]
    assert _without_expand(expanded) == client.get(f"{ROOT}/informatieobjecttypen/{iot.uuid}").json()
    assert expanded["_expand"]["catalogus"] == client.get(link["catalogus"]).json()
    assert link["_expand"]["statustype"] == client.get(link["statustype"]).json()
    assert link["_expand"]["zaaktype"] == client.get(link["zaaktype"]).json()
    assert _without_expand(client.get(link["url"], params={"expand": "statustype"}).json()) == (
        client.get(link["url"]).json()
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_attribute_a_type_does_not_have_is_refused(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    client = zgw_client(gemeente_a)
    url = f"{ROOT}/zaaktypen/{zaaktype.uuid}"

    unknown = client.get(url, params={"expand": "statustypen.kleur"})
    assert unknown.status_code == 404
    assert "kleur" in unknown.json()["detail"]
    assert client.get(f"{ROOT}/roltypen", params={"expand": "eigenschappen"}).status_code == 404
    assert client.get(f"{ROOT}/catalogussen", params={"expand": "catalogus"}).status_code == 404
    # gerelateerdeZaaktypen is expanded (issue 16); an empty list expands to nothing.
    related = client.get(url, params={"expand": "gerelateerdeZaaktypen"})
    assert related.status_code == 200
    assert related.json()["_expand"] == {"gerelateerdeZaaktypen": []}
    # An empty expand is no expand.
    assert "_expand" not in client.get(url, params={"expand": ""}).json()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_expand_never_shows_a_type_of_another_gemeente(zgw_client, gemeente_a, gemeente_b):
    shared = ZaakTypeFactory(published=True)
    shared_iot = complete_with_documents(shared)
    own_catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Utrecht")
    own = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a, catalogus=own_catalogus), published=True)
    # A's own zaaktype uses the collective's document type (set up directly: the API keeps
    # relations inside one catalogus), so the shared type refers to a type only A may read.
    ZaakTypeInformatieObjectType.objects.create(zaaktype=own, informatieobjecttype=shared_iot, volgnummer=1)
    client_a, client_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    iot_url = f"{ROOT}/informatieobjecttypen/{shared_iot.uuid}"
    own_url = client_a.get(f"{ROOT}/zaaktypen/{own.uuid}").json()["url"]

    seen_by_a = client_a.get(iot_url, params={"expand": "zaaktypen"}).json()["_expand"]["zaaktypen"]
    assert {z["url"] for z in seen_by_a} == {
        client_a.get(f"{ROOT}/zaaktypen/{shared.uuid}").json()["url"],
        own_url,
    }
    seen_by_b = client_b.get(iot_url, params={"expand": "zaaktypen"}).json()["_expand"]["zaaktypen"]
    assert [z["url"] for z in seen_by_b] == [client_b.get(f"{ROOT}/zaaktypen/{shared.uuid}").json()["url"]]
    assert client_b.get(own_url).status_code == 404

    # The catalogussen, with their zaaktypen: A's own catalogus only for A.
    def zaaktypen_per_catalogus(client) -> dict[str, list[str]]:
        page = client.get(f"{ROOT}/catalogussen", params={"expand": "zaaktypen.statustypen"}).json()
        return {c["naam"]: [z["url"] for z in c["_expand"]["zaaktypen"]] for c in page["results"]}

    assert set(zaaktypen_per_catalogus(client_a)) == {"Test", "Utrecht"}
    assert zaaktypen_per_catalogus(client_a)["Utrecht"] == [own_url]
    assert set(zaaktypen_per_catalogus(client_b)) == {"Test"}
    assert own_url not in zaaktypen_per_catalogus(client_b)["Test"]
    own_status = f"{ROOT}/statustypen/{own.statustypen.first().uuid}"
    assert (
        client_a.get(own_status, params={"expand": "zaaktype"}).json()["_expand"]["zaaktype"]["url"]
        == own_url
    )
    assert client_b.get(own_status, params={"expand": "zaaktype"}).status_code == 404
    listed_b = client_b.get(f"{ROOT}/statustypen", params={"expand": "zaaktype.catalogus"}).json()["results"]
    assert {s["_expand"]["zaaktype"]["_expand"]["catalogus"]["naam"] for s in listed_b} == {"Test"}


def _catalog(size: int) -> None:
    for _ in range(size):
        complete_with_documents(ZaakTypeFactory(published=True, valid_from=datetime.date(2026, 1, 1)))


def test_expand_costs_one_query_per_attribute_and_level_however_long_the_page(
    db, gemeente_a, django_assert_max_num_queries
):
    client_id, secret = make_client(gemeente_a)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    expand = "catalogus,statustypen.eigenschappen.catalogus,resultaattypen.besluittypen.catalogus,roltypen"
    url = f"{ROOT}/zaaktypen?expand={expand}"
    _catalog(2)
    # The first call also loads the application and its autorisaties; an answer already given
    # would be kept (readcache), so every counted call asks something new.
    client.get(f"{ROOT}/catalogussen")
    reset_queries()  # the factories fill the query log, which holds at most 9000
    with CaptureQueriesContext(connection) as small_queries:
        small = client.get(url)
    assert small.status_code == 200, small.content
    small_count = len(small_queries)  # read now: the slice of the log it reads is cleared below
    _catalog(10)
    client.get(f"{ROOT}/roltypen")
    reset_queries()
    with django_assert_max_num_queries(small_count), CaptureQueriesContext(connection) as queries:
        large = client.get(url)
    assert large.status_code == 200
    results = large.json()["results"]
    assert len(results) == 12
    assert all(len(r["_expand"]["statustypen"][0]["_expand"]["eigenschappen"]) == 1 for r in results)
    assert len(queries) == small_count  # no query per row
    # A plain list costs fewer: the expansions are the difference, not the page size.
    with CaptureQueriesContext(connection) as plain_queries:
        client.get(f"{ROOT}/zaaktypen?status=definitief")
    assert len(plain_queries) < len(queries)
