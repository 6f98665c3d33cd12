"""The medewerkers pages (issue 22): who sees which page, and what the pages do.

An employee's assessments and plan: themself, their leidinggevende and HR. A colleague gets
404 (no telling whether there is anything), another gemeente's employee 404, a chain partner
"geen toegang"; HR pages and team views of a team one does not lead answer 403.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plus1.audit.models import ProcessingRecord
from plus1.cases.tests.sharing import ggd
from plus1.development.constants import AssessmentKind
from plus1.development.models import Assessment, DevelopmentPlan, PlanAction, RoleClarification, RoleProfile
from plus1.development.services import plans
from plus1.development.tests import factories as f

from .conftest import log_in, make_partner_employee
from .development_people import *  # noqa: F403 (the fixtures)

pytestmark = pytest.mark.django_db

HOME = "/backoffice/medewerkers/"


def url(name: str, *args) -> str:
    return reverse(f"backoffice:{name}", args=args)


def test_the_urls_live_under_medewerkers(people):
    emma = people["emma"]
    assert url("development-home") == HOME
    assert url("development-employee", emma.pk) == f"{HOME}medewerker/{emma.pk}/"
    assert url("development-hr") == f"{HOME}hr/"


@pytest.mark.parametrize("name", ["emma", "lead", "tara", "hanna"])
def test_every_employee_has_their_own_pages(people, as_user, name):
    client = as_user(people[name])
    for page in (
        "development-home",
        "development-framework",
        "development-self-assessment",
        "development-trainings",
    ):
        response = client.get(url(page))
        assert response.status_code == 200, page
    assert "Integraal samenwerken" in client.get(url("development-framework")).text


def test_a_chain_partner_gets_no_access(people, as_user, actor):
    partner = make_partner_employee("ggd-medewerker", partner=ggd(), actor=actor)
    response = as_user(partner).get(HOME)
    assert response.status_code == 403


def test_signed_out_goes_to_the_login():
    response = Client().get(HOME)
    assert response.status_code == 302
    assert "/backoffice/inloggen/" in response["Location"]


def test_the_employee_page_for_leidinggevende_and_hr_only(people, as_user):
    emma = people["emma"]
    page = url("development-employee", emma.pk)
    assert as_user(people["lead"]).get(page).status_code == 200
    assert as_user(people["hanna"]).get(page).status_code == 200
    assert as_user(people["bram"]).get(page).status_code == 404  # a colleague
    assert as_user(people["tara"]).get(page).status_code == 404  # leads another team
    assert as_user(people["bea"]).get(page).status_code == 404  # another gemeente
    assert as_user(people["hugo"]).get(page).status_code == 404  # HR of another gemeente
    assert as_user(emma).get(page).status_code == 302  # her own: her home page


def test_a_leidinggevende_reads_an_assessment_and_it_is_logged(people, as_user, gemeente_a):
    emma, lead = people["emma"], people["lead"]
    client = as_user(emma)
    response = client.post(
        url("development-self-assessment"), {f"competence_{f.competence('klantgerichtheid').pk}": 2}
    )
    assert response.status_code == 302
    assert Assessment.objects.get(employee=emma).kind == AssessmentKind.SELF
    before = ProcessingRecord.objects.count()
    response = as_user(lead).get(url("development-employee", emma.pk))
    assert "Zelfbeoordeling" in response.text
    assert ProcessingRecord.objects.count() > before


def test_the_leidinggevende_rates_side_by_side(people, as_user):
    emma, lead = people["emma"], people["lead"]
    competence = f.competence("klantgerichtheid")
    as_user(emma).post(url("development-self-assessment"), {f"competence_{competence.pk}": 3})
    client = as_user(lead)
    response = client.post(url("development-manager-assessment", emma.pk), {f"competence_{competence.pk}": 2})
    assert response.status_code == 302
    page = client.get(url("development-employee", emma.pk)).text
    assert Assessment.objects.filter(employee=emma, kind=AssessmentKind.MANAGER).count() == 1
    assert "Beoordeling leidinggevende van" in page


def test_hr_and_colleagues_do_not_rate_as_leidinggevende(people, as_user):
    emma = people["emma"]
    assert as_user(people["hanna"]).get(url("development-manager-assessment", emma.pk)).status_code == 403
    assert as_user(people["bram"]).get(url("development-manager-assessment", emma.pk)).status_code == 404


def test_a_plan_with_a_goal_and_a_training(people, as_user, gemeente_a):
    emma, lead = people["emma"], people["lead"]
    training = f.training(tenant=None)
    client = as_user(lead)
    response = client.post(url("development-plan-create", emma.pk))
    plan = DevelopmentPlan.objects.get(employee=emma)
    assert response["Location"] == url("development-plan", plan.uuid)
    competence = f.competence("klantgerichtheid")
    response = client.post(
        url("development-plan", plan.uuid),
        {
            "step": "goal",
            "version": plan.version,
            "goal-text": "Inwoners beter uitleggen",
            "goal-competence": competence.pk,
            "goal-target_level": 3,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    response = client.post(
        url("development-plan", plan.uuid),
        {
            "step": "action",
            "version": plan.version,
            "action-text": "Training volgen",
            "action-training": training.pk,
        },
    )
    assert response.status_code == 302
    page = as_user(emma).get(url("development-plan", plan.uuid)).text
    assert "Inwoners beter uitleggen" in page and training.title in page


def test_someone_elses_plan_is_not_found(people, as_user, gemeente_a):
    plan = plans.create_plan(tenant=gemeente_a, user=people["lead"], employee=people["emma"])
    assert as_user(people["bram"]).get(url("development-plan", plan.uuid)).status_code == 404
    assert as_user(people["bea"]).get(url("development-plan", plan.uuid)).status_code == 404
    assert as_user(people["hanna"]).get(url("development-plan", plan.uuid)).status_code == 200


def test_a_stale_plan_version_is_refused_and_nothing_changes(people, as_user, gemeente_a):
    plan = plans.create_plan(tenant=gemeente_a, user=people["lead"], employee=people["emma"])
    response = as_user(people["emma"]).post(
        url("development-plan", plan.uuid),
        {"step": "action", "version": plan.version + 5, "action-text": "Iets"},
        follow=True,
    )
    assert "Iemand anders heeft dit ontwikkelplan net gewijzigd" in response.text
    assert not PlanAction.objects.exists()


def test_hr_pages_are_for_hr(people, as_user):
    for name in ("development-hr", "development-clarifications", "development-clarification-new"):
        assert as_user(people["emma"]).get(url(name)).status_code == 403, name
        assert as_user(people["lead"]).get(url(name)).status_code == 403, name


def test_rolduiding_started_answered_and_confirmed(people, as_user, gemeente_a):
    hanna = people["hanna"]
    participants = [people[name] for name in ("emma", "bram", "otto")]
    client = as_user(hanna)
    response = client.post(
        url("development-clarification-new"),
        {
            "role_name": "Consulent Wmo",
            "closes_on": "2999-01-01",
            "participants": [p.pk for p in participants],
        },
    )
    clarification = RoleClarification.objects.get()
    assert response["Location"] == url("development-clarification", clarification.uuid)
    competences = f.competence("klantgerichtheid"), f.competence("integraal-samenwerken")
    for person in participants:
        page = as_user(person)
        form_page = page.get(url("development-clarification-answer", clarification.uuid))
        assert form_page.status_code == 200
        data = {key: 0 for key in form_page.context["form"].fields if key.startswith("importance_")}
        for competence in competences:
            data[f"importance_{competence.pk}"] = 3
            data[f"competence_{competence.pk}"] = 3
        assert page.post(url("development-clarification-answer", clarification.uuid), data).status_code == 302
    # Not a participant: nothing to see.
    assert (
        as_user(people["tara"]).get(url("development-clarification-answer", clarification.uuid)).status_code
        == 404
    )
    client = as_user(hanna)
    page = client.get(url("development-clarification", clarification.uuid))
    assert "3 van 3 deelnemers" in page.text
    assert '<option value="3" selected>3.' in page.text  # the suggestion, ready to confirm
    form = page.context["form"]
    data = {
        name: (field.initial or "") for name, field in form.fields.items() if name.startswith("competence_")
    }
    data |= {"step": "confirm", "profile_name": "Consulent Wmo"}
    response = client.post(url("development-clarification", clarification.uuid), data)
    assert response.status_code == 302
    profile = RoleProfile.objects.get(tenant=gemeente_a, name="Consulent Wmo")
    assert set(profile.items.values_list("competence__code", "level")) >= {("klantgerichtheid", 3)}


def test_hr_of_another_gemeente_does_not_see_the_rolduiding(people, as_user, gemeente_a):
    clarification = RoleClarification.objects.create(
        tenant=gemeente_a, role_name="Consulent", closes_on="2999-01-01"
    )
    assert (
        as_user(people["hugo"]).get(url("development-clarification", clarification.uuid)).status_code == 404
    )


def test_posts_need_a_csrf_token(people):
    client = log_in(Client(enforce_csrf_checks=True), people["emma"])
    competence = f.competence("klantgerichtheid")
    response = client.post(url("development-self-assessment"), {f"competence_{competence.pk}": 2})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_hr_reading_a_plan_is_in_the_processing_log_and_the_employee_reading_it_is_not(
    people, as_user, gemeente_a
):
    emma, hanna = people["emma"], people["hanna"]
    plan = plans.create_plan(tenant=gemeente_a, user=emma, employee=emma)
    reads = ProcessingRecord.objects.filter(activity_code="personeelsontwikkeling", action="read")
    as_user(emma).get(url("development-plan", plan.uuid))
    assert not reads.exists()
    as_user(hanna).get(url("development-plan", plan.uuid))
    record = reads.get()
    assert record.actor_id == str(hanna.pk) or "hanna" in record.actor_label.lower()
    assert "AVG" in record.legal_ground
