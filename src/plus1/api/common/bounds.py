"""Bounded dates, integers and terms (ISO 8601 durations) for the request schemas of every API.

A value the database or the date arithmetic cannot hold is refused here, as a 400 with a
ZGW ``invalidParams`` entry (``code`` ``invalid``), instead of failing later as a 500. The
types add validators only: the OpenAPI documents stay those of the standard, and
docs/security.md names the bounds.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import AfterValidator

from plus1.cases import dates
from plus1.catalog import terms

# The largest values of the database columns (PostgreSQL ``integer`` and ``bigint``).
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


def _date(value: datetime.date) -> datetime.date:
    if reason := dates.date_problem(value):
        raise ValueError(reason)
    return value


def _archive_date(value: datetime.date) -> datetime.date:
    if reason := dates.date_problem(value, years_ahead=dates.ARCHIVE_YEARS_AHEAD):
        raise ValueError(reason)
    return value


def _datetime(value: datetime.datetime) -> datetime.datetime:
    # Within the range, any UTC offset converts to UTC without leaving the calendar.
    if reason := dates.date_problem(value.date()):
        raise ValueError(reason)
    return value


def _archive_datetime(value: datetime.datetime) -> datetime.datetime:
    if reason := dates.date_problem(value.date(), years_ahead=dates.ARCHIVE_YEARS_AHEAD):
        raise ValueError(reason)
    return value


def _term(value: str) -> str:
    if reason := terms.term_problem(value):
        raise ValueError(reason)
    return value


def _archive_term(value: str) -> str:
    if reason := terms.term_problem(value, max_years=terms.ARCHIVE_TERM_YEARS):
        raise ValueError(reason)
    return value


def _int_range(low: int, high: int):
    def check(value: int) -> int:
        if not low <= value <= high:
            raise ValueError(f"Gebruik een getal van {low} tot en met {high}.")
        return value

    return check


# A date from 1 January 1800 up to 100 years after today (``cases.dates``).
BoundedDate = Annotated[datetime.date, AfterValidator(_date)]
# A date of archiving (archiefactiedatum): up to 200 years after today.
ArchiveDate = Annotated[datetime.date, AfterValidator(_archive_date)]
BoundedDateTime = Annotated[datetime.datetime, AfterValidator(_datetime)]
ArchiveDateTime = Annotated[datetime.datetime, AfterValidator(_archive_datetime)]
# Integers that a database column holds.
Int32 = Annotated[int, AfterValidator(_int_range(-INT32_MAX - 1, INT32_MAX))]
Int64 = Annotated[int, AfterValidator(_int_range(-INT64_MAX - 1, INT64_MAX))]
# A term of a zaak or type (doorlooptijd, servicenorm ...): a countable, non-negative ISO 8601
# duration of at most 100 years; an archive term (archiefactietermijn, procestermijn) up to
# 200 years (``catalog.terms``).
Term = Annotated[str, AfterValidator(_term)]
ArchiveTerm = Annotated[str, AfterValidator(_archive_term)]
