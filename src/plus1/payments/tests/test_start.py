"""Starting a payment: the gemeente's fee, a fresh reference, a signed form, and one deadline per request."""

import datetime
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse

from plus1.catalog.models import Adoption
from plus1.connectors import worldline
from plus1.payments.constants import PaymentStatus
from plus1.payments.exceptions import PaymentNotConfigured, PaymentNotPossible
from plus1.payments.models import Payment, PaymentSettings
from plus1.payments.services import expire_unpaid, handle_feedback, start_payment
from plus1.payments.tests.factories import PSPID, RESIDENT, SHA_IN, URLS, draft_for, simulator_settings

pytestmark = pytest.mark.django_db


def test_the_form_goes_to_worldline_with_the_fee_in_cents_signed_with_sha_in(draft):
    hosted = start_payment(draft=draft, actor=RESIDENT, urls=URLS)

    payment = hosted.payment
    assert (payment.amount, payment.status, payment.provider) == (Decimal("62.50"), "open", "worldline")
    assert hosted.action == worldline.ENDPOINTS["test"]
    fields = hosted.fields
    assert (fields["PSPID"], fields["ORDERID"], fields["AMOUNT"]) == (PSPID, payment.reference, "6250")
    assert fields["ACCEPTURL"] == URLS.accept and fields["CANCELURL"] == URLS.cancel
    assert fields["PARAMVAR"] == draft.tenant.slug
    assert fields["SHASIGN"] == worldline.sign({k: v for k, v in fields.items() if k != "SHASIGN"}, SHA_IN)


def test_each_attempt_gets_a_new_reference_but_keeps_the_first_deadline(draft, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC))
    first = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    time_machine.shift(datetime.timedelta(hours=5))
    second = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment

    assert first.reference != second.reference
    assert second.expires_at == first.expires_at
    assert first.expires_at - first.created_at == pytest.approx(
        datetime.timedelta(hours=72), abs=datetime.timedelta(seconds=5)
    )


def test_after_the_deadline_a_new_attempt_starts_a_new_period(draft, time_machine):
    first = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    time_machine.move_to(first.expires_at + datetime.timedelta(minutes=1))
    expire_unpaid()

    second = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment

    assert second.expires_at > first.expires_at


def test_no_payment_without_a_fee(draft):
    Adoption.objects.filter(pk=draft.adoption_id).update(fee=None)

    with pytest.raises(PaymentNotPossible, match="niet te betalen"):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)
    assert not Payment.objects.exists()


def test_no_payment_for_an_incomplete_request(adoption, account):
    draft = draft_for(adoption, years="")

    with pytest.raises(PaymentNotPossible, match="alle vragen"):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)


def test_no_payment_for_a_request_already_sent_or_paid(draft):
    payment = start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.PAID)

    with pytest.raises(PaymentNotPossible, match="al betaald"):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)


def test_no_payment_without_settings_or_when_switched_off(adoption, gemeente_a):
    draft = draft_for(adoption)
    with pytest.raises(PaymentNotConfigured):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)
    PaymentSettings.objects.create(tenant=gemeente_a, provider="worldline", pspid="X", is_active=False)
    with pytest.raises(PaymentNotConfigured):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)


def test_the_simulator_is_refused_where_simulators_are_off(adoption, gemeente_a):
    simulator_settings(gemeente_a)
    draft = draft_for(adoption)

    with override_settings(DIGID_MOCK=False), pytest.raises(PaymentNotConfigured, match="simulator"):
        start_payment(draft=draft, actor=RESIDENT, urls=URLS)
    assert not Payment.objects.exists()


def test_paid_in_the_simulator_from_form_to_zaak(client, adoption, gemeente_a):
    """The whole protocol: our signed form, the simulator's page and choice, its signed return."""
    simulator_settings(gemeente_a)
    hosted = start_payment(draft=draft_for(adoption), actor=RESIDENT, urls=URLS)
    assert hosted.action == reverse("worldline-simulator:pay")

    assert client.post(hosted.action, hosted.fields).status_code == 200
    back = client.post(
        reverse("worldline-simulator:decide"), {**hosted.fields, "choice": "pay", "notice": "none"}
    )
    params = dict(parse_qsl(urlsplit(back["Location"]).query))

    payment = handle_feedback(tenant=gemeente_a, params=params, source="return")
    assert payment.status == PaymentStatus.PAID and payment.zaak is not None
