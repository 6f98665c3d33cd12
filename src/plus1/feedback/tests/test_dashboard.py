"""The dashboard's figures match sums done by hand, per filter, and stay within the gemeente."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.accounts.models import Team
from plus1.feedback import selectors
from plus1.feedback.constants import Channel
from plus1.feedback.selectors import Scope, period_of

from .factories import AnswerFactory, InvitationFactory, base_process, monthly

TODAY = datetime.date(2026, 6, 17)  # a Wednesday


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 17, 12, 0), tick=False):
        yield


@pytest.fixture
def paspoort(db):
    return base_process("Paspoort aanvragen")


@pytest.fixture
def parkeren(db):
    return base_process("Parkeervergunning aanvragen")


@pytest.fixture
def answers(gemeente_a, gemeente_b, paspoort, parkeren):
    balie = Team.objects.create(tenant=gemeente_a, name="Publiekszaken")
    for day, score, effort, channel, process, team in [
        (datetime.date(2026, 6, 16), 9, 5, Channel.ONLINE, paspoort, balie),
        (datetime.date(2026, 6, 1), 7, 4, Channel.BALIE, paspoort, balie),
        (datetime.date(2026, 5, 20), 4, 2, Channel.BALIE, parkeren, None),
        (datetime.date(2026, 1, 5), 10, None, Channel.TELEFOON, parkeren, None),
        (datetime.date(2025, 7, 1), 6, 3, Channel.ONLINE, paspoort, balie),  # first day of the period
        (datetime.date(2025, 6, 30), 1, 1, Channel.ONLINE, paspoort, balie),  # just before it
    ]:
        AnswerFactory(
            tenant=gemeente_a,
            answered_on=day,
            score=score,
            effort=effort,
            channel=channel,
            process=process,
            team=team,
        )
    # Gemeente B's answers never count for A.
    AnswerFactory.create_batch(3, tenant=gemeente_b, score=1, effort=1, process=paspoort)
    return balie


def test_the_default_period_is_the_last_twelve_whole_months():
    period = period_of()
    assert (period.since, period.until, period.months) == (datetime.date(2025, 7, 1), TODAY, 12)
    assert len(period.month_starts()) == 12


def test_the_summary_counts_averages_and_distributes_the_gemeentes_answers(gemeente_a, answers):
    summary = selectors.summary(Scope(tenant=gemeente_a, period=period_of()))

    # 9, 7, 4, 10, 6 -> 36 / 5
    assert summary.totals.answers == 5
    assert summary.totals.average == 7.2
    assert dict((score, count) for score, count, _share in summary.distribution) == {
        1: 0, 2: 0, 3: 0, 4: 1, 5: 0, 6: 1, 7: 1, 8: 0, 9: 1, 10: 1,
    }  # fmt: skip
    assert summary.distribution[8] == (9, 1, 20.0)
    # Effort 5, 4, 2, 3 (one left it open): average 3.5, easy (4-5) 2 of 4.
    assert summary.totals.effort_answers == 4
    assert summary.totals.effort_average == 3.5
    assert summary.totals.easy_share == 50.0


def test_filters_narrow_down_to_a_process_a_team_and_a_channel(gemeente_a, answers, paspoort):
    period = period_of()
    by_process = selectors.summary(Scope(tenant=gemeente_a, period=period, process=paspoort)).totals
    assert (by_process.answers, by_process.average) == (3, 7.3)  # 9, 7, 6
    by_team = selectors.summary(Scope(tenant=gemeente_a, period=period, team=answers)).totals
    assert (by_team.answers, by_team.average) == (3, 7.3)
    by_channel = selectors.summary(Scope(tenant=gemeente_a, period=period, channel=Channel.BALIE)).totals
    assert (by_channel.answers, by_channel.average) == (2, 5.5)  # 7, 4


def test_the_trend_has_every_month_and_the_last_thirteen_weeks(gemeente_a, answers):
    scope = Scope(tenant=gemeente_a, period=period_of())
    months = selectors.trend_per_month(scope)
    assert months[0].start == datetime.date(2025, 7, 1)
    assert len(months) == 12
    by_month = {point.start: (point.figures.answers, point.figures.average) for point in months}
    assert by_month[datetime.date(2026, 6, 1)] == (2, 8.0)
    assert by_month[datetime.date(2026, 5, 1)] == (1, 4.0)
    assert by_month[datetime.date(2025, 8, 1)] == (0, None)

    weeks = selectors.trend_per_week(scope)
    assert len(weeks) == 13
    assert weeks[-1].start == datetime.date(2026, 6, 15)  # this week's Monday
    by_week = {point.start: point.figures.answers for point in weeks}
    assert by_week[datetime.date(2026, 6, 15)] == 1
    assert by_week[datetime.date(2026, 6, 1)] == 1
    assert by_week[datetime.date(2026, 5, 18)] == 1
    assert sum(by_week.values()) == 3  # January is older than thirteen weeks


def test_the_breakdowns_per_process_team_and_channel(gemeente_a, answers):
    dashboard = selectors.dashboard(Scope(tenant=gemeente_a, period=period_of()))
    assert {(f.label, f.answers, f.average) for f in dashboard.processes} == {
        ("Paspoort aanvragen", 3, 7.3),
        ("Parkeervergunning aanvragen", 2, 7.0),
    }
    assert {(f.label, f.answers) for f in dashboard.teams} == {("Publiekszaken", 3), ("Geen team", 2)}
    assert {(f.key, f.answers) for f in dashboard.channels} == {("online", 2), ("balie", 2), ("telefoon", 1)}


def test_the_response_rate_comes_from_the_monthly_sums_for_the_whole_gemeente(gemeente_a, paspoort, parkeren):
    monthly(gemeente_a, paspoort, answered=30, average=8, invited=100, month=datetime.date(2026, 6, 1))
    monthly(gemeente_a, parkeren, answered=10, average=7, invited=20, month=datetime.date(2025, 7, 1))
    # Before the period: not counted.
    monthly(gemeente_a, parkeren, answered=10, average=7, invited=10, month=datetime.date(2025, 6, 1))

    response = selectors.response(Scope(tenant=gemeente_a, period=period_of()), answers=0)
    assert (response.invited, response.answered, response.rate, response.source) == (120, 40, 33.3, "monthly")
    response = selectors.response(Scope(tenant=gemeente_a, period=period_of(), process=paspoort), answers=0)
    assert (response.invited, response.answered, response.rate) == (100, 30, 30.0)


def test_the_response_rate_of_one_channel_counts_the_invitations(gemeente_a, answers, gemeente_b):
    for _index in range(4):
        InvitationFactory(tenant=gemeente_a, channel=Channel.BALIE)
    InvitationFactory(tenant=gemeente_a, channel=Channel.ONLINE)
    InvitationFactory(tenant=gemeente_b, channel=Channel.BALIE)

    summary = selectors.summary(Scope(tenant=gemeente_a, period=period_of(), channel=Channel.BALIE))
    assert (summary.response.invited, summary.response.answered, summary.response.rate) == (4, 2, 50.0)
    assert summary.response.source == "rows"


def test_a_gemeente_without_answers_gets_empty_figures_not_an_error(gemeente_a):
    dashboard = selectors.dashboard(Scope(tenant=gemeente_a, period=period_of()))
    assert dashboard.summary.totals.answers == 0
    assert dashboard.summary.totals.average is None
    assert dashboard.summary.response.rate is None
    assert all(point.figures.answers == 0 for point in dashboard.months)


def test_the_dashboard_takes_a_fixed_handful_of_queries(gemeente_a, answers):
    scope = Scope(tenant=gemeente_a, period=period_of())
    with CaptureQueriesContext(connection) as few:
        selectors.dashboard(scope)
    AnswerFactory.create_batch(20, tenant=gemeente_a, score=5)
    with CaptureQueriesContext(connection) as many:
        selectors.dashboard(scope)
    assert len(many) == len(few) <= 8
