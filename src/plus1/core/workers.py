"""Several ``plus1 worker`` processes on several nodes: leases on tasks, the schedule once.

django-tasks-db claims a READY task with ``SELECT ... FOR UPDATE SKIP LOCKED`` and marks it
RUNNING, so two workers never start the same task. What it lacks (django-tasks issue #46,
still open in 0.13) is what happens after a worker dies in the middle: its task stays RUNNING
for ever. This module adds:

- a heartbeat: every worker's clock writes ``WorkerHeartbeat.seen_at`` every few seconds;
- a lease: a task RUNNING longer than ``PLUS1_TASK_LEASE_SECONDS`` whose worker has not
  reported for as long goes back to READY (or, after ``PLUS1_TASK_MAX_ATTEMPTS`` workers lost
  it, to FAILED), by whichever live worker's clock sees it first: one UPDATE whose WHERE only
  one of them can satisfy;
- the schedule once: a daily task is enqueued in the same transaction as its
  ``ScheduledRun(task_path, day)`` row, whose unique constraint lets exactly one worker through.
  No session-level advisory lock: pgbouncer in transaction mode would not keep it.

A task that is taken over runs again from the start: tasks are written to be safe to repeat.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import ScheduledRun, WorkerHeartbeat

logger = logging.getLogger(__name__)

# Rows older than this are no longer needed: the schedule only looks at today.
KEEP_DAYS = 30
LOST_EXCEPTION = "plus1.core.workers.WorkerLost"


class WorkerLost(Exception):
    """Recorded on a task whose workers stopped ``PLUS1_TASK_MAX_ATTEMPTS`` times while running it."""


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.PLUS1_TASK_LEASE_SECONDS)


def beat_seconds() -> float:
    """How often a worker reports: four times per lease, so one late report loses nothing."""
    return max(0.25, min(15.0, settings.PLUS1_TASK_LEASE_SECONDS / 4))


def new_worker_id() -> str:
    """Readable in the admin and the logs (host and process), unique with a random tail."""
    from django.utils.crypto import get_random_string

    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(6)}"[:64]


def beat(worker_id: str, *, now: datetime.datetime | None = None) -> None:
    """Report that ``worker_id`` is alive (one statement: insert, or update ``seen_at``)."""
    now = now or timezone.now()
    WorkerHeartbeat.objects.bulk_create(
        [
            WorkerHeartbeat(
                worker_id=worker_id,
                host=socket.gethostname()[:255],
                pid=os.getpid(),
                started_at=now,
                seen_at=now,
            )
        ],
        update_conflicts=True,
        unique_fields=["worker_id"],
        update_fields=["seen_at"],
    )


def sign_off(worker_id: str) -> None:
    """A worker that stops cleanly says so: a task it left RUNNING need not wait for the lease."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


@dataclass(frozen=True)
class Reclaimed:
    task_id: str
    task_path: str
    lost_by: str
    status: str  # READY: will run again; FAILED: lost too often


def reclaim_lost_tasks(*, now: datetime.datetime | None = None) -> list[Reclaimed]:
    """Put the RUNNING tasks whose worker is gone back in the queue; returns what this worker took.

    A task is lost when it started more than a lease ago and its (last) worker has not reported
    for a lease. Each is moved in one UPDATE that also checks the task is still RUNNING with
    the same ``started_at`` and its worker still silent: of two clocks that race, one wins and
    the other changes nothing; a worker that claims the task again gets a new ``started_at``.
    """
    now = now or timezone.now()
    cutoff = now - lease()
    # The partial index of core migration 0001 keeps this cheap however many results are kept.
    candidates = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).values_list(
            "id", "task_path", "worker_ids", "started_at"
        )[:100]
    )
    reclaimed = []
    for task_id, task_path, worker_ids, started_at in candidates:
        worker_ids = worker_ids or []
        lost_by = worker_ids[-1] if worker_ids else ""
        gives_up = len(worker_ids) >= settings.PLUS1_TASK_MAX_ATTEMPTS
        if _move(task_id, started_at, lost_by, cutoff, now, gives_up=gives_up):
            status = TaskResultStatus.FAILED if gives_up else TaskResultStatus.READY
            reclaimed.append(Reclaimed(str(task_id), task_path, lost_by, status.value))
            logger.warning(
                "Task %s (%s) was running under worker %s, which stopped; now %s (attempt %s of %s)",
                task_id,
                task_path,
                lost_by,
                status.value,
                len(worker_ids),
                settings.PLUS1_TASK_MAX_ATTEMPTS,
            )
    return reclaimed


def _move(
    task_id,
    started_at: datetime.datetime,
    lost_by: str,
    cutoff: datetime.datetime,
    now: datetime.datetime,
    *,
    gives_up: bool,
) -> bool:
    qn = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    if gives_up:
        assignments = (
            "status = %s, finished_at = %s, exception_class_path = %s, traceback = %s, return_value = NULL"
        )
        values = [
            TaskResultStatus.FAILED.value,
            adapt(now),
            LOST_EXCEPTION,
            f"{LOST_EXCEPTION}: de worker stopte tijdens deze taak, {settings.PLUS1_TASK_MAX_ATTEMPTS} keer.",
        ]
    else:
        assignments, values = "status = %s", [TaskResultStatus.READY.value]
    # Only table and column names from the models are put in the text; the rest are parameters.
    sql = (
        f"UPDATE {qn(DBTaskResult._meta.db_table)} SET {assignments}"  # noqa: S608
        " WHERE id = %s AND status = %s AND started_at = %s"
        f" AND NOT EXISTS (SELECT 1 FROM {qn(WorkerHeartbeat._meta.db_table)}"
        " WHERE worker_id = %s AND seen_at >= %s)"
    )
    pk = DBTaskResult._meta.pk.get_db_prep_value(task_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*values, pk, TaskResultStatus.RUNNING.value, adapt(started_at), lost_by, adapt(cutoff)],
        )
        return cursor.rowcount == 1


def enqueue_once(
    task_path: str, day: datetime.date, enqueue: Callable[[], object], *, worker_id: str = ""
) -> bool:
    """Enqueue a daily task for ``day`` unless some worker already did; True when this call did.

    The ``ScheduledRun`` row and the task row commit together: a second worker's insert waits
    for the first and then fails on the unique constraint; if the first rolls back (its enqueue
    failed), the second goes ahead.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(
                    task_path=task_path, day=day, enqueued_at=timezone.now(), worker_id=worker_id
                )
        except IntegrityError:
            return False
        enqueue()
    return True


def forget_old(*, today: datetime.date) -> None:
    """Remove schedule rows and heartbeats nobody needs any more (called once a day per worker)."""
    ScheduledRun.objects.filter(day__lt=today - datetime.timedelta(days=KEEP_DAYS)).delete()
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - datetime.timedelta(days=1)).delete()
