"""The processing log of plus1.development: every read of someone else's assessment or plan.

Assessments and development plans are part of the personnel file (AVG art. 6 lid 1 b/c).
The employee reading their own needs no record; a leidinggevende or HR reading them does. The
subject is the employee (no BSN: the object label names them for the gemeente's eyes).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from plus1.accounts.selectors import employee_actor
from plus1.audit import services as audit
from plus1.audit.models import Channel, ProcessingAction
from plus1.audit.services import Activity, ObjectRef, build_record, is_enabled
from plus1.tenants.models import Organisation

from .constants import LEGAL_GROUND, LOG_RETENTION_DAYS

ACTIVITY = Activity(
    code="personeelsontwikkeling",
    name="Ontwikkeling van medewerkers: beoordelingen en ontwikkelplannen",
    purpose="Medewerkers ontwikkelen naar hun rolprofiel: beoordelen, een ontwikkelplan maken en volgen",
    legal_ground=LEGAL_GROUND,
    retention_days=LOG_RETENTION_DAYS,
)


def _label(obj: models.Model, employee: AbstractBaseUser) -> str:
    return f"{obj._meta.verbose_name} van {employee.get_username()}"


def log_reads(
    objects: Iterable[models.Model],
    *,
    viewer: AbstractBaseUser,
    employee: AbstractBaseUser,
    tenant: Organisation,
    operation: str = "",
) -> None:
    """One read record per assessment or plan shown to someone other than the employee."""
    log_reads_of_many([(obj, employee) for obj in objects], viewer=viewer, tenant=tenant, operation=operation)


def log_reads_of_many(
    shown: Iterable[tuple[models.Model, AbstractBaseUser]],
    *,
    viewer: AbstractBaseUser,
    tenant: Organisation,
    operation: str = "",
) -> None:
    """Reads of several employees' assessments or plans (the team view): one actor, one insert."""
    if not is_enabled():
        return
    shown = [(obj, employee) for obj, employee in shown if employee.pk != viewer.pk]
    if not shown:
        return
    actor = employee_actor(viewer, tenant=tenant)
    audit.record_reads(
        build_record(
            tenant=tenant,
            actor=actor,
            activity=ACTIVITY,
            action=ProcessingAction.READ,
            channel=Channel.BACKOFFICE,
            obj=ObjectRef.of(obj, _label(obj, employee)),
            operation=operation,
        )
        for obj, employee in shown
    )


def log_change(
    *,
    obj: models.Model,
    actor_user: AbstractBaseUser,
    employee: AbstractBaseUser,
    tenant: Organisation,
    operation: str,
    action: str = ProcessingAction.UPDATE,
) -> None:
    """A change of an assessment or plan, inside the service's transaction."""
    if not is_enabled():
        return
    audit.record_processing(
        tenant=tenant,
        actor=employee_actor(actor_user, tenant=tenant),
        activity=ACTIVITY,
        action=action,
        channel=Channel.BACKOFFICE,
        obj=ObjectRef.of(obj, _label(obj, employee)),
        operation=operation,
    )
