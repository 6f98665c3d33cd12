"""Arithmetic on the ISO 8601 terms (P8W, P3M) that zaaktypen carry, and the terms accepted.

The ZGW standards type every term as an ISO 8601 duration without bounds, but a term of
``P999999999Y`` or ``P99999999999D`` cannot be added to any date (Python's calendar ends
in the year 9999; more than 999,999,999 days do not even parse), a negative term
(``-P1D``) is no term at all, and a fraction of a year or month (``P1.5Y``) cannot be
counted on a calendar. Every channel (API, catalog import, model validation) applies
``term_problem``, so such a term is refused when it is written instead of breaking a
deadline, a page or a closing zaak later:

- a term of a zaak or type (doorlooptijd, servicenorm, verlengingstermijn, reactietermijn,
  publicatietermijn, a statustype's doorlooptijd, a verlenging's duur): at most 100 years,
  far beyond any legal or promised term (the longest are a few years);
- an archive term (archiefactietermijn, procestermijn): at most 200 years, as selectielijst
  retention terms reach beyond a century after the zaak ends.

Dates themselves are bounded to 100 (archive: 200) years ahead (``cases.dates``), so a
bounded date plus a bounded term always stays inside the calendar.
"""

import datetime
from decimal import Decimal

import isodate
from django.utils.translation import gettext, ngettext

TERM_YEARS = 100
ARCHIVE_TERM_YEARS = 200
# A term is compared with its bound in days: a year as 365 days (a month as a twelfth),
# the bound as 366 days a year, so P100Y, P1200M and P36525D are all "100 years". Exactness
# does not matter: the bound keeps every deadline thousands of years inside the calendar.
_DAYS_PER_YEAR = 366


def term_problem(value: str, *, max_years: int = TERM_YEARS) -> str | None:
    """The reason in plain Dutch why ``value`` is not an accepted term, or None when it is."""
    try:
        duration = isodate.parse_duration(value)
    except (ValueError, ArithmeticError):  # ISO8601Error; OverflowError for "P99999999999D"
        return (
            "Dit is geen geldige termijn. Schrijf de termijn als ISO 8601, bijvoorbeeld P8W voor acht weken."
        )
    if isinstance(duration, isodate.Duration):
        years, months, delta = Decimal(duration.years), Decimal(duration.months), duration.tdelta
    else:
        years, months, delta = Decimal(0), Decimal(0), duration
    if years < 0 or months < 0 or delta < datetime.timedelta(0):
        return "Een termijn kan niet negatief zijn."
    if years != int(years) or months != int(months):
        return "Gebruik hele jaren en maanden, bijvoorbeeld P18M in plaats van P1.5Y."
    days = (years * 12 + months) * 365 / 12 + delta.days + (1 if delta.seconds or delta.microseconds else 0)
    if days > max_years * _DAYS_PER_YEAR:
        return f"Deze termijn is te lang. Gebruik een termijn van hoogstens {max_years} jaar."
    return None


def add_term(start: datetime.date, term: str) -> datetime.date:
    """Return the last day of a term that starts on ``start``.

    Months and years are calendar months and years (P3M from 31 January ends on 30 April),
    as Algemene termijnenwet and Awb counting treat them. A term that runs past the calendar
    (only one stored before terms were bounded can) ends on its last day, 9999-12-31, so a
    deadline, objection date or archive date of such a type never makes a page or close fail.
    """
    try:
        duration = isodate.parse_duration(term)  # a malformed term still raises: a catalog error
    except OverflowError:
        return datetime.date.max
    try:
        return start + duration
    except (OverflowError, ValueError):  # "date value out of range", "year 10000 is out of range"
        return datetime.date.max


def describe_term(term: str) -> str:
    """Say a term in plain Dutch: P8W -> '8 weken', P1D -> '1 dag', P1Y6M -> '1 jaar en 6 maanden'."""
    if not term:
        return ""
    try:
        match = isodate.parse_duration(term)
    except OverflowError:  # stored before terms were bounded: show it as written, not a 500
        return term
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
