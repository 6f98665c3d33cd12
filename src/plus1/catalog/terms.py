"""Arithmetic on the ISO 8601 terms (P8W, P3M) that zaaktypen carry."""

import datetime

import isodate


def add_term(start: datetime.date, term: str) -> datetime.date:
    """Return the last day of a term that starts on ``start``.

    Months and years are calendar months and years (P3M from 31 January ends on 30 April),
    as Algemene termijnenwet and Awb counting treat them.
    """
    duration = isodate.parse_duration(term)
    return start + duration
