"""Hostile provider answers to the service: a refused signature, never an error of Python."""

from __future__ import annotations

import pytest

from plus1.payments.constants import PaymentStatus
from plus1.payments.exceptions import InvalidSignature
from plus1.payments.models import PaymentEvent
from plus1.payments.services import handle_feedback, start_payment

from .factories import RESIDENT, URLS, answer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("shasign", ["É" * 128, "\u202e" + "A" * 127, "😀"])
def test_a_signature_with_non_ascii_characters_is_refused_and_stored(gemeente_a, draft, shasign):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment

    with pytest.raises(InvalidSignature):
        handle_feedback(tenant=gemeente_a, params=answer(payment) | {"SHASIGN": shasign}, source="notice")

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN
    assert PaymentEvent.objects.get().outcome == "bad_signature"


def test_a_lower_case_signature_of_the_right_parameters_is_accepted(gemeente_a, draft):
    """Worldline's hex digest is upper case; the same digest in lower case is the same signature."""
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    params = answer(payment)

    handle_feedback(
        tenant=gemeente_a, params=params | {"SHASIGN": params["SHASIGN"].lower()}, source="notice"
    )

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
