"""Refunds: only for the teamleider's paid payment of a withdrawn or rejected request when the base
process returns the fee (or a request paid twice); once; audited; the provider asked first."""

from decimal import Decimal
from unittest import mock

import pytest

from plus1.audit.models import AuditEntry
from plus1.connectors import worldline
from plus1.payments.constants import PaymentStatus
from plus1.payments.exceptions import RefundFailed, RefundNotAllowed
from plus1.payments.models import Payment, Refund
from plus1.payments.services import handle_feedback, refund, start_payment
from plus1.payments.tests.factories import RESIDENT, URLS, answer, close_with

pytestmark = pytest.mark.django_db

TEAMLEIDER = RESIDENT.__class__(type="employee", id="7", label="teamleider")


@pytest.fixture
def paid(draft):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    return handle_feedback(tenant=payment.tenant, params=answer(payment), source="notice")


@pytest.fixture
def worldline_says(monkeypatch):
    calls = []

    def fake_refund(**kwargs):
        calls.append(kwargs)
        return worldline.RefundResult(status="8", payid=kwargs["payid"], payid_sub="1")

    monkeypatch.setattr(worldline, "refund", fake_refund)
    return calls


def test_a_withdrawn_request_gets_its_fee_back(paid, worldline_says):
    close_with(paid.zaak, "Ingetrokken")

    row = refund(payment=paid, actor=TEAMLEIDER, reason="Aanvraag ingetrokken door de inwoner")

    assert (row.amount, row.status, row.provider_reference) == (Decimal("62.50"), "done", "3012345678/1")
    assert worldline_says[0]["payid"] == "3012345678" and worldline_says[0]["amount"] == Decimal("62.50")
    paid.refresh_from_db()
    assert paid.status == PaymentStatus.REFUNDED and paid.refunded_at is not None
    entry = AuditEntry.objects.get(action="payment_refunded")
    assert entry.main_object_id == str(paid.zaak_id) and entry.actor_label == "teamleider"


def test_a_second_refund_is_refused(paid, worldline_says):
    close_with(paid.zaak, "Ingetrokken")
    refund(payment=paid, actor=TEAMLEIDER, reason="Ingetrokken")

    with pytest.raises(RefundNotAllowed, match="al terugbetaald"):
        refund(payment=paid, actor=TEAMLEIDER, reason="Nog eens")
    assert Refund.objects.count() == 1 and len(worldline_says) == 1


def test_a_rejected_request_keeps_the_fee_when_the_process_says_so(paid, worldline_says):
    close_with(paid.zaak, "Afgewezen")

    with pytest.raises(RefundNotAllowed, match="basisproces"):
        refund(payment=paid, actor=TEAMLEIDER, reason="Afgewezen")
    assert worldline_says == []


def test_a_request_still_being_handled_gets_nothing_back(paid, worldline_says):
    with pytest.raises(RefundNotAllowed, match="ingetrokken of afgewezen"):
        refund(payment=paid, actor=TEAMLEIDER, reason="Waarom niet")


def test_an_unpaid_payment_cannot_be_refunded(draft, worldline_says):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment

    with pytest.raises(RefundNotAllowed, match="betaalde"):
        refund(payment=payment, actor=TEAMLEIDER, reason="x")


def test_a_reason_is_required(paid, worldline_says):
    close_with(paid.zaak, "Ingetrokken")
    with pytest.raises(RefundNotAllowed, match="reden"):
        refund(payment=paid, actor=TEAMLEIDER, reason="  ")


def test_a_request_paid_twice_may_get_the_second_payment_back(draft, worldline_says):
    first = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    second = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    handle_feedback(tenant=first.tenant, params=answer(first, payid="3000000001"), source="notice")
    handle_feedback(tenant=second.tenant, params=answer(second, payid="3000000002"), source="notice")

    with pytest.raises(RefundNotAllowed):
        refund(payment=Payment.objects.get(pk=first.pk), actor=TEAMLEIDER, reason="dubbel")
    assert refund(payment=Payment.objects.get(pk=second.pk), actor=TEAMLEIDER, reason="Dubbel betaald").amount


def test_when_worldline_refuses_nothing_is_refunded(paid, monkeypatch):
    close_with(paid.zaak, "Ingetrokken")
    monkeypatch.setattr(worldline, "refund", mock.Mock(side_effect=worldline.WorldlineError("geweigerd")))

    with pytest.raises(RefundFailed):
        refund(payment=paid, actor=TEAMLEIDER, reason="Ingetrokken")
    paid.refresh_from_db()
    assert paid.status == PaymentStatus.PAID and not Refund.objects.exists()
    assert not AuditEntry.objects.filter(action="payment_refunded").exists()
