"""Engagement pulse: answered once, anonymous, results per team only from 5 answers."""

import datetime

import pytest

from plus1.core import clock
from plus1.development import selectors
from plus1.development.exceptions import (
    AlreadyAnswered,
    DevelopmentError,
    DevelopmentNotAllowed,
    TeamTooSmall,
)
from plus1.development.models import PulseReceipt, PulseResponse
from plus1.development.services import pulse as service

from . import factories as f

pytestmark = pytest.mark.django_db

TODAY = clock.today()


@pytest.fixture
def pulse(gemeente_a, hanna):
    return service.create_pulse(
        tenant=gemeente_a,
        user=hanna,
        title="Pulse december",
        opens_on=TODAY,
        closes_on=TODAY + datetime.timedelta(days=14),
    )


def test_an_answer_is_stored_without_the_person_and_the_receipt_without_the_answer(
    pulse, gemeente_a, emma, team_wmo
):
    service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[4, 4, 3, 5, 2])
    response = PulseResponse.objects.get()
    fields = {field.name for field in PulseResponse._meta.get_fields()}
    assert not fields & {"user", "employee", "participant", "created_at"}
    assert response.team == team_wmo and response.answers == [4, 4, 3, 5, 2]
    assert response.created_on == pulse.opens_on  # not the day of answering
    assert {field.name for field in PulseReceipt._meta.get_fields()} == {"id", "pulse", "user"}
    assert selectors.open_pulses_for(tenant=gemeente_a, user=emma, today=TODAY) == []


def test_a_pulse_answered_twice_is_refused_and_stores_one_answer(pulse, gemeente_a, emma):
    service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[4, 4, 3, 5, 2])
    with pytest.raises(AlreadyAnswered, match="al ingevuld"):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[1, 1, 1, 1, 1])
    assert PulseResponse.objects.count() == 1 and PulseReceipt.objects.count() == 1


@pytest.mark.parametrize("bad", [[4, 4, 3, 5], [4, 4, 3, 5, 6], [0, 4, 3, 5, 2], ["x", 4, 3, 5, 2], "44352"])
def test_answers_outside_the_scale_are_refused(pulse, gemeente_a, emma, bad):
    with pytest.raises(DevelopmentError, match="alle 5 vragen"):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=bad)
    assert not PulseResponse.objects.exists() and not PulseReceipt.objects.exists()


def _closed(pulse):
    """The pulse as it stands once its closing day has passed."""
    pulse.opens_on = TODAY - datetime.timedelta(days=15)
    pulse.closes_on = TODAY - datetime.timedelta(days=1)
    pulse.save(update_fields=["opens_on", "closes_on"])
    return pulse


def test_a_team_too_small_shows_no_results(pulse, gemeente_a, team_wmo, emma, bram, lead):
    for user in (emma, bram, lead):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=user, answers=[4, 4, 4, 4, 4])
    pulse = _closed(pulse)
    with pytest.raises(TeamTooSmall, match="Vanaf 5 antwoorden"):
        service.team_result(pulse=pulse, team=team_wmo)
    trend = service.engagement_trend(tenant=gemeente_a, team=team_wmo)
    assert [(p.responses, p.overall) for p in trend] == [(3, None)]


def test_from_five_answers_the_team_sees_averages(pulse, gemeente_a, team_wmo, emma, bram, lead):
    others = [f.person(f"wmo{i}", gemeente=gemeente_a, team=team_wmo) for i in range(2)]
    for user, score in zip([emma, bram, lead, *others], [1, 2, 3, 4, 5], strict=True):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=user, answers=[score] * 5)
    # While the pulse is open nothing shows: a moving average would give away the last answer.
    with pytest.raises(TeamTooSmall, match="na het sluiten"):
        service.team_result(pulse=pulse, team=team_wmo)
    assert service.engagement_trend(tenant=gemeente_a, team=team_wmo)[-1].overall is None
    pulse = _closed(pulse)
    result = service.team_result(pulse=pulse, team=team_wmo)
    assert result.responses == 5 and result.overall == 3.0 and result.averages == (3.0,) * 5
    assert service.engagement_trend(tenant=gemeente_a, team=team_wmo)[-1].overall == 3.0


def test_a_member_of_two_teams_chooses_one_of_their_own(pulse, gemeente_a, team_wmo, team_bz, emma):
    team_bz.members.add(emma)
    with pytest.raises(DevelopmentError, match="Kies het team"):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[3] * 5)
    other = f.team(gemeente_a, "Team Zonder Emma")
    with pytest.raises(DevelopmentError, match="eigen teams"):
        service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[3] * 5, team=other)
    service.answer_pulse(tenant=gemeente_a, pulse=pulse, user=emma, answers=[3] * 5, team=team_bz)
    assert PulseResponse.objects.get().team == team_bz


def test_a_pulse_of_another_gemeente_or_a_closed_one_is_refused(pulse, gemeente_a, gemeente_b, hanna, bea):
    with pytest.raises(DevelopmentNotAllowed):
        service.answer_pulse(tenant=gemeente_b, pulse=pulse, user=bea, answers=[3] * 5)
    old = service.create_pulse(
        tenant=gemeente_a,
        user=hanna,
        title="Oud",
        opens_on=TODAY - datetime.timedelta(days=40),
        closes_on=TODAY - datetime.timedelta(days=30),
    )
    with pytest.raises(DevelopmentError, match="niet open"):
        service.answer_pulse(tenant=gemeente_a, pulse=old, user=hanna, answers=[3] * 5)


def test_only_hr_opens_a_pulse_with_sensible_dates(gemeente_a, hanna, emma):
    with pytest.raises(DevelopmentNotAllowed):
        service.create_pulse(tenant=gemeente_a, user=emma, title="x", opens_on=TODAY, closes_on=TODAY)
    with pytest.raises(DevelopmentError, match="op of na de begindatum"):
        service.create_pulse(
            tenant=gemeente_a,
            user=hanna,
            title="x",
            opens_on=TODAY,
            closes_on=TODAY - datetime.timedelta(days=1),
        )
