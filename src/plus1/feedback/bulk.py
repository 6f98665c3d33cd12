"""Many realistic invitations and answers at once: a year of klantwaardering for the demo.

One answer at a time goes through ``services.submit_answer``; a year for hundreds of gemeenten
would take an hour that way. This module writes what those services would have written
(invitations, answers, call-backs, then the MonthlyScore sums) in a few set-based statements:
COPY on PostgreSQL, batched multi-row INSERTs elsewhere, never a loop of single saves.

What it makes, per gemeente x adopted base process x month:
- invitations in proportion to the gemeente's size, the process's volume and the season;
- a response rate of 20-40% (per gemeente);
- rapportcijfers around 7.3 with a long tail of low ones: a gemeente offset (so the benchmark
  has spread), a process offset (a klacht scores lower than a geboorteaangifte) and a penalty
  when the zaak took longer than its service norm;
- "het was makkelijk" (1-5) that follows the score, open remarks from a list per theme
  (wachttijd, bereikbaarheid, uitleg, vriendelijkheid, website, kosten), channels, teams, lead
  times against the norm, and call-backs for unhappy residents who may be called.

No names, no BSNs, no zaak links: like answers after their retention period; invitations that
the nightly worker would have deleted by now are counted in MonthlyScore but not written. Random choices
come from a ``random.Random`` seeded with the CBS code, so every load gives the same figures.
"""

from __future__ import annotations

import datetime
import math
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction

from plus1.catalog.models import Adoption
from plus1.catalog.terms import add_term
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import CALL_BACK_AT_OR_BELOW, INVITATION_VALID_DAYS, Channel, InvitationMode, Source
from .models import (
    Answer,
    CallBack,
    FeedbackSettings,
    Invitation,
    InvitationPolicy,
    MonthlyScore,
    SurveyVersion,
)
from .rollups import SUM_FIELDS
from .tallies import add_to_monthly_tallies


@dataclass(frozen=True)
class ProcessProfile:
    """How often residents use a process (relative volume) and how it scores against the rest."""

    volume: float
    score_offset: float = 0.0


# Relative yearly volumes and score offsets per base process, after what gemeenten report in
# their klanttevredenheidsonderzoeken: life events at the counter score high, complaints and
# income support lower. Jeugdhulp and schuldhulp are never surveyed (volume 0).
PROFILES: dict[str, ProcessProfile] = {
    "melding-openbare-ruimte": ProcessProfile(12, -0.2),
    "verhuismelding": ProcessProfile(10, 0.3),
    "brp-uittreksel": ProcessProfile(6, 0.5),
    "afvalcontainer": ProcessProfile(5, 0.0),
    "parkeervergunning": ProcessProfile(4, -0.1),
    "geboorteaangifte": ProcessProfile(2, 0.7),
    "hondenbelasting": ProcessProfile(2, 0.1),
    "verklaring-omtrent-gedrag": ProcessProfile(2, 0.3),
    "wmo-voorziening": ProcessProfile(2, -0.4),
    "belastingkwijtschelding": ProcessProfile(2, -0.3),
    "overlijdensaangifte": ProcessProfile(1.5, 0.4),
    "huishoudelijke-hulp": ProcessProfile(1.5, -0.3),
    "bijstand": ProcessProfile(1.5, -0.7),
    "bijzondere-bijstand": ProcessProfile(1.5, -0.6),
    "klacht": ProcessProfile(1.5, -1.6),
    "bezwaar": ProcessProfile(1, -1.3),
    "gehandicaptenparkeerkaart": ProcessProfile(1, 0.0),
    "huwelijk": ProcessProfile(0.8, 0.8),
    "huwelijksaangifte": ProcessProfile(0.8, 0.5),
    "omgevingsvergunning-kap": ProcessProfile(0.8, -0.5),
    "evenementenvergunning": ProcessProfile(0.6, -0.3),
    "terrasvergunning": ProcessProfile(0.5, -0.2),
    "briefadres": ProcessProfile(0.5, 0.0),
    "gehandicaptenparkeerplaats": ProcessProfile(0.4, -0.2),
    "standplaatsvergunning": ProcessProfile(0.3, 0.0),
    "brp-geheimhoudingsverzoek": ProcessProfile(0.2, 0.2),
    "jeugdhulp": ProcessProfile(0),
    "schuldhulpverlening": ProcessProfile(0),
}
DEFAULT_PROFILE = ProcessProfile(1.0)

# Fewer zaken in the summer holidays and around Christmas (January = index 0).
SEASON = (1.05, 1.0, 1.05, 1.0, 1.0, 0.95, 0.8, 0.75, 1.05, 1.05, 1.0, 0.85)
# Where the resident came from, for a process offered online and for one that is not.
CHANNELS_ONLINE = (
    (Channel.ONLINE, 60), (Channel.EMAIL, 10), (Channel.POST, 5), (Channel.BALIE, 15), (Channel.TELEFOON, 10),
)  # fmt: skip
CHANNELS_COUNTER = ((Channel.BALIE, 60), (Channel.POST, 15), (Channel.EMAIL, 10), (Channel.TELEFOON, 15))
# One invitation in ten follows a contact at the counter or on the phone, not a zaak.
CONTACT_SHARE = 0.1
MEAN_SCORE = 7.6  # before the late penalty, the angry few and the clamp: the average lands near 7.3
# Some residents give a 1 to 4 whatever happened; a normal curve alone has too thin a low tail.
ANGRY_SHARE = 0.04
SCORE_SPREAD = 1.5
LATE_PENALTY = 1.4

# Realistic open remarks per theme (no names, nothing that points to a person).
REMARKS: dict[str, tuple[str, ...]] = {
    "wachttijd": (
        "Het duurde erg lang voordat ik iets hoorde.", "De wachttijd aan de balie was meer dan een half uur.",
        "Ik moest drie weken wachten op een afspraak.",
        "Sneller reageren zou fijn zijn, ik wist lang niet waar ik aan toe was.",
        "De behandeling duurde langer dan op de website stond.", "Graag een bericht als het langer duurt.",
    ),
    "bereikbaarheid": (
        "Telefonisch was de gemeente slecht bereikbaar.",
        "Ik kreeg steeds een ander nummer en niemand kon mij helpen.",
        "Het duurde lang voordat de telefoon werd opgenomen.",
        "Ik ben twee keer teruggebeld terwijl dat niet was afgesproken.",
        "Het loket is alleen open als ik moet werken.", "Mijn e-mail werd pas na een week beantwoord.",
    ),
    "uitleg": (
        "De brief was moeilijk te begrijpen.", "Het was niet duidelijk welke papieren ik moest meenemen.",
        "Ik wist niet wat de volgende stap was.", "Uitleg in gewone taal graag, niet zo ambtelijk.",
        "Goede uitleg gekregen over hoe het verder gaat.",
        "Niemand kon uitleggen waarom mijn aanvraag werd afgewezen.",
    ),
    "vriendelijkheid": (
        "Heel vriendelijk en behulpzaam geholpen.", "De medewerker nam echt de tijd voor mij.",
        "Ik voelde me niet serieus genomen.", "Prettig contact, ik werd netjes te woord gestaan.",
        "De medewerker aan de balie was kortaf.", "Fijn dat er meegedacht werd over een oplossing.",
    ),
    "website": (
        "Op de website kon ik het formulier niet vinden.",
        "Het online formulier werkte niet op mijn telefoon.", "Inloggen met DigiD ging makkelijk.",
        "De website is onduidelijk, ik moest lang zoeken.", "Online aanvragen was snel geregeld.",
        "Ik kon mijn documenten niet uploaden.",
    ),
    "kosten": (
        "De kosten zijn te hoog voor wat je krijgt.", "Het was niet duidelijk wat het zou kosten.",
        "Ik moest twee keer betalen.", "Betalen aan de balie kon alleen met pin.",
        "De leges zijn hoger dan in de buurgemeente.", "Graag vooraf laten weten wat het kost.",
    ),
}  # fmt: skip
# Themes unhappy residents write about most, and those happy ones do.
UNHAPPY_THEMES = (
    ("wachttijd", 30), ("bereikbaarheid", 25), ("uitleg", 20),
    ("kosten", 10), ("website", 10), ("vriendelijkheid", 5),
)  # fmt: skip
HAPPY_THEMES = (
    ("vriendelijkheid", 40), ("website", 25), ("uitleg", 15),
    ("wachttijd", 10), ("kosten", 5), ("bereikbaarheid", 5),
)  # fmt: skip
CALL_BACK_OUTCOME = "Inwoner gebeld en de gang van zaken uitgelegd."
# A call-back older than this is handled; the newer ones are still open work for the team.
OPEN_CALL_BACK_DAYS = 14
BATCH_SIZE = 5000


@dataclass(frozen=True)
class Stream:
    """One process a gemeente runs: where its invitations and answers come from."""

    tenant_id: int
    process_id: int
    team_id: int | None
    norm_days: int
    offers_online: bool
    profile: ProcessProfile


@dataclass
class BulkResult:
    invitations: int = 0
    answers: int = 0
    call_backs: int = 0
    monthly_scores: int = 0
    streams: int = 0
    per_gemeente: dict[int, int] = field(default_factory=dict)


def streams_for(gemeenten: Iterable[Organisation]) -> list[Stream]:
    """The processes each gemeente runs and surveys (not those it set to 'never')."""
    tenant_ids = [g.pk for g in gemeenten]
    never = set(
        InvitationPolicy.objects.filter(tenant_id__in=tenant_ids, mode=InvitationMode.NEVER).values_list(
            "tenant_id", "process_id"
        )
    )
    streams = []
    adoptions = (
        Adoption.objects.filter(tenant_id__in=tenant_ids)
        .select_related("zaaktype", "process")
        .order_by("tenant_id", "process__identificatie")
    )
    today = clock.today()
    for adoption in adoptions:
        profile = PROFILES.get(adoption.process.identificatie, DEFAULT_PROFILE)
        if profile.volume <= 0 or (adoption.tenant_id, adoption.process_id) in never:
            continue
        zaaktype = adoption.zaaktype
        norm = zaaktype.service_norm or zaaktype.lead_time
        streams.append(
            Stream(
                tenant_id=adoption.tenant_id,
                process_id=adoption.process_id,
                team_id=adoption.team_id,
                norm_days=max(1, (add_term(today, norm) - today).days),
                offers_online=adoption.offers_online,
                profile=profile,
            )
        )
    return streams


@transaction.atomic
def load_answers(
    *,
    gemeenten: Sequence[Organisation],
    survey: SurveyVersion,
    answers: int,
    months: int = 12,
    today: datetime.date | None = None,
) -> BulkResult:
    """Write about ``answers`` answers (with their invitations) over the last ``months`` months.

    Gemeenten that already have answers are left alone, so loading twice adds nothing. The
    new rows are added to the MonthlyScore sums and the MonthlyTally counts at the end.
    """
    today = today or clock.today()
    answered = set(Answer.objects.filter(tenant__in=gemeenten).values_list("tenant_id", flat=True).distinct())
    todo = [g for g in gemeenten if g.pk not in answered]
    result = BulkResult()
    if not todo or answers <= 0:
        return result
    streams = streams_for(todo)
    result.streams = len(streams)
    if not streams:
        return result
    plan = _Plan(todo, streams, answers=answers, months=months, today=today)
    invitations, answer_rows, call_backs = plan.rows(survey_id=survey.pk)
    _write(Invitation, INVITATION_COLUMNS, invitations)
    _write(Answer, ANSWER_COLUMNS, answer_rows)
    _write(CallBack, CALL_BACK_COLUMNS, call_backs)
    result.invitations, result.answers, result.call_backs = (
        len(invitations),
        len(answer_rows),
        len(call_backs),
    )
    result.per_gemeente = plan.per_gemeente
    result.monthly_scores = add_to_monthly_scores(plan.invited, answer_rows)
    add_to_monthly_tallies(answer_rows)
    return result


INVITATION_COLUMNS = (
    "id", "tenant_id", "uuid", "code", "source", "zaak_id", "process_id", "team_id", "channel",
    "created_by_id", "created_at", "expires_at", "used_at", "emailed_at",
)  # fmt: skip
ANSWER_COLUMNS = (
    "id", "tenant_id", "invitation_id", "survey_id", "source", "process_id", "team_id", "channel",
    "score", "effort", "improvement", "own_answers", "may_call", "call_phone", "answered_at",
    "answered_on", "zaak_id", "lead_time_days", "within_norm",
)  # fmt: skip
CALL_BACK_COLUMNS = (
    "tenant_id",
    "answer_id",
    "team_id",
    "created_at",
    "handled_at",
    "handled_by_id",
    "outcome",
)


class _Plan:
    """The random year: how many invitations per stream and month, and what each answer says."""

    def __init__(
        self,
        gemeenten: Sequence[Organisation],
        streams: list[Stream],
        *,
        answers: int,
        months: int,
        today: datetime.date,
    ) -> None:
        self.today = today
        self.now = datetime.datetime.combine(today, datetime.time(0), tzinfo=datetime.UTC)
        self.streams = streams
        self.months = _months(today, months)
        self.gemeente: dict[int, _Gemeente] = {g.pk: _Gemeente(g) for g in gemeenten}
        # Expected answers if every weight were 1; scale the weights to the requested total.
        expected = sum(
            self.gemeente[s.tenant_id].size * s.profile.volume * SEASON[m.month - 1] * share
            for s in streams
            for m, share in self.months
        )
        rate = sum(g.response_rate for g in self.gemeente.values()) / len(self.gemeente)
        self.invitations_per_weight = answers / max(expected, 1e-9) / rate
        # Ids are reserved before the counts are drawn: enough for the mean and a wide margin.
        mean = self.invitations_per_weight * expected
        self.most_invitations = int(mean * 1.1 + 10 * math.sqrt(mean + 1) + 1000)
        self.per_gemeente: dict[int, int] = {}
        self.invited: dict[tuple[int, int, datetime.date], int] = {}
        self.removed_before = self.now - datetime.timedelta(
            days=FeedbackSettings._meta.get_field("link_retention_days").get_default()
        )

    def rows(self, *, survey_id: int) -> tuple[list[tuple], list[tuple], list[tuple]]:
        invitation_ids = _reserve_ids(Invitation, self.most_invitations)
        invitations: list[tuple] = []
        answer_rows: list[tuple] = []
        pending_answers: list[tuple] = []
        for stream in self.streams:
            gemeente = self.gemeente[stream.tenant_id]
            rng = gemeente.rng
            for month, share in self.months:
                mean = (
                    self.invitations_per_weight
                    * gemeente.size
                    * stream.profile.volume
                    * SEASON[month.month - 1]
                    * share
                )
                count = _poisson(rng, mean)
                self.invited[(stream.tenant_id, stream.process_id, month)] = count
                for _ in range(count):
                    invitation, answer = self._one(stream, gemeente, month, next(invitation_ids), survey_id)
                    if invitation is not None:
                        invitations.append(invitation)
                    if answer is not None:
                        pending_answers.append(answer)
        answer_ids = _reserve_ids(Answer, len(pending_answers))
        call_backs = []
        for pending in pending_answers:
            answer_id = next(answer_ids)
            answer_rows.append((answer_id, *pending))
            tenant_id = pending[0]
            self.per_gemeente[tenant_id] = self.per_gemeente.get(tenant_id, 0) + 1
            score, may_call, answered_at, team_id = pending[7], pending[11], pending[13], pending[5]
            if may_call and score <= CALL_BACK_AT_OR_BELOW:
                is_open = (self.now - answered_at).days < OPEN_CALL_BACK_DAYS
                handled_at = None if is_open else answered_at + datetime.timedelta(days=2)
                outcome = "" if is_open else CALL_BACK_OUTCOME
                call_backs.append((tenant_id, answer_id, team_id, answered_at, handled_at, None, outcome))
        return invitations, answer_rows, call_backs

    def _one(
        self,
        stream: Stream,
        gemeente: _Gemeente,
        month: datetime.date,
        invitation_id: int | None,
        survey_id: int,
    ) -> tuple[tuple | None, tuple | None]:
        rng = gemeente.rng
        last_day = min(_month_end(month), self.today - datetime.timedelta(days=1))
        day = month + datetime.timedelta(days=rng.randint(0, max(0, (last_day - month).days)))
        created_at = datetime.datetime.combine(
            day, datetime.time(8), tzinfo=datetime.UTC
        ) + datetime.timedelta(minutes=rng.randint(0, 10 * 60))
        is_contact = rng.random() < CONTACT_SHARE
        if is_contact:
            source = Source.CONTACT
            channel = Channel.BALIE if rng.random() < 0.6 else Channel.TELEFOON
        else:
            source = Source.ZAAK
            channel = _weighted(rng, CHANNELS_ONLINE if stream.offers_online else CHANNELS_COUNTER)
        expires_at = created_at + datetime.timedelta(days=INVITATION_VALID_DAYS)
        # The nightly worker deletes an invitation this long after it expired; its answer stays.
        if expires_at < self.removed_before:
            invitation_id = None
        used_at = None
        answer = None
        if rng.random() < gemeente.response_rate:
            # Most residents answer within a day; a few weeks later at the most.
            delay = datetime.timedelta(hours=min(rng.expovariate(1 / 20), 24 * (INVITATION_VALID_DAYS - 1)))
            if created_at + delay < self.now:
                used_at = created_at + delay
                answer = self._answer(stream, gemeente, source, channel, used_at, invitation_id, survey_id)
        if invitation_id is None:
            return None, answer
        invitation = (
            invitation_id, stream.tenant_id, uuid.UUID(int=rng.getrandbits(128), version=4), "", source,
            None, stream.process_id, stream.team_id, channel, None, created_at, expires_at, used_at,
            created_at if source == Source.ZAAK else None,
        )  # fmt: skip
        return invitation, answer

    def _answer(
        self,
        stream: Stream,
        gemeente: _Gemeente,
        source: str,
        channel: str,
        answered_at: datetime.datetime,
        invitation_id: int | None,
        survey_id: int,
    ) -> tuple:
        rng = gemeente.rng
        lead_time_days = within_norm = None
        mean = MEAN_SCORE + gemeente.score_offset + stream.profile.score_offset
        if source == Source.ZAAK:
            norm = stream.norm_days
            if rng.random() < gemeente.late_share:
                lead_time_days = norm + rng.randint(1, max(2, norm))
                within_norm = False
                mean -= LATE_PENALTY
            else:
                lead_time_days = rng.randint(max(0, norm // 5), norm)
                within_norm = True
        score = min(10, max(1, round(rng.gauss(mean, SCORE_SPREAD))))
        if rng.random() < ANGRY_SHARE:
            score = rng.randint(1, 4)
        effort = None
        if rng.random() < 0.93:  # the question is optional; a few skip it
            effort = min(5, max(1, round(1 + (score - 1) * 4 / 9 + rng.gauss(0, 0.6))))
        improvement = ""
        if rng.random() < (0.45 if score <= 6 else 0.15):
            themes = UNHAPPY_THEMES if score <= 6 else HAPPY_THEMES
            improvement = rng.choice(REMARKS[_weighted(rng, themes)])
        may_call = score <= CALL_BACK_AT_OR_BELOW and rng.random() < 0.3
        # The phone number goes with the link after the retention period (tasks.remove_answer_links).
        call_phone = f"06{rng.randint(10_000_000, 99_999_999)}" if may_call else ""
        if answered_at < self.removed_before:
            call_phone = ""
        # (without the id) tenant, invitation, survey, source, process, team, channel, score, effort,
        # improvement, own_answers, may_call, call_phone, answered_at, answered_on, zaak, lead time, norm
        return (
            stream.tenant_id, invitation_id, survey_id, source, stream.process_id, stream.team_id, channel,
            score, effort, improvement, "{}", may_call, call_phone, answered_at, answered_at.date(), None,
            lead_time_days, within_norm,
        )  # fmt: skip


class _Gemeente:
    """What makes one gemeente different: its size, response rate, score and punctuality."""

    def __init__(self, gemeente: Organisation) -> None:
        self.rng = random.Random(f"klantwaardering-{gemeente.cbs_code or gemeente.slug}")
        # Sizes differ a hundredfold between Amsterdam and Schiermonnikoog.
        self.size = min(25.0, self.rng.lognormvariate(0, 0.8))
        self.response_rate = self.rng.uniform(0.2, 0.4)
        self.score_offset = self.rng.gauss(0, 0.45)
        self.late_share = self.rng.uniform(0.05, 0.25)


def _months(today: datetime.date, count: int) -> list[tuple[datetime.date, float]]:
    """The first days of the last ``count`` months up to today, with the share of each that passed."""
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    months.reverse()
    current_share = max(0.0, (today - months[-1]).days / ((_month_end(months[-1]) - months[-1]).days + 1))
    return [(m, current_share if m == months[-1] else 1.0) for m in months]


def _month_end(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count (Knuth for small means, the normal approximation for large ones)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _weighted(rng: random.Random, choices: Sequence[tuple[str, int]]):
    total = sum(weight for _value, weight in choices)
    pick = rng.uniform(0, total)
    for value, weight in choices:
        pick -= weight
        if pick <= 0:
            return value
    return choices[-1][0]


def _reserve_ids(model, count: int) -> Iterable[int]:
    """Primary keys for ``count`` new rows, so answers can point to invitations before the COPY."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return iter([row[0] for row in cursor.fetchall()])
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 - our own table name
        start = cursor.fetchone()[0] + 1
    return iter(range(start, start + count))


def _write(model, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert ``rows``: COPY on PostgreSQL, batched multi-row INSERTs on other databases."""
    if not rows:
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
            return
        adapters = _adapters(model, columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        for start in range(0, len(rows), BATCH_SIZE):
            batch = []
            for row in rows[start : start + BATCH_SIZE]:
                values = list(row)
                for index, adapt in adapters:
                    if values[index] is not None:
                        values[index] = adapt(values[index])
                batch.append(values)
            cursor.executemany(sql, batch)


def _adapters(model, columns: Sequence[str]) -> list[tuple[int, Callable]]:
    """The columns whose Python values need Django's storage form on this database, and how."""
    adapters: list[tuple[int, Callable]] = []
    for index, column in enumerate(columns):
        internal = next(f for f in model._meta.concrete_fields if f.column == column).get_internal_type()
        if internal == "UUIDField":
            adapters.append((index, lambda value: value.hex))
        elif internal == "DateTimeField":
            # Every datetime here is in UTC: stored as Django stores it, without the zone.
            adapters.append((index, lambda value: value.replace(tzinfo=None).isoformat(" ")))
        elif internal == "DateField":
            adapters.append((index, lambda value: value.isoformat()))
    return adapters


def add_to_monthly_scores(
    invited: dict[tuple[int, int, datetime.date], int], answers: Iterable[tuple]
) -> int:
    """Add bulk-made rows to the MonthlyScore sums, as ``rollups`` does for each one made by hand.

    ``invited`` counts the invitations made per gemeente, process and month (also those the
    retention already removed again); an answer counts in the month it was given. The sums are
    made in memory and merged into the existing ones in one bulk insert and one bulk update: a
    few thousand rows, however many answers. ``rollups.rebuild_monthly_scores`` gives the same.
    """
    sums: dict[tuple[int, int, datetime.date], list[int]] = {}
    fields = ("invited", *SUM_FIELDS)
    for key, count in invited.items():
        sums.setdefault(key, [0] * 7)[0] += count
    for row in answers:
        (_id, tenant_id, _inv, _survey, _source, process_id, _team, _channel, score, effort) = row[:10]
        answered_on, lead_time_days, within_norm = row[15], row[17], row[18]
        values = sums.setdefault((tenant_id, process_id, answered_on.replace(day=1)), [0] * 7)
        values[1] += 1
        values[2] += score
        if effort is not None:
            values[3] += 1
            values[4] += effort
        if lead_time_days is not None:
            values[5] += 1
        if within_norm:
            values[6] += 1
    tenant_ids = {key[0] for key in sums}
    existing = {
        (m.tenant_id, m.process_id, m.month): m for m in MonthlyScore.objects.filter(tenant_id__in=tenant_ids)
    }
    new, changed = [], []
    for key, values in sums.items():
        score = existing.get(key)
        if score is None:
            new.append(
                MonthlyScore(
                    tenant_id=key[0],
                    process_id=key[1],
                    month=key[2],
                    **dict(zip(fields, values, strict=True)),
                )
            )
            continue
        for name, value in zip(fields, values, strict=True):
            setattr(score, name, getattr(score, name) + value)
        changed.append(score)
    MonthlyScore.objects.bulk_create(new, batch_size=BATCH_SIZE)
    MonthlyScore.objects.bulk_update(changed, fields, batch_size=500)
    return len(sums)
