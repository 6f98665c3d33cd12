"""Two teamleiders press "Terugbetalen" at the same moment: one refund, the provider asked once.

PostgreSQL only (row locks need two connections; SQLite serialises the whole database).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from plus1.connectors import worldline
from plus1.payments.constants import PaymentStatus
from plus1.payments.exceptions import RefundNotAllowed
from plus1.payments.models import Refund
from plus1.payments.services import handle_feedback, refund, start_payment

from .factories import RESIDENT, URLS, answer, close_with

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

TEAMLEIDER = RESIDENT.__class__(type="employee", id="7", label="teamleider")


def at_once(*calls) -> list[Exception]:
    """Run ``calls`` in threads released together; the exceptions they raised."""
    barrier = threading.Barrier(len(calls))
    errors: list[Exception] = []

    def run(call) -> None:
        try:
            barrier.wait(timeout=10)
            call()
        except Exception as exc:  # the test reports whatever went wrong
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_refunds_at_once_pay_back_once(draft, monkeypatch):
    calls = []

    def fake_refund(**kwargs):
        calls.append(kwargs)
        return worldline.RefundResult(status="8", payid=kwargs["payid"], payid_sub=str(len(calls)))

    monkeypatch.setattr(worldline, "refund", fake_refund)
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    paid = handle_feedback(tenant=payment.tenant, params=answer(payment), source="notice")
    close_with(paid.zaak, "Ingetrokken")

    errors = at_once(
        lambda: refund(payment=paid, actor=TEAMLEIDER, reason="Ingetrokken"),
        lambda: refund(payment=paid, actor=TEAMLEIDER, reason="Ingetrokken (tweede)"),
    )

    assert len(errors) == 1 and isinstance(errors[0], RefundNotAllowed), errors
    assert Refund.objects.count() == 1 and len(calls) == 1
    paid.refresh_from_db()
    assert paid.status == PaymentStatus.REFUNDED
