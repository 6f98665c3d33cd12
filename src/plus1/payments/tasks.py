"""Background work of payments, run by ``plus1 worker`` (PLUS1_SCHEDULE).

``expire_unpaid`` marks unpaid payments past their date expired (hourly is not needed: the
portal also compares ``expires_at`` itself). ``reconcile_day`` stores the last days' totals per
gemeente (``DailyReconciliation``) once, so finance sees that the day was closed and what it held.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from plus1.core import clock, tracing

from . import services
from .models import DailyReconciliation, PaymentSettings
from .selectors import reconciliation


@task()
def expire_unpaid(for_day: str | None = None) -> int:
    """Mark open payments past their date expired; returns how many."""
    with tracing.span(name="expire_unpaid_payments", new_trace=True):
        return services.expire_unpaid(now=clock.now())


def reconcile(day: datetime.date) -> int:
    """Store ``day``'s totals of every gemeente that takes payments (again: updated); returns how many."""
    stored = 0
    for settings_row in PaymentSettings.objects.select_related("tenant").order_by("tenant_id"):
        result = reconciliation(tenant=settings_row.tenant, day=day)
        DailyReconciliation.objects.update_or_create(
            tenant=settings_row.tenant,
            day=day,
            defaults={
                "total_paid": result.total_paid,
                "total_refunded": result.total_refunded,
                "total_open": result.total_open,
                "rows": len(result.rows),
                "paid_without_zaak": sum(1 for row in result.rows if row.kind == "paid" and row.zaak is None),
            },
        )
        stored += 1
    return stored


# The worker runs on working days only: Monday closes Friday (again), Saturday and Sunday.
DAYS_BACK = 3


@task()
def reconcile_day(for_day: str | None = None) -> int:
    """Store the reconciliation of the last three days (up to yesterday) of every gemeente.

    Storing a day again updates it, so a late notice that changed a day is counted next time.
    Returns how many (gemeente, day) rows were stored.
    """
    today = datetime.date.fromisoformat(for_day) if for_day else clock.today()
    with tracing.span(name="reconcile_payments", new_trace=True):
        return sum(reconcile(today - datetime.timedelta(days=back)) for back in range(DAYS_BACK, 0, -1))
