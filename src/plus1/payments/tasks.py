"""Background work of payments, run by ``plus1 worker`` (PLUS1_SCHEDULE)."""

from __future__ import annotations

from django_tasks import task


@task()
def expire_unpaid(for_day: str | None = None) -> int:
    """Mark open payments past their date expired; returns how many."""
    raise NotImplementedError


@task()
def reconcile_day(for_day: str | None = None) -> int:
    """Store yesterday's reconciliation of every gemeente that takes payments; returns how many."""
    raise NotImplementedError
