"""The week of Koningsdag 2027 (Tuesday 27 April): the clock stands on Monday 26 April, 8:00."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine

from . import factories

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.date(2027, 4, 26)
KONINGSDAG = datetime.date(2027, 4, 27)
WEDNESDAY = datetime.date(2027, 4, 28)


def at(day: datetime.date, hhmm: str) -> datetime.datetime:
    """An aware datetime at local time ``hhmm`` on ``day``."""
    return datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), tzinfo=AMSTERDAM)


@pytest.fixture
def clock():
    with time_machine.travel(at(MONDAY, "08:00"), tick=False) as traveller:
        yield traveller


@pytest.fixture
def stadskantoor(gemeente_a):
    return factories.location(gemeente_a)


@pytest.fixture
def paspoort(gemeente_a, stadskantoor):
    return factories.product(gemeente_a, minutes=15, per_person=10, max_persons=4, at=[stadskantoor])
