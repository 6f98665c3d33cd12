"""The provider's return and notice, in every order: a payment is recorded once, a zaak registered once.

Each answer is checked (SHA-OUT signature, a reference of this gemeente, the payment's amount) and
stored as an event whatever its outcome; "paid" is terminal.
"""

from decimal import Decimal

import pytest

from plus1.audit.models import AuditEntry
from plus1.cases.constants import Betalingsindicatie
from plus1.cases.models import Zaak
from plus1.payments.constants import PaymentStatus
from plus1.payments.exceptions import AmountMismatch, InvalidSignature, ReusedReference, UnknownPayment
from plus1.payments.models import Payment, PaymentEvent
from plus1.payments.services import expire_unpaid, handle_feedback, start_payment
from plus1.payments.tests.factories import RESIDENT, URLS, answer, draft_for, paid_process, worldline_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(draft):
    return start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment


def _feedback(payment, source="notice", **kwargs):
    return handle_feedback(tenant=payment.tenant, params=answer(payment, **kwargs), source=source)


def test_a_paid_notice_records_the_payment_and_registers_the_zaak_as_paid(payment):
    paid = _feedback(payment)

    assert paid.status == PaymentStatus.PAID
    assert paid.provider_reference == "3012345678"
    assert paid.method == "iDEAL iDEAL"
    zaak = paid.zaak
    paid.draft.refresh_from_db()
    assert zaak is not None and paid.draft.zaak_id == zaak.pk
    assert zaak.betalingsindicatie == Betalingsindicatie.GEHEEL
    assert zaak.laatste_betaaldatum == paid.paid_at
    assert AuditEntry.objects.filter(action="payment_paid", object_id=str(paid.pk)).count() == 1


def test_paid_then_notice_registers_one_zaak(payment):
    first = _feedback(payment, source="return")
    second = _feedback(payment, source="notice")

    assert first.zaak_id == second.zaak_id
    assert Zaak.objects.count() == 1
    assert list(PaymentEvent.objects.order_by("pk").values_list("source", "outcome")) == [
        ("return", "paid"),
        ("notice", "already_paid"),
    ]
    assert AuditEntry.objects.filter(action="payment_paid").count() == 1


def test_notice_then_return_registers_one_zaak(payment):
    _feedback(payment, source="notice")
    back = _feedback(payment, source="return")

    assert back.status == PaymentStatus.PAID
    assert Zaak.objects.count() == 1


def test_the_same_notice_twice_changes_nothing_the_second_time(payment):
    first = _feedback(payment)
    second = _feedback(payment)

    assert (first.paid_at, first.zaak_id) == (second.paid_at, second.zaak_id)
    assert Zaak.objects.count() == 1
    assert PaymentEvent.objects.filter(outcome="already_paid").count() == 1


def test_cancelled_after_paid_never_undoes_the_payment(payment):
    _feedback(payment, source="notice")
    after = _feedback(payment, source="return", status="1")

    assert after.status == PaymentStatus.PAID
    assert PaymentEvent.objects.filter(outcome="ignored_after_paid").count() == 1


def test_cancelled_then_paid_in_the_same_session_counts_as_paid(payment):
    assert _feedback(payment, source="return", status="1").status == PaymentStatus.CANCELLED
    assert _feedback(payment, source="notice").status == PaymentStatus.PAID
    assert Zaak.objects.count() == 1


def test_refused_marks_the_payment_failed_and_sends_nothing(payment):
    failed = _feedback(payment, source="return", status="2")

    assert failed.status == PaymentStatus.FAILED
    assert failed.zaak is None and not Zaak.objects.exists()


def test_a_pending_status_waits_for_the_next_answer(payment):
    assert _feedback(payment, status="91").status == PaymentStatus.OPEN
    assert PaymentEvent.objects.get().outcome == "pending"


def test_a_late_notice_after_expiry_still_sends_the_request(payment, time_machine):
    time_machine.move_to(payment.expires_at)
    assert expire_unpaid() == 1

    late = _feedback(payment)

    assert late.status == PaymentStatus.PAID
    assert late.zaak is not None


def test_a_late_cancel_after_expiry_keeps_it_expired(payment, time_machine):
    time_machine.move_to(payment.expires_at)
    expire_unpaid()

    assert _feedback(payment, status="1").status == PaymentStatus.EXPIRED


def test_a_bad_signature_is_refused_and_stored(payment):
    params = answer(payment)
    params["SHASIGN"] = "0" * 128

    with pytest.raises(InvalidSignature):
        handle_feedback(tenant=payment.tenant, params=params, source="notice")

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN and not Zaak.objects.exists()
    assert PaymentEvent.objects.get().outcome == "bad_signature"


def test_a_changed_status_breaks_the_signature(payment):
    params = answer(payment, status="1")
    params["STATUS"] = "9"

    with pytest.raises(InvalidSignature):
        handle_feedback(tenant=payment.tenant, params=params, source="return")
    assert not Zaak.objects.exists()


def test_an_answer_signed_with_another_passphrase_is_refused(payment):
    with pytest.raises(InvalidSignature):
        _feedback(payment, sha_out="not-our-passphrase")


def test_an_unknown_reference_is_refused_and_stored(payment):
    params = answer(payment)
    payment.reference = "P1UNKNOWN"
    params = answer(payment)

    with pytest.raises(UnknownPayment):
        handle_feedback(tenant=payment.tenant, params=params, source="notice")
    event = PaymentEvent.objects.get()
    assert (event.outcome, event.reference, event.payment) == ("unknown", "P1UNKNOWN", None)


def test_another_gemeentes_reference_is_unknown_here(payment, gemeente_b):
    worldline_settings(gemeente_b)

    with pytest.raises(UnknownPayment):
        handle_feedback(tenant=gemeente_b, params=answer(payment), source="notice")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN


def test_an_amount_that_differs_is_refused(payment):
    with pytest.raises(AmountMismatch):
        _feedback(payment, amount="0.01")

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN and not Zaak.objects.exists()
    assert PaymentEvent.objects.get().outcome == "amount_mismatch"


def test_a_currency_that_differs_is_refused(payment):
    params = answer(payment, currency="USD")
    with pytest.raises(AmountMismatch):
        handle_feedback(tenant=payment.tenant, params=params, source="notice")


def test_the_amount_may_be_written_without_trailing_zeros(payment):
    assert payment.amount == Decimal("62.50")
    assert _feedback(payment, amount="62.5").status == PaymentStatus.PAID


def test_a_reused_reference_with_another_transaction_is_refused(payment):
    _feedback(payment, payid="3000000001")

    with pytest.raises(ReusedReference):
        _feedback(payment, payid="3000000002")
    payment.refresh_from_db()
    assert payment.provider_reference == "3000000001"
    assert PaymentEvent.objects.filter(outcome="reused").count() == 1


def test_two_attempts_paid_both_register_one_zaak(draft):
    first = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    second = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    assert first.reference != second.reference

    a = _feedback(first, payid="3000000001")
    b = _feedback(second, payid="3000000002")

    assert a.zaak_id == b.zaak_id and Zaak.objects.count() == 1


def test_a_paid_request_that_cannot_be_sent_stays_paid(payment):
    payment.draft.data = {"aantal_jaren": "99"}  # no longer valid (max 5)
    payment.draft.save()

    paid = _feedback(payment)

    assert paid.status == PaymentStatus.PAID and paid.zaak is None
    assert PaymentEvent.objects.get().outcome == "paid_not_sent"


def test_the_notice_has_no_session_but_sends_in_the_residents_name(draft):
    from plus1.cases.services import Initiator

    payment = start_payment(
        draft=draft,
        actor=RESIDENT,
        urls=URLS,
        initiator=Initiator(name="Suzanne Moulin", bsn=draft.owner_bsn),
        confirm_to="suzanne@example.org",
    ).payment

    zaak = _feedback(payment).zaak

    rol = zaak.rollen.get()
    assert (rol.name, rol.bsn, rol.email) == ("Suzanne Moulin", draft.owner_bsn, "suzanne@example.org")


def test_per_unit_fee_is_checked_against_the_answer(collective, gemeente_b):
    worldline_settings(gemeente_b)
    adoption = paid_process(gemeente_b, fee="25.00", basis="per_unit")
    payment = start_payment(draft=draft_for(adoption, years="3"), actor=RESIDENT, urls=URLS).payment

    assert payment.amount == Decimal("75.00")
    with pytest.raises(AmountMismatch):
        _feedback(payment, amount="25")
    assert Payment.objects.get().status == PaymentStatus.OPEN


def test_answers_still_count_after_online_betalen_is_switched_off(payment, account):
    account.is_active = False
    account.save()

    assert _feedback(payment).status == PaymentStatus.PAID


def test_the_copy_and_confirmation_come_from_the_worker_once(
    draft, django_capture_on_commit_callbacks, mailoutbox
):
    from plus1.cases.services import Initiator

    payment = start_payment(
        draft=draft,
        actor=RESIDENT,
        urls=URLS,
        initiator=Initiator(name="Suzanne Moulin", bsn=draft.owner_bsn),
        confirm_to="suzanne@example.org",
    ).payment

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _feedback(payment, source="return")
        _feedback(payment, source="notice")

    assert len(callbacks) == 1  # enqueued once, for the registration only
    assert [message.to for message in mailoutbox] == [["suzanne@example.org"]]


def test_an_event_keeps_the_payment_facts_but_not_the_payers_name_or_account(payment):
    _feedback(payment, CN="Suzanne Moulin", CARDNO="NL91ABNA0417164300", IP="192.0.2.1")

    params = PaymentEvent.objects.get().params
    assert params["STATUS"] == "9" and params["orderID"] == payment.reference
    assert "Suzanne" not in str(params) and "NL91" not in str(params) and "192.0.2.1" not in str(params)
    assert params["_other"] == "CARDNO,CN,IP,SHASIGN"
