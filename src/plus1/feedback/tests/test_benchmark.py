"""The benchmark: quartiles of the gemeenten's averages, only from 5 gemeenten with 10 answers each."""

import datetime

import pytest
import time_machine

from plus1.catalog.services import adopt_process
from plus1.feedback.benchmark import benchmark_for_gemeente, national_benchmark, spread
from plus1.feedback.selectors import period_of

from .factories import base_process, monthly, other_gemeenten, settings_for


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 17, 12, 0), tick=False):
        yield


@pytest.fixture
def paspoort(db):
    return base_process("Paspoort aanvragen")


@pytest.fixture
def others(gemeente_a, gemeente_b):
    return other_gemeenten(5, exclude=[gemeente_a, gemeente_b])


def test_quartiles_interpolate_between_the_sorted_averages():
    figures = spread([6.0, 7.0, 8.0, 9.0, 10.0])
    assert (figures.q1, figures.median, figures.q3) == (7.0, 8.0, 9.0)
    figures = spread([5.0, 6.0, 8.0, 9.0])
    assert (figures.q1, figures.median, figures.q3) == (5.75, 7.0, 8.25)


def test_a_gemeente_sees_its_score_beside_the_median_and_quartiles(gemeente_a, paspoort, others, actor):
    adopt_process(gemeente=gemeente_a, zaaktype=paspoort.versions.get(), actor=actor)
    # A: 8.5 over 20 answers in two months; others: 6, 7, 8, 9 (each 10 answers).
    monthly(gemeente_a, paspoort, answered=10, average=8, month=datetime.date(2026, 5, 1))
    monthly(gemeente_a, paspoort, answered=10, average=9, month=datetime.date(2026, 6, 1))
    for gemeente, average in zip(others, [6, 7, 8, 9], strict=False):
        monthly(gemeente, paspoort, answered=10, average=average, month=datetime.date(2026, 3, 1))
    # The fifth has too few answers: it does not count among the compared gemeenten.
    monthly(others[4], paspoort, answered=9, average=1, month=datetime.date(2026, 3, 1))

    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of())

    assert row.name == "Paspoort aanvragen"
    assert row.own_average == 8.5
    assert row.compared == 5  # A and four others
    assert row.gemeenten == 6
    # The averages 6, 7, 8, 8.5, 9
    assert (row.score.q1, row.score.median, row.score.q3) == (7.0, 8.0, 8.5)
    assert row.own_position == "boven de middelste gemeente"
    assert row.answers == 69


def test_below_five_gemeenten_with_ten_answers_nothing_is_compared(gemeente_a, paspoort, others):
    monthly(gemeente_a, paspoort, answered=50, average=8)
    for gemeente in others[:3]:
        monthly(gemeente, paspoort, answered=10, average=7)
    monthly(others[3], paspoort, answered=9, average=7)

    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of())
    assert row.compared == 4
    assert not row.is_comparable
    assert row.score is None
    assert row.named == []
    assert row.own_average == 8.0  # its own figure is still shown


def test_answers_outside_the_period_do_not_count(gemeente_a, paspoort, others):
    monthly(gemeente_a, paspoort, answered=10, average=8)
    for gemeente in others[:4]:
        monthly(gemeente, paspoort, answered=10, average=7, month=datetime.date(2025, 6, 1))  # 13 months ago
    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of())
    assert row.compared == 1
    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of(months=24))
    assert row.compared == 5


def test_other_gemeenten_are_named_only_when_they_opted_in(gemeente_a, paspoort, others):
    monthly(gemeente_a, paspoort, answered=10, average=8)
    for gemeente, average in zip(others, [6, 7, 8, 9, 10], strict=True):
        monthly(gemeente, paspoort, answered=10, average=average)
    settings_for(others[1], is_named_in_benchmark=True)
    settings_for(others[2], is_named_in_benchmark=False, shows_public_score=True)
    settings_for(gemeente_a, is_named_in_benchmark=True)

    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of())
    assert [(named.name, named.average) for named in row.named] == [(others[1].name, 7.0)]


def test_the_lead_time_share_within_the_norm_beside_the_median(gemeente_a, paspoort, others):
    monthly(gemeente_a, paspoort, answered=10, average=8, lead_time_count=10, within_norm_count=9)
    for gemeente, within in zip(others, [5, 6, 7, 8, 10], strict=True):
        monthly(gemeente, paspoort, answered=10, average=7, lead_time_count=10, within_norm_count=within)

    [row] = benchmark_for_gemeente(tenant=gemeente_a, period=period_of())
    assert row.own_within_norm == 90.0
    # Shares 50, 60, 70, 80, 90, 100
    assert row.within_norm.median == 75.0
    assert row.national_within_norm == round(100 * 45 / 60, 1)


def test_the_national_view_covers_every_process_and_names_nobody_without_consent(
    gemeente_a, paspoort, others
):
    parkeren = base_process("Parkeervergunning aanvragen")
    for gemeente, average in zip([gemeente_a, *others], [5, 6, 7, 8, 9, 10], strict=True):
        monthly(gemeente, paspoort, answered=10, average=average)
    monthly(gemeente_a, parkeren, answered=3, average=9)

    rows = {row.name: row for row in national_benchmark(period=period_of())}
    assert set(rows) == {"Paspoort aanvragen", "Parkeervergunning aanvragen"}
    assert rows["Paspoort aanvragen"].national_average == 7.5
    assert rows["Paspoort aanvragen"].score.median == 7.5
    assert rows["Paspoort aanvragen"].named == []
    assert rows["Parkeervergunning aanvragen"].score is None
