"""Dashboard figures: workload, lead times and overdue zaken, the same on SQLite and PostgreSQL."""

import datetime

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.services import add_team_member, create_employee, create_team, grant_role
from plus1.cases import statistics

from .dated_zaken import SYSTEM, adopted, zaak_on

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def team(gemeente_a):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)


@pytest.fixture
def anna(gemeente_a, team):
    user = create_employee(
        username="anna", password="een-lang-wachtwoord", first_name="Anna", last_name="Bos"
    )
    grant_role(tenant=gemeente_a, user=user, role=Role.BEHANDELAAR, actor=SYSTEM)
    add_team_member(team=team, user=user, actor=SYSTEM)
    return user


def test_open_zaken_per_employee_count_only_open_ones_and_name_the_unassigned(gemeente_a, team, anna):
    adoption = adopted(gemeente_a, team=team)
    zaak_on(adoption, D(2026, 3, 2), assignee=anna)
    zaak_on(adoption, D(2026, 3, 2), assignee=anna)
    zaak_on(adoption, D(2026, 3, 2), assignee=anna, ended_on=D(2026, 3, 9))
    zaak_on(adoption, D(2026, 3, 2))

    assert statistics.open_per_assignee(tenant=gemeente_a) == [("Anna Bos", 2), ("Niet toegewezen", 1)]
    assert statistics.open_per_status(tenant=gemeente_a) == [("Ontvangen", 3)]


def test_figures_never_count_zaken_of_another_gemeente_or_team(gemeente_a, gemeente_b, team):
    other_team = create_team(tenant=gemeente_a, name="Burgerzaken", actor=SYSTEM)
    zaak_on(adopted(gemeente_a, team=team), D(2026, 3, 2))
    zaak_on(adopted(gemeente_a, team=other_team, omschrijving="Uittreksel"), D(2026, 3, 2))
    zaak_on(adopted(gemeente_b), D(2026, 3, 2))

    assert statistics.open_per_assignee(tenant=gemeente_a, team_ids=[team.pk]) == [("Niet toegewezen", 1)]
    assert statistics.open_per_assignee(tenant=gemeente_b) == [("Niet toegewezen", 1)]


def test_lead_time_is_the_median_and_90th_percentile_of_closed_zaken_in_days(gemeente_a, team):
    parkeren = adopted(gemeente_a, team=team)
    uittreksel = adopted(gemeente_a, team=team, omschrijving="Uittreksel BRP")
    for days in (2, 4, 6, 8, 10, 12, 14, 16, 18, 40):
        zaak_on(parkeren, D(2026, 1, 5), ended_on=D(2026, 1, 5) + datetime.timedelta(days=days))
    zaak_on(uittreksel, D(2026, 1, 5), ended_on=D(2026, 1, 6))
    zaak_on(uittreksel, D(2026, 1, 5))  # still open: not in the lead time

    figures = statistics.lead_times(tenant=gemeente_a)

    assert figures == [
        statistics.LeadTime(zaaktype="Parkeervergunning aanvragen", closed=10, median_days=11.0, p90_days=18),
        statistics.LeadTime(zaaktype="Uittreksel BRP", closed=1, median_days=1.0, p90_days=1),
    ]


def test_nearest_rank_percentile():
    assert statistics.percentile([5], 0.9) == 5
    assert statistics.percentile([1, 2, 3, 4], 0.5) == 2
    assert statistics.percentile(list(range(1, 101)), 0.9) == 90


def test_overdue_now_leaves_out_closed_and_suspended_zaken(gemeente_a, team):
    adoption = adopted(gemeente_a, team=team, lead_time="P2W")
    zaak_on(adoption, D(2026, 1, 5))  # legal end 19 January: overdue on 1 March
    zaak_on(adoption, D(2026, 1, 5), suspended_on=D(2026, 1, 12))
    zaak_on(adoption, D(2026, 1, 5), ended_on=D(2026, 1, 16))
    zaak_on(adoption, D(2026, 2, 23))  # due 9 March

    assert statistics.overdue_now(tenant=gemeente_a, today=D(2026, 3, 1)) == 1


def test_the_overdue_trend_counts_per_week_the_open_zaken_past_their_legal_end_date(gemeente_a, team):
    adoption = adopted(gemeente_a, team=team, lead_time="P1W")
    zaak_on(adoption, D(2026, 1, 5))  # due Mon 12 Jan, never closed
    zaak_on(adoption, D(2026, 1, 5), ended_on=D(2026, 1, 21))  # late, closed Wed 21 Jan
    zaak_on(adoption, D(2026, 1, 26), ended_on=D(2026, 1, 28))  # closed in time

    trend = statistics.overdue_trend(tenant=gemeente_a, today=D(2026, 2, 4), weeks=5)

    assert [(point.week_end, point.overdue) for point in trend] == [
        (D(2026, 1, 11), 0),  # Sunday: nothing due yet
        (D(2026, 1, 18), 2),
        (D(2026, 1, 25), 1),  # one was closed on the 21st
        (D(2026, 2, 1), 1),
        (D(2026, 2, 4), 1),  # this week: up to today
    ]
    assert trend[1].label == "week 3"
