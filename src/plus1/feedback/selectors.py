"""Klantwaardering figures of one gemeente: how many answered, the scores, the ease, the response.

The dashboard covers a gemeente's answers over a period (whole months, the last twelve by
default), optionally for one base process, team or channel. The months that have ended come
from the MonthlyTally counts (``tallies``: a few thousand rows for a large gemeente's year); only
the running month and the weeks of the weekly trend are read from the answers themselves, over
the covering ``(tenant, answered_on)`` index. A handful of queries per page whatever the number
of answers, so a gemeente's year stays fast among millions of answers.
An aggregate carries no name or BSN: answers hold none, and nothing here reads a zaak.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from plus1.accounts.models import Team
from plus1.catalog.constants import PublicationStatus
from plus1.catalog.models import Adoption, Process, ZaakType
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import Channel
from .models import Answer, Invitation, MonthlyScore, MonthlyTally
from .tallies import EASY_FROM, SCORES

DEFAULT_MONTHS = 12
PERIOD_MONTHS = (3, 6, 12, 24)
# The weekly trend shows the last quarter: a year of weeks is too many bars to read.
TREND_WEEKS = 13


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
    def running_month(self) -> datetime.date | None:
        """The first day of the last month when it has not ended by ``until``: read from the answers."""
        return (
            None
            if add_months(self.last_month, 1) - datetime.timedelta(days=1) <= self.until
            else self.last_month
        )

    def whole_months(self) -> list[datetime.date]:
        """The months that have ended by ``until``: read from the MonthlyTally counts."""
        return [month for month in self.month_starts() if month != self.running_month]

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


def _sums() -> dict:
    """The sums of a group of answers, as ``annotate`` arguments: they add up across groups.

    Counted over ``score`` (never empty), not the id: every column read is then in the
    covering index on (tenant, answered_on), and PostgreSQL answers from the index alone.
    """
    return {
        "answers": Count("score"),
        "score_sum": Sum("score"),
        "effort_answers": Count("effort"),
        "effort_sum": Sum("effort"),
        "easy": Count("score", filter=Q(effort__gte=EASY_FROM)),
    }


@dataclass
class Tally:
    """Sums of answers that add up: a month's, a process's, the whole scope's."""

    answers: int = 0
    score_sum: int = 0
    effort_answers: int = 0
    effort_sum: int = 0
    easy: int = 0
    scores: list[int] = field(default_factory=lambda: [0] * len(SCORES))

    def add(self, row: dict) -> None:
        self.answers += row["answers"] or 0
        self.score_sum += row["score_sum"] or 0
        self.effort_answers += row["effort_answers"] or 0
        self.effort_sum += row["effort_sum"] or 0
        self.easy += row["easy"] or 0
        if "score_1" in row:
            for index, score in enumerate(SCORES):
                self.scores[index] += row[f"score_{score}"] or 0

    def figures(self, label: str, key: str = "") -> Figures:
        return Figures(
            label=label,
            key=key,
            answers=self.answers,
            average=_rounded(self.score_sum / self.answers if self.answers else None),
            effort_answers=self.effort_answers,
            effort_average=_rounded(self.effort_sum / self.effort_answers if self.effort_answers else None),
            easy_share=_share(self.easy, self.effort_answers),
        )


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


@dataclass
class _Counts:
    """A scope's sums per month (all of the period), per day (the running month and the weekly
    trend's weeks) and, when asked for, per process, team and channel."""

    months: dict[datetime.date, Tally] = field(default_factory=dict)
    days: dict[datetime.date, Tally] = field(default_factory=dict)
    processes: dict[int | None, Tally] = field(default_factory=dict)
    teams: dict[int | None, Tally] = field(default_factory=dict)
    channels: dict[str, Tally] = field(default_factory=dict)

    def add_to_breakdowns(self, *, process: int | None, team: int | None, channel: str, tally: Tally) -> None:
        self.processes[process] = _total({0: tally}, into=self.processes.get(process))
        self.teams[team] = _total({0: tally}, into=self.teams.get(team))
        self.channels[channel] = _total({0: tally}, into=self.channels.get(channel))


def _counts(scope: Scope, *, weeks: int = 0, breakdowns: bool = False) -> _Counts:
    """The scope's sums: ended months from MonthlyTally, the running month and ``weeks`` weeks
    from the answers (at most a quarter of the rows), so a year costs no more than a quarter."""
    counts = _Counts()
    whole = scope.period.whole_months()
    if whole:
        _add_tallies(scope, counts, whole, breakdowns=breakdowns)
    running = scope.period.running_month
    starts = [running] if running else []
    if weeks:
        starts.append(_monday(scope.period.until) - datetime.timedelta(weeks=weeks - 1))
    if starts:
        counts.days = _per_day(scope, since=max(scope.period.since, min(starts)))
    if running:
        counts.months[running] = _total({day: tally for day, tally in counts.days.items() if day >= running})
        if breakdowns:
            _add_breakdowns(scope, counts, since=running)
    return counts


TALLY_COUNTS = (
    "answered",
    *(f"score_{score}" for score in SCORES),
    "effort_count",
    "effort_sum",
    "easy_count",
)


def _add_tallies(scope: Scope, counts: _Counts, months: list[datetime.date], *, breakdowns: bool) -> None:
    """Add the MonthlyTally rows of ``months`` up per month (and per process, team and channel).

    A large gemeente's year is about a thousand rows, summed in the database: per month, and per
    process, team and channel together (a few dozen rows), split up in Python.
    """
    rows = MonthlyTally.objects.for_tenant(scope.tenant).filter(month__gte=months[0], month__lte=months[-1])
    if scope.process is not None:
        rows = rows.filter(process_key=scope.process.pk)
    if scope.team is not None:
        rows = rows.filter(team_key=scope.team.pk)
    if scope.channel:
        rows = rows.filter(channel=scope.channel)
    groupings = [(("month",), counts.months)]
    if breakdowns:
        groupings.append((("process_key", "team_key", "channel"), {}))
    sums = {f"sum_{name}": Sum(name) for name in TALLY_COUNTS}
    for fields, target in groupings:
        for row in rows.values(*fields).annotate(**sums).values_list(*fields, *sums).order_by():
            key, (answered, *scores, effort_count, effort_sum, easy) = row[: len(fields)], row[len(fields) :]
            score_sum = sum(score * count for score, count in zip(SCORES, scores, strict=True))
            target[key if len(key) > 1 else key[0]] = Tally(
                answered, score_sum, effort_count, effort_sum, easy, scores
            )
    if breakdowns:
        for (process, team, channel), tally in groupings[1][1].items():
            counts.add_to_breakdowns(process=process or None, team=team or None, channel=channel, tally=tally)


def _add_breakdowns(scope: Scope, counts: _Counts, *, since: datetime.date) -> None:
    """The answers from ``since`` summed per process, team and channel: one query grouped by the
    three together, split up in Python."""
    answers = answers_in(scope).filter(answered_on__gte=since)
    for row in answers.values("process", "team", "channel").annotate(**_sums()).order_by():
        tally = Tally()
        tally.add(row)
        counts.add_to_breakdowns(
            process=row["process"], team=row["team"], channel=row["channel"], tally=tally
        )


def _per_day(scope: Scope, *, since: datetime.date) -> dict[datetime.date, Tally]:
    """Sums per day from ``since`` with the scores 1-10 counted apart: the running month and the
    weeks add these up. Grouping by the stored date spares the database a date truncation per answer.
    """
    tallies: dict[datetime.date, Tally] = {}
    rows = (
        answers_in(scope)
        .filter(answered_on__gte=since)
        .values("answered_on")
        .annotate(**_sums(), **{f"score_{score}": Count("score", filter=Q(score=score)) for score in SCORES})
        .order_by()
    )
    for row in rows:
        tallies.setdefault(row["answered_on"], Tally()).add(row)
    return tallies


def _fold(days: dict[datetime.date, Tally], start_of) -> dict[datetime.date, Tally]:
    """Add the days up per month or week (``start_of`` gives a day's month or week start)."""
    folded: dict[datetime.date, Tally] = {}
    for day, tally in days.items():
        folded[start_of(day)] = _total({day: tally}, into=folded.get(start_of(day)))
    return folded


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _total(tallies: dict[datetime.date, Tally], *, into: Tally | None = None) -> Tally:
    total = into or Tally()
    for tally in tallies.values():
        total.answers += tally.answers
        total.score_sum += tally.score_sum
        total.effort_answers += tally.effort_answers
        total.effort_sum += tally.effort_sum
        total.easy += tally.easy
        total.scores = [a + b for a, b in zip(total.scores, tally.scores, strict=True)]
    return total


def _summary(scope: Scope, total: Tally) -> Summary:
    distribution = [
        (score, count, _share(count, total.answers))
        for score, count in zip(SCORES, total.scores, strict=True)
    ]
    return Summary(
        totals=total.figures(_("Totaal")),
        distribution=distribution,
        response=response(scope, answers=total.answers),
    )


def summary(scope: Scope) -> Summary:
    """Count the answers, average score, distribution 1-10 and customer-effort score; and the response.

    The response is the share of invitations answered in the period: from the MonthlyScore
    sums when the scope is a whole gemeente or process (contact moments without a product are
    not in those sums), from the invitations themselves for one team or channel.
    """
    return _summary(scope, _total(_counts(scope).months))


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


def _months(scope: Scope, months: dict[datetime.date, Tally]) -> list[TrendPoint]:
    return [
        TrendPoint(start=month, figures=months.get(month, Tally()).figures(month_label(month)))
        for month in scope.period.month_starts()
    ]


def trend_per_month(scope: Scope) -> list[TrendPoint]:
    """Every month of the period (months without answers too), oldest first."""
    return _months(scope, _counts(scope).months)


def trend_per_week(scope: Scope, *, weeks: int = TREND_WEEKS) -> list[TrendPoint]:
    """The last ``weeks`` weeks (Monday to Sunday) of the period, oldest first."""
    return _weeks(scope, _fold(_counts(scope, weeks=weeks).days, _monday), weeks=weeks)


def _weeks(
    scope: Scope, per_week: dict[datetime.date, Tally], *, weeks: int = TREND_WEEKS
) -> list[TrendPoint]:
    last_monday = _monday(scope.period.until)
    mondays = [last_monday - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    # A week that began before the period shows only the days inside it.
    mondays = [monday for monday in mondays if monday + datetime.timedelta(days=6) >= scope.period.since]
    return [
        TrendPoint(start=monday, figures=per_week.get(monday, Tally()).figures(week_label(monday)))
        for monday in mondays
    ]


def _by_answers(figures: list[Figures]) -> list[Figures]:
    return sorted(figures, key=lambda f: (-f.answers, f.label.lower()))


def _gone_as_none(tallies: dict[int | None, Tally], known: Iterable[int]) -> dict[int | None, Tally]:
    """A deleted process or team is None on its answers (SET_NULL) but kept as a key in the tallies:
    count those under None, as the answers do."""
    known = set(known)
    merged: dict[int | None, Tally] = {}
    for pk, tally in tallies.items():
        key = pk if pk in known else None
        merged[key] = _total({0: tally}, into=merged.get(key))
    return merged


def _per_process(processes: dict[int | None, Tally]) -> list[Figures]:
    names = process_names(pk for pk in processes if pk)
    processes = _gone_as_none(processes, names)
    return _by_answers(
        [
            tally.figures(names.get(pk, "") if pk else _("Geen product (contactmoment)"), key=str(pk or ""))
            for pk, tally in processes.items()
        ]
    )


def _per_team(teams: dict[int | None, Tally]) -> list[Figures]:
    names = dict(Team.objects.filter(pk__in=[pk for pk in teams if pk]).values_list("pk", "name"))
    teams = _gone_as_none(teams, names)
    return _by_answers(
        [
            tally.figures(names.get(pk, "") if pk else _("Geen team"), key=str(pk or ""))
            for pk, tally in teams.items()
        ]
    )


def _per_channel(channels: dict[str, Tally]) -> list[Figures]:
    labels = dict(Channel.choices)
    return _by_answers([tally.figures(str(labels.get(key, key)), key=key) for key, tally in channels.items()])


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
    """Every figure of the Klantwaardering dashboard of one scope.

    One read of the MonthlyTally counts of the ended months; two aggregate queries over the
    answers of the running month and the last weeks (per day with the distribution; per process,
    team and channel), each from the covering index; one over MonthlyScore (or the invitations)
    for the response; the names of what is shown.
    """
    counts = _counts(scope, weeks=TREND_WEEKS, breakdowns=True)
    return Dashboard(
        scope=scope,
        summary=_summary(scope, _total(counts.months)),
        months=_months(scope, counts.months),
        weeks=_weeks(scope, _fold(counts.days, _monday)),
        processes=_per_process(counts.processes) if scope.process is None else [],
        channels=_per_channel(counts.channels) if not scope.channel else [],
        teams=_per_team(counts.teams) if scope.team is None else [],
    )


@dataclass(frozen=True)
class TeamScores:
    """What residents thought of one team's work: the period's figures and the months of it."""

    team: Team
    totals: Figures
    months: list[TrendPoint]


def team_scores(*, tenant: Organisation, team: Team, months: int = DEFAULT_MONTHS) -> TeamScores:
    """The klantwaardering of one team of the gemeente over the last ``months`` months.

    For the team view of the medewerkers pages: the same counts as the dashboard narrowed to the
    team (ended months from MonthlyTally, the running month from the answers), without the
    response rate, which would count the team's invitations one by one.
    """
    scope = Scope(tenant=tenant, period=period_of(months=months), team=team)
    counts = _counts(scope).months
    return TeamScores(team=team, totals=_total(counts).figures(team.name), months=_months(scope, counts))
