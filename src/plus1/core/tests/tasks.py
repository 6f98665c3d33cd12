"""Tasks for the worker tests, run in the test's own process."""

from __future__ import annotations

from django_tasks import task

# Names of the ``count_run`` calls, in order: the tests see how often a task really ran.
RUNS: list[str] = []


@task()
def count_run(name: str) -> str:
    RUNS.append(name)
    return name


@task()
def daily(for_day: str | None = None) -> str:
    return for_day or ""


@task()
def daily_without_day() -> str:
    return "ok"
