"""Background work of the audit app, run by ``plus1 worker`` (PLUS1_SCHEDULE)."""

from __future__ import annotations

from django_tasks import task

from plus1.core import clock, tracing

from .models import ProcessingRecord


@task()
def purge_processing_log(for_day: str | None = None) -> int:
    """Delete the processing records whose retention has ended; returns how many.

    The database trigger lets only these rows go (audit migration 0004); the same as
    ``plus1 processing-log purge``.
    """
    with tracing.span(name="purge_processing_log", new_trace=True):
        return ProcessingRecord.objects.purge_expired(today=clock.today())
