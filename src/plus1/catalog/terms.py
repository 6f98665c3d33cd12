"""Arithmetic on the ISO 8601 terms (P8W, P3M) that zaaktypen carry."""

import datetime

import isodate
from django.utils.translation import gettext, ngettext


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
        parts.append(ngettext("%(count)d jaar", "%(count)d jaar", years) % {"count": years})
    if months:
        parts.append(ngettext("%(count)d maand", "%(count)d maanden", months) % {"count": months})
    if days:
        if days % 7 == 0:
            weeks = days // 7
            parts.append(ngettext("%(count)d week", "%(count)d weken", weeks) % {"count": weeks})
        else:
            parts.append(ngettext("%(count)d dag", "%(count)d dagen", days) % {"count": days})
    return gettext(" en ").join(parts) or gettext("direct")
