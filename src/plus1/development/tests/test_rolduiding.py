"""Rolduiding: HR asks a cross-section, each answers once, results with spread, HR confirms a role profile."""

import datetime

import pytest

from plus1.core import clock
from plus1.development.constants import Importance
from plus1.development.exceptions import (
    AlreadyAnswered,
    DevelopmentError,
    DevelopmentNotAllowed,
    InvalidRating,
)
from plus1.development.models import ClarificationResponse, RoleProfile
from plus1.development.services import rolduiding as service

from . import factories as f

pytestmark = pytest.mark.django_db

CLOSES = clock.today() + datetime.timedelta(days=14)


@pytest.fixture
def clarification(gemeente_a, framework, hanna, emma, bram, otto, tara):
    return service.start_clarification(
        tenant=gemeente_a,
        user=hanna,
        role_name="Consulent Wmo",
        participants=[emma, bram, otto, tara],
        closes_on=CLOSES,
    )


def answers(gemeente, default=(Importance.USEFUL, 1), **chosen):
    from plus1.development.selectors import competences_for

    result = {c.pk: default for c in competences_for(gemeente)}
    for code, value in chosen.items():
        result[f.competence(code.replace("_", "-")).pk] = value
    return result


def test_the_answers_give_the_spread_and_hr_confirms_a_role_profile(
    clarification, gemeente_a, hanna, emma, bram, otto
):
    service.answer_clarification(
        clarification=clarification, user=emma, answers=answers(gemeente_a, klantgerichtheid=(3, 3))
    )
    service.answer_clarification(
        clarification=clarification, user=bram, answers=answers(gemeente_a, klantgerichtheid=(2, 2))
    )
    service.answer_clarification(
        clarification=clarification, user=otto, answers=answers(gemeente_a, klantgerichtheid=(3, 4))
    )
    results = {r.competence.code: r for r in service.clarification_results(clarification)}
    kg = results["klantgerichtheid"]
    assert kg.answered == 3
    assert kg.importance_counts == {0: 0, 1: 0, 2: 1, 3: 2}
    assert kg.level_counts == {1: 0, 2: 1, 3: 1, 4: 1}
    assert kg.suggested_level == 3 and kg.in_profile
    assert not results["wendbaar-werken"].in_profile  # everyone said "handig"
    profile = service.confirm_clarification(
        clarification=clarification, user=hanna, levels={f.competence("klantgerichtheid").pk: 3}
    )
    assert profile.name == "Consulent Wmo" and profile.confirmed_by == hanna
    assert list(profile.items.values_list("competence__code", "level")) == [("klantgerichtheid", 3)]
    clarification.refresh_from_db()
    assert clarification.status == "confirmed" and clarification.role_profile == profile


def test_a_participant_answers_only_once(clarification, gemeente_a, emma):
    service.answer_clarification(clarification=clarification, user=emma, answers=answers(gemeente_a))
    with pytest.raises(AlreadyAnswered):
        service.answer_clarification(clarification=clarification, user=emma, answers=answers(gemeente_a))
    assert ClarificationResponse.objects.count() == 1


def test_someone_not_asked_cannot_answer(clarification, gemeente_a, lead):
    with pytest.raises(DevelopmentNotAllowed):
        service.answer_clarification(clarification=clarification, user=lead, answers=answers(gemeente_a))


@pytest.mark.parametrize("value", [(2, 5), (2, None), (7, 2), ("veel", 2)])
def test_an_answer_outside_the_scale_or_levels_is_refused(clarification, gemeente_a, emma, value):
    with pytest.raises(InvalidRating):
        service.answer_clarification(
            clarification=clarification, user=emma, answers=answers(gemeente_a, omgaan_met_agressie=value)
        )
    assert not ClarificationResponse.objects.exists()


def test_every_competence_needs_an_answer(clarification, gemeente_a, emma):
    partial = answers(gemeente_a)
    partial.pop(f.competence("wendbaar-werken").pk)
    with pytest.raises(DevelopmentError, match="Wendbaar werken"):
        service.answer_clarification(clarification=clarification, user=emma, answers=partial)


def test_a_closed_rolduiding_takes_no_answers(clarification, gemeente_a, hanna, emma):
    service.close_clarification(clarification=clarification, user=hanna)
    with pytest.raises(DevelopmentError, match="gesloten"):
        service.answer_clarification(clarification=clarification, user=emma, answers=answers(gemeente_a))


def test_a_cross_section_needs_at_least_three_employees_of_the_gemeente(
    gemeente_a, framework, hanna, emma, bram, bea
):
    with pytest.raises(DevelopmentError, match="minstens 3"):
        service.start_clarification(
            tenant=gemeente_a, user=hanna, role_name="Rol", participants=[emma, bram], closes_on=CLOSES
        )
    with pytest.raises(DevelopmentError, match="eigen gemeente"):
        service.start_clarification(
            tenant=gemeente_a, user=hanna, role_name="Rol", participants=[emma, bram, bea], closes_on=CLOSES
        )


def test_only_hr_starts_and_confirms(clarification, gemeente_a, framework, lead, emma, bram, otto):
    with pytest.raises(DevelopmentNotAllowed):
        service.start_clarification(
            tenant=gemeente_a, user=lead, role_name="Rol", participants=[emma, bram, otto], closes_on=CLOSES
        )
    service.answer_clarification(clarification=clarification, user=emma, answers=answers(gemeente_a))
    with pytest.raises(DevelopmentNotAllowed):
        service.confirm_clarification(clarification=clarification, user=lead, levels={})


def test_confirming_without_answers_or_with_a_level_outside_is_refused(
    clarification, gemeente_a, hanna, emma
):
    with pytest.raises(DevelopmentError, match="nog geen antwoorden"):
        service.confirm_clarification(clarification=clarification, user=hanna, levels={})
    service.answer_clarification(clarification=clarification, user=emma, answers=answers(gemeente_a))
    with pytest.raises(InvalidRating):
        service.confirm_clarification(
            clarification=clarification, user=hanna, levels={f.competence("omgaan-met-agressie").pk: 4}
        )
    assert not RoleProfile.objects.exists()
