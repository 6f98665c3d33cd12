"""Reading payments: what a resident still has to pay, a zaak's payment, the daily reconciliation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from plus1.cases.models import Zaak
from plus1.tenants.models import Organisation

from .models import Payment


@dataclass(frozen=True)
class ReconciliationRow:
    """One line of the day's reconciliation: a payment paid, refunded or still open that day."""

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


def open_payments_for(*, tenant: Organisation, bsn: str = "", kvk_number: str = "") -> QuerySet[Payment]:
    raise NotImplementedError


def payment_for_zaak(zaak: Zaak) -> Payment | None:
    raise NotImplementedError


def reconciliation(*, tenant: Organisation, day: datetime.date) -> Reconciliation:
    raise NotImplementedError


def reconciliation_csv(rows: Reconciliation | list[ReconciliationRow]) -> str:
    raise NotImplementedError
