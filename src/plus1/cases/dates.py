"""The range of dates Plus1 accepts from a client, an employee or a resident.

The ZGW standards put no bounds on dates, but a date like 9999-12-31 breaks the deadline
arithmetic (a term added to it lies past the last date Python knows) and a date in the
year 1 is a typing error, not a record. Every channel checks the same range, so the API,
the portal and the back office answer the same:

- not before 1 January 1800: digitised archives (bouwdossiers, old besluiten) go back to
  the nineteenth century, nothing a gemeente registers goes further back;
- not more than 100 years after today: far enough for any planned date (an end date, a
  vervaldatum, a publication), and a deadline of centuries added to it still fits;
- archive dates (``archiefactiedatum``) up to 200 years after today: retention terms of
  the selectielijst reach beyond a century after the zaak ends.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

from plus1.core import clock

EARLIEST = datetime.date(1800, 1, 1)
YEARS_AHEAD = 100
ARCHIVE_YEARS_AHEAD = 200


def latest(*, years_ahead: int = YEARS_AHEAD, today: datetime.date | None = None) -> datetime.date:
    """The last date accepted: ``years_ahead`` years after today (28 February for a 29th)."""
    today = today or clock.today()
    try:
        return today.replace(year=today.year + years_ahead)
    except ValueError:
        return today.replace(year=today.year + years_ahead, day=28)


def date_problem(value: datetime.date, *, years_ahead: int = YEARS_AHEAD) -> str | None:
    """The reason in plain Dutch why ``value`` is out of range, or None when it is fine."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if value < EARLIEST:
        return f"Deze datum ligt te ver in het verleden. Gebruik een datum vanaf {EARLIEST:%d-%m-%Y}."
    last = latest(years_ahead=years_ahead)
    if value > last:
        return f"Deze datum ligt te ver in de toekomst. Gebruik een datum tot en met {last:%d-%m-%Y}."
    return None


def validate_date(value: datetime.date | None) -> None:
    """Django validator for form fields: the same range as the API."""
    if value is not None and (reason := date_problem(value)):
        raise ValidationError(reason, code="date_out_of_range")
