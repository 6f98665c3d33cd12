"""Background work of the query log, run by ``plus1 worker`` (PLUS1_SCHEDULE)."""

from __future__ import annotations

from django_tasks import task

from plus1.core import clock, tracing

from . import services


@task()
def purge_search_log(for_day: str | None = None) -> int:
    """Delete the portal questions older than PLUS1_SEARCH_LOG_RETENTION_DAYS; returns how many."""
    with tracing.span(name="purge_search_log", new_trace=True):
        return services.purge_expired_queries(today=clock.today())
