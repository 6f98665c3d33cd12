"""The daily reconciliation: paid, refunded and open per gemeente and day, with totals and a safe CSV."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from plus1.payments import selectors, tasks
from plus1.payments.exports import reconciliation_csv
from plus1.payments.models import DailyReconciliation, Payment
from plus1.payments.services import handle_feedback, refund, start_payment
from plus1.payments.tests.factories import RESIDENT, URLS, answer, close_with, draft_for

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 3)
NOON = timezone.make_aware(datetime.datetime(2026, 12, 3, 12, 0))
TEAMLEIDER = RESIDENT.__class__(type="employee", id="7", label="teamleider")


@pytest.fixture
def day_of_payments(adoption, account, gemeente_a, time_machine, monkeypatch):
    """Three residents: one paid and got it back (withdrawn), one paid, one still open; all on DAY."""
    from plus1.connectors import worldline

    monkeypatch.setattr(
        worldline, "refund", lambda **kw: worldline.RefundResult(status="8", payid=kw["payid"], payid_sub="1")
    )
    time_machine.move_to(NOON, tick=False)
    payments = [
        start_payment(draft=draft_for(adoption, bsn=bsn), actor=RESIDENT, urls=URLS).payment
        for bsn in ("999993653", "999990019", "999990020")
    ]
    for number, payment in enumerate(payments[:2]):
        handle_feedback(
            tenant=gemeente_a, params=answer(payment, payid=f"300000000{number}"), source="notice"
        )
    withdrawn = Payment.objects.get(pk=payments[0].pk)
    close_with(withdrawn.zaak, "Ingetrokken")
    refund(payment=withdrawn, actor=TEAMLEIDER, reason="Ingetrokken")
    return payments


def test_the_day_has_totals_of_paid_refunded_and_open(day_of_payments, gemeente_a):
    result = selectors.reconciliation(tenant=gemeente_a, day=DAY)

    assert [row.kind for row in result.rows] == ["paid", "paid", "refunded", "open"]
    assert result.total_paid == Decimal("125.00")
    assert result.total_refunded == Decimal("62.50")
    assert result.total_open == Decimal("62.50")
    assert result.balance == Decimal("62.50")
    assert result.rows[0].provider_reference == "3000000000"
    assert result.rows[0].zaak_identificatie.startswith("ZAAK-")


def test_other_days_and_other_gemeenten_are_apart(day_of_payments, gemeente_a, gemeente_b):
    assert selectors.reconciliation(tenant=gemeente_a, day=DAY + datetime.timedelta(days=1)).rows == []
    assert selectors.reconciliation(tenant=gemeente_b, day=DAY).rows == []


def test_the_csv_has_a_row_per_line_and_the_totals_with_decimal_commas(day_of_payments, gemeente_a):
    text = reconciliation_csv(selectors.reconciliation(tenant=gemeente_a, day=DAY))

    lines = text.strip().split("\r\n")
    assert lines[0] == "soort;betaalkenmerk;kenmerk_provider;bedrag;tijdstip;zaaknummer;betaalmethode"
    assert lines[1].startswith("betaald;P1") and ";62,50;2026-12-03 12:00:00;ZAAK-" in lines[1]
    assert lines[-3:] == [
        "totaal betaald;;;125,00;;;",
        "totaal terugbetaald;;;62,50;;;",
        "totaal open;;;62,50;;;",
    ]
    assert selectors.reconciliation_csv is reconciliation_csv


def test_the_csv_never_holds_a_formula(day_of_payments, gemeente_a):
    Payment.objects.filter(provider_reference="3000000000").update(method='=HYPERLINK("http://x")')

    text = reconciliation_csv(selectors.reconciliation(tenant=gemeente_a, day=DAY))

    assert "'=HYPERLINK" in text
    assert ";=HYPERLINK" not in text and ';"=HYPERLINK' not in text


def test_the_worker_stores_the_last_days_once_each(day_of_payments, gemeente_a):
    assert tasks.reconcile_day.enqueue(for_day="2026-12-04").return_value == 3
    assert tasks.reconcile_day.enqueue(for_day="2026-12-04").return_value == 3

    stored = DailyReconciliation.objects.get(tenant=gemeente_a, day=DAY)
    assert (stored.total_paid, stored.total_refunded, stored.total_open, stored.rows) == (
        Decimal("125.00"),
        Decimal("62.50"),
        Decimal("62.50"),
        4,
    )
    assert DailyReconciliation.objects.count() == 3
