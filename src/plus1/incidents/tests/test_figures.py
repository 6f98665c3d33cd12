"""The figures of the incident register, counted by hand on a small set of reports."""

import datetime

import pytest
import time_machine

from plus1.accounts.services import create_team
from plus1.incidents.constants import TaskKind
from plus1.incidents.figures import Period, Share, incident_figures

from .register_rows import at, make_employee, make_incident, make_task

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 4, 15, 10, tzinfo=datetime.UTC)
FIRST_QUARTER = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def teams(gemeente_a, actor):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=actor), create_team(
        tenant=gemeente_a, name="Wmo", actor=actor
    )


@pytest.fixture
def reports(gemeente_a, gemeente_b, teams, actor):
    vergunningen, wmo = teams
    anna = make_employee("anna", gemeente=gemeente_a, team=vergunningen, actor=actor)
    bram = make_employee("bram", gemeente=gemeente_a, team=wmo, actor=actor)
    january = make_incident(
        tenant=gemeente_a,
        employee=anna,
        team=vergunningen,
        occurred_at=at(2026, 1, 31, 23),  # late in the evening, Dutch time: still January
        channel="balie",
        categories=["verbaal", "bedreiging"],
        location="Stadskantoor",
    )
    make_task(january, TaskKind.AFTERCARE, done_after_hours=5)
    make_task(january, TaskKind.REACTION, done_after_hours=30)
    make_task(january, TaskKind.REPORT_TO_POLICE, done_after_hours=72)
    february = make_incident(
        tenant=gemeente_a,
        employee=anna,
        team=vergunningen,
        occurred_at=at(2026, 2, 3),
        channel="telefoon",
        categories=["verbaal"],
        location="Stadskantoor",
    )
    make_task(february, TaskKind.AFTERCARE, done_after_hours=30)  # too late
    make_task(february, TaskKind.REACTION, done_after_hours=None)  # never done: late by now
    march = make_incident(
        tenant=gemeente_a,
        employee=bram,
        team=wmo,
        occurred_at=at(2026, 3, 20),
        channel="huisbezoek",
        categories=["fysiek"],
        location="Dorpsstraat 12",
    )
    make_task(march, TaskKind.AFTERCARE, done_after_hours=2)
    make_task(march, TaskKind.REACTION, done_after_hours=50)  # too late
    make_task(march, TaskKind.REPORT_TO_POLICE, done_after_hours=None)
    # Outside the quarter, and another gemeente's: never counted.
    make_incident(tenant=gemeente_a, employee=anna, team=vergunningen, occurred_at=at(2025, 12, 31, 12))
    colleague_b = make_employee("bea", gemeente=gemeente_b, actor=actor)
    make_incident(tenant=gemeente_b, employee=colleague_b, occurred_at=at(2026, 2, 10))
    return january, february, march


def test_the_coordinators_figures_count_every_report_of_the_period(gemeente_a, reports):
    figures = incident_figures(tenant=gemeente_a, period=FIRST_QUARTER)

    assert figures.total == 3
    assert figures.per_month == [
        (datetime.date(2026, 1, 1), 1),
        (datetime.date(2026, 2, 1), 1),
        (datetime.date(2026, 3, 1), 1),
    ]
    # One report can have more categories: these add up to more than the total.
    assert figures.per_category == [("Verbale agressie", 2), ("Bedreiging", 1), ("Fysiek geweld", 1)]
    assert figures.per_channel == [("Balie", 1), ("Telefoon", 1), ("Huisbezoek", 1)]
    assert figures.per_team == [("Vergunningen", 2), ("Wmo", 1)]
    assert figures.per_location == [("Stadskantoor", 2), ("Dorpsstraat 12", 1)]


def test_the_follow_up_shares_count_tasks_done_in_time(gemeente_a, reports):
    figures = incident_figures(tenant=gemeente_a, period=FIRST_QUARTER)

    assert figures.with_police_report == Share(1, 3)
    assert figures.aftercare_in_time == Share(2, 3)
    assert figures.aftercare_in_time.percent == 67
    assert figures.reaction_in_time == Share(1, 3)


def test_a_report_that_still_has_time_is_not_counted_as_late(gemeente_a, teams, actor):
    anna = make_employee("anna", gemeente=gemeente_a, actor=actor)
    fresh = make_incident(
        tenant=gemeente_a,
        employee=anna,
        occurred_at=NOW - datetime.timedelta(hours=12),
        created_at=NOW - datetime.timedelta(hours=10),
    )
    make_task(fresh, TaskKind.AFTERCARE, done_after_hours=None)
    make_task(fresh, TaskKind.REACTION, done_after_hours=None)

    figures = incident_figures(tenant=gemeente_a, period=Period.last_months(1))

    assert figures.total == 1
    assert figures.aftercare_in_time == Share(0, 0) and figures.aftercare_in_time.percent is None
    assert figures.reaction_in_time == Share(0, 0)


def test_a_teams_figures_hold_only_that_teams_reports_and_no_locations(gemeente_a, teams, reports):
    vergunningen, _wmo = teams

    figures = incident_figures(tenant=gemeente_a, period=FIRST_QUARTER, team_ids=[vergunningen.pk])

    assert figures.total == 2
    assert figures.per_team == [("Vergunningen", 2)]
    assert figures.per_location == []
    assert figures.per_category == [("Verbale agressie", 2), ("Bedreiging", 1)]


def test_months_without_reports_show_as_zero():
    period = Period(datetime.date(2025, 11, 15), datetime.date(2026, 2, 3))

    assert period.months() == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]


def test_the_default_period_is_this_month_and_the_eleven_before():
    period = Period.last_months(today=datetime.date(2026, 4, 15))

    assert period == Period(datetime.date(2025, 5, 1), datetime.date(2026, 4, 15))
    assert len(period.months()) == 12


def test_many_locations_end_in_one_row_for_the_rest(gemeente_a, actor):
    anna = make_employee("anna", gemeente=gemeente_a, actor=actor)
    for number in range(12):
        make_incident(
            tenant=gemeente_a, employee=anna, occurred_at=at(2026, 2, 1), location=f"Loket {number:02d}"
        )

    figures = incident_figures(tenant=gemeente_a, period=FIRST_QUARTER)

    assert len(figures.per_location) == 11
    assert figures.per_location[-1] == ("Overige locaties", 2)
