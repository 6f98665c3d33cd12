from django.core.exceptions import ValidationError

from .terms import ARCHIVE_TERM_YEARS, term_problem


def validate_iso_duration(value: str) -> None:
    """Accept an ISO 8601 duration such as P8W, P3M or P1Y6M (ZGW uses these for every term).

    The model fields check the widest bound (an archive term of 200 years) and that the term
    can be counted at all; the API and the catalog import hold zaak terms to 100 years.
    """
    if reason := term_problem(value, max_years=ARCHIVE_TERM_YEARS):
        raise ValidationError(reason, code="invalid_duration")
