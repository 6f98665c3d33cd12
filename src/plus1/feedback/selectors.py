"""Klantwaardering figures of one gemeente: how many answered, the scores, the ease, the response.

The dashboard reads a gemeente's answers over a period (whole months, the last twelve by
default), optionally for one base process, team or channel. Every figure is an aggregate
computed in the database over the ``(tenant, answered_on)`` index, a handful of queries per
page whatever the number of answers, so a gemeente's year stays fast among millions of answers.
An aggregate carries no name or BSN: answers hold none, and nothing here reads a zaak.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from plus1.accounts.models import Team
from plus1.catalog.constants import PublicationStatus
from plus1.catalog.models import Adoption, Process, ZaakType
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import Channel
from .models import Answer, Invitation, MonthlyScore

DEFAULT_MONTHS = 12
PERIOD_MONTHS = (3, 6, 12, 24)
# The weekly trend shows the last quarter: a year of weeks is too many bars to read.
TREND_WEEKS = 13
# "Het was makkelijk" 4 or 5 counts as easy (the usual top-two-box customer-effort score).
EASY_FROM = 4
SCORES = range(1, 11)


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after (or before) ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_label(month: datetime.date) -> str:
    return formats.date_format(month, "F Y")


def week_label(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return _("week %(week)s, %(year)s") % {"week": week, "year": year}


@dataclass(frozen=True)
class Period:
    """Whole months up to and including today's: the months MonthlyScore sums over too."""

    since: datetime.date
    until: datetime.date
    months: int

    @property
    def last_month(self) -> datetime.date:
        return first_of_month(self.until)

    def month_starts(self) -> list[datetime.date]:
        return [add_months(self.since, offset) for offset in range(self.months)]

    @property
    def label(self) -> str:
        return _("%(first)s tot en met %(last)s") % {
            "first": month_label(self.since),
            "last": formats.date_format(self.until, "j F Y"),
        }


def period_of(*, months: int = DEFAULT_MONTHS, today: datetime.date | None = None) -> Period:
    """The last ``months`` months, this month included (which runs until today)."""
    today = today or clock.today()
    return Period(since=add_months(first_of_month(today), -(months - 1)), until=today, months=months)


@dataclass(frozen=True)
class Scope:
    """Which answers a figure covers: a gemeente over a period, optionally narrowed down."""

    tenant: Organisation
    period: Period
    process: Process | None = None
    team: Team | None = None
    channel: str = ""

    @property
    def is_narrowed_below_process(self) -> bool:
        """Team and channel are not in MonthlyScore: the response then comes from the rows."""
        return self.team is not None or bool(self.channel)


def answers_in(scope: Scope) -> QuerySet[Answer]:
    """The answers a scope covers (the gemeente's own only)."""
    answers = Answer.objects.for_tenant(scope.tenant).filter(
        answered_on__gte=scope.period.since, answered_on__lte=scope.period.until
    )
    if scope.process is not None:
        answers = answers.filter(process=scope.process)
    if scope.team is not None:
        answers = answers.filter(team=scope.team)
    if scope.channel:
        answers = answers.filter(channel=scope.channel)
    return answers


def _invitations_in(scope: Scope) -> QuerySet[Invitation]:
    start = timezone.make_aware(datetime.datetime.combine(scope.period.since, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(scope.period.until + datetime.timedelta(days=1), datetime.time.min)
    )
    invitations = Invitation.objects.for_tenant(scope.tenant).filter(
        created_at__gte=start, created_at__lt=end
    )
    if scope.process is not None:
        invitations = invitations.filter(process=scope.process)
    if scope.team is not None:
        invitations = invitations.filter(team=scope.team)
    if scope.channel:
        invitations = invitations.filter(channel=scope.channel)
    return invitations


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _rounded(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def _figures() -> dict:
    """The aggregates of a group of answers, as ``annotate``/``aggregate`` arguments."""
    return {
        "answers": Count("pk"),
        "average": Avg("score"),
        "effort_answers": Count("effort"),
        "effort_average": Avg("effort"),
        "easy": Count("pk", filter=Q(effort__gte=EASY_FROM)),
    }


@dataclass(frozen=True)
class Figures:
    """Answers, average score and customer-effort score of a group of answers."""

    label: str
    answers: int
    average: float | None
    effort_answers: int
    effort_average: float | None
    easy_share: float | None
    key: str = ""

    @classmethod
    def of(cls, row: dict, *, label: str, key: str = "") -> Figures:
        return cls(
            label=label,
            key=key,
            answers=row["answers"] or 0,
            average=_rounded(row["average"]),
            effort_answers=row["effort_answers"] or 0,
            effort_average=_rounded(row["effort_average"]),
            easy_share=_share(row["easy"] or 0, row["effort_answers"] or 0),
        )


@dataclass(frozen=True)
class Response:
    """How many of the invited answered. ``source`` says where the figures come from."""

    invited: int
    answered: int
    rate: float | None
    source: str  # "monthly" (MonthlyScore sums) or "rows" (invitations and answers counted)


@dataclass(frozen=True)
class Summary:
    totals: Figures
    distribution: list[tuple[int, int, float | None]]  # score, answers, share of all answers (%)
    response: Response


def summary(scope: Scope) -> Summary:
    """Count the answers, average score, distribution 1-10 and customer-effort score; and the response.

    One query over the answers (conditional counts for the distribution) and one for the
    response. The response is the share of invitations answered in the period: from the
    MonthlyScore sums when the scope is a whole gemeente or process (contact moments without a
    product are not in those sums), from the invitations themselves for one team or channel.
    """
    row = answers_in(scope).aggregate(
        **_figures(), **{f"score_{score}": Count("pk", filter=Q(score=score)) for score in SCORES}
    )
    totals = Figures.of(row, label=_("Totaal"))
    distribution = [
        (score, row[f"score_{score}"], _share(row[f"score_{score}"], totals.answers)) for score in SCORES
    ]
    return Summary(totals=totals, distribution=distribution, response=response(scope, answers=totals.answers))


def response(scope: Scope, *, answers: int) -> Response:
    """The response rate of a scope (see ``summary``); ``answers`` are those counted in the scope."""
    if scope.is_narrowed_below_process:
        invited = _invitations_in(scope).count()
        return Response(invited=invited, answered=answers, rate=_share(answers, invited), source="rows")
    sums = MonthlyScore.objects.for_tenant(scope.tenant).filter(
        month__gte=scope.period.since, month__lte=scope.period.last_month
    )
    if scope.process is not None:
        sums = sums.filter(process=scope.process)
    row = sums.aggregate(invited=Sum("invited"), answered=Sum("answered"))
    invited, answered = row["invited"] or 0, row["answered"] or 0
    return Response(invited=invited, answered=answered, rate=_share(answered, invited), source="monthly")


@dataclass(frozen=True)
class TrendPoint:
    start: datetime.date
    figures: Figures

    @property
    def label(self) -> str:
        return self.figures.label


def trend_per_month(scope: Scope) -> list[TrendPoint]:
    """Every month of the period (months without answers too), oldest first."""
    rows = {
        row["month"]: row
        for row in answers_in(scope)
        .annotate(month=TruncMonth("answered_on"))
        .values("month")
        .annotate(**_figures())
        .order_by()
    }
    empty = {"answers": 0, "average": None, "effort_answers": 0, "effort_average": None, "easy": 0}
    return [
        TrendPoint(start=month, figures=Figures.of(rows.get(month, empty), label=month_label(month)))
        for month in scope.period.month_starts()
    ]


def trend_per_week(scope: Scope, *, weeks: int = TREND_WEEKS) -> list[TrendPoint]:
    """The last ``weeks`` weeks (Monday to Sunday) of the period, oldest first."""
    last_monday = scope.period.until - datetime.timedelta(days=scope.period.until.weekday())
    mondays = [last_monday - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    mondays = [monday for monday in mondays if monday + datetime.timedelta(days=6) >= scope.period.since]
    if not mondays:
        return []
    rows = {
        row["week"]: row
        for row in answers_in(scope)
        .filter(answered_on__gte=mondays[0])
        .annotate(week=TruncWeek("answered_on"))
        .values("week")
        .annotate(**_figures())
        .order_by()
    }
    empty = {"answers": 0, "average": None, "effort_answers": 0, "effort_average": None, "easy": 0}
    return [
        TrendPoint(start=monday, figures=Figures.of(rows.get(monday, empty), label=week_label(monday)))
        for monday in mondays
    ]


def per_process(scope: Scope) -> list[Figures]:
    """The figures of each base process in the scope, most answers first."""
    rows = list(answers_in(scope).values("process").annotate(**_figures()).order_by("-answers"))
    names = process_names([row["process"] for row in rows if row["process"]])
    return [
        Figures.of(
            row,
            label=names.get(row["process"], "") if row["process"] else _("Geen product (contactmoment)"),
            key=str(row["process"] or ""),
        )
        for row in rows
    ]


def per_channel(scope: Scope) -> list[Figures]:
    """The figures of each channel in the scope, most answers first."""
    labels = dict(Channel.choices)
    rows = answers_in(scope).values("channel").annotate(**_figures()).order_by("-answers")
    return [
        Figures.of(row, label=str(labels.get(row["channel"], row["channel"])), key=row["channel"])
        for row in rows
    ]


def per_team(scope: Scope) -> list[Figures]:
    """The figures of each team in the scope, most answers first."""
    rows = list(answers_in(scope).values("team", "team__name").annotate(**_figures()).order_by("-answers"))
    return [
        Figures.of(row, label=row["team__name"] or _("Geen team"), key=str(row["team"] or "")) for row in rows
    ]


def process_names(process_ids: Iterable[int]) -> dict[int, str]:
    """The name of each process: its newest published version's omschrijving (else its identificatie)."""
    ids = set(process_ids)
    if not ids:
        return {}
    names: dict[int, str] = {}
    versions = (
        ZaakType.objects.filter(process_id__in=ids, status=PublicationStatus.PUBLISHED)
        .order_by("process_id", "-version")
        .values_list("process_id", "omschrijving")
    )
    for process_id, omschrijving in versions:
        names.setdefault(process_id, omschrijving)
    for process_id, identificatie in Process.objects.filter(pk__in=ids - names.keys()).values_list(
        "pk", "identificatie"
    ):
        names[process_id] = identificatie
    return names


def processes_for_gemeente(tenant: Organisation) -> list[tuple[Process, str]]:
    """The base processes the gemeente runs, with their names, by name: the filter's choices."""
    adoptions = Adoption.objects.for_tenant(tenant).select_related("process", "zaaktype")
    return sorted(((a.process, a.zaaktype.omschrijving) for a in adoptions), key=lambda pair: pair[1].lower())


@dataclass
class Dashboard:
    scope: Scope
    summary: Summary
    months: list[TrendPoint]
    weeks: list[TrendPoint]
    processes: list[Figures] = field(default_factory=list)
    channels: list[Figures] = field(default_factory=list)
    teams: list[Figures] = field(default_factory=list)


def dashboard(scope: Scope) -> Dashboard:
    """Every figure of the Klantwaardering dashboard of one scope (eight short aggregate queries)."""
    return Dashboard(
        scope=scope,
        summary=summary(scope),
        months=trend_per_month(scope),
        weeks=trend_per_week(scope),
        processes=per_process(scope) if scope.process is None else [],
        channels=per_channel(scope) if not scope.channel else [],
        teams=per_team(scope) if scope.team is None else [],
    )
