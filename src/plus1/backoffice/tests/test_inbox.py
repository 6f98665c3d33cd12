"""The team inbox: the zaken of my teams, filtered, searched, sorted, paged; claim and bulk assign."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.accounts.services import create_team
from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.cases.models import Zaak
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC)  # a Wednesday
INBOX = "/backoffice/"


@pytest.fixture
def adoption(gemeente_a, team_a):
    return adopted(gemeente_a, team=team_a, lead_time="P2W")


@pytest.fixture
def zaken(adoption, behandelaar_a, gemeente_a):
    """Late and mine; due this week and unassigned; later; suspended; and one of another team."""
    other_team = create_team(tenant=gemeente_a, name="Burgerzaken", actor=SYSTEM)
    other = adopted(gemeente_a, team=other_team, omschrijving="Uittreksel BRP")
    return {
        "late": zaak_on(
            adoption, D(2026, 2, 11), assignee=behandelaar_a, name="Lukas Klamer", bsn="999991723"
        ),
        "week": zaak_on(adoption, D(2026, 2, 23), name="Suzanne Moulin"),
        "later": zaak_on(adoption, D(2026, 3, 2), name="Erebos Bultenaar", bsn="999990019"),
        "suspended": zaak_on(adoption, D(2026, 2, 11), suspended_on=D(2026, 2, 20), name="Anna Jansen"),
        "other_team": zaak_on(other, D(2026, 2, 11), name="Iemand Anders", bsn="999990020"),
    }


def _numbers(response):
    return [zaak.identificatie for zaak in response.context["page"].object_list]


@time_machine.travel(TODAY, tick=False)
def test_a_behandelaar_sees_only_the_zaken_of_their_own_teams(client, behandelaar_a, zaken):
    response = log_in(client, behandelaar_a).get(INBOX)

    assert response.status_code == 200
    assert _numbers(response) == [zaken[k].identificatie for k in ("late", "suspended", "week", "later")]
    page = response.text
    assert zaken["other_team"].identificatie not in page and "Iemand Anders" not in page
    assert "5 werkdagen te laat" in page
    assert "nog 3 werkdagen" in page
    assert "Opgeschort" in page
    assert "Lukas Klamer" in page and "Anna de Vries" in page
    assert f'href="/backoffice/zaken/{zaken["week"].identificatie}/"' in page
    assert "4 zaken gevonden." in page


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"toegewezen": "me"}, ["late"]),
        ({"toegewezen": "none"}, ["suspended", "week", "later"]),
        ({"termijn": "week"}, ["week"]),
        ({"termijn": "overdue"}, ["late"]),
        ({"termijn": "suspended"}, ["suspended"]),
        ({"zoek": "suzanne"}, ["week"]),
        ({"sorteer": "nieuwste"}, ["later", "week", "late", "suspended"]),
    ],
)
def test_filters_search_and_sorting(client, behandelaar_a, zaken, params, expected):
    response = log_in(client, behandelaar_a).get(INBOX, params)

    numbers = _numbers(response)
    if params.get("sorteer"):
        assert numbers[:2] == [zaken[k].identificatie for k in expected[:2]]
        assert set(numbers) == {zaken[k].identificatie for k in expected}
    else:
        assert numbers == [zaken[k].identificatie for k in expected]


@time_machine.travel(TODAY, tick=False)
def test_an_odd_filter_value_is_ignored_and_the_other_filters_still_apply(client, behandelaar_a, zaken):
    response = log_in(client, behandelaar_a).get(
        INBOX, {"zaaktype": "abc", "sorteer": "x", "termijn": "overdue"}
    )

    assert response.status_code == 200
    assert _numbers(response) == [zaken["late"].identificatie]


@time_machine.travel(TODAY, tick=False)
def test_search_by_case_number_and_the_quick_filters_show_their_counts(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a)

    by_number = client.get(INBOX, {"zoek": zaken["later"].identificatie})
    page = client.get(INBOX).text

    assert _numbers(by_number) == [zaken["later"].identificatie]
    assert 'Aan mij toegewezen <span class="badge">1</span>' in page
    assert 'Niet toegewezen <span class="badge">3</span>' in page
    assert 'Te laat <span class="badge">1</span>' in page
    assert 'Opgeschort <span class="badge">1</span>' in page


@time_machine.travel(TODAY, tick=False)
def test_a_bsn_search_finds_the_zaak_and_writes_an_access_record_without_the_bsn(
    client, behandelaar_a, zaken, gemeente_a
):
    response = log_in(client, behandelaar_a).get(INBOX, {"zoek": "999990019"})

    assert _numbers(response) == [zaken["later"].identificatie]
    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(action="search")
    assert record.actor_label == "behandelaar-a"
    assert (
        record.activity_name == "Zoeken op BSN in de werkvoorraad"
        and "burgerservicenummer" in record.legal_ground
    )
    assert record.subject_hash == hash_subject("999990019") and record.subject_type == "bsn"
    assert "999990019" not in repr(list(ProcessingRecord.objects.values()))


@time_machine.travel(TODAY, tick=False)
def test_a_normal_search_writes_no_access_record(client, behandelaar_a, zaken):
    log_in(client, behandelaar_a).get(INBOX, {"zoek": "Suzanne"})

    assert not ProcessingRecord.objects.filter(action="search").exists()


def test_the_inbox_pages_per_25(client, behandelaar_a, adoption):
    for _ in range(27):
        zaak_on(adoption, D(2026, 2, 23))
    log_in(client, behandelaar_a)

    first = client.get(INBOX)
    second = client.get(INBOX, {"pagina": 2})

    assert len(first.context["page"].object_list) == 25
    assert "Pagina 1 van 2" in first.text and "pagina=2" in first.text
    assert len(second.context["page"].object_list) == 2


def test_the_inbox_list_does_not_query_per_row(client, behandelaar_a, adoption):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INBOX).status_code == 200
        return len(captured)

    zaak_on(adoption, D(2026, 2, 23))
    log_in(client, behandelaar_a)
    queries()  # the first request also looks up the host name (kept for the next ones)
    with_one = queries()
    for _ in range(20):
        zaak_on(adoption, D(2026, 2, 23))

    assert queries() == with_one


@time_machine.travel(TODAY, tick=False)
def test_claim_a_zaak_from_the_inbox(client, behandelaar_a, zaken):
    zaak = zaken["week"]
    log_in(client, behandelaar_a)

    response = client.post(
        reverse("backoffice:inbox-claim"),
        {"zaak": f"{zaak.identificatie}:{zaak.version}", "next": "/backoffice/?termijn=week"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/backoffice/?termijn=week"
    assert f"U behandelt nu zaak {zaak.identificatie}." in response.text
    zaak.refresh_from_db()
    assert zaak.assignee == behandelaar_a


@time_machine.travel(TODAY, tick=False)
def test_claiming_a_zaak_someone_changed_meanwhile_gives_a_dutch_conflict_message(
    client, behandelaar_a, zaken
):
    zaak = zaken["week"]
    seen = zaak.version
    Zaak.objects.filter(pk=zaak.pk).update(version=seen + 1)

    response = log_in(client, behandelaar_a).post(
        reverse("backoffice:inbox-claim"), {"zaak": f"{zaak.identificatie}:{seen}"}, follow=True
    )

    assert "Iemand anders heeft deze zaak net gewijzigd" in response.text
    zaak.refresh_from_db()
    assert zaak.assignee is None


@time_machine.travel(TODAY, tick=False)
def test_a_behandelaar_cannot_claim_a_zaak_of_another_team(client, behandelaar_a, zaken):
    zaak = zaken["other_team"]

    response = log_in(client, behandelaar_a).post(
        reverse("backoffice:inbox-claim"), {"zaak": f"{zaak.identificatie}:{zaak.version}"}, follow=True
    )

    assert "U kunt alleen zaken van uw eigen team oppakken." in response.text
    zaak.refresh_from_db()
    assert zaak.assignee is None


@time_machine.travel(TODAY, tick=False)
def test_a_team_lead_assigns_several_zaken_at_once(client, teamleider_a, behandelaar_a, zaken):
    chosen = [zaken["week"], zaken["later"]]
    log_in(client, teamleider_a)
    page = client.get(INBOX).text
    assert 'name="zaken"' in page and "Gekozen zaken toewijzen" in page

    response = client.post(
        reverse("backoffice:inbox-assign"),
        {"zaken": [z.pk for z in chosen], "medewerker": behandelaar_a.pk, "next": "/backoffice/"},
        follow=True,
    )

    assert "2 zaken toegewezen aan Anna de Vries." in response.text
    assert {z.assignee for z in Zaak.objects.filter(pk__in=[z.pk for z in chosen])} == {behandelaar_a}


@time_machine.travel(TODAY, tick=False)
def test_bulk_assign_never_reaches_zaken_outside_the_team_leads_inbox(
    client, teamleider_a, behandelaar_a, zaken
):
    outside = zaken["other_team"]

    response = log_in(client, teamleider_a).post(
        reverse("backoffice:inbox-assign"),
        {"zaken": [zaken["week"].pk, outside.pk], "medewerker": behandelaar_a.pk},
        follow=True,
    )

    assert "1 zaak toegewezen aan Anna de Vries." in response.text
    assert "1 zaak is niet toegewezen." in response.text
    outside.refresh_from_db()
    assert outside.assignee is None


@time_machine.travel(TODAY, tick=False)
def test_a_behandelaar_cannot_bulk_assign(client, behandelaar_a, zaken, gemeente_a, team_a, actor):
    colleague = make_employee("collega-a", gemeente=gemeente_a, team=team_a, actor=actor)
    log_in(client, behandelaar_a)
    assert 'name="zaken"' not in client.get(INBOX).text

    response = client.post(
        reverse("backoffice:inbox-assign"),
        {"zaken": [zaken["week"].pk], "medewerker": colleague.pk},
        follow=True,
    )

    assert "Alleen een teamleider kan zaken aan anderen toewijzen." in response.text
    zaken["week"].refresh_from_db()
    assert zaken["week"].assignee is None


def test_bulk_assign_without_a_choice_explains_what_to_do(client, teamleider_a, behandelaar_a, zaken):
    response = log_in(client, teamleider_a).post(
        reverse("backoffice:inbox-assign"), {"medewerker": behandelaar_a.pk}, follow=True
    )

    assert "Kies eerst een of meer zaken met de vakjes in de tabel." in response.text
