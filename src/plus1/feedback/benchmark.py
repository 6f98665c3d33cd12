"""The benchmark: a gemeente's score per base process beside that of every gemeente running it.

Plus1 runs every gemeente on the same base processes, so it can compare one process across
gemeenten automatically. The rules (issue 19):

- A process is compared only where at least ``MIN_BENCHMARK_GEMEENTEN`` gemeenten each have at
  least ``MIN_BENCHMARK_ANSWERS`` answers in the period; below that a gemeente could be singled
  out, so the page says "Te weinig gemeenten om te vergelijken".
- Each compared gemeente counts once (its own average), so a large city does not outweigh the
  rest: the median and quartiles are those of the gemeenten's averages.
- Other gemeenten are never named, except those that opted in to the public benchmark
  (``FeedbackSettings.is_named_in_benchmark``).

Everything is read from MonthlyScore (sums per gemeente, process and month): about a hundred
thousand rows for 342 gemeenten, 28 processes and a year, whatever the number of answers. The
comparison over all gemeenten is kept for ``KEPT_SECONDS``; a gemeente's own sums are always
read fresh.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db.models import Sum
from django.utils.translation import gettext as _

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.catalog.models import Adoption
from plus1.tenants.models import Organisation

from .constants import MIN_BENCHMARK_ANSWERS, MIN_BENCHMARK_GEMEENTEN
from .models import FeedbackSettings, MonthlyScore
from .selectors import Period, process_names

# How long the comparison over all gemeenten is kept (see ``_comparisons``).
KEPT_SECONDS = 300


@dataclass(frozen=True)
class Spread:
    """Lower quartile, median and upper quartile of the compared gemeenten's values."""

    q1: float
    median: float
    q3: float


def spread(values: list[float]) -> Spread:
    """Quartiles with linear interpolation between the sorted values (as a spreadsheet's QUARTILE)."""
    if len(values) == 1:
        return Spread(values[0], values[0], values[0])
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(round(q1, 2), round(median, 2), round(q3, 2))


@dataclass(frozen=True)
class GemeenteSums:
    """One gemeente's sums for one process over the period."""

    tenant_id: int
    answered: int
    score_sum: int
    lead_time_count: int
    within_norm_count: int

    @property
    def average(self) -> float | None:
        return self.score_sum / self.answered if self.answered else None

    @property
    def within_norm_share(self) -> float | None:
        return 100 * self.within_norm_count / self.lead_time_count if self.lead_time_count else None

    @property
    def is_comparable(self) -> bool:
        return self.answered >= MIN_BENCHMARK_ANSWERS


@dataclass(frozen=True)
class NamedScore:
    """A gemeente that opted in to be named in the benchmark."""

    tenant_id: int
    name: str
    average: float
    answers: int


@dataclass
class ProcessBenchmark:
    process_id: int
    name: str
    gemeenten: int  # gemeenten with at least one answer for the process in the period
    compared: int  # of those, with at least MIN_BENCHMARK_ANSWERS answers
    answers: int  # all gemeenten's answers together
    national_average: float | None  # over all answers (weighted)
    national_within_norm: float | None  # share of all zaken within the norm (%)
    score: Spread | None = None  # None: too few gemeenten
    within_norm: Spread | None = None
    named: list[NamedScore] = field(default_factory=list)
    own: GemeenteSums | None = None

    @property
    def is_comparable(self) -> bool:
        return self.score is not None

    @property
    def own_average(self) -> float | None:
        return round(self.own.average, 2) if self.own and self.own.average is not None else None

    @property
    def own_within_norm(self) -> float | None:
        share = self.own.within_norm_share if self.own else None
        return round(share, 1) if share is not None else None

    @property
    def own_position(self) -> str:
        """Where the gemeente stands among the compared gemeenten, in words."""
        average = self.own_average
        if self.score is None or average is None or not (self.own and self.own.is_comparable):
            return ""
        if average > self.score.q3:
            return _("bij het beste kwart")
        if average >= self.score.median:
            return _("boven de middelste gemeente")
        if average >= self.score.q1:
            return _("onder de middelste gemeente")
        return _("bij het laagste kwart")


def _sums(period: Period) -> dict[int, list[GemeenteSums]]:
    rows = MonthlyScore.objects.filter(month__gte=period.since, month__lte=period.last_month)
    per_process: dict[int, list[GemeenteSums]] = defaultdict(list)
    for row in (
        rows.values("process_id", "tenant_id")
        .annotate(
            answered_sum=Sum("answered"),
            score_total=Sum("score_sum"),
            lead_total=Sum("lead_time_count"),
            within_total=Sum("within_norm_count"),
        )
        .order_by()
    ):
        per_process[row["process_id"]].append(
            GemeenteSums(
                tenant_id=row["tenant_id"],
                answered=row["answered_sum"] or 0,
                score_sum=row["score_total"] or 0,
                lead_time_count=row["lead_total"] or 0,
                within_norm_count=row["within_total"] or 0,
            )
        )
    return per_process


def _named_gemeenten() -> dict[int, str]:
    return dict(
        FeedbackSettings.objects.filter(is_named_in_benchmark=True).values_list("tenant_id", "tenant__name")
    )


def _compare(process_id: int, sums: list[GemeenteSums], named: dict[int, str]) -> ProcessBenchmark:
    answered = sum(s.answered for s in sums)
    lead = sum(s.lead_time_count for s in sums)
    comparable = [s for s in sums if s.is_comparable]
    benchmark = ProcessBenchmark(
        process_id=process_id,
        name="",
        gemeenten=sum(1 for s in sums if s.answered),
        compared=len(comparable),
        answers=answered,
        national_average=round(sum(s.score_sum for s in sums) / answered, 2) if answered else None,
        national_within_norm=round(100 * sum(s.within_norm_count for s in sums) / lead, 1) if lead else None,
    )
    if len(comparable) >= MIN_BENCHMARK_GEMEENTEN:
        benchmark.score = spread([s.average for s in comparable])
        shares = [s.within_norm_share for s in comparable if s.within_norm_share is not None]
        if len(shares) >= MIN_BENCHMARK_GEMEENTEN:
            benchmark.within_norm = spread(shares)
        benchmark.named = sorted(
            (
                NamedScore(
                    tenant_id=s.tenant_id,
                    name=named[s.tenant_id],
                    average=round(s.average, 2),
                    answers=s.answered,
                )
                for s in comparable
                if s.tenant_id in named
            ),
            key=lambda n: (-n.average, n.name),
        )
    return benchmark


def _comparisons(period: Period) -> dict[int, ProcessBenchmark]:
    """Every process's figures over all gemeenten (without an own gemeente), kept a few minutes.

    The sums change with every answer, but a benchmark over months does not move in minutes;
    keeping the result makes the page one small query for the gemeente's own sums.
    """
    key = f"feedback-benchmark:{period.since.isoformat()}:{period.last_month.isoformat()}"
    comparisons = cache.get(key)
    if comparisons is None:
        named = _named_gemeenten()
        comparisons = {
            process_id: _compare(process_id, sums, named) for process_id, sums in _sums(period).items()
        }
        cache.set(key, comparisons, KEPT_SECONDS)
    return comparisons


def benchmark_for_gemeente(*, tenant: Organisation, period: Period) -> list[ProcessBenchmark]:
    """Per base process the gemeente runs (or has answers for): its figures beside all gemeenten's.

    The gemeente's own sums are read fresh (one query over its own MonthlyScore rows); the
    comparison over all gemeenten may be a few minutes old (``KEPT_SECONDS``).
    """
    own = {
        row["process_id"]: GemeenteSums(
            tenant_id=tenant.pk,
            answered=row["answered_sum"] or 0,
            score_sum=row["score_total"] or 0,
            lead_time_count=row["lead_total"] or 0,
            within_norm_count=row["within_total"] or 0,
        )
        for row in MonthlyScore.objects.for_tenant(tenant)
        .filter(month__gte=period.since, month__lte=period.last_month)
        .values("process_id")
        .annotate(
            answered_sum=Sum("answered"),
            score_total=Sum("score_sum"),
            lead_total=Sum("lead_time_count"),
            within_total=Sum("within_norm_count"),
        )
        .order_by()
    }
    process_ids = set(Adoption.objects.for_tenant(tenant).values_list("process_id", flat=True)) | set(own)
    comparisons = _comparisons(period)
    names = process_names(process_ids)
    benchmarks = []
    for process_id in process_ids:
        compared = comparisons.get(process_id) or _compare(process_id, [], {})
        named = [n for n in compared.named if n.tenant_id != tenant.pk]
        benchmarks.append(
            replace(compared, name=names.get(process_id, ""), own=own.get(process_id), named=named)
        )
    return sorted(benchmarks, key=lambda b: b.name.lower())


def national_benchmark(*, period: Period) -> list[ProcessBenchmark]:
    """Every base process with answers in the period, over all gemeenten: the collective's view.

    No gemeente is named unless it opted in, here too.
    """
    comparisons = _comparisons(period)
    names = process_names(comparisons.keys())
    benchmarks = [replace(compared, name=names.get(pk, "")) for pk, compared in comparisons.items()]
    return sorted(benchmarks, key=lambda b: b.name.lower())


def national_view_organisation(user) -> Organisation | None:
    """The collective, when ``user`` is one of its catalog managers: they see the national view.

    The catalog managers keep the base processes of every gemeente, so they see every
    gemeente's figures per process, still without names (except opted-in gemeenten).
    """
    for organisation in organisations_for_user(user, roles=[Role.CATALOG_MANAGER]):
        if organisation.is_collective:
            return organisation
    return None
