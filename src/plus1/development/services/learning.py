"""The learning offer: collective and own trainings, enrolment (lock on places), attendance, evaluation.

The collective's trainings (``tenant`` null, maintained in the admin) are open to employees of
every gemeente: that shared offer is the point of the collective. A gemeente's own trainings
are for its own employees. Enrolling locks the training row, so the last place is never given
twice; a full training gets a clear message and no enrolment.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import policies
from ..constants import EnrolmentStatus, TrainingForm
from ..exceptions import AlreadyAnswered, DevelopmentError, DevelopmentNotAllowed, InvalidRating, TrainingFull
from ..models import Competence, Enrolment, Training
from ..selectors import competence_for
from .common import audit, clean_text, level_numbers, whole_number


def _bounded(value, *, field: str, low: int, high: int, label: str) -> int:
    message = _("Vul bij %(label)s een getal van %(low)s tot en met %(high)s in.") % {
        "label": label,
        "low": low,
        "high": high,
    }
    number = whole_number(value, field=field, message=message)
    if not low <= number <= high:
        raise DevelopmentError(message, field=field)
    return number


@transaction.atomic
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
    if not policies.may_manage_offer(user, tenant):
        raise DevelopmentNotAllowed(_("Alleen HR van uw gemeente kan trainingen toevoegen."))
    title = clean_text(title, field="title", max_length=200, label=_("de titel"))
    provider = clean_text(provider, field="provider", max_length=120, label=_("de aanbieder"))
    description = clean_text(description, field="description", max_length=4000, required=False)
    if form not in TrainingForm.values:
        raise DevelopmentError(_("Kies de vorm van de training."), field="form")
    duration_hours = _bounded(duration_hours, field="duration_hours", low=1, high=500, label=_("duur"))
    places = _bounded(places, field="places", low=1, high=1000, label=_("aantal plaatsen"))
    if competence is not None:
        competence = competence_for(tenant, competence.pk)
        if competence is None:
            raise InvalidRating(_("Deze competentie hoort niet bij uw gemeente."), field="competence")
    if level not in (None, ""):
        allowed = sorted(level_numbers(competence)) if competence else []
        if not allowed or whole_number(level, field="level", message=_("Kies een niveau.")) not in allowed:
            raise InvalidRating(_("Kies een niveau van de gekozen competentie."), field="level")
        level = int(level)
    else:
        level = None
    if starts_on is not None and (not isinstance(starts_on, datetime.date) or starts_on < clock.today()):
        raise DevelopmentError(_("Kies een startdatum vandaag of later."), field="starts_on")
    training = Training.objects.create(
        tenant=tenant,
        title=title,
        form=form,
        duration_hours=duration_hours,
        provider=provider,
        places=places,
        competence=competence,
        level=level,
        starts_on=starts_on,
        description=description,
    )
    audit(
        tenant=tenant,
        user=user,
        action="create_training",
        obj=training,
        after={"title": title, "places": places},
    )
    return training


@transaction.atomic
def enrol(*, tenant: Organisation, training: Training, user: AbstractBaseUser) -> Enrolment:
    """An employee of ``tenant`` enrols; the training row is locked so places are never oversold.

    Raises TrainingFull, AlreadyAnswered when enrolled already, and DevelopmentNotAllowed for
    another gemeente's own training or a person who does not work for ``tenant``.
    """
    if not policies.is_employee_of(user, tenant):
        raise DevelopmentNotAllowed(_("U werkt niet bij deze gemeente."))
    locked = Training.objects.select_for_update().get(pk=training.pk)
    if locked.tenant_id not in (None, tenant.pk) or not locked.is_published:
        raise DevelopmentNotAllowed(_("Deze training hoort niet bij het aanbod van uw gemeente."))
    if locked.starts_on is not None and locked.starts_on < clock.today():
        raise DevelopmentError(_("Deze training is al begonnen. Kies een andere training."))
    active = locked.enrolments.exclude(status=EnrolmentStatus.CANCELLED)
    if active.filter(user=user).exists():
        raise AlreadyAnswered(_("U staat al ingeschreven voor deze training."))
    if active.count() >= locked.places:
        raise TrainingFull(_("Deze training is vol. Kies een andere training of een latere datum."))
    enrolment = Enrolment.objects.create(tenant=tenant, training=locked, user=user)
    audit(tenant=tenant, user=user, action="enrol", obj=enrolment, after={"training": locked.title})
    return enrolment


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update()
        .select_related("training", "tenant", "user")
        .get(pk=enrolment.pk)
    )


@transaction.atomic
def cancel_enrolment(*, enrolment: Enrolment, user: AbstractBaseUser) -> Enrolment:
    """The employee (or HR) cancels before the training; the place becomes free."""
    locked = _lock_enrolment(enrolment)
    if user.pk != locked.user_id and not policies.is_hr(user, locked.tenant):
        raise DevelopmentNotAllowed(_("U kunt alleen uw eigen inschrijving afmelden."))
    if locked.status != EnrolmentStatus.ENROLLED:
        raise DevelopmentError(_("Deze inschrijving kan niet meer worden afgemeld."))
    locked.status = EnrolmentStatus.CANCELLED
    locked.save(update_fields=["status"])
    audit(tenant=locked.tenant, user=user, action="cancel_enrolment", obj=locked)
    return locked


@transaction.atomic
def record_attendance(*, enrolment: Enrolment, user: AbstractBaseUser, attended: bool) -> Enrolment:
    """HR (or the employee's leidinggevende) records attended/absent."""
    locked = _lock_enrolment(enrolment)
    tenant = locked.tenant
    if not (policies.is_hr(user, tenant) or policies.leads(user, locked.user, tenant)):
        raise DevelopmentNotAllowed(_("Alleen HR of de leidinggevende kan de aanwezigheid vastleggen."))
    if locked.status == EnrolmentStatus.CANCELLED:
        raise DevelopmentError(_("Deze inschrijving is afgemeld."))
    before = {"status": locked.status}
    locked.status = EnrolmentStatus.ATTENDED if attended else EnrolmentStatus.ABSENT
    locked.save(update_fields=["status"])
    audit(
        tenant=tenant,
        user=user,
        action="record_attendance",
        obj=locked,
        before=before,
        after={"status": locked.status},
    )
    return locked


@transaction.atomic
def evaluate(*, enrolment: Enrolment, user: AbstractBaseUser, score: int, text: str = "") -> Enrolment:
    """The employee evaluates a training they attended: score 1-5 and a text."""
    locked = _lock_enrolment(enrolment)
    if user.pk != locked.user_id:
        raise DevelopmentNotAllowed(_("U kunt alleen uw eigen training beoordelen."))
    if locked.status != EnrolmentStatus.ATTENDED:
        raise DevelopmentError(_("U kunt een training beoordelen nadat u eraan heeft deelgenomen."))
    locked.evaluation_score = _bounded(score, field="score", low=1, high=5, label=_("uw waardering"))
    locked.evaluation_text = clean_text(text, field="text", max_length=2000, required=False)
    locked.evaluated_at = timezone.now()
    locked.save(update_fields=["evaluation_score", "evaluation_text", "evaluated_at"])
    audit(
        tenant=locked.tenant,
        user=user,
        action="evaluate_training",
        obj=locked,
        after={"score": locked.evaluation_score},
    )
    return locked
