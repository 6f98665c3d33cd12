"""An unpaid request waits in Mijn zaken until its deadline; then it is expired with a clear message."""

import datetime

import pytest

from plus1.payments import selectors, tasks
from plus1.payments.constants import PaymentStatus
from plus1.payments.models import Payment
from plus1.payments.services import expire_unpaid, handle_feedback, start_payment
from plus1.payments.tests.factories import RESIDENT, SUZANNE, URLS, answer, paid_process

pytestmark = pytest.mark.django_db


def _start(draft):
    return start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment


def test_a_cancelled_request_is_still_to_be_paid_once_newest_attempt_only(draft, gemeente_a):
    first = _start(draft)
    handle_feedback(tenant=gemeente_a, params=answer(first, status="1"), source="return")
    second = _start(draft)

    assert list(selectors.open_payments_for(tenant=gemeente_a, bsn=SUZANNE)) == [second]
    assert not selectors.open_payments_for(tenant=gemeente_a, bsn="999990019").exists()
    assert not selectors.open_payments_for(tenant=gemeente_a).exists()


def test_a_paid_request_is_no_longer_to_be_paid(draft, gemeente_a):
    payment = _start(draft)
    handle_feedback(tenant=gemeente_a, params=answer(payment), source="notice")

    assert not selectors.open_payments_for(tenant=gemeente_a, bsn=SUZANNE).exists()
    assert selectors.payment_for_zaak(Payment.objects.get().zaak) == Payment.objects.get()


def test_another_gemeente_sees_nothing(draft, gemeente_b):
    _start(draft)

    assert not selectors.open_payments_for(tenant=gemeente_b, bsn=SUZANNE).exists()


def test_after_the_deadline_the_request_is_expired(draft, gemeente_a, time_machine):
    payment = _start(draft)
    time_machine.move_to(payment.expires_at + datetime.timedelta(seconds=1))

    assert not selectors.open_payments_for(tenant=gemeente_a, bsn=SUZANNE).exists()
    assert list(selectors.expired_payments_for(tenant=gemeente_a, bsn=SUZANNE)) == [payment]
    assert expire_unpaid() == 1
    assert Payment.objects.get().status == PaymentStatus.EXPIRED
    assert list(selectors.expired_payments_for(tenant=gemeente_a, bsn=SUZANNE)) == [payment]
    assert expire_unpaid() == 0


def test_a_paid_payment_never_expires(draft, gemeente_a, time_machine):
    payment = _start(draft)
    handle_feedback(tenant=gemeente_a, params=answer(payment), source="notice")
    time_machine.move_to(payment.expires_at + datetime.timedelta(days=1))

    assert expire_unpaid() == 0
    assert Payment.objects.get().status == PaymentStatus.PAID


def test_the_worker_task_expires_and_is_scheduled(draft, settings, time_machine):
    payment = _start(draft)
    time_machine.move_to(payment.expires_at + datetime.timedelta(seconds=1))

    assert tasks.expire_unpaid.enqueue().return_value == 1
    assert ("plus1.payments.tasks.expire_unpaid", "05:50") in settings.PLUS1_SCHEDULE
    assert ("plus1.payments.tasks.reconcile_day", "06:00") in settings.PLUS1_SCHEDULE


def test_payment_for_uuid_is_scoped_to_the_gemeente(draft, gemeente_a, gemeente_b):
    from plus1.payments.exceptions import UnknownPayment

    payment = _start(draft)

    assert selectors.payment_for_uuid(tenant=gemeente_a, payment_uuid=payment.uuid) == payment
    with pytest.raises(UnknownPayment):
        selectors.payment_for_uuid(tenant=gemeente_b, payment_uuid=payment.uuid)


def test_a_business_sees_its_own_requests(collective, gemeente_a, account):
    adoption = paid_process(gemeente_a)
    from plus1.cases.models import RequestDraft

    draft = RequestDraft.objects.create(
        tenant=gemeente_a, adoption=adoption, owner_kvk_number="69599084", data={"aantal_jaren": "1"}
    )
    payment = _start(draft)

    assert list(selectors.open_payments_for(tenant=gemeente_a, kvk_number="69599084")) == [payment]
    assert not selectors.open_payments_for(tenant=gemeente_a, bsn=SUZANNE).exists()
