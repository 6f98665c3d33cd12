"""The team view, HR's overview, the learning offer and the pulse pages (issue 22).

The team view shows the heatmap as a table whose cells say in words and a symbol what the
colour says, the engagement chart with its data table, and the team's klantwaardering from
plus1.feedback beside its service results.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from plus1.development.constants import EnrolmentStatus
from plus1.development.models import Enrolment, Pulse, PulseResponse
from plus1.development.services import assessments, learning, pulse
from plus1.development.tests import factories as f
from plus1.feedback.tests.factories import AnswerFactory

from .development_people import *  # noqa: F403 (the fixtures)

pytestmark = pytest.mark.django_db

ANSWERS = [4, 4, 3, 4, 5]


def url(name: str, *args) -> str:
    return reverse(f"backoffice:{name}", args=args)


def test_the_team_view_for_its_leidinggevende_and_hr_only(people, as_user, team_wmo, team_bz):
    page = url("development-team", team_wmo.pk)
    assert as_user(people["lead"]).get(page).status_code == 200
    assert as_user(people["hanna"]).get(page).status_code == 200
    assert as_user(people["tara"]).get(page).status_code == 403  # leads another team
    assert as_user(people["emma"]).get(page).status_code == 403  # a member, not a leader
    assert as_user(people["hugo"]).get(page).status_code == 404  # HR of another gemeente
    assert as_user(people["bea"]).get(url("development-team", 999999)).status_code == 404


def test_the_heatmap_says_in_words_what_the_colour_says(people, as_user, gemeente_a, team_wmo):
    profile = f.role_profile(gemeente_a, "Consulent Wmo", {"klantgerichtheid": 3})
    for name in ("emma", "bram"):
        assessments.assign_role_profile(
            tenant=gemeente_a, user=people["hanna"], employee=people[name], role_profile=profile
        )
    competence = f.competence("klantgerichtheid")
    assessments.submit_assessment(
        tenant=gemeente_a, employee=people["emma"], assessor=people["lead"], ratings={competence.pk: 1}
    )
    page = as_user(people["lead"]).get(url("development-team", team_wmo.pk)).text
    assert 'class="table heatmap"' in page
    assert "heat--far_below" in page
    assert "twee of meer niveaus onder het gevraagde niveau" in page  # the legend, in words
    assert "Emma" in page and "Consulent Wmo" in page


def test_the_team_view_shows_the_teams_klantwaardering(people, as_user, gemeente_a, team_wmo):
    for score in (8, 6):
        AnswerFactory(tenant=gemeente_a, team=team_wmo, score=score, answered_on=datetime.date.today())
    page = as_user(people["lead"]).get(url("development-team", team_wmo.pk)).text
    assert "7,0 gemiddeld (2 antwoorden)" in page or "7.0 gemiddeld (2 antwoorden)" in page


def test_engagement_from_five_answers_with_a_chart_and_its_table(people, as_user, gemeente_a, team_wmo):
    today = datetime.date.today()
    item = Pulse.objects.create(tenant=gemeente_a, title="Pulse december", opens_on=today, closes_on=today)
    extra = [f.person(f"collega{n}", gemeente=gemeente_a, team=team_wmo) for n in range(3)]
    for user in [people["emma"], people["bram"], *extra]:
        pulse.answer_pulse(tenant=gemeente_a, pulse=item, user=user, answers=ANSWERS)
    # The outcome shows once the pulse has closed (an open pulse's average would move per answer).
    Pulse.objects.filter(pk=item.pk).update(
        opens_on=today - datetime.timedelta(days=14), closes_on=today - datetime.timedelta(days=1)
    )
    page = as_user(people["hanna"]).get(url("development-team", team_wmo.pk)).text
    assert "<svg" in page and "Bekijk de cijfers als tabel" in page
    assert "Ik kan hier leren en mij ontwikkelen." in page
    assert "te weinig antwoorden" not in page.lower()
    assert PulseResponse.objects.filter(team=team_wmo).count() == 5


def test_hr_overview_lists_the_teams(people, as_user, team_wmo, team_bz):
    page = as_user(people["hanna"]).get(url("development-hr"))
    assert page.status_code == 200
    assert "Team Wmo" in page.text and "Team Burgerzaken" in page.text
    assert as_user(people["hugo"]).get(url("development-hr")).text.count("Team Burgerzaken") == 0


def test_enrol_attend_and_evaluate(people, as_user, gemeente_a):
    training = f.training(tenant=None, starts_on=datetime.date.today() + datetime.timedelta(days=30))
    client = as_user(people["emma"])
    assert training.title in client.get(url("development-trainings")).text
    response = client.post(url("development-enrol", training.uuid), follow=True)
    assert "U bent ingeschreven" in response.text
    enrolment = Enrolment.objects.get(user=people["emma"])
    # HR records attendance; then Emma evaluates.
    hr = as_user(people["hanna"])
    assert "Emma was aanwezig" in hr.get(url("development-training", training.uuid)).text
    hr.post(url("development-attendance", enrolment.pk), {"attended": "yes"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ATTENDED
    client = as_user(people["emma"])
    response = client.post(url("development-evaluation", enrolment.pk), {"score": 4, "text": "Goed"})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.evaluation_score == 4


def test_attendance_is_hrs_and_evaluation_the_employees_own(people, as_user, gemeente_a):
    training = f.training(tenant=None, starts_on=datetime.date.today() + datetime.timedelta(days=30))
    enrolment = learning.enrol(tenant=gemeente_a, training=training, user=people["emma"])
    assert (
        as_user(people["lead"])
        .post(url("development-attendance", enrolment.pk), {"attended": "yes"})
        .status_code
        == 403
    )
    assert as_user(people["bram"]).get(url("development-evaluation", enrolment.pk)).status_code == 404
    assert (
        as_user(people["hugo"])
        .post(url("development-attendance", enrolment.pk), {"attended": "yes"})
        .status_code
        == 404
    )


def test_an_open_pulse_shows_on_the_home_page(people, as_user, gemeente_a):
    today = datetime.date.today()
    item = Pulse.objects.create(tenant=gemeente_a, title="Pulse december", opens_on=today, closes_on=today)
    page = as_user(people["emma"]).get(url("development-home")).text
    assert url("development-pulse", item.uuid) in page
    assert as_user(people["bea"]).get(url("development-pulse", item.uuid)).status_code == 404
