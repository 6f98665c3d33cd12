"""MonthlyScore: the sums the benchmark reads follow every invitation and answer."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from plus1.core import clock
from plus1.feedback import rollups, services
from plus1.feedback.models import Answer, MonthlyScore

from .core_factories import adoption_for, closed_zaak

pytestmark = pytest.mark.django_db


def _answer(invitation, score, effort=None):
    return services.submit_answer(
        invitation=invitation,
        score=score,
        effort=effort,
        improvement="",
        own_answers={},
        may_call=False,
        call_phone="",
    )


def _rows(process):
    return {
        row.month: (row.invited, row.answered, row.score_sum, row.effort_count, row.effort_sum)
        for row in MonthlyScore.objects.filter(process=process)
    }


def test_sums_per_gemeente_process_and_month(gemeente_a, gemeente_b):
    adoption = adoption_for(gemeente_a)
    invitations = [services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) for _ in range(3)]
    other = adoption_for(gemeente_b)
    services.invite_after_closing(zaak=closed_zaak(adoption=other))

    _answer(invitations[0], 9, 5)
    _answer(invitations[1], 4, None)

    month = clock.today().replace(day=1)
    assert _rows(adoption.process) == {month: (3, 2, 13, 1, 5)}
    assert MonthlyScore.objects.get(tenant=gemeente_b).answered == 0


def test_an_answer_counts_in_the_month_it_was_given(gemeente_a):
    adoption = adoption_for(gemeente_a)
    start = timezone.make_aware(datetime.datetime(2026, 10, 30, 12))
    with time_machine.travel(start, tick=False):
        invitation = services.invite_after_closing(zaak=closed_zaak(adoption=adoption))
    with time_machine.travel(start + datetime.timedelta(days=5), tick=False):
        _answer(invitation, 7, 3)

    assert _rows(adoption.process) == {
        datetime.date(2026, 10, 1): (1, 0, 0, 0, 0),
        datetime.date(2026, 11, 1): (0, 1, 7, 1, 3),
    }


def test_rebuilding_gives_the_same_sums_as_counting_along(gemeente_a):
    adoption = adoption_for(gemeente_a)
    invitations = [services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) for _ in range(4)]
    for invitation, score in zip(invitations, (10, 6, 3), strict=False):
        _answer(invitation, score, 4)
    along = _rows(adoption.process)
    counted = list(MonthlyScore.objects.values_list("lead_time_count", "within_norm_count"))
    MonthlyScore.objects.update(answered=0, score_sum=999)

    written = rollups.rebuild_monthly_scores(tenant=gemeente_a)

    assert written == 1
    assert _rows(adoption.process) == along
    assert list(MonthlyScore.objects.values_list("lead_time_count", "within_norm_count")) == counted


def test_rebuilding_keeps_invitations_that_were_already_removed(gemeente_a):
    adoption = adoption_for(gemeente_a)
    invitation = services.invite_after_closing(zaak=closed_zaak(adoption=adoption))
    _answer(invitation, 8)
    invitation.delete()

    rollups.rebuild_monthly_scores()

    row = MonthlyScore.objects.get(process=adoption.process)
    assert (row.invited, row.answered, row.score_sum) == (1, 1, 8)
    assert Answer.objects.count() == 1


def test_count_answer_twice_adds_twice_with_no_duplicate_row(gemeente_a):
    adoption = adoption_for(gemeente_a)
    invitation = services.invite_after_closing(zaak=closed_zaak(adoption=adoption))
    answer = _answer(invitation, 6, 2)

    rollups.count_answer(answer)

    assert MonthlyScore.objects.count() == 1
    assert MonthlyScore.objects.get().score_sum == 12
