"""Worker tasks: check-in reminders once per date, pulse announcement once per pulse."""

import datetime

import pytest
from django.core import mail

from plus1.core import clock
from plus1.development import tasks
from plus1.development.services import plans, pulse

pytestmark = pytest.mark.django_db

TODAY = clock.today()


def test_a_check_in_next_week_is_reminded_once_to_employee_and_leidinggevende(
    gemeente_a, framework, lead, emma
):
    plan = plans.create_plan(
        tenant=gemeente_a, user=lead, employee=emma, check_in_on=TODAY + datetime.timedelta(days=5)
    )
    later = plans.create_plan(
        tenant=gemeente_a, user=lead, employee=lead, check_in_on=TODAY + datetime.timedelta(days=30)
    )
    assert tasks.remind_check_ins.enqueue().return_value == 2
    assert sorted(mail.outbox[0].to + mail.outbox[0].cc) == ["emma@example.org", "lead@example.org"]
    assert tasks.remind_check_ins.enqueue().return_value == 0
    plan.refresh_from_db()
    later.refresh_from_db()
    assert plan.check_in_reminded_on == plan.check_in_on and later.check_in_reminded_on is None


def test_a_new_check_in_date_is_reminded_again(gemeente_a, framework, lead, emma):
    plan = plans.create_plan(
        tenant=gemeente_a, user=lead, employee=emma, check_in_on=TODAY + datetime.timedelta(days=5)
    )
    assert tasks.remind_check_ins.enqueue().return_value == 2
    plans.update_plan(plan=plan, user=lead, version=1, check_in_on=TODAY + datetime.timedelta(days=6))
    assert tasks.remind_check_ins.enqueue().return_value == 2


def test_an_open_pulse_is_announced_once_to_each_employee_separately(gemeente_a, hanna, emma, bram, bea):
    pulse.create_pulse(
        tenant=gemeente_a,
        user=hanna,
        title="Pulse",
        opens_on=TODAY,
        closes_on=TODAY + datetime.timedelta(days=7),
    )
    assert tasks.open_pulses.enqueue().return_value == 3
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert "bea@example.org" not in [message.to[0] for message in mail.outbox]
    assert tasks.open_pulses.enqueue().return_value == 0
