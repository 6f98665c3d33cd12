"""Legal deadlines of a zaak: the term of the zaaktype, paused and extended as the Awb allows.

Rules, and where they come from:
- The term starts on the registration date and lasts the zaaktype's doorlooptijd (Awb 4:13).
- A request for more information suspends the term from the day after the request until
  the day the resident answers (Awb 4:15 lid 1 sub a).
- The gemeente may extend the term once, by the zaaktype's verlengingstermijn, when the
  zaaktype allows it (e.g. Awb 4:14 lid 3, Wabo 3.9 lid 2).
- A term that ends on a Saturday, Sunday or public holiday ends on the next working day
  (Algemene termijnenwet art. 1 and 3).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import lru_cache

import isodate
from dateutil.easter import easter

from plus1.catalog.terms import add_term

_DAY = datetime.timedelta(days=1)
# A deadline past the calendar's end stays on its last day: the arithmetic never overflows,
# whatever a zaak's dates and the zaaktype's terms (the channels bound the dates they accept).
LAST_DAY = datetime.date.max


def _plus_term(start: datetime.date, term: str) -> datetime.date:
    try:
        isodate.parse_duration(term)  # a malformed term is a catalog error, not a far deadline
    except OverflowError:  # "P99999999999D" stored before terms were bounded (catalog.terms)
        return LAST_DAY
    try:
        return add_term(start, term)
    except (OverflowError, ValueError):  # "date value out of range", "year 10000 is out of range"
        return LAST_DAY


def _plus_days(day: datetime.date, days: int) -> datetime.date:
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return LAST_DAY


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[datetime.date]:
    """The general public holidays of the Algemene termijnenwet (art. 3 lid 1) in ``year``."""
    easter_sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday, Koningsdag moves to Saturday the 26th
        kings_day -= _DAY
    return frozenset(
        {
            datetime.date(year, 1, 1),  # Nieuwjaarsdag
            easter_sunday + datetime.timedelta(days=1),  # tweede paasdag
            kings_day,
            datetime.date(year, 5, 5),  # Bevrijdingsdag
            easter_sunday + datetime.timedelta(days=39),  # Hemelvaartsdag
            easter_sunday + datetime.timedelta(days=50),  # tweede pinksterdag
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself when it is a working day, else the first working day after it (Atw art. 1)."""
    while not is_working_day(day) and day < LAST_DAY:
        day += _DAY
    return day


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = days
    while remaining > 0 and day < LAST_DAY:
        day += _DAY
        if is_working_day(day):
            remaining -= 1
    return day


def suspended_days(started_on: datetime.date, ended_on: datetime.date) -> int:
    """Days a suspension from ``started_on`` to ``ended_on`` adds to the term (Awb 4:15).

    The pause runs from the day after the request up to the day of the answer, so a
    request answered the next day adds nothing, answered a week later adds six days.
    """
    return max(0, (ended_on - started_on).days - 1)


def legal_end_date(
    *,
    started_on: datetime.date,
    lead_time: str,
    suspensions: Iterable[tuple[datetime.date, datetime.date | None]] = (),
    extended_by: str = "",
    today: datetime.date | None = None,
) -> datetime.date:
    """The last day the gemeente may decide on (ZGW uiterste einddatum afdoening).

    A suspension that is still running counts up to ``today``: the date then moves one day
    for every day the resident has not answered yet.
    """
    end = _plus_term(started_on, lead_time)
    if extended_by:
        end = _plus_term(end, extended_by)
    pause = 0
    for begin, finish in suspensions:
        if finish is None:
            finish = max(today or begin, begin)
        pause += suspended_days(begin, finish)
    return next_working_day(_plus_days(end, pause))


def service_norm_date(
    *,
    started_on: datetime.date,
    service_norm: str,
    suspensions: Iterable[tuple[datetime.date, datetime.date | None]] = (),
    today: datetime.date | None = None,
) -> datetime.date | None:
    """The gemeente's own promise (servicenorm), paused like the legal term; None without a norm."""
    if not service_norm:
        return None
    return legal_end_date(started_on=started_on, lead_time=service_norm, suspensions=suspensions, today=today)


def _weekdays_through(day: datetime.date) -> int:
    """Monday to Friday from 1 January of year 1 (a Monday) up to and including ``day``."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def _working_days_between(after: datetime.date, through: datetime.date) -> int:
    """Working days later than ``after`` up to and including ``through`` (``after <= through``).

    Counted, not walked: a date centuries away costs a few holidays per year, not a loop
    over every day.
    """
    holidays = sum(
        1
        for year in range(after.year, through.year + 1)
        for holiday in public_holidays(year)
        if after < holiday <= through and holiday.weekday() < 5
    )
    return _weekdays_through(through) - _weekdays_through(after) - holidays


def working_days_left(*, today: datetime.date, end: datetime.date) -> int:
    """Working days from today up to and including ``end``; negative when ``end`` has passed."""
    if end < today:
        return -_working_days_between(end, today)
    return _working_days_between(today, end)


# How the library and a catalog manager say that no law sets the term (docs/catalog-format.md).
NO_LEGAL_TERM_PREFIX = "geen wettelijke termijn"


def has_legal_term(lead_time_source: str) -> bool:
    """Whether a law sets a zaaktype's lead time (Awb 4:13 or a special law), by its source.

    A process whose ``lead_time_source`` starts with "Geen wettelijke termijn" (a melding, a
    reservation) has only the gemeente's own term: no "wettelijke einddatum" is shown for it.
    """
    return not lead_time_source.strip().lower().startswith(NO_LEGAL_TERM_PREFIX)
