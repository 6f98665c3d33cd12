"""``expand`` in the Zaken API over real HTTP: what a client gets equals each object's own GET,
only what it may read, only of its own gemeente, at a cost that does not grow with the page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.models import Zaak, ZaakLink
from plus1.cases.services import add_zaak_document
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock

from .conftest import ROOT, absolute, catalog_url, reader_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _without_expand(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "_expand"}


def _document_on(zaak: Zaak):
    return add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=zaak.zaaktype.document_types.first().informatieobjecttype_id,
        upload=SimpleUploadedFile("tekening.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=SYSTEM,
    )


def _zaakobject(api, zaak_url: str) -> dict:
    response = api.post(
        f"{ROOT}/zaakobjecten",
        json={"zaak": zaak_url, "objectType": "adres", "object": "https://bag.example.nl/adres/1"},
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_a_zaak_expands_its_catalog_types_parts_and_documents_as_their_own_get(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption, bsn="123456780", data={"kenteken": "AB-12"})
    _document_on(zaak)
    api = zgw_client(gemeente_a)
    url = absolute(api, f"{ROOT}/zaken/{zaak.uuid}")
    zaakobject = _zaakobject(api, url)

    paths = [
        "zaaktype",
        "status.statustype",
        "rollen.roltype",
        "eigenschappen.eigenschap",
        "zaakobjecten",
        "zaakinformatieobjecten.informatieobject.informatieobjecttype",
    ]
    response = api.get(url, params={"expand": ",".join(paths)})
    assert response.status_code == 200, response.text
    body = response.json()
    expanded = body["_expand"]

    assert expanded["zaaktype"] == api.get(body["zaaktype"]).json()
    status = expanded["status"]
    assert _without_expand(status) == api.get(body["status"]).json()
    assert status["_expand"]["statustype"] == api.get(status["statustype"]).json()
    rol = expanded["rollen"][0]
    assert _without_expand(rol) == api.get(body["rollen"][0]).json()
    assert rol["_expand"]["roltype"] == api.get(rol["roltype"]).json()
    eigenschap = expanded["eigenschappen"][0]
    assert eigenschap["waarde"] == "AB-12"
    assert eigenschap["_expand"]["eigenschap"] == api.get(eigenschap["eigenschap"]).json()
    assert expanded["zaakobjecten"] == [zaakobject]
    link = expanded["zaakinformatieobjecten"][0]
    assert _without_expand(link) == api.get(body["zaakinformatieobjecten"][0]).json()
    document = link["_expand"]["informatieobject"]
    assert _without_expand(document) == api.get(link["informatieobject"]).json()
    assert document["_expand"]["informatieobjecttype"] == api.get(document["informatieobjecttype"]).json()

    # The same on a page of the list and in _zoek, where expand is a query parameter.
    listed = api.get(f"{ROOT}/zaken", params={"expand": "status.statustype"}).json()["results"][0]
    assert listed["_expand"]["status"]["_expand"]["statustype"] == status["_expand"]["statustype"]
    found = api.post(
        f"{ROOT}/zaken/_zoek", params={"expand": "zaaktype"}, json={"uuid__in": [str(zaak.uuid)]}
    )
    assert found.status_code == 200, found.text
    assert found.json()["results"][0]["_expand"]["zaaktype"] == expanded["zaaktype"]


def test_the_parts_of_a_zaak_expand_their_zaak_and_types(zgw_client, gemeente_a, adoption, zaaktype):
    zaak = new_zaak(adoption, bsn="123456780")
    api = zgw_client(gemeente_a)
    zaak_url = absolute(api, f"{ROOT}/zaken/{zaak.uuid}")
    resultaattype = zaaktype.resultaattypen.first()
    resultaat = api.post(
        f"{ROOT}/resultaten",
        json={"zaak": zaak_url, "resultaattype": catalog_url(api, "resultaattypen", resultaattype)},
    ).json()
    zaakobject = _zaakobject(api, zaak_url)
    the_zaak = api.get(zaak_url).json()

    statussen = api.get(f"{ROOT}/statussen", params={"expand": "zaak,statustype"}).json()["results"]
    assert statussen[0]["_expand"]["zaak"] == the_zaak
    assert statussen[0]["_expand"]["statustype"] == api.get(statussen[0]["statustype"]).json()
    status = api.get(statussen[0]["url"], params={"expand": "zaak.zaaktype"}).json()
    assert status["_expand"]["zaak"]["_expand"]["zaaktype"] == api.get(the_zaak["zaaktype"]).json()

    rol = api.get(the_zaak["rollen"][0], params={"expand": "roltype,zaak"}).json()
    assert rol["_expand"]["roltype"] == api.get(rol["roltype"]).json()
    assert rol["_expand"]["zaak"] == the_zaak
    rollen = api.get(f"{ROOT}/rollen", params={"expand": "zaak.status"}).json()["results"]
    assert rollen[0]["_expand"]["zaak"]["_expand"]["status"] == api.get(the_zaak["status"]).json()

    shown = api.get(resultaat["url"], params={"expand": "resultaattype"}).json()
    assert shown["_expand"]["resultaattype"] == api.get(resultaat["resultaattype"]).json()
    listed = api.get(f"{ROOT}/resultaten", params={"expand": "zaak"}).json()["results"][0]
    assert listed["_expand"]["zaak"]["resultaat"] == resultaat["url"]

    objecten = api.get(f"{ROOT}/zaakobjecten", params={"expand": "zaak"}).json()["results"]
    assert objecten[0]["_expand"]["zaak"]["zaakobjecten"] == [zaakobject["url"]]
    assert api.get(zaakobject["url"], params={"expand": "zaak"}).json()["_expand"]["zaak"]["url"] == zaak_url

    # A besluit on the zaak, seen from the zaak.
    besluittype = zaaktype.besluittypen.get()
    today = clock.today().isoformat()
    besluit = api.post(
        "/besluiten/api/v1/besluiten",
        json={
            "verantwoordelijkeOrganisatie": "100000009",
            "besluittype": catalog_url(api, "besluittypen", besluittype),
            "zaak": zaak_url,
            "datum": today,
            "ingangsdatum": today,
        },
    )
    assert besluit.status_code == 201, besluit.text
    zaakbesluiten = api.get(f"{zaak_url}/besluiten", params={"expand": "besluit"}).json()
    assert zaakbesluiten[0]["_expand"]["besluit"] == api.get(besluit.json()["url"]).json()
    one = api.get(zaakbesluiten[0]["url"], params={"expand": "besluit.besluittype"}).json()
    assert one["_expand"]["besluit"]["_expand"]["besluittype"]["url"] == besluit.json()["besluittype"]


def test_expand_names_only_attributes_of_the_resource(zgw_client, gemeente_a, adoption):
    zaak = new_zaak(adoption)
    api = zgw_client(gemeente_a)
    url = absolute(api, f"{ROOT}/zaken/{zaak.uuid}")
    rol_url = api.get(url).json()["rollen"][0]

    for value in ("kleur", "status.kleur", "zaaktype.kleur"):
        response = api.get(url, params={"expand": value})
        assert response.status_code == 404, value  # zrc-027
    # zrc-025: objects of APIs Plus1 does not host are not fetched.
    assert api.get(url, params={"expand": "communicatiekanaal"}).status_code == 400
    assert api.get(rol_url, params={"expand": "betrokkene"}).status_code == 400
    assert api.get(f"{ROOT}/zaakobjecten", params={"expand": "object"}).status_code == 400
    assert api.get(f"{ROOT}/statussen", params={"expand": "zaak.kleur"}).status_code == 404


def test_an_expanded_zaak_or_document_the_client_may_not_read_is_null_or_left_out(
    zgw_client, gemeente_a, adoption, zaaktype
):
    other_type = handling_zaaktype()
    hoofdzaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=other_type))
    zaak = new_zaak(adoption)
    open_deelzaak = new_zaak(adoption)
    secret_deelzaak = new_zaak(adoption)
    Zaak.objects.filter(pk=zaak.pk).update(hoofdzaak=hoofdzaak)
    Zaak.objects.filter(pk__in=[open_deelzaak.pk, secret_deelzaak.pk]).update(hoofdzaak=zaak)
    Zaak.objects.filter(pk=secret_deelzaak.pk).update(confidentiality="geheim")
    _document_on(zaak)

    # Only zaken of this one zaaktype up to vertrouwelijk, and no rights in the Documenten API.
    reader = reader_of(zgw_client, gemeente_a, zaaktype, max_confidentiality="vertrouwelijk")
    url = absolute(reader, f"{ROOT}/zaken/{zaak.uuid}")
    body = reader.get(url, params={"expand": "hoofdzaak,deelzaken,zaakinformatieobjecten.informatieobject"})
    assert body.status_code == 200, body.text
    expanded = body.json()["_expand"]
    assert expanded["hoofdzaak"] == {}  # not readable: the empty object
    assert [deelzaak["uuid"] for deelzaak in expanded["deelzaken"]] == [str(open_deelzaak.uuid)]
    assert reader.get(absolute(reader, f"{ROOT}/zaken/{secret_deelzaak.uuid}")).status_code == 403
    assert expanded["zaakinformatieobjecten"][0]["_expand"]["informatieobject"] == {}

    # An application with every autorisatie sees them all.
    full = zgw_client(gemeente_a).get(url, params={"expand": "hoofdzaak,deelzaken"}).json()["_expand"]
    assert full["hoofdzaak"]["uuid"] == str(hoofdzaak.uuid)
    assert len(full["deelzaken"]) == 2


def test_an_expanded_reference_never_shows_another_gemeentes_zaak(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    zaak_a = new_zaak(adoption)
    zaak_b = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    url_b = absolute(api_a, f"{ROOT}/zaken/{zaak_b.uuid}")
    # A reference to B's zaak stored on A's zaak (only possible outside the API, zrc-011); a
    # link kept by URL only, as the migration keeps one that points outside the gemeente.
    Zaak.objects.filter(pk=zaak_a.pk).update(hoofdzaak=zaak_b)
    ZaakLink.objects.create(zaak=zaak_a, url=url_b, relation="vervolg")

    url_a = absolute(api_a, f"{ROOT}/zaken/{zaak_a.uuid}")
    expanded = api_a.get(url_a, params={"expand": "relevanteAndereZaken,hoofdzaak.rollen"}).json()["_expand"]
    assert expanded == {"hoofdzaak": {}, "relevanteAndereZaken": []}
    # B's application sees nothing of A through the parts of a zaak either.
    assert api_b.get(f"{ROOT}/statussen", params={"expand": "zaak"}).json()["count"] == 1
    rollen = api_b.get(f"{ROOT}/rollen", params={"expand": "zaak"}).json()["results"]
    assert [rol["_expand"]["zaak"]["uuid"] for rol in rollen] == [str(zaak_b.uuid)]
    assert api_b.get(url_a, params={"expand": "status"}).status_code == 404


def test_expand_costs_the_same_queries_for_a_page_of_two_zaken_as_of_eight(gemeente_a, adoption, zaaktype):
    # In process (not over the live server), so the queries are counted on this connection.
    client_id, secret = make_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="zeer_geheim"
            )
        ],
    )
    expand = ",".join(
        [
            "zaaktype",
            "status.statustype",
            "rollen.roltype",
            "eigenschappen.eigenschap",
            "deelzaken",
            "zaakinformatieobjecten.informatieobject",
        ]
    )

    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = Client().get(
                f"{ROOT}/zaken",
                {"expand": expand},
                HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}",
                HTTP_ACCEPT_CRS="EPSG:4326",
            )
        assert response.status_code == 200, response.content
        return len(captured.captured_queries)

    queries_for_list()  # the first request also looks up the host name, kept for the next ones
    for _ in range(2):
        _document_on(new_zaak(adoption))
    two = queries_for_list()
    for _ in range(6):
        _document_on(new_zaak(adoption))
    assert queries_for_list() == two
