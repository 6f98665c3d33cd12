"""relevanteAndereZaken over real HTTP: one set of links for the Zaken API and the back office.

What an application links through the API, the case handler sees on the zaak page; what the
case handler links there, the application reads (and expands) in the API. Never across gemeenten.
"""

from __future__ import annotations

import pytest

from plus1.cases.exceptions import ZaakError
from plus1.cases.models import Zaak, ZaakLink
from plus1.cases.services import link_zaken
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, new_zaak

from .conftest import ROOT, absolute, create_zaak, new_zaak_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _without_expand(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "_expand"}


def test_links_made_in_the_api_and_in_the_back_office_are_one_list(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    first, second = create_zaak(api, zaaktype), create_zaak(api, zaaktype)
    zaak = create_zaak(api, zaaktype, relevanteAndereZaken=[{"url": first["url"], "aardRelatie": "vervolg"}])
    assert zaak["relevanteAndereZaken"] == [{"url": first["url"], "aardRelatie": "vervolg"}]
    assert api.get(zaak["url"]).json()["relevanteAndereZaken"] == zaak["relevanteAndereZaken"]

    # The back office reads the same rows ...
    row = Zaak.objects.get(uuid=zaak["uuid"])
    assert [(link.other.identificatie, link.relation) for link in row.links.all()] == [
        (first["identificatie"], "vervolg")
    ]
    # ... and what a case handler links there is in the API at once (its cached answer too).
    link_zaken(zaak=row, other_identificatie=second["identificatie"], relation="onderwerp", actor=SYSTEM)
    body = api.get(zaak["url"], params={"expand": "relevanteAndereZaken"}).json()
    assert body["relevanteAndereZaken"] == [
        {"url": first["url"], "aardRelatie": "vervolg"},
        {"url": second["url"], "aardRelatie": "onderwerp"},
    ]
    expanded = body["_expand"]["relevanteAndereZaken"]
    assert [_without_expand(item) for item in expanded] == [
        api.get(first["url"]).json(),
        api.get(second["url"]).json(),
    ]
    listed = api.get(f"{ROOT}/zaken", params={"identificatie": zaak["identificatie"]}).json()["results"]
    assert listed[0]["relevanteAndereZaken"] == body["relevanteAndereZaken"]

    # A PATCH without the attribute leaves the links alone; with it, the list is what was sent.
    assert (
        api.patch(zaak["url"], json={"toelichting": "Zie ook"}).json()["relevanteAndereZaken"]
        == (body["relevanteAndereZaken"])
    )
    kept = ZaakLink.objects.get(zaak=row, other__uuid=second["uuid"])
    changed = api.patch(
        zaak["url"], json={"relevanteAndereZaken": [{"url": second["url"], "aardRelatie": "bijdrage"}]}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["relevanteAndereZaken"] == [{"url": second["url"], "aardRelatie": "bijdrage"}]
    assert list(row.links.values_list("pk", "relation")) == [(kept.pk, "bijdrage")], "the row stays"

    put = api.put(zaak["url"], json=new_zaak_body(api, zaaktype, relevanteAndereZaken=[]))
    assert put.status_code == 200, put.text
    assert put.json()["relevanteAndereZaken"] == [] and not row.links.exists()


def test_a_wrong_list_is_refused_whole_and_changes_nothing(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    other = create_zaak(api, zaaktype)
    zaak = create_zaak(api, zaaktype, relevanteAndereZaken=[{"url": other["url"], "aardRelatie": "vervolg"}])
    wanted = zaak["relevanteAndereZaken"]

    twice = [
        {"url": other["url"], "aardRelatie": "vervolg"},
        {"url": other["url"], "aardRelatie": "bijdrage"},
    ]
    response = api.patch(zaak["url"], json={"relevanteAndereZaken": twice, "toelichting": "Nieuw"})
    assert response.status_code == 400, response.text
    assert response.json()["invalidParams"][0]["name"] == "relevanteAndereZaken.1.url"
    itself = api.patch(
        zaak["url"], json={"relevanteAndereZaken": [{"url": zaak["url"], "aardRelatie": "onderwerp"}]}
    )
    assert itself.json()["invalidParams"][0]["code"] == "self-forbidden"

    after = api.get(zaak["url"]).json()
    assert after["relevanteAndereZaken"] == wanted and after["toelichting"] == ""
    # The same zaak twice with the same aardRelatie is one link.
    same = api.patch(zaak["url"], json={"relevanteAndereZaken": [wanted[0], wanted[0]]})
    assert same.json()["relevanteAndereZaken"] == wanted


def test_links_never_cross_gemeenten(zgw_client, gemeente_a, gemeente_b, adoption, zaaktype):
    api_a, api_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    zaak_a = create_zaak(api_a, zaaktype)
    zaak_b = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))
    Zaak.objects.filter(pk=zaak_b.pk).update(identificatie="ALLEEN-IN-B")
    url_b = absolute(api_a, f"{ROOT}/zaken/{zaak_b.uuid}")

    # The API refuses a zaak of another gemeente, as any zaak it cannot find (zrc-011) ...
    response = api_a.patch(
        zaak_a["url"], json={"relevanteAndereZaken": [{"url": url_b, "aardRelatie": "vervolg"}]}
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "relevanteAndereZaken.0.url"
    refused = api_b.post(
        f"{ROOT}/zaken",
        json=new_zaak_body(
            api_b, zaaktype, relevanteAndereZaken=[{"url": zaak_a["url"], "aardRelatie": "vervolg"}]
        ),
    )
    assert refused.status_code == 400
    # ... and so does the back office, which looks numbers up in its own gemeente only.
    with pytest.raises(ZaakError):
        link_zaken(
            zaak=Zaak.objects.get(uuid=zaak_a["uuid"]),
            other_identificatie="ALLEEN-IN-B",
            relation="vervolg",
            actor=SYSTEM,
        )
    assert not ZaakLink.objects.exists()
