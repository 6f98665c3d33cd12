"""Hostile input on the way back from the provider and the notice: 400 or 405, never a 500, never paid."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plus1.connectors.worldline import feedback_params
from plus1.payments.constants import PaymentStatus
from plus1.payments.models import Payment
from plus1.payments.services import start_payment
from plus1.payments.tests.factories import (
    RESIDENT,
    SHA_OUT,
    URLS,
    answer,
    draft_for,
    paid_process,
    worldline_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def payment(collective, gemeente_a):
    worldline_settings(gemeente_a)
    draft = draft_for(paid_process(gemeente_a))
    return start_payment(draft=draft, actor=RESIDENT, urls=URLS).payment


def notice_url(gemeente):
    return reverse("portal:payment-notice", args=[gemeente.slug])


def return_url(gemeente, outcome="betaald"):
    return reverse("portal:payment-return", args=[gemeente.slug, outcome])


NASTY = ["a\x00b", "x" * 100_000, "\r\nX-Injected: 1", "é" * 128, "\u202e\ufeff"]


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize(
    "name", ["ORDERID", "STATUS", "AMOUNT", "CURRENCY", "PAYID", "SHASIGN", "PM", "CN", "x\x00y"]
)
def test_odd_values_in_any_field_are_refused_without_a_500(gemeente_a, payment, name, value):
    client = Client(raise_request_exception=False)
    params = answer(payment) | {name: value}
    notice = client.post(notice_url(gemeente_a), params)
    back = client.get(return_url(gemeente_a), params)
    assert notice.status_code in (200, 400), notice.status_code
    assert back.status_code < 500, back.status_code
    payment.refresh_from_db()
    assert payment.status in (PaymentStatus.OPEN, PaymentStatus.PAID)


@pytest.mark.parametrize("name", ["ORDERID", "PAYID", "PM", "CN", "BRAND", "NCERROR", "CURRENCY"])
def test_nul_even_when_signed_is_refused(gemeente_a, payment, name):
    client = Client(raise_request_exception=False)
    params = answer(payment, **{name: "a\x00b"})
    notice = client.post(notice_url(gemeente_a), params)
    assert notice.status_code in (200, 400), notice.status_code


@pytest.mark.parametrize(
    "amount", ["62.5", "62.50", "62.500", "6250", "62,50", "6.25E+1", "NaN", "Infinity", "-62.5", "1E+999999"]
)
def test_only_the_same_amount_in_any_notation_pays(gemeente_a, payment, amount):
    client = Client(raise_request_exception=False)
    notice = client.post(notice_url(gemeente_a), answer(payment, amount=amount))
    assert notice.status_code in (200, 400)
    payment.refresh_from_db()
    if amount in ("62.5", "62.50", "62.500", "6.25E+1"):
        assert payment.status == PaymentStatus.PAID
    else:
        assert payment.status == PaymentStatus.OPEN


def test_lower_case_names_and_a_second_status_after_the_signed_one(gemeente_a, payment):
    client = Client(raise_request_exception=False)
    params = answer(payment)
    lower = {k.lower(): v for k, v in params.items()} | {"shasign": params["SHASIGN"].lower()}
    assert client.post(notice_url(gemeente_a), lower).status_code == 200
    # duplicate STATUS: a second value after the signed one
    body = "&".join(f"{k}={v}" for k, v in params.items()) + "&STATUS=1"
    r = client.post(notice_url(gemeente_a), body, content_type="application/x-www-form-urlencoded")
    assert r.status_code in (200, 400)


def test_get_and_malformed_or_huge_bodies_are_refused(gemeente_a, payment):
    client = Client(raise_request_exception=False)
    assert client.get(notice_url(gemeente_a)).status_code == 405
    for body, ctype in [
        (b"\xff\xfe\x00garbage=%%%&&==", "application/x-www-form-urlencoded"),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
        (b"a=1", "multipart/form-data"),
        (b"{}", "application/json"),
        (b"a=" + b"b" * 3_000_000, "application/x-www-form-urlencoded"),
        (b"&".join(b"k%d=v" % i for i in range(5000)), "application/x-www-form-urlencoded"),
    ]:
        r = client.post(notice_url(gemeente_a), body, content_type=ctype)
        assert r.status_code in (400, 413), (ctype, r.status_code)
    assert not Payment.objects.filter(status=PaymentStatus.PAID).exists()


def test_paid_cancelled_paid_stays_paid_and_another_payid_is_refused(gemeente_a, payment):
    client = Client(raise_request_exception=False)
    assert client.post(notice_url(gemeente_a), answer(payment, status="9")).status_code == 200
    assert client.post(notice_url(gemeente_a), answer(payment, status="1")).status_code == 200
    assert client.post(notice_url(gemeente_a), answer(payment, status="9")).status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert client.post(notice_url(gemeente_a), answer(payment, status="9", payid="999")).status_code == 400


def test_another_currency_is_refused(gemeente_a, payment):
    client = Client(raise_request_exception=False)
    params = answer(payment)
    p = {k: v for k, v in params.items() if k != "SHASIGN"} | {"currency": "USD"}
    r = client.post(notice_url(gemeente_a), feedback_params(p, sha_out=SHA_OUT))
    assert r.status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN


def test_a_signature_with_non_ascii_characters_is_a_refused_signature(gemeente_a, payment):
    """compare_digest refuses a str with "é": that was a TypeError, a 500, on both ways in."""
    client = Client(raise_request_exception=False)
    params = answer(payment) | {"SHASIGN": "É" * 128}

    notice = client.post(notice_url(gemeente_a), params)
    back = client.get(return_url(gemeente_a), params)

    assert notice.status_code == 400 and back.status_code == 400
    assert "niet goed ondertekend" in notice.text
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN
