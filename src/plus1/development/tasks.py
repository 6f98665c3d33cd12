"""Background work of plus1.development, run by ``plus1 worker`` (PLUS1_SCHEDULE).

``remind_check_ins`` mails the employee and the leidinggevende a week before the plan's
check-in, once per check-in date (``check_in_reminded_on``). ``open_pulses`` mails the
employees of a gemeente when a pulse opens, once per pulse (``opened_notified_on``). The
mails hold no ratings or answers, only a link to the back office.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from plus1.accounts.constants import BACK_OFFICE_ROLES
from plus1.accounts.models import Membership
from plus1.audit.services import Actor, record_change
from plus1.core import clock, tracing

from .constants import CHECK_IN_REMINDER_DAYS, PlanStatus
from .models import DevelopmentPlan, Pulse

REMINDER_ACTOR = Actor.system("herinneringen ontwikkelplan")


def _home_url() -> str:
    return settings.PLUS1_BASE_URL.rstrip("/") + reverse("backoffice:development-home")


def plans_to_remind(*, today: datetime.date):
    """Active plans with a check-in within CHECK_IN_REMINDER_DAYS, not yet reminded for that date."""
    return (
        DevelopmentPlan.objects.filter(
            status=PlanStatus.ACTIVE,
            check_in_on__gte=today,
            check_in_on__lte=today + datetime.timedelta(days=CHECK_IN_REMINDER_DAYS),
        )
        .exclude(check_in_reminded_on=F("check_in_on"))
        .order_by("check_in_on", "pk")
    )


@task()
def remind_check_ins(for_day: str | None = None) -> int:
    """Mail employee and leidinggevende about next week's check-in; returns mails sent."""
    today = clock.today()
    sent = 0
    with tracing.span(name="remind_check_ins", new_trace=True):
        for plan_id in list(plans_to_remind(today=today).values_list("pk", flat=True)):
            sent += _remind_plan(plan_id, today)
    return sent


@transaction.atomic
def _remind_plan(plan_id: int, today: datetime.date) -> int:
    # Locked and filtered again: a second worker at the same time reminds nobody twice.
    plan = (
        plans_to_remind(today=today)
        .filter(pk=plan_id)
        .select_for_update(of=("self",))
        .select_related("employee", "leidinggevende", "tenant")
        .first()
    )
    if plan is None:
        return 0
    plan.check_in_reminded_on = plan.check_in_on
    plan.save(update_fields=["check_in_reminded_on"])
    record_change(tenant=plan.tenant, actor=REMINDER_ACTOR, action="remind_check_in", obj=plan)
    recipients = [u.email for u in (plan.employee, plan.leidinggevende) if u is not None and u.email]
    if not recipients:
        return 0
    body = _(
        "Op %(date)s staat het gesprek over het ontwikkelplan gepland. Bekijk de doelen en acties "
        "vooraf, zodat u het gesprek goed kunt voorbereiden:\n%(url)s\n"
    ) % {"date": plan.check_in_on.strftime("%d-%m-%Y"), "url": _home_url()}
    send_mail(
        subject=_("Herinnering: gesprek over het ontwikkelplan"),
        message=body,
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)


@task()
def open_pulses(for_day: str | None = None) -> int:
    """Mail the employees of each gemeente whose pulse opened today or earlier and is still open."""
    today = clock.today()
    sent = 0
    with tracing.span(name="open_pulses", new_trace=True):
        due = Pulse.objects.filter(opens_on__lte=today, closes_on__gte=today, opened_notified_on__isnull=True)
        for pulse_id in list(due.values_list("pk", flat=True)):
            sent += _announce_pulse(pulse_id, today)
    return sent


@transaction.atomic
def _announce_pulse(pulse_id: int, today: datetime.date) -> int:
    pulse = (
        Pulse.objects.select_for_update(of=("self",))
        .select_related("tenant")
        .filter(pk=pulse_id, opened_notified_on__isnull=True)
        .first()
    )
    if pulse is None:
        return 0
    pulse.opened_notified_on = today
    pulse.save(update_fields=["opened_notified_on"])
    record_change(tenant=pulse.tenant, actor=REMINDER_ACTOR, action="open_pulse", obj=pulse)
    emails = sorted(
        set(
            Membership.objects.for_tenant(pulse.tenant)
            .filter(role__in=BACK_OFFICE_ROLES, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not emails:
        return 0
    body = _(
        "De pulsmeting '%(title)s' staat open tot en met %(date)s. Het zijn 5 korte vragen over "
        "plezier in het werk en werkdruk. Uw antwoord is anoniem: niemand ziet wat u invult, ook "
        "HR niet. Uitkomsten zijn er alleen per team vanaf 5 antwoorden.\n%(url)s\n"
    ) % {"title": pulse.title, "date": pulse.closes_on.strftime("%d-%m-%Y"), "url": _home_url()}
    # One mail per person: nobody sees who else was invited.
    for email in emails:
        send_mail(
            subject=_("Pulsmeting: hoe gaat het met u?"),
            message=body,
            from_email=None,
            recipient_list=[email],
        )
    return len(emails)
