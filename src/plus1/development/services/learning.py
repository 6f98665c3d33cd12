"""The learning offer: collective and own trainings, enrolment (lock on places), attendance, evaluation."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser

from plus1.tenants.models import Organisation

from ..models import Competence, Enrolment, Training


def create_training(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    title: str,
    form: str,
    duration_hours: int,
    provider: str,
    places: int,
    competence: Competence | None = None,
    level: int | None = None,
    starts_on: datetime.date | None = None,
    description: str = "",
) -> Training:
    """HR adds a training of the gemeente's own (``tenant``). The collective's offer: the admin."""
    raise NotImplementedError


def enrol(*, tenant: Organisation, training: Training, user: AbstractBaseUser) -> Enrolment:
    """An employee of ``tenant`` enrols; the training row is locked so places are never oversold.

    Raises TrainingFull, AlreadyAnswered-like DevelopmentError when enrolled already, and
    DevelopmentNotAllowed for another gemeente's own training.
    """
    raise NotImplementedError


def cancel_enrolment(*, enrolment: Enrolment, user: AbstractBaseUser) -> Enrolment:
    raise NotImplementedError


def record_attendance(*, enrolment: Enrolment, user: AbstractBaseUser, attended: bool) -> Enrolment:
    """HR (or the employee's leidinggevende) records attended/absent."""
    raise NotImplementedError


def evaluate(*, enrolment: Enrolment, user: AbstractBaseUser, score: int, text: str = "") -> Enrolment:
    """The employee evaluates a training they attended: score 1-5 and a text."""
    raise NotImplementedError
