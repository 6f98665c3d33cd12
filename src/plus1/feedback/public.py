"""The public score on a product page: "Zo waarderen inwoners ons"."""

from __future__ import annotations

from django.db.models import Sum

from plus1.catalog.models import Process
from plus1.tenants.models import Organisation

from .constants import MIN_BENCHMARK_ANSWERS
from .models import FeedbackSettings, MonthlyScore
from .selectors import period_of


def public_score(*, tenant: Organisation, process: Process) -> dict | None:
    """Return the average score of the last twelve months of one process, for residents to see.

    Only when the gemeente switched it on (``FeedbackSettings.shows_public_score``) and at least
    ``MIN_BENCHMARK_ANSWERS`` residents answered: a score of a handful of answers says little
    and could point at a person. Read from MonthlyScore: two small queries.
    """
    if not FeedbackSettings.objects.for_tenant(tenant).filter(shows_public_score=True).exists():
        return None
    period = period_of()
    row = (
        MonthlyScore.objects.for_tenant(tenant)
        .filter(process=process, month__gte=period.since, month__lte=period.last_month)
        .aggregate(answered=Sum("answered"), score_sum=Sum("score_sum"))
    )
    answered = row["answered"] or 0
    if answered < MIN_BENCHMARK_ANSWERS:
        return None
    return {
        "average": round(row["score_sum"] / answered, 1),
        "answers": answered,
        "since": period.since,
        "until": period.until,
        "period": period.label,
    }
