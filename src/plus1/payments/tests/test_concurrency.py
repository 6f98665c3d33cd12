"""The return and the notice at the very same moment: one zaak, one "paid", one audit row.

Real concurrency needs two connections and row locks: PostgreSQL only (SQLite serialises writers
for the whole database, and its test database lives in memory).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from plus1.audit.models import AuditEntry
from plus1.cases.models import Zaak
from plus1.payments.constants import PaymentStatus
from plus1.payments.models import Payment, PaymentEvent
from plus1.payments.services import expire_unpaid, handle_feedback, start_payment
from plus1.payments.tests.factories import RESIDENT, URLS, answer

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _at_once(*calls) -> list[Exception]:
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


def test_return_and_notice_at_once_register_one_zaak(draft):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    params = answer(payment)

    errors = _at_once(
        *(
            lambda source=source: handle_feedback(tenant=payment.tenant, params=params, source=source)
            for source in ("return", "notice", "notice", "return")
        )
    )

    assert errors == []
    assert Zaak.objects.count() == 1
    assert Payment.objects.get().status == PaymentStatus.PAID
    assert sorted(PaymentEvent.objects.values_list("outcome", flat=True)) == ["already_paid"] * 3 + ["paid"]
    assert AuditEntry.objects.filter(action="payment_paid").count() == 1


def test_expiry_at_the_moment_of_paying_never_loses_the_payment(draft, time_machine):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    time_machine.move_to(payment.expires_at)
    params = answer(payment)

    errors = _at_once(
        lambda: handle_feedback(tenant=payment.tenant, params=params, source="notice"), expire_unpaid
    )

    assert errors == []
    paid = Payment.objects.get()
    assert paid.status == PaymentStatus.PAID and paid.zaak_id is not None
