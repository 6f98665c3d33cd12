"""Reading payments: what a resident still has to pay, a zaak's payment, the daily reconciliation.

``reconciliation_csv`` (payments.exports) is importable from here too.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from plus1.cases.models import Zaak
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import PaymentStatus
from .exceptions import UnknownPayment
from .exports import reconciliation_csv
from .models import Payment, Refund

UNPAID = (PaymentStatus.OPEN, PaymentStatus.CANCELLED, PaymentStatus.FAILED)
PAID = (PaymentStatus.PAID, PaymentStatus.REFUNDED)


def _latest_per_draft(*, tenant: Organisation, bsn: str, kvk_number: str) -> QuerySet[Payment]:
    """The newest payment of each unsent draft of this resident or business, none paid."""
    if not (bsn or kvk_number) or (bsn and kvk_number):
        return Payment.objects.none()
    owner = {"draft__owner_bsn": bsn} if bsn else {"draft__owner_kvk_number": kvk_number}
    mine = Payment.objects.filter(tenant=tenant, draft__zaak__isnull=True, **owner)
    newest = mine.values("draft_id").annotate(last=Max("pk")).values("last")
    paid = Payment.objects.filter(draft_id=OuterRef("draft_id"), status__in=PAID)
    return (
        Payment.objects.filter(pk__in=newest)
        .exclude(Exists(paid))
        .select_related("draft__adoption__zaaktype")
        .order_by("expires_at", "pk")
    )


def open_payments_for(*, tenant: Organisation, bsn: str = "", kvk_number: str = "") -> QuerySet[Payment]:
    """Requests still to be paid ("Nog te betalen"): one payment per draft, the newest, not expired.

    A cancelled or failed attempt counts: its request can be paid again until ``expires_at``.
    """
    return _latest_per_draft(tenant=tenant, bsn=bsn, kvk_number=kvk_number).filter(
        status__in=UNPAID, expires_at__gt=clock.now()
    )


def expired_payments_for(*, tenant: Organisation, bsn: str = "", kvk_number: str = "") -> QuerySet[Payment]:
    """Requests whose time to pay has passed (their newest attempt expired), for a clear message."""
    now = clock.now()
    latest = _latest_per_draft(tenant=tenant, bsn=bsn, kvk_number=kvk_number)
    return latest.filter(Q(status=PaymentStatus.EXPIRED) | Q(status__in=UNPAID, expires_at__lte=now))


def payment_for_zaak(zaak: Zaak) -> Payment | None:
    """The payment that paid this zaak's fee (the first, if paid twice), or None."""
    return (
        Payment.objects.filter(tenant_id=zaak.tenant_id, zaak=zaak, status__in=PAID)
        .order_by("paid_at")
        .first()
    )


def payment_for_uuid(*, tenant: Organisation, payment_uuid: uuid.UUID | str) -> Payment:
    """This gemeente's payment with that uuid; raises UnknownPayment (also for another gemeente's)."""
    payment = (
        Payment.objects.filter(tenant=tenant, uuid=payment_uuid)
        .select_related("draft__adoption__zaaktype", "zaak")
        .first()
    )
    if payment is None:
        raise UnknownPayment("Deze betaling kennen wij niet.")
    return payment


@dataclass(frozen=True)
class ReconciliationRow:
    """One line of the day's reconciliation: a payment paid, a refund, or a payment still open."""

    kind: str  # "paid", "refunded" or "open"
    reference: str
    provider_reference: str
    amount: Decimal
    at: datetime.datetime | None
    zaak: Zaak | None
    zaak_identificatie: str
    method: str
    payment: Payment


@dataclass(frozen=True)
class Reconciliation:
    day: datetime.date
    rows: list[ReconciliationRow]
    total_paid: Decimal
    total_refunded: Decimal
    total_open: Decimal

    @property
    def balance(self) -> Decimal:
        return self.total_paid - self.total_refunded


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end of ``day`` in the installation's time zone (Europe/Amsterdam)."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def _row(
    kind: str, payment: Payment, *, amount: Decimal, at: datetime.datetime | None, reference: str = ""
) -> ReconciliationRow:
    return ReconciliationRow(
        kind=kind,
        reference=payment.reference,
        provider_reference=reference or payment.provider_reference,
        amount=amount,
        at=at,
        zaak=payment.zaak,
        zaak_identificatie=payment.zaak.identificatie if payment.zaak else "",
        method=payment.method,
        payment=payment,
    )


def reconciliation(*, tenant: Organisation, day: datetime.date) -> Reconciliation:
    """The gemeente's day: payments paid, refunds made, and payments started that day still open."""
    start, end = day_bounds(day)
    paid = (
        Payment.objects.filter(tenant=tenant, paid_at__gte=start, paid_at__lt=end)
        .select_related("zaak")
        .order_by("paid_at", "pk")
    )
    refunds = (
        Refund.objects.filter(tenant=tenant, created_at__gte=start, created_at__lt=end)
        .select_related("payment__zaak")
        .order_by("created_at", "pk")
    )
    still_open = (
        Payment.objects.filter(
            tenant=tenant, status=PaymentStatus.OPEN, created_at__gte=start, created_at__lt=end
        )
        .select_related("zaak")
        .order_by("created_at", "pk")
    )
    rows = [_row("paid", payment, amount=payment.amount, at=payment.paid_at) for payment in paid]
    rows += [
        _row(
            "refunded",
            refund.payment,
            amount=refund.amount,
            at=refund.created_at,
            reference=refund.provider_reference,
        )
        for refund in refunds
    ]
    rows += [_row("open", payment, amount=payment.amount, at=payment.created_at) for payment in still_open]

    def total(kind: str) -> Decimal:
        return sum((row.amount for row in rows if row.kind == kind), Decimal("0.00"))

    return Reconciliation(
        day=day,
        rows=rows,
        total_paid=total("paid"),
        total_refunded=total("refunded"),
        total_open=total("open"),
    )


__all__ = [
    "Reconciliation",
    "ReconciliationRow",
    "day_bounds",
    "expired_payments_for",
    "open_payments_for",
    "payment_for_uuid",
    "payment_for_zaak",
    "reconciliation",
    "reconciliation_csv",
]
