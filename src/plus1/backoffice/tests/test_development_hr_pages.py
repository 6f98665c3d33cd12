"""What HR sets up on the medewerkers pages (issue 22): a pulse, an own training, a role profile."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from plus1.development.models import EmployeeProfile, Pulse, Training
from plus1.development.tests import factories as f

from .development_people import *  # noqa: F403 (the fixtures)

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"backoffice:{name}", args=args)


def test_hr_opens_a_pulse_and_employees_see_it(people, as_user, gemeente_a):
    today = datetime.date.today()
    data = {"title": "Pulse januari", "opens_on": today.isoformat(), "closes_on": today.isoformat()}
    assert as_user(people["hanna"]).post(url("development-pulse-new"), data).status_code == 302
    item = Pulse.objects.get(tenant=gemeente_a)
    assert url("development-pulse", item.uuid) in as_user(people["emma"]).get(url("development-home")).text


def test_a_pulse_ending_before_it_starts_is_refused(people, as_user):
    data = {"title": "Pulse", "opens_on": "2027-02-01", "closes_on": "2027-01-01"}
    response = as_user(people["hanna"]).post(url("development-pulse-new"), data)
    assert response.status_code == 400
    assert "De einddatum moet op of na de begindatum liggen." in response.text
    assert not Pulse.objects.exists()


def test_hr_adds_an_own_training_only_its_gemeente_sees(people, as_user, gemeente_a):
    data = {"title": "Gesprekken met boze inwoners", "form": "classroom", "duration_hours": 4}
    data |= {
        "provider": "Eigen opleiders",
        "places": 10,
        "competence": f.competence("omgaan-met-agressie").pk,
    }
    response = as_user(people["hanna"]).post(url("development-training-new"), data)
    training = Training.objects.get(tenant=gemeente_a)
    assert response["Location"] == url("development-training", training.uuid)
    assert "Gesprekken met boze inwoners" in as_user(people["emma"]).get(url("development-trainings")).text
    assert "Gesprekken met boze inwoners" not in as_user(people["bea"]).get(url("development-trainings")).text


@pytest.mark.parametrize("name", ["development-pulse-new", "development-training-new"])
def test_only_hr_sets_up(people, as_user, name):
    assert as_user(people["lead"]).get(url(name)).status_code == 403
    assert as_user(people["emma"]).post(url(name), {"title": "x"}).status_code == 403


def test_hr_and_the_leidinggevende_choose_the_role_profile(people, as_user, gemeente_a):
    profile = f.role_profile(gemeente_a, "Consulent Wmo", {"klantgerichtheid": 3})
    emma = people["emma"]
    for chooser in ("hanna", "lead"):
        response = as_user(people[chooser]).post(
            url("development-role-profile", emma.pk), {"role_profile": profile.pk}
        )
        assert response.status_code == 302
    assert EmployeeProfile.objects.get(user=emma).role_profile == profile
    assert "Consulent Wmo" in as_user(emma).get(url("development-home")).text


def test_a_colleague_or_another_gemeentes_profile_is_refused(people, as_user, gemeente_b):
    other = f.role_profile(gemeente_b, "Elders", {"klantgerichtheid": 2})
    emma = people["emma"]
    assert (
        as_user(people["bram"])
        .post(url("development-role-profile", emma.pk), {"role_profile": 1})
        .status_code
        == 404
    )
    response = as_user(people["hanna"]).post(
        url("development-role-profile", emma.pk), {"role_profile": other.pk}, follow=True
    )
    assert "Kies een rolprofiel uit de lijst." in response.text
    assert not EmployeeProfile.objects.filter(user=emma, role_profile=other).exists()
