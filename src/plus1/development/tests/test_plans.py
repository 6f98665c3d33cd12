"""Development plans: made by the employee, their leidinggevende or HR; optimistic locking; reads logged."""

import datetime

import pytest

from plus1.audit.models import ProcessingRecord
from plus1.core import clock
from plus1.development import selectors
from plus1.development.exceptions import DevelopmentError, DevelopmentNotAllowed, InvalidRating, PlanConflict
from plus1.development.models import DevelopmentPlan, PlanAction, PlanGoal
from plus1.development.services import plans as service

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente_a, framework, lead, emma):
    return service.create_plan(
        tenant=gemeente_a, user=lead, employee=emma, check_in_on=clock.today() + datetime.timedelta(days=30)
    )


def test_the_leidinggevende_makes_a_plan_with_goals_and_an_action_linked_to_a_training(plan, lead, emma):
    assert plan.leidinggevende == lead and plan.version == 1
    goal = service.add_goal(
        plan=plan,
        user=lead,
        version=1,
        text="Beter doorvragen",
        competence=f.competence("klantgerichtheid"),
        target_level=3,
    )
    training = f.training()
    action = service.add_action(
        plan=plan, user=emma, version=2, text="Training volgen", training=training, goal=goal
    )
    service.set_action_done(plan=plan, user=emma, version=3, action=action, done=True)
    plan.refresh_from_db()
    assert plan.version == 4
    assert PlanAction.objects.get().done and PlanAction.objects.get().training == training


def test_a_plan_for_someone_outside_ones_team_is_refused(
    gemeente_a, gemeente_b, framework, tara, lead, emma, bram, bea
):
    for user, employee, tenant in (
        (tara, emma, gemeente_a),
        (bram, emma, gemeente_a),
        (lead, bea, gemeente_a),
        (lead, bea, gemeente_b),
    ):
        with pytest.raises(DevelopmentNotAllowed, match="eigen team"):
            service.create_plan(tenant=tenant, user=user, employee=employee)
    assert not DevelopmentPlan.objects.exists()


def test_hr_and_the_employee_may_make_a_plan_but_only_one_active(gemeente_a, framework, hanna, emma):
    plan = service.create_plan(tenant=gemeente_a, user=emma, employee=emma)
    assert plan.leidinggevende is None
    with pytest.raises(DevelopmentError, match="al een ontwikkelplan"):
        service.create_plan(tenant=gemeente_a, user=hanna, employee=emma)
    assert DevelopmentPlan.objects.count() == 1


def test_a_check_in_in_the_past_is_refused(gemeente_a, framework, lead, emma):
    with pytest.raises(DevelopmentError, match="vandaag of later"):
        service.create_plan(
            tenant=gemeente_a, user=lead, employee=emma, check_in_on=datetime.date(2000, 1, 1)
        )
    assert not DevelopmentPlan.objects.exists()


def test_a_change_on_an_old_version_is_refused_and_changes_nothing(plan, lead, emma):
    service.add_goal(plan=plan, user=lead, version=1, text="Eerste doel")
    with pytest.raises(PlanConflict) as conflict:
        service.add_goal(plan=plan, user=emma, version=1, text="Tweede doel, op een oude versie")
    assert conflict.value.current_version == 2
    assert list(PlanGoal.objects.values_list("text", flat=True)) == ["Eerste doel"]


def test_a_goal_level_outside_the_competence_is_refused(plan, lead):
    with pytest.raises(InvalidRating, match="1 tot en met 3"):
        service.add_goal(
            plan=plan,
            user=lead,
            version=1,
            text="x",
            competence=f.competence("omgaan-met-agressie"),
            target_level=4,
        )
    assert not PlanGoal.objects.exists()


def test_a_colleague_cannot_change_the_plan(plan, bram):
    with pytest.raises(DevelopmentNotAllowed):
        service.add_goal(plan=plan, user=bram, version=1, text="x")


def test_another_gemeentes_own_training_cannot_be_linked(plan, gemeente_b, lead):
    with pytest.raises(DevelopmentError, match="aanbod van uw gemeente"):
        service.add_action(plan=plan, user=lead, version=1, text="x", training=f.training(tenant=gemeente_b))
    assert not PlanAction.objects.exists()


def test_an_empty_goal_is_refused(plan, lead):
    with pytest.raises(DevelopmentError, match="Vul het doel in"):
        service.add_goal(plan=plan, user=lead, version=1, text="   ")


def test_a_finished_plan_is_closed_for_changes(plan, lead):
    service.update_plan(plan=plan, user=lead, version=1, check_in_on=plan.check_in_on, status="completed")
    with pytest.raises(DevelopmentError, match="afgerond"):
        service.add_goal(plan=plan, user=lead, version=2, text="x")


def test_reads_of_someone_elses_plan_are_logged(plan, gemeente_a, lead, emma, bram):
    reads = ProcessingRecord.objects.filter(action="read", object_type="development.developmentplan")
    assert selectors.active_plan(tenant=gemeente_a, employee=emma, viewer=emma) == plan
    assert not reads.exists()
    assert selectors.plan_by_uuid(tenant=gemeente_a, uuid=str(plan.uuid), viewer=lead) == plan
    assert reads.count() == 1
    assert selectors.plan_by_uuid(tenant=gemeente_a, uuid=str(plan.uuid), viewer=bram) is None
    assert selectors.plan_by_uuid(tenant=gemeente_a, uuid="geen-uuid", viewer=lead) is None
    assert reads.count() == 1


def test_changes_go_to_the_audit_trail_and_processing_log(plan, lead):
    service.add_goal(plan=plan, user=lead, version=1, text="Doel")
    assert ProcessingRecord.objects.filter(action="update", object_id=str(plan.pk)).exists()
