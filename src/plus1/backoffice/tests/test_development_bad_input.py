"""Bad input on the medewerkers pages (issue 22): a clear Dutch message, nothing stored wrong, no 500.

A rating outside the levels, a plan for someone outside one's team, a pulse answered twice, a
team too small for pulse results, enrolling in a full training.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from plus1.development.models import (
    Assessment,
    DevelopmentPlan,
    Enrolment,
    Pulse,
    PulseReceipt,
    PulseResponse,
)
from plus1.development.services import learning, pulse
from plus1.development.tests import factories as f

from .development_people import *  # noqa: F403 (the fixtures)

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"backoffice:{name}", args=args)


def _open_pulse(gemeente, title="Pulse december") -> Pulse:
    today = datetime.date.today()
    return Pulse.objects.create(
        tenant=gemeente, title=title, opens_on=today - datetime.timedelta(days=1), closes_on=today
    )


ANSWERS = {"energy": 4, "meaning": 5, "workload": 2, "support": 4, "growth": 3}


@pytest.mark.parametrize("level", ["9", "0", "-1", "twee", "2.5"])
def test_a_rating_outside_the_levels_is_refused(people, as_user, level):
    competence = f.competence("klantgerichtheid")
    response = as_user(people["emma"]).post(
        url("development-self-assessment"), {f"competence_{competence.pk}": level}
    )
    assert response.status_code == 400
    assert "Kies bij Klantgerichtheid" in response.text
    assert "een niveau van 1 tot en met" in response.text
    assert not Assessment.objects.exists()


def test_a_rating_of_no_competence_at_all_is_refused(people, as_user):
    response = as_user(people["emma"]).post(url("development-self-assessment"), {"note": "Niets gekozen"})
    assert response.status_code == 400
    assert "Kies bij minstens één competentie een niveau." in response.text
    assert not Assessment.objects.exists()


def test_a_plan_for_someone_outside_ones_team_is_refused(people, as_user):
    # Tara leads Team Burgerzaken; Emma is in Team Wmo.
    response = as_user(people["tara"]).post(url("development-plan-create", people["emma"].pk))
    assert response.status_code == 403
    assert "alleen een ontwikkelplan maken voor uzelf of voor medewerkers van uw eigen team" in response.text
    assert not DevelopmentPlan.objects.exists()


def test_a_plan_for_an_employee_of_another_gemeente_is_not_found(people, as_user):
    response = as_user(people["lead"]).post(url("development-plan-create", people["bea"].pk))
    assert response.status_code == 404
    assert not DevelopmentPlan.objects.exists()


def test_a_pulse_answered_twice_says_so_and_stores_one(people, as_user, gemeente_a):
    item = _open_pulse(gemeente_a)
    client = as_user(people["emma"])
    assert client.post(url("development-pulse", item.uuid), ANSWERS).status_code == 302
    response = client.post(url("development-pulse", item.uuid), ANSWERS, follow=True)
    assert "U heeft deze pulsmeting al ingevuld" in response.text
    assert PulseResponse.objects.count() == 1
    assert PulseReceipt.objects.count() == 1


def test_a_pulse_answer_outside_1_to_5_is_refused(people, as_user, gemeente_a):
    item = _open_pulse(gemeente_a)
    response = as_user(people["emma"]).post(url("development-pulse", item.uuid), ANSWERS | {"workload": "7"})
    assert response.status_code == 400
    assert "Kies bij elke stelling een antwoord van 1 tot en met 5." in response.text
    assert not PulseResponse.objects.exists()


def test_the_pulse_page_never_shows_an_answer(people, as_user, gemeente_a):
    item = _open_pulse(gemeente_a)
    client = as_user(people["emma"])
    client.post(url("development-pulse", item.uuid), ANSWERS)
    page = client.get(url("development-pulse", item.uuid)).text
    assert "al ingevuld" in page
    assert 'value="2" checked' not in page


def test_a_team_too_small_shows_te_weinig_antwoorden(people, as_user, gemeente_a, team_wmo):
    item = _open_pulse(gemeente_a)
    for name in ("emma", "bram"):  # two answers: fewer than five
        pulse.answer_pulse(tenant=gemeente_a, pulse=item, user=people[name], answers=list(ANSWERS.values()))
    page = as_user(people["lead"]).get(url("development-team", team_wmo.pk))
    assert page.status_code == 200
    assert "te weinig antwoorden" in page.text.lower()
    assert "3,8" not in page.text and "3.8" not in page.text  # the averages stay hidden


def test_enrolling_in_a_full_training_is_refused(people, as_user, gemeente_a):
    training = f.training(tenant=None, places=1)
    learning.enrol(tenant=gemeente_a, training=training, user=people["bram"])
    client = as_user(people["emma"])
    page = client.get(url("development-training", training.uuid)).text
    assert "Deze training is vol" in page
    response = client.post(url("development-enrol", training.uuid), follow=True)
    assert "Deze training is vol" in response.text
    assert not Enrolment.objects.filter(user=people["emma"]).exists()


def test_another_gemeentes_own_training_is_not_found(people, as_user, gemeente_b):
    training = f.training(tenant=gemeente_b)
    client = as_user(people["emma"])
    assert client.get(url("development-training", training.uuid)).status_code == 404
    assert client.post(url("development-enrol", training.uuid)).status_code == 404
    assert not Enrolment.objects.exists()


def test_a_rolduiding_with_too_few_participants_is_refused(people, as_user):
    response = as_user(people["hanna"]).post(
        url("development-clarification-new"),
        {"role_name": "Consulent", "closes_on": "2999-01-01", "participants": [people["emma"].pk]},
    )
    assert response.status_code == 400
    assert "Kies minstens 3 deelnemers" in response.text


def test_a_rolduiding_with_someone_of_another_gemeente_is_refused(people, as_user):
    chosen = [people[name].pk for name in ("emma", "bram", "bea")]
    response = as_user(people["hanna"]).post(
        url("development-clarification-new"),
        {"role_name": "Consulent", "closes_on": "2999-01-01", "participants": chosen},
    )
    assert response.status_code == 400
    assert "Kies alleen medewerkers van uw eigen gemeente." in response.text


def test_an_unknown_plan_step_is_said_plainly(people, as_user, gemeente_a):
    from plus1.development.services import plans

    plan = plans.create_plan(tenant=gemeente_a, user=people["emma"], employee=people["emma"])
    response = as_user(people["emma"]).post(
        url("development-plan", plan.uuid), {"step": "iets", "version": plan.version}, follow=True
    )
    assert "Deze wijziging kennen we niet" in response.text


def test_an_unknown_competence_filter_is_said_plainly(people, as_user):
    response = as_user(people["emma"]).get(url("development-trainings") + "?competentie=abc")
    assert response.status_code == 200
    assert "Kies een competentie uit de lijst." in response.text
