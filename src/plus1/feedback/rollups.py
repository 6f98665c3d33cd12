"""MonthlyScore: sums per gemeente, base process and month, kept up to date as work happens.

The benchmark compares hundreds of gemeenten over millions of answers; it reads these sums.
Each change is an insert-if-missing (``INSERT ... ON CONFLICT DO NOTHING``) followed by one
``UPDATE ... SET n = n + 1``: the database serialises concurrent updates of the same row, so two
answers at the same moment both count, on PostgreSQL and on SQLite alike.

An invitation counts in the month it was made, an answer in the month it was given. A contact
moment without a process has no row (MonthlyScore is per process); it still counts on the
dashboards, which read the MonthlyTally counts (``tallies``: every answer) and the recent answers.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from plus1.tenants.models import Organisation

from .models import Answer, Invitation, MonthlyScore
from .tallies import count_answer_in_tally, rebuild_monthly_tallies

SUM_FIELDS = (
    "answered",
    "score_sum",
    "effort_count",
    "effort_sum",
    "lead_time_count",
    "within_norm_count",
)


def month_of(day: datetime.date) -> datetime.date:
    """The first day of the month ``day`` falls in: the key of a MonthlyScore."""
    return day.replace(day=1)


def _add(*, tenant_id: int, process_id: int, month: datetime.date, **increments: int) -> None:
    MonthlyScore.objects.bulk_create(
        [MonthlyScore(tenant_id=tenant_id, process_id=process_id, month=month)], ignore_conflicts=True
    )
    MonthlyScore.objects.filter(tenant_id=tenant_id, process_id=process_id, month=month).update(
        **{name: F(name) + value for name, value in increments.items() if value}
    )


def count_invitation(invitation: Invitation) -> None:
    """Add one to ``invited`` of the invitation's gemeente, process and month."""
    if invitation.process_id is None:
        return
    _add(
        tenant_id=invitation.tenant_id,
        process_id=invitation.process_id,
        month=month_of(timezone.localdate(invitation.created_at)),
        invited=1,
    )


def answer_increments(answer: Answer) -> dict[str, int]:
    """What one answer adds to its month's sums."""
    return {
        "answered": 1,
        "score_sum": answer.score,
        "effort_count": 1 if answer.effort is not None else 0,
        "effort_sum": answer.effort or 0,
        "lead_time_count": 1 if answer.lead_time_days is not None else 0,
        "within_norm_count": 1 if answer.within_norm else 0,
    }


def count_answer(answer: Answer) -> None:
    """Add the answer to the sums of its gemeente, process and month, and to its MonthlyTally."""
    count_answer_in_tally(answer)
    if answer.process_id is None:
        return
    _add(
        tenant_id=answer.tenant_id,
        process_id=answer.process_id,
        month=month_of(answer.answered_on),
        **answer_increments(answer),
    )


@transaction.atomic
def rebuild_monthly_scores(tenant: Organisation | None = None) -> int:
    """Recompute every MonthlyScore (of one gemeente, or of all) from the answers and invitations.

    For repairs and after a bulk load (the demo). Invitations are deleted some time after they
    expire (``tasks.remove_answer_links``), so for a month whose invitations are gone the count
    already kept is not lowered. The MonthlyTally counts are rebuilt too. Returns the number of
    MonthlyScore rows written.
    """
    rebuild_monthly_tallies(tenant)
    answers = Answer.objects.filter(process__isnull=False)
    invitations = Invitation.objects.filter(process__isnull=False)
    kept = MonthlyScore.objects.all()
    if tenant is not None:
        answers, invitations, kept = (qs.filter(tenant=tenant) for qs in (answers, invitations, kept))
    rows: dict[tuple[int, int, datetime.date], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(("invited", *SUM_FIELDS), 0)
    )
    answer_sums = (
        answers.annotate(month=TruncMonth("answered_on"))
        .values("tenant_id", "process_id", "month")
        .annotate(
            answered=Count("id"),
            score_sum=Sum("score"),
            effort_count=Count("id", filter=Q(effort__isnull=False)),
            effort_sum=Sum("effort", default=0),
            lead_time_count=Count("id", filter=Q(lead_time_days__isnull=False)),
            within_norm_count=Count("id", filter=Q(within_norm=True)),
        )
        .order_by()
    )
    for row in answer_sums:
        rows[(row["tenant_id"], row["process_id"], _as_date(row["month"]))].update(
            {name: row[name] or 0 for name in SUM_FIELDS}
        )
    invited = (
        invitations.annotate(month=TruncMonth("created_at"))
        .values("tenant_id", "process_id", "month")
        .annotate(invited=Count("id"))
        .order_by()
    )
    for row in invited:
        rows[(row["tenant_id"], row["process_id"], _as_date(row["month"]))]["invited"] = row["invited"]
    earlier_invited = {
        (row.tenant_id, row.process_id, row.month): row.invited
        for row in kept.only("tenant_id", "process_id", "month", "invited")
    }
    for key, invited_before in earlier_invited.items():
        rows[key]["invited"] = max(rows[key]["invited"], invited_before)
    kept.delete()
    MonthlyScore.objects.bulk_create(
        [
            MonthlyScore(tenant_id=tenant_id, process_id=process_id, month=month, **values)
            for (tenant_id, process_id, month), values in rows.items()
        ],
        batch_size=1000,
    )
    return len(rows)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value
