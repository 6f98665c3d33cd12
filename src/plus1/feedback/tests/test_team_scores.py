"""team_scores: one team's klantwaardering for the medewerkers team view, ended months and the running one."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from plus1.accounts.models import Team
from plus1.feedback.selectors import team_scores
from plus1.feedback.tallies import rebuild_monthly_tallies

from .factories import AnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 17, 12, 0), tick=False):
        yield


def test_a_teams_scores_count_its_own_answers_of_ended_and_running_months(_today, gemeente_a, gemeente_b):
    team = Team.objects.create(tenant=gemeente_a, name="Publiekszaken")
    other = Team.objects.create(tenant=gemeente_a, name="Vergunningen")
    AnswerFactory(tenant=gemeente_a, team=team, score=6, answered_on=datetime.date(2026, 3, 2))
    AnswerFactory(tenant=gemeente_a, team=team, score=8, answered_on=datetime.date(2026, 6, 10))
    AnswerFactory(tenant=gemeente_a, team=other, score=1, answered_on=datetime.date(2026, 6, 10))
    AnswerFactory(tenant=gemeente_a, team=team, score=1, answered_on=datetime.date(2025, 1, 10))  # too old
    rebuild_monthly_tallies()

    scores = team_scores(tenant=gemeente_a, team=team)

    assert scores.totals.answers == 2
    assert scores.totals.average == 7.0
    assert len(scores.months) == 12
    assert {point.start: point.figures.answers for point in scores.months if point.figures.answers} == {
        datetime.date(2026, 3, 1): 1,
        datetime.date(2026, 6, 1): 1,
    }


def test_a_team_without_answers_has_no_average(_today, gemeente_a):
    team = Team.objects.create(tenant=gemeente_a, name="Publiekszaken")
    scores = team_scores(tenant=gemeente_a, team=team)
    assert scores.totals.answers == 0
    assert scores.totals.average is None
