"""Development plans: goals, actions (linked to trainings), a check-in; optimistic locking on ``version``.

Every change passes the version the person saw; a change made on an older version raises
PlanConflict, so a leidinggevende and an employee never overwrite each other silently.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser

from plus1.tenants.models import Organisation

from ..models import Competence, DevelopmentPlan, PlanAction, PlanGoal, Training


def create_plan(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    employee: AbstractBaseUser,
    check_in_on: datetime.date | None = None,
) -> DevelopmentPlan:
    """The employee's leidinggevende (or HR, or the employee) starts the one active plan."""
    raise NotImplementedError


def update_plan(
    *,
    plan: DevelopmentPlan,
    user: AbstractBaseUser,
    version: int,
    check_in_on: datetime.date | None,
    status: str | None = None,
) -> DevelopmentPlan:
    raise NotImplementedError


def add_goal(
    *,
    plan: DevelopmentPlan,
    user: AbstractBaseUser,
    version: int,
    text: str,
    competence: Competence | None = None,
    target_level: int | None = None,
) -> PlanGoal:
    raise NotImplementedError


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
    raise NotImplementedError


def set_action_done(
    *, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, action: PlanAction, done: bool
) -> PlanAction:
    raise NotImplementedError


def remove_goal(*, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, goal: PlanGoal) -> None:
    raise NotImplementedError


def remove_action(*, plan: DevelopmentPlan, user: AbstractBaseUser, version: int, action: PlanAction) -> None:
    raise NotImplementedError
