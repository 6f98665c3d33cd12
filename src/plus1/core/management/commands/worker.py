"""``plus1 worker``: run background tasks, and enqueue the daily ones when their time comes.

django-tasks has no scheduler of its own. This command runs the django-tasks-db worker and,
next to it, a small clock thread that enqueues every task in ``PLUS1_SCHEDULE`` once per
working day at its time (Europe/Amsterdam). The tasks themselves are idempotent per day, so
two workers, or a restart, never send anything twice.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

logger = logging.getLogger(__name__)

CHECK_SECONDS = 60


def due_runs(
    now: datetime.datetime, schedule: list[tuple[str, str]], done: set[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The (task path, day) pairs that should be enqueued at ``now`` and were not yet."""
    local = timezone.localtime(now)
    if local.weekday() >= 5:
        return []
    day = local.date().isoformat()
    runs = []
    for path, at in schedule:
        hour, minute = (int(part) for part in at.split(":"))
        if (local.hour, local.minute) >= (hour, minute) and (path, day) not in done:
            runs.append((path, day))
    return runs


def enqueue_due(now: datetime.datetime, done: set[tuple[str, str]]) -> list[tuple[str, str]]:
    runs = due_runs(now, settings.PLUS1_SCHEDULE, done)
    for path, day in runs:
        import_string(path).enqueue(for_day=day)
        done.add((path, day))
        logger.info("Enqueued %s for %s", path, day)
    return runs


class Command(DbWorkerCommand):
    help = "Run background tasks (django-tasks database backend) and enqueue the daily tasks."

    def handle(self, *args, **options):
        stop = threading.Event()
        thread = threading.Thread(target=self._clock, args=(stop,), name="plus1-schedule", daemon=True)
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()

    def _clock(self, stop: threading.Event) -> None:
        done: set[tuple[str, str]] = set()
        while not stop.is_set():
            try:
                enqueue_due(timezone.now(), done)
                # The notification outbox is swept too: deliveries whose task was lost (a
                # crash between commit and enqueue) or whose retry is due go out now.
                for path in settings.PLUS1_SWEEPS:
                    import_string(path)()
            except Exception:
                logger.exception("Could not enqueue the scheduled tasks; trying again in a minute")
            finally:
                close_old_connections()
            stop.wait(CHECK_SECONDS)
