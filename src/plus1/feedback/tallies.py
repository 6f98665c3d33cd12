"""MonthlyTally: counts per gemeente, month, process, team and channel, kept up to date with every answer.

The dashboard of a large gemeente covers some hundred thousand answers a year; grouping them on
every page view costs far more than the 100 ms the page may take. For the whole months of its
period it adds up these counts instead (a few thousand rows), and reads only the running month's
and the last weeks' answers themselves.

Each answer is an insert-if-missing (``INSERT ... ON CONFLICT DO NOTHING``) followed by one
``UPDATE ... SET n = n + 1``, as ``rollups`` does for MonthlyScore: the database serialises
concurrent updates of the same row, so two answers at the same moment both count. Every answer
counts, with or without a process or team (key 0): the dashboards show those too.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F

from plus1.tenants.models import Organisation

from .models import Answer, MonthlyTally

# "Het was makkelijk" 4 or 5 counts as easy (the usual top-two-box customer-effort score).
EASY_FROM = 4
SCORES = range(1, 11)
COUNT_FIELDS = (
    "answered",
    *(f"score_{score}" for score in SCORES),
    "effort_count",
    "effort_sum",
    "easy_count",
)


def tally_increments(*, score: int, effort: int | None) -> dict[str, int]:
    """What one answer adds to its tally row."""
    return {
        "answered": 1,
        f"score_{score}": 1,
        "effort_count": 1 if effort is not None else 0,
        "effort_sum": effort or 0,
        "easy_count": 1 if effort is not None and effort >= EASY_FROM else 0,
    }


def count_answer_in_tally(answer: Answer) -> None:
    """Add the answer to the counts of its gemeente, month, process, team and channel."""
    key = {
        "tenant_id": answer.tenant_id,
        "month": answer.answered_on.replace(day=1),
        "process_key": answer.process_id or 0,
        "team_key": answer.team_id or 0,
        "channel": answer.channel,
    }
    MonthlyTally.objects.bulk_create([MonthlyTally(**key)], ignore_conflicts=True)
    increments = tally_increments(score=answer.score, effort=answer.effort)
    MonthlyTally.objects.filter(**key).update(
        **{name: F(name) + value for name, value in increments.items() if value}
    )


def fill_sql(*, vendor: str, where: str = "") -> str:
    """INSERT ... SELECT ... GROUP BY that makes the tally rows from the answers (PostgreSQL or SQLite).

    The migration that adds the table keeps its own copy: a migration must not change with the code.
    """
    month = (
        "date_trunc('month', answered_on)::date"
        if vendor == "postgresql"
        else "date(answered_on, 'start of month')"
    )
    scores = ", ".join(f"SUM(CASE WHEN score = {score} THEN 1 ELSE 0 END)" for score in SCORES)
    return f"""
        INSERT INTO {MonthlyTally._meta.db_table} (tenant_id, month, process_key, team_key, channel,
            {", ".join(COUNT_FIELDS)})
        SELECT tenant_id, {month}, COALESCE(process_id, 0), COALESCE(team_id, 0), channel,
            COUNT(*), {scores}, COUNT(effort), COALESCE(SUM(effort), 0),
            SUM(CASE WHEN effort >= {EASY_FROM} THEN 1 ELSE 0 END)
        FROM {Answer._meta.db_table} {where}
        GROUP BY 1, 2, 3, 4, 5
    """  # noqa: S608 - no user input: table names, column names and numbers only


@transaction.atomic
def rebuild_monthly_tallies(tenant: Organisation | None = None) -> int:
    """Recompute every MonthlyTally (of one gemeente, or of all) from the answers, in one statement.

    For repairs and after a bulk load. Returns the number of rows written.
    """
    kept = MonthlyTally.objects.all()
    where, params = "", []
    if tenant is not None:
        kept = kept.filter(tenant=tenant)
        where, params = "WHERE tenant_id = %s", [tenant.pk]
    kept.delete()
    with connection.cursor() as cursor:
        cursor.execute(fill_sql(vendor=connection.vendor, where=where), params)
        return cursor.rowcount


def add_to_monthly_tallies(answers: Iterable[tuple]) -> int:
    """Add answer rows made by ``bulk`` (its ``ANSWER_COLUMNS`` order) to the tallies.

    The counts are made in memory and merged into the existing rows in one bulk insert and one
    bulk update, as ``bulk.add_to_monthly_scores`` does for MonthlyScore.
    """
    counts: dict[tuple[int, datetime.date, int, int, str], dict[str, int]] = {}
    for row in answers:
        tenant_id, process_id, team_id, channel, score, effort = (
            row[1],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
        )
        key = (tenant_id, row[15].replace(day=1), process_id or 0, team_id or 0, channel)
        values = counts.setdefault(key, dict.fromkeys(COUNT_FIELDS, 0))
        for name, value in tally_increments(score=score, effort=effort).items():
            values[name] += value
    existing = {
        (t.tenant_id, t.month, t.process_key, t.team_key, t.channel): t
        for t in MonthlyTally.objects.filter(tenant_id__in={key[0] for key in counts})
    }
    new, changed = [], []
    for key, values in counts.items():
        tally = existing.get(key)
        if tally is None:
            tenant_id, month, process_key, team_key, channel = key
            new.append(
                MonthlyTally(
                    tenant_id=tenant_id,
                    month=month,
                    process_key=process_key,
                    team_key=team_key,
                    channel=channel,
                    **values,
                )
            )
            continue
        for name, value in values.items():
            setattr(tally, name, getattr(tally, name) + value)
        changed.append(tally)
    MonthlyTally.objects.bulk_create(new, batch_size=1000)
    MonthlyTally.objects.bulk_update(changed, list(COUNT_FIELDS), batch_size=500)
    return len(counts)
