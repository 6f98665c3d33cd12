"""Development plans: goals, actions (linked to trainings), a check-in; optimistic locking on ``version``.

Every change passes the version the person saw; a change made on an older version raises
PlanConflict, so a leidinggevende and an employee never overwrite each other silently. A plan
is made by the employee, their leidinggevende or HR; nobody else, not even a leidinggevende of
another team ("a plan for someone outside one's team" is refused).
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from plus1.audit.models import ProcessingAction
from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import log, policies
from ..constants import PlanStatus
from ..exceptions import DevelopmentError, DevelopmentNotAllowed, InvalidRating, PlanConflict
from ..models import Competence, DevelopmentPlan, PlanAction, PlanGoal, Training
from ..selectors import competence_for
from .common import audit, clean_text, level_numbers


def not_your_team() -> DevelopmentNotAllowed:
    return DevelopmentNotAllowed(
        _("U kunt alleen een ontwikkelplan maken voor uzelf of voor medewerkers van uw eigen team.")
    )


def _check_in(check_in_on: datetime.date | None) -> datetime.date | None:
    if check_in_on is None:
        return None
    if not isinstance(check_in_on, datetime.date) or check_in_on < clock.today():
        raise DevelopmentError(_("Kies een datum voor het gesprek vandaag of later."), field="check_in_on")
    return check_in_on


def _leader_of(employee: AbstractBaseUser, tenant: Organisation, user: AbstractBaseUser):
    """The plan's leidinggevende: the maker when they lead the employee, else None."""
    return user if policies.leads(user, employee, tenant) else None


@transaction.atomic
def create_plan(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    employee: AbstractBaseUser,
    check_in_on: datetime.date | None = None,
) -> DevelopmentPlan:
    """The employee's leidinggevende (or HR, or the employee) starts the one active plan."""
    if not policies.may_manage_plan_of(user, employee, tenant):
        raise not_your_team()
    check_in_on = _check_in(check_in_on)
    if (
        DevelopmentPlan.objects.for_tenant(tenant)
        .filter(employee=employee, status=PlanStatus.ACTIVE)
        .exists()
    ):
        raise DevelopmentError(_("Er is al een ontwikkelplan in uitvoering voor deze medewerker."))
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(
                tenant=tenant,
                employee=employee,
                leidinggevende=_leader_of(employee, tenant, user),
                check_in_on=check_in_on,
            )
    except IntegrityError:
        raise DevelopmentError(_("Er is al een ontwikkelplan in uitvoering voor deze medewerker.")) from None
    _record(plan, user, "create_plan", {"check_in_on": str(check_in_on or "")}, ProcessingAction.CREATE)
    return plan


def _record(
    plan: DevelopmentPlan, user, action: str, after: dict | None, kind=ProcessingAction.UPDATE
) -> None:
    audit(tenant=plan.tenant, user=user, action=action, obj=plan, after=after)
    log.log_change(
        obj=plan, actor_user=user, employee=plan.employee, tenant=plan.tenant, operation=action, action=kind
    )


def _lock(
    plan: DevelopmentPlan, user: AbstractBaseUser, version: int, *, open_only: bool = True
) -> DevelopmentPlan:
    """The plan row locked, after the permission and version checks; raises PlanConflict when stale."""
    locked = DevelopmentPlan.objects.select_for_update().select_related("employee", "tenant").get(pk=plan.pk)
    if not policies.may_manage_plan_of(user, locked.employee, locked.tenant):
        raise not_your_team()
    try:
        stale = int(version) != locked.version
    except (TypeError, ValueError):
        stale = True
    if stale:
        raise PlanConflict(locked.version)
    if open_only and locked.status != PlanStatus.ACTIVE:
        raise DevelopmentError(_("Dit ontwikkelplan is afgerond en kan niet meer veranderen."))
    return locked


def _bump(plan: DevelopmentPlan) -> None:
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])


@transaction.atomic
def update_plan(
    *,
    plan: DevelopmentPlan,
    user: AbstractBaseUser,
    version: int,
    check_in_on: datetime.date | None,
    status: str | None = None,
) -> DevelopmentPlan:
    """Change the check-in date and/or finish the plan (status ``completed``)."""
    locked = _lock(plan, user, version)
    if status is not None and status not in PlanStatus.values:
        raise DevelopmentError(_("Kies een geldige status."), field="status")
    if check_in_on != locked.check_in_on:
        locked.check_in_on = _check_in(check_in_on)
        locked.check_in_reminded_on = None
    if status is not None:
        locked.status = status
    locked.version += 1
    locked.save(update_fields=["check_in_on", "check_in_reminded_on", "status", "version", "updated_at"])
    _record(
        locked, user, "update_plan", {"check_in_on": str(locked.check_in_on or ""), "status": locked.status}
    )
    return locked


def _goal_competence(plan: DevelopmentPlan, competence: Competence | None, target_level) -> tuple:
    if competence is None:
        if target_level not in (None, ""):
            raise DevelopmentError(_("Kies eerst de competentie bij het doelniveau."), field="competence")
        return None, None
    competence = competence_for(plan.tenant, competence.pk)
    if competence is None:
        raise InvalidRating(_("Deze competentie hoort niet bij uw gemeente."), field="competence")
    if target_level in (None, ""):
        return competence, None
    allowed = sorted(level_numbers(competence))
    if not isinstance(target_level, int) or isinstance(target_level, bool) or target_level not in allowed:
        raise InvalidRating(
            _("Kies bij %(name)s een niveau van %(low)s tot en met %(high)s.")
            % {"name": competence.name, "low": allowed[0], "high": allowed[-1]},
            field="target_level",
        )
    return competence, target_level


@transaction.atomic
def add_goal(
    *,
    plan: DevelopmentPlan,
    user: AbstractBaseUser,
    version: int,
    text: str,
    competence: Competence | None = None,
    target_level: int | None = None,
) -> PlanGoal:
    locked = _lock(plan, user, version)
    text = clean_text(text, field="text", max_length=2000, label=_("het doel"))
    competence, target_level = _goal_competence(locked, competence, target_level)
    goal = PlanGoal.objects.create(
        plan=locked,
        text=text,
        competence=competence,
        target_level=target_level,
        order=locked.goals.count() + 1,
    )
    _bump(locked)
    _record(locked, user, "add_goal", {"goal": goal.pk})
    return goal


@transaction.atomic
def add_action(
    *,
    plan: DevelopmentPlan,
    user: AbstractBaseUser,
    version: int,
    text: str,
    training: Training | None = None,
    due_on: datetime.date | None = None,
    goal: PlanGoal | None = None,
) -> PlanAction:
    locked = _lock(plan, user, version)
    text = clean_text(text, field="text", max_length=2000, label=_("de actie"))
    if (
        training is not None
        and not Training.objects.for_tenant(locked.tenant).filter(pk=training.pk).exists()
    ):
        raise DevelopmentError(_("Kies een training uit het aanbod van uw gemeente."), field="training")
    if goal is not None and goal.plan_id != locked.pk:
        raise DevelopmentError(_("Dit doel hoort niet bij dit ontwikkelplan."), field="goal")
    if due_on is not None and not isinstance(due_on, datetime.date):
        raise DevelopmentError(_("Vul een geldige datum in."), field="due_on")
    action = PlanAction.objects.create(plan=locked, text=text, training=training, due_on=due_on, goal=goal)
    _bump(locked)
    _record(locked, user, "add_action", {"action": action.pk, "training": training.pk if training else None})
    return action


def _own(locked: DevelopmentPlan, item, kind: str):
    if item is None or item.plan_id != locked.pk:
        raise DevelopmentError(_("Dit onderdeel hoort niet bij dit ontwikkelplan."), field=kind)
    return item


@transaction.atomic
def set_action_done(
    *, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, action: PlanAction, done: bool
) -> PlanAction:
    locked = _lock(plan, user, version)
    action = _own(locked, action, "action")
    action.done = bool(done)
    action.save(update_fields=["done"])
    _bump(locked)
    _record(locked, user, "action_done" if done else "action_not_done", {"action": action.pk})
    return action


@transaction.atomic
def remove_goal(*, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, goal: PlanGoal) -> None:
    locked = _lock(plan, user, version)
    goal = _own(locked, goal, "goal")
    pk = goal.pk
    goal.delete()
    _bump(locked)
    _record(locked, user, "remove_goal", {"goal": pk})


@transaction.atomic
def remove_action(*, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, action: PlanAction) -> None:
    locked = _lock(plan, user, version)
    action = _own(locked, action, "action")
    pk = action.pk
    action.delete()
    _bump(locked)
    _record(locked, user, "remove_action", {"action": pk})
