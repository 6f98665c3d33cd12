"""Engagement pulses: answered once and anonymously; results only per team of at least 5 answers."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from plus1.accounts.models import Team
from plus1.tenants.models import Organisation

from ..models import Pulse


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


def create_pulse(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
) -> Pulse:
    raise NotImplementedError


def answer_pulse(
    *,
    tenant: Organisation,
    pulse: Pulse,
    user: AbstractBaseUser,
    answers: Sequence[int],
    team: Team | None = None,
) -> None:
    """Store the answer without the person and a receipt without the answer. Raises AlreadyAnswered."""
    raise NotImplementedError


def team_result(*, pulse: Pulse, team: Team) -> PulseResult:
    """Raises TeamTooSmall under PULSE_MIN_RESPONSES answers."""
    raise NotImplementedError


def engagement_trend(*, tenant: Organisation, team: Team, pulses: int = 12) -> list[TrendPoint]:
    """The last ``pulses`` closed or open pulses of the gemeente, oldest first, for one team."""
    raise NotImplementedError
