"""Reads of the query log: which questions fail, per gemeente and in total."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet

from plus1.tenants.models import Organisation

from .constants import Outcome
from .models import SearchQuery

# A question "fails" when the resident got nothing, opened none of the products shown, or
# left a clarifying question without choosing. "Elsewhere" is an answer, not a failure.
NO_ANSWER = Q(outcome=Outcome.NO_ANSWER)
NO_CLICK = Q(outcome=Outcome.PRODUCTS, chosen_product__isnull=True)
CLARIFY_LEFT = Q(outcome=Outcome.CLARIFY, clarify_choice="", chosen_product__isnull=True)
FAILING = NO_ANSWER | NO_CLICK | CLARIFY_LEFT


@dataclass(frozen=True)
class FailingQuestion:
    query: str
    asked: int
    failing: int
    no_answer: int
    no_click: int
    clarify_left: int
    gemeenten: int
    last_asked_on: datetime.date
    shown: tuple[str, ...]

    @property
    def failing_percentage(self) -> int:
        return round(100 * self.failing / self.asked) if self.asked else 0


@dataclass(frozen=True)
class GemeenteFigures:
    gemeente: Organisation | None  # None: all gemeenten together
    asked: int
    failing: int

    @property
    def failing_percentage(self) -> int:
        return round(100 * self.failing / self.asked) if self.asked else 0


def _questions(*, gemeente: Organisation | None, since: datetime.date) -> QuerySet[SearchQuery]:
    questions = SearchQuery.objects.all() if gemeente is None else SearchQuery.objects.for_tenant(gemeente)
    # Questions asked by following a clarifying choice are ours, not the resident's words.
    return questions.filter(asked_on__gte=since, is_from_clarify=False)


def failing_questions(
    *, gemeente: Organisation | None, since: datetime.date, limit: int = 50
) -> list[FailingQuestion]:
    """The questions that failed most often since ``since``, most failures first.

    ``gemeente=None`` is the collective's view over all gemeenten together. Each question
    comes with what the portal showed the last time it was asked, to see where it went wrong.
    """
    questions = _questions(gemeente=gemeente, since=since)
    rows = list(
        questions.values("query")
        .annotate(
            asked=Count("id"),
            failing=Count("id", filter=FAILING),
            no_answer=Count("id", filter=NO_ANSWER),
            no_click=Count("id", filter=NO_CLICK),
            clarify_left=Count("id", filter=CLARIFY_LEFT),
            gemeenten=Count("tenant", distinct=True),
            last_asked_on=Max("asked_on"),
        )
        .filter(failing__gt=0)
        .order_by("-failing", "-asked", "query")[:limit]
    )
    last_shown: dict[str, list[str]] = {}
    latest = questions.filter(query__in=[row["query"] for row in rows]).order_by("-asked_on", "-id")
    for query, shown in latest.values_list("query", "shown").iterator(chunk_size=200):
        last_shown.setdefault(query, shown)
        if len(last_shown) == len(rows):
            break
    return [FailingQuestion(**row, shown=tuple(last_shown.get(row["query"], ()))) for row in rows]


def figures_per_gemeente(*, since: datetime.date) -> list[GemeenteFigures]:
    """Per gemeente with questions since ``since``: how many were asked and how many failed."""
    rows = (
        SearchQuery.objects.filter(asked_on__gte=since, is_from_clarify=False)
        .values("tenant")
        .annotate(asked=Count("id"), failing=Count("id", filter=FAILING))
    )
    figures = {row["tenant"]: row for row in rows}
    gemeenten = Organisation.objects.gemeenten().filter(pk__in=figures).order_by("name")
    return [
        GemeenteFigures(gemeente=g, asked=figures[g.pk]["asked"], failing=figures[g.pk]["failing"])
        for g in gemeenten
    ]


def total_figures(per_gemeente: list[GemeenteFigures]) -> GemeenteFigures:
    """All gemeenten together."""
    return GemeenteFigures(
        gemeente=None,
        asked=sum(f.asked for f in per_gemeente),
        failing=sum(f.failing for f in per_gemeente),
    )


def gemeenten_with_questions() -> QuerySet[Organisation]:
    """The gemeenten that have questions in the log, for the overview's filter."""
    return (
        Organisation.objects.gemeenten()
        .filter(pk__in=SearchQuery.objects.values("tenant").distinct())
        .order_by("name")
    )
