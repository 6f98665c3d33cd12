"""Data of issues 21 and 22 for the access matrix: a payment and an appointment of the resident,
and a development plan of gemeente A's behandelaar.

Kept apart from ``test_access_matrix.py`` so that file stays readable; it calls
``add_payments_appointments_and_development`` once the visitors exist and merges the URL values
it returns.
"""

from __future__ import annotations

import datetime

from plus1.accounts.constants import Role
from plus1.appointments import services as appointments
from plus1.appointments.slots import free_slots
from plus1.appointments.tests import factories as appointment_factories
from plus1.core import clock
from plus1.development.services import learning, plans, pulse, rolduiding
from plus1.development.tests import factories as development_factories
from plus1.payments.services import handle_feedback, start_payment
from plus1.payments.tests import factories as payment_factories

# A goal in the development plan of gemeente A's behandelaar: only they, their leidinggevende
# (the teamleider of their team) and HR of gemeente A may read it.
PLAN = "Oefenen met de-escalerende gesprekken aan de balie"
# Who else may see the plan, by role of gemeente A (the behandelaar and teamleider are in the
# zaak's team; the plain leidinggevende of the walk leads no team).
PLAN_READERS = (Role.BEHANDELAAR, Role.TEAMLEIDER, Role.HR)


def add_payments_appointments_and_development(world, by_name: dict, *, bsn: str, name: str, actor) -> dict:
    """Create the data and return the URL values for the new converters."""
    gemeente = world.gemeente
    values = {}

    # Payments: one request paid (the refund page has something to show), one still to pay.
    adoption = payment_factories.paid_process(gemeente)
    payment_factories.simulator_settings(gemeente)
    paid = start_payment(
        draft=payment_factories.draft_for(adoption, bsn=bsn), actor=actor, urls=payment_factories.URLS
    ).payment
    handle_feedback(tenant=gemeente, params=payment_factories.simulator_answer(paid), source="notice")
    open_draft = payment_factories.draft_for(adoption, bsn=bsn)
    start_payment(draft=open_draft, actor=actor, urls=payment_factories.URLS)
    values |= {"payment_uuid": paid.uuid, "draft_uuid": open_draft.uuid, "outcome": "betaald"}

    # Appointments: the resident booked a paspoort appointment at the first free time.
    location = appointment_factories.location(gemeente)
    paspoort = appointment_factories.product(gemeente, with_process=False, at=[location])
    slot = free_slots(
        tenant=gemeente, location=location, products=[paspoort], persons=1, start_day=clock.today()
    )[0]
    appointment = appointments.book(
        tenant=gemeente,
        location=location,
        products=[paspoort],
        persons=1,
        start=slot.start,
        contact=appointments.Contact(name=name, email="suzanne@example.org", bsn=bsn),
        actor=actor,
    )
    values |= {"appointment_uuid": appointment.uuid, "appointment_token": appointment.manage_token}

    # Development: the behandelaar's plan (made by HR), an enrolment, a pulse and a rolduiding.
    development_factories.adopt_v1(gemeente)
    employee = by_name[f"A {Role.BEHANDELAAR}"]
    hr = by_name[f"A {Role.HR}"]
    plan = plans.create_plan(tenant=gemeente, user=hr, employee=employee)
    plans.add_goal(plan=plan, user=hr, version=plan.version, text=PLAN)
    training = development_factories.training()
    enrolment = learning.enrol(tenant=gemeente, training=training, user=employee)
    open_pulse = pulse.create_pulse(
        tenant=gemeente,
        user=hr,
        title="Hoe gaat het?",
        opens_on=clock.today(),
        closes_on=clock.today() + datetime.timedelta(days=14),
    )
    clarification = rolduiding.start_clarification(
        tenant=gemeente,
        user=hr,
        role_name="Behandelaar vergunningen",
        participants=[employee, by_name[f"A {Role.TEAMLEIDER}"], by_name[f"A {Role.BEHEERDER}"]],
        closes_on=clock.today() + datetime.timedelta(days=14),
    )
    values |= {
        "user_id": employee.pk,
        "plan_uuid": plan.uuid,
        "training_uuid": training.uuid,
        "enrolment_id": enrolment.pk,
        "pulse_uuid": open_pulse.uuid,
        "clarification_uuid": clarification.uuid,
        "team_id": world.zaak.team.pk,
    }
    return values
