"""Zaak zoeken: every zaak of the gemeente can be found, open or closed, and only those.

By number (whole or in part), name, BSN or address, with a filter for open, closed or all.
A BSN search goes into the processing log; another gemeente's zaak is never found.
"""

import pytest
from django.urls import reverse

from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.cases import services
from plus1.cases.services.registration import set_zaakobject
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Eigenschap

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

SEARCH = reverse("backoffice:zaak-search")


@pytest.fixture
def zaaktype():
    zaaktype = handling_zaaktype()
    for order, (name, data_type) in enumerate((("adres", "text"), ("postcode", "postcode")), start=1):
        Eigenschap.objects.create(
            zaaktype=zaaktype,
            order=order,
            name=name,
            label=name,
            data_type=data_type,
            step="Adres",
            is_required=False,
        )
    return zaaktype


@pytest.fixture
def zaken(gemeente_a, gemeente_b, team_a, zaaktype):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name=team_a.name)
    closed = new_zaak(
        adoption,
        name="Lukas Klamer",
        bsn="999991723",
        data={"adres": "Stationsstraat 12", "postcode": "3511AB"},
    )
    services.close_zaak(
        zaak=closed,
        resultaattype=zaaktype.resultaattypen.get(),
        actor=SYSTEM,
        expected_version=None,
    )
    other_team = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Burgerzaken")
    open_zaak = new_zaak(other_team, name="Suzanne Moulin", bsn="999993653")
    # Gemeente B: the same person, name and street, and (below) the very same case number.
    b_zaak = new_zaak(
        adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype),
        name="Lukas Klamer",
        bsn="999991723",
        data={"adres": "Stationsstraat 12", "postcode": "3511AB"},
    )
    return {"closed": closed.identificatie, "open": open_zaak.identificatie, "b": b_zaak}


def _numbers(response) -> list[str]:
    html = response.content.decode()
    return [
        part.split('"')[0].rstrip("/").rsplit("/", 1)[-1]
        for part in html.split('href="/backoffice/zaken/')[1:]
    ]


def _search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return _numbers(response)


def test_a_closed_zaak_is_found_by_its_number_with_the_closed_filter_and_not_with_open(
    client, behandelaar_a, zaken
):
    log_in(client, behandelaar_a)

    assert _search(client, zoek=zaken["closed"], status="afgesloten") == [zaken["closed"]]
    assert _search(client, zoek=zaken["closed"], status="alle") == [zaken["closed"]]
    assert _search(client, zoek=zaken["closed"], status="open") == []
    assert _search(client, zoek=zaken["closed"][-7:]) == [zaken["closed"]], "part of the number"


def test_a_zaak_of_another_team_is_found_by_name(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a)

    assert _search(client, zoek="moulin", status="open") == [zaken["open"]]
    assert _search(client, zoek="moulin", status="afgesloten") == []


def test_a_zaak_is_found_by_address_words_or_postcode_in_either_spelling(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a)

    assert _search(client, zoek="stationsstraat 12") == [zaken["closed"]]
    assert _search(client, zoek="3511 ab") == [zaken["closed"]]
    assert _search(client, zoek="3511AB") == [zaken["closed"]]
    assert _search(client, zoek="stationsstraat 99") == []


def test_an_address_from_another_system_is_found_too(client, behandelaar_a, zaken):
    from plus1.cases.models import Zaak

    zaak = Zaak.objects.exclude(pk=zaken["b"].pk).get(identificatie=zaken["open"])
    set_zaakobject(
        zaak=zaak,
        values={
            "object_type": "adres",
            "object_identification": {"gorOpenbareRuimteNaam": "Domplein", "huisnummer": 29},
        },
        actor=SYSTEM,
        may_change_closed=False,
    )
    log_in(client, behandelaar_a)

    assert _search(client, zoek="domplein 29") == [zaken["open"]]


def test_a_bsn_search_finds_the_initiators_zaken_and_is_logged_without_the_bsn(
    client, behandelaar_a, zaken, gemeente_a
):
    log_in(client, behandelaar_a)

    assert _search(client, zoek="999991723") == [zaken["closed"]]

    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(action="search")
    assert record.subject_hash == hash_subject("999991723") and record.subject_type == "bsn"
    assert record.actor_label == "behandelaar-a"
    assert "999991723" not in repr(list(ProcessingRecord.objects.values()))


def test_a_search_by_name_or_number_writes_no_search_record(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a)
    _search(client, zoek="Klamer")
    _search(client, zoek=zaken["closed"])

    assert not ProcessingRecord.objects.filter(action="search").exists()


def test_another_gemeentes_zaak_is_never_found(client, behandelaar_a, behandelaar_b, zaken, gemeente_a):
    from plus1.cases.models import Zaak

    # Gemeente B's zaak gets the very number of A's closed zaak: numbers are per gemeente.
    Zaak.objects.filter(pk=zaken["b"].pk).update(identificatie=zaken["closed"])
    log_in(client, behandelaar_b)

    for query in (zaken["closed"], zaken["open"], "Moulin", "999993653", "Suzanne"):
        response = client.get(SEARCH, {"zoek": query, "status": "alle"})
        assert "Suzanne Moulin" not in response.content.decode()
    # B finds its own zaak under the shared number, and only that one (never A's).
    response = client.get(SEARCH, {"zoek": zaken["closed"], "status": "alle"})
    assert response.content.decode().count('href="/backoffice/zaken/') == 1
    assert not ProcessingRecord.objects.for_tenant(gemeente_a).filter(actor_label="behandelaar-b").exists()


def test_an_empty_search_lists_nobody(client, behandelaar_a, zaken):
    response = log_in(client, behandelaar_a).get(SEARCH)

    assert response.status_code == 200
    assert _numbers(response) == []
    assert "Zaak zoeken" in response.content.decode()


def test_odd_filter_values_fall_back_to_all(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a)

    assert _search(client, zoek=zaken["closed"], status="niets", sorteer="raar") == [zaken["closed"]]


def test_a_privacy_officer_without_an_employee_role_has_no_search(client, gemeente_a, actor, zaken):
    from plus1.accounts.constants import Role

    officer = make_employee("privacy", gemeente=gemeente_a, role=Role.PRIVACY_OFFICER, actor=actor)

    assert log_in(client, officer).get(SEARCH, {"zoek": "Moulin"}).status_code == 403


def test_an_inbox_search_that_finds_nothing_points_to_zaak_zoeken(client, behandelaar_a, zaken):
    response = log_in(client, behandelaar_a).get(reverse("backoffice:inbox"), {"zoek": zaken["closed"]})

    html = response.content.decode()
    assert f'href="{SEARCH}?zoek={zaken["closed"]}&amp;status=alle"' in html
