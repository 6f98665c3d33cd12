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


def describe_term(term: str) -> str:
    """Say a term in plain Dutch: P8W -> '8 weken', P1D -> '1 dag', P1Y6M -> '1 jaar en 6 maanden'."""
    if not term:
        return ""
    match = isodate.parse_duration(term)
    parts = []
    if isinstance(match, isodate.Duration):
        years, months, days = int(match.years), int(match.months), match.tdelta.days
    else:
        years, months, days = 0, 0, match.days
    if years:
        parts.append(f"{years} jaar")
    if months:
        parts.append(f"{months} {'maand' if months == 1 else 'maanden'}")
    if days:
        if days % 7 == 0:
            weeks = days // 7
            parts.append(f"{weeks} {'week' if weeks == 1 else 'weken'}")
        else:
            parts.append(f"{days} {'dag' if days == 1 else 'dagen'}")
    return " en ".join(parts) or "direct"
