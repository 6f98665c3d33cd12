"""Several workers share the queue: the schedule runs once, a lost task runs again, once.

Two workers on two nodes each have a clock. A daily task is enqueued by exactly one of them
(``ScheduledRun``); a task RUNNING under a worker that stopped (kill -9, a node gone) goes back
to the queue once its lease has passed, by exactly one live worker, and runs again; a task
whose worker is still alive is never touched, however long it runs.
"""

from __future__ import annotations

import datetime
import inspect
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.compat import Task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from plus1.core import workers
from plus1.core.management.commands.worker import enqueue_due
from plus1.core.models import ScheduledRun, WorkerHeartbeat
from plus1.core.testing import in_parallel
from plus1.core.tests import tasks

DAILY = "plus1.core.tests.tasks.daily"
DAILY_WITHOUT_DAY = "plus1.core.tests.tasks.daily_without_day"
WEDNESDAY_0701 = datetime.datetime.fromisoformat("2026-03-04T07:01+01:00")
ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs parallel transactions (PostgreSQL)"
)


@pytest.fixture
def db_queue(settings):
    """The database task backend the workers use (the test settings run tasks immediately)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PLUS1_SCHEDULE = [(DAILY, "07:00"), (DAILY_WITHOUT_DAY, "07:00")]
    settings.PLUS1_TASK_LEASE_SECONDS = 60
    tasks.RUNS.clear()
    return settings


def _run_queue(worker_id: str = "alive") -> None:
    """What ``plus1 worker --batch`` does: run every READY task, then stop.

    The worker closes its connection between tasks; inside a test's transaction it must not.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker(worker_id).run()


def _worker(worker_id: str) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def _lost_task(*, started_ago: datetime.timedelta, worker_ids: list[str]) -> DBTaskResult:
    """A ``count_run`` task that ``worker_ids[-1]`` claimed ``started_ago``."""
    result = tasks.count_run.enqueue("lost")
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - started_ago, worker_ids=worker_ids
    )
    return DBTaskResult.objects.get(pk=result.id)


LONG_AGO = datetime.timedelta(minutes=5)


# --- the schedule, once across workers --------------------------------------------------------


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clocks_at_the_same_minute_enqueue_each_run_once(db_queue):
    first, second = in_parallel(
        lambda: enqueue_due(WEDNESDAY_0701, set(), worker_id="node-1"),
        lambda: enqueue_due(WEDNESDAY_0701, set(), worker_id="node-2"),
    )
    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    assert sorted(first + second) == [(DAILY, "2026-03-04"), (DAILY_WITHOUT_DAY, "2026-03-04")]
    assert DBTaskResult.objects.filter(task_path=DAILY).count() == 1
    assert DBTaskResult.objects.filter(task_path=DAILY_WITHOUT_DAY).count() == 1
    assert ScheduledRun.objects.count() == 2


@pytest.mark.django_db
def test_a_restarted_worker_does_not_enqueue_the_day_again(db_queue):
    assert len(enqueue_due(WEDNESDAY_0701, set(), worker_id="before")) == 2
    # The restarted process remembers nothing itself; the table does.
    assert enqueue_due(WEDNESDAY_0701 + datetime.timedelta(hours=3), set(), worker_id="after") == []
    assert DBTaskResult.objects.count() == 2
    assert set(ScheduledRun.objects.values_list("worker_id", flat=True)) == {"before"}
    # The next working day is a new run.
    assert len(enqueue_due(WEDNESDAY_0701 + datetime.timedelta(days=1), set())) == 2


@pytest.mark.django_db
def test_a_failed_enqueue_leaves_the_run_to_the_next_look(db_queue, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("queue down")

    # The queue's insert fails (the database backend writes the task row with create()).
    monkeypatch.setattr(DBTaskResult.objects, "create", broken)
    with pytest.raises(ConnectionError):
        enqueue_due(WEDNESDAY_0701, set())
    assert not ScheduledRun.objects.exists()
    monkeypatch.undo()
    assert (DAILY, "2026-03-04") in enqueue_due(WEDNESDAY_0701, set())


@pytest.mark.django_db
def test_the_day_goes_only_to_tasks_that_take_it(db_queue):
    enqueue_due(WEDNESDAY_0701, set())
    kwargs = dict(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    assert kwargs[DAILY]["kwargs"] == {"for_day": "2026-03-04"}
    assert kwargs[DAILY_WITHOUT_DAY]["kwargs"] == {}
    _run_queue()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}


def test_every_scheduled_task_can_be_enqueued_as_the_clock_does():
    for path, at in django_settings.PLUS1_SCHEDULE:
        task = import_string(path)
        assert isinstance(task, Task), path
        hour, minute = (int(part) for part in at.split(":"))
        assert 0 <= hour < 24 and 0 <= minute < 60, path
        parameters = inspect.signature(task.func).parameters
        # The clock passes for_day when the task takes it, else nothing: both must bind.
        inspect.signature(task.func).bind(**({"for_day": "2026-03-04"} if "for_day" in parameters else {}))


# --- leases on running tasks ------------------------------------------------------------------


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_whose_worker_stopped_is_reclaimed_by_one_worker_and_runs_once(db_queue):
    lost = _lost_task(started_ago=LONG_AGO, worker_ids=["killed"])
    workers.beat("killed", now=timezone.now() - LONG_AGO)  # its last sign of life

    first, second = in_parallel(workers.reclaim_lost_tasks, workers.reclaim_lost_tasks)

    assert sorted([len(first), len(second)]) == [0, 1], (first, second)
    (reclaimed,) = first + second
    assert (reclaimed.task_id, reclaimed.lost_by, reclaimed.status) == (str(lost.pk), "killed", "READY")
    _run_queue("alive")
    _run_queue("other")
    assert tasks.RUNS == ["lost"]
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.SUCCESSFUL
    assert lost.worker_ids == ["killed", "alive"]


@pytest.mark.django_db
def test_a_reclaimed_task_runs_again_and_is_not_reclaimed_twice(db_queue):
    lost = _lost_task(started_ago=LONG_AGO, worker_ids=["killed"])
    assert [r.task_id for r in workers.reclaim_lost_tasks()] == [str(lost.pk)]
    assert workers.reclaim_lost_tasks() == []
    _run_queue()
    assert tasks.RUNS == ["lost"]
    assert workers.reclaim_lost_tasks() == []


@pytest.mark.django_db
def test_a_task_within_its_lease_is_left_alone(db_queue):
    # Started a moment ago by a worker that has not reported yet.
    recent = _lost_task(started_ago=datetime.timedelta(seconds=10), worker_ids=["new"])
    assert workers.reclaim_lost_tasks() == []
    recent.refresh_from_db()
    assert recent.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_long_task_of_a_live_worker_is_left_alone(db_queue):
    long = _lost_task(started_ago=datetime.timedelta(hours=2), worker_ids=["busy"])
    workers.beat("busy", now=timezone.now() - datetime.timedelta(seconds=30))
    assert workers.reclaim_lost_tasks() == []
    long.refresh_from_db()
    assert long.status == TaskResultStatus.RUNNING
    # It stops reporting: after the lease its task is taken over.
    later = timezone.now() + datetime.timedelta(seconds=60)
    assert [r.lost_by for r in workers.reclaim_lost_tasks(now=later)] == ["busy"]


@pytest.mark.django_db
def test_a_task_lost_too_often_fails_instead_of_running_again(db_queue):
    lost = _lost_task(started_ago=LONG_AGO, worker_ids=["a", "b", "c"])
    (reclaimed,) = workers.reclaim_lost_tasks()
    assert reclaimed.status == "FAILED"
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == workers.LOST_EXCEPTION
    assert lost.finished_at is not None
    _run_queue()
    assert tasks.RUNS == []


@pytest.mark.django_db
def test_a_heartbeat_is_one_row_per_worker(db_queue):
    workers.beat("w1")
    workers.beat("w1")
    workers.beat("w2")
    assert WorkerHeartbeat.objects.count() == 2
    workers.sign_off("w1")
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["w2"]


@pytest.mark.django_db
def test_old_schedule_rows_and_heartbeats_are_forgotten(db_queue):
    today = datetime.date(2026, 3, 4)
    ScheduledRun.objects.create(task_path=DAILY, day=today, enqueued_at=timezone.now())
    ScheduledRun.objects.create(
        task_path=DAILY, day=today - datetime.timedelta(days=40), enqueued_at=timezone.now()
    )
    workers.beat("gone", now=timezone.now() - datetime.timedelta(days=2))
    workers.beat("here")
    workers.forget_old(today=today)
    assert list(ScheduledRun.objects.values_list("day", flat=True)) == [today]
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["here"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_command_runs_the_queue_and_signs_off(db_queue):
    db_queue.PLUS1_SCHEDULE = []
    db_queue.PLUS1_SWEEPS = []
    tasks.count_run.enqueue("by the command")
    call_command(
        "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", "--worker-id", "cmd-1"
    )
    assert tasks.RUNS == ["by the command"]
    assert DBTaskResult.objects.get().worker_ids == ["cmd-1"]
    assert not WorkerHeartbeat.objects.exists()
