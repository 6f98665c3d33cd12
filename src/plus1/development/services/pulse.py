"""Engagement pulses: answered once and anonymously; results only per team of at least 5 answers.

The answer (``PulseResponse``) holds the team, the five scores and the date, never the person;
the receipt (``PulseReceipt``) holds the person, never the answer. Both are written in one
transaction, so there is no answer without a receipt and nobody answers twice. Nobody (HR
included) gets an individual answer: results exist per team and only from
``PULSE_MIN_RESPONSES`` answers on.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plus1.accounts.models import Team
from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import policies
from ..constants import PULSE_MIN_RESPONSES, PULSE_QUESTIONS, PULSE_SCALE
from ..exceptions import AlreadyAnswered, DevelopmentError, DevelopmentNotAllowed, TeamTooSmall
from ..models import Pulse, PulseReceipt, PulseResponse
from .common import audit, clean_text, whole_number

MAX_PULSE_DAYS = 62


@dataclass(frozen=True)
class PulseResult:
    """A team's averages per statement (constants.PULSE_QUESTIONS order) for one pulse."""

    pulse: Pulse
    responses: int
    averages: tuple[float, ...]
    overall: float


@dataclass(frozen=True)
class TrendPoint:
    """One pulse in a team's engagement trend; ``overall`` None when too few answers to show."""

    pulse: Pulse
    responses: int
    overall: float | None


@transaction.atomic
def create_pulse(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
) -> Pulse:
    """HR opens a pulse for everyone in the gemeente between two dates (at most two months)."""
    if not policies.may_manage_offer(user, tenant):
        raise DevelopmentNotAllowed(_("Alleen HR van uw gemeente kan een pulsmeting uitzetten."))
    title = clean_text(title, field="title", max_length=120, label=_("de titel"))
    if not isinstance(opens_on, datetime.date):
        raise DevelopmentError(_("Vul een geldige begindatum in."), field="opens_on")
    if not isinstance(closes_on, datetime.date) or closes_on < opens_on:
        raise DevelopmentError(_("De einddatum moet op of na de begindatum liggen."), field="closes_on")
    if (closes_on - opens_on).days > MAX_PULSE_DAYS:
        raise DevelopmentError(_("Een pulsmeting staat maximaal twee maanden open."), field="closes_on")
    pulse = Pulse.objects.create(tenant=tenant, title=title, opens_on=opens_on, closes_on=closes_on)
    audit(tenant=tenant, user=user, action="create_pulse", obj=pulse, after={"title": title})
    return pulse


def _clean_answers(answers: Sequence) -> list[int]:
    low, high = PULSE_SCALE
    message = _("Beantwoord alle %(count)s vragen met een keuze van %(low)s tot en met %(high)s.") % {
        "count": len(PULSE_QUESTIONS),
        "low": low,
        "high": high,
    }
    if isinstance(answers, (str, bytes)) or len(list(answers)) != len(PULSE_QUESTIONS):
        raise DevelopmentError(message, field="answers")
    cleaned = [whole_number(a, field="answers", message=message) for a in answers]
    if any(not low <= a <= high for a in cleaned):
        raise DevelopmentError(message, field="answers")
    return cleaned


def answer_pulse(
    *,
    tenant: Organisation,
    pulse: Pulse,
    user: AbstractBaseUser,
    answers: Sequence[int],
    team: Team | None = None,
) -> None:
    """Store the answer without the person and a receipt without the answer. Raises AlreadyAnswered."""
    today = clock.today()
    if pulse.tenant_id != tenant.pk or not policies.is_employee_of(user, tenant):
        raise DevelopmentNotAllowed(_("Deze pulsmeting is niet voor u."))
    if not pulse.opens_on <= today <= pulse.closes_on:
        raise DevelopmentError(_("Deze pulsmeting is niet open."))
    cleaned = _clean_answers(answers)
    teams = list(Team.objects.for_tenant(tenant).filter(members=user).order_by("name"))
    if team is None and len(teams) > 1:
        raise DevelopmentError(_("Kies het team waarvoor u antwoordt."), field="team")
    if team is not None and team not in teams:
        raise DevelopmentError(_("Kies een van uw eigen teams."), field="team")
    chosen = team or (teams[0] if teams else None)
    try:
        with transaction.atomic():
            if PulseReceipt.objects.filter(pulse=pulse, user=user).exists():
                raise AlreadyAnswered(
                    _("U heeft deze pulsmeting al ingevuld. U kunt maar één keer antwoorden.")
                )
            PulseReceipt.objects.create(pulse=pulse, user=user)
            # The pulse's date, not the day of answering, and no audit row: the order of the
            # receipts must not lead to a day, and a day (with a team) to one person's answer.
            PulseResponse.objects.create(
                tenant=tenant, pulse=pulse, team=chosen, answers=cleaned, created_on=pulse.opens_on
            )
    except IntegrityError:
        raise AlreadyAnswered(
            _("U heeft deze pulsmeting al ingevuld. U kunt maar één keer antwoorden.")
        ) from None


def _averages(rows: list[list[int]]) -> tuple[tuple[float, ...], float]:
    per_question = tuple(
        round(statistics.fmean(row[i] for row in rows), 1) for i in range(len(PULSE_QUESTIONS))
    )
    overall = round(statistics.fmean(value for row in rows for value in row), 1)
    return per_question, overall


def team_result(*, pulse: Pulse, team: Team) -> PulseResult:
    """Raises TeamTooSmall under PULSE_MIN_RESPONSES answers, and while the pulse is still open:
    an average that moves after each answer would tell whoever knows who just answered what
    that person said."""
    if pulse.closes_on >= clock.today():
        raise TeamTooSmall(
            _("De uitkomst komt na het sluiten van de pulse, op %(date)s; zo blijft ieders antwoord anoniem.")
            % {"date": date_format(pulse.closes_on + datetime.timedelta(days=1), "j F Y")}
        )
    rows = list(
        PulseResponse.objects.filter(tenant_id=pulse.tenant_id, pulse=pulse, team=team).values_list(
            "answers", flat=True
        )
    )
    if len(rows) < PULSE_MIN_RESPONSES:
        raise TeamTooSmall(
            _(
                "Er zijn te weinig antwoorden om resultaten te tonen. Vanaf %(count)s antwoorden per team "
                "ziet u de uitkomst; zo blijft ieders antwoord anoniem."
            )
            % {"count": PULSE_MIN_RESPONSES}
        )
    averages, overall = _averages(rows)
    return PulseResult(pulse=pulse, responses=len(rows), averages=averages, overall=overall)


def engagement_trend(*, tenant: Organisation, team: Team, pulses: int = 12) -> list[TrendPoint]:
    """The last ``pulses`` opened pulses of the gemeente, oldest first, for one team."""
    recent = list(
        Pulse.objects.for_tenant(tenant).filter(opens_on__lte=clock.today()).order_by("-opens_on")[:pulses]
    )
    rows: dict[int, list[list[int]]] = {p.pk: [] for p in recent}
    for pulse_id, answers in PulseResponse.objects.filter(
        tenant=tenant, team=team, pulse_id__in=list(rows)
    ).values_list("pulse_id", "answers"):
        rows[pulse_id].append(answers)
    points = []
    for pulse in reversed(recent):
        answered = rows[pulse.pk]
        shown = len(answered) >= PULSE_MIN_RESPONSES and pulse.closes_on < clock.today()
        overall = _averages(answered)[1] if shown else None
        points.append(TrendPoint(pulse=pulse, responses=len(answered), overall=overall))
    return points
