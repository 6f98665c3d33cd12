"""``plus1 worker``: run background tasks, and enqueue the daily ones when their time comes.

django-tasks has no scheduler of its own. This command runs the django-tasks-db worker and,
next to it, a clock thread that:

- reports that this worker is alive, and puts back in the queue the tasks of workers that
  stopped in the middle (plus1.core.workers: heartbeat and lease);
- enqueues every task in ``PLUS1_SCHEDULE`` once per working day at its time
  (Europe/Amsterdam), once across all workers (a ``ScheduledRun`` row per task and day);
- runs the sweeps of ``PLUS1_SWEEPS`` (the notification outbox).

Several workers, on one node or several, share the queue; any of them may stop at any moment.
"""

from __future__ import annotations

import datetime
import inspect
import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from plus1.core import workers

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


def _enqueue(path: str, day: str) -> None:
    task = import_string(path)
    # Most daily tasks take the day they run for; one that does not is enqueued without it
    # (it would fail in the worker with an unexpected argument).
    if "for_day" in inspect.signature(task.func).parameters:
        task.enqueue(for_day=day)
    else:
        task.enqueue()


def enqueue_due(
    now: datetime.datetime, done: set[tuple[str, str]], *, worker_id: str = ""
) -> list[tuple[str, str]]:
    """Enqueue the runs that are due and no worker enqueued yet; returns the ones this call enqueued.

    ``done`` only saves a query per minute in this process; the ``ScheduledRun`` table decides.
    """
    enqueued = []
    for path, day in due_runs(now, settings.PLUS1_SCHEDULE, done):
        if workers.enqueue_once(
            path,
            datetime.date.fromisoformat(day),
            lambda path=path, day=day: _enqueue(path, day),
            worker_id=worker_id,
        ):
            enqueued.append((path, day))
            logger.info("Enqueued %s for %s", path, day)
        done.add((path, day))
    return enqueued


class Command(DbWorkerCommand):
    help = "Run background tasks (django-tasks database backend) and enqueue the daily tasks."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=CHECK_SECONDS,
            help="Seconds between looks at the schedule and the sweeps (default: %(default)s).",
        )
        # Host and process in the id: the admin and the logs say which worker lost a task.
        parser.set_defaults(worker_id=workers.new_worker_id())

    def handle(self, *args, **options):
        # With --reload the first process only watches the files; its child runs the tasks
        # and has the clock.
        if options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        worker_id = options["worker_id"]
        stop = threading.Event()
        thread = threading.Thread(
            target=self._clock,
            args=(stop, worker_id, options["schedule_interval"]),
            name="plus1-clock",
            daemon=True,
        )
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(timeout=5)
            try:
                workers.sign_off(worker_id)
            except Exception:
                logger.exception("Could not sign off worker %s", worker_id)

    def _clock(self, stop: threading.Event, worker_id: str, schedule_interval: float) -> None:
        done: set[tuple[str, str]] = set()
        next_schedule = 0.0
        cleaned_on = None
        while not stop.is_set():
            try:
                workers.beat(worker_id)
                workers.reclaim_lost_tasks()
            except Exception:
                logger.exception("Could not report this worker or look for lost tasks; trying again shortly")
            if time.monotonic() >= next_schedule:
                next_schedule = time.monotonic() + schedule_interval
                try:
                    enqueue_due(timezone.now(), done, worker_id=worker_id)
                    today = timezone.localdate()
                    if cleaned_on != today:
                        workers.forget_old(today=today)
                        cleaned_on = today
                except Exception:
                    logger.exception("Could not enqueue the scheduled tasks; trying again shortly")
                try:
                    # The notification outbox is swept too: deliveries whose task was lost (a
                    # crash between commit and enqueue) or whose retry is due go out now.
                    for path in settings.PLUS1_SWEEPS:
                        import_string(path)()
                except Exception:
                    logger.exception("Could not sweep; trying again shortly")
            close_old_connections()
            stop.wait(workers.beat_seconds())
