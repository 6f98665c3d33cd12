"""The terms a catalog accepts (catalog.terms): every realistic ISO 8601 term, nothing that
cannot be counted on a calendar; a term stored before the bound still shows, never a 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from plus1.catalog.terms import ARCHIVE_TERM_YEARS, describe_term, term_problem
from plus1.catalog.validators import validate_iso_duration


@pytest.mark.parametrize(
    "term", ["P8W", "P6W", "P3M", "P1Y6M", "P100Y", "P1200M", "P36525D", "PT12H", "P0D", "P1.5D"]
)
def test_every_realistic_term_is_accepted(term):
    assert term_problem(term) is None
    validate_iso_duration(term)


@pytest.mark.parametrize(
    ("term", "reason"),
    [
        ("P99999999999D", "geen geldige termijn"),
        ("P-1D", "geen geldige termijn"),
        ("-P1D", "niet negatief"),
        ("P1.5Y", "hele jaren"),
        ("P999999999Y", "te lang"),
        ("PT9999999999H", "te lang"),
        ("P101Y", "te lang"),
    ],
)
def test_a_term_beyond_any_sense_is_refused_with_its_reason(term, reason):
    assert reason in term_problem(term)


def test_archive_terms_reach_two_centuries_and_the_models_check_the_widest_bound():
    assert term_problem("P150Y") is not None
    assert term_problem("P150Y", max_years=ARCHIVE_TERM_YEARS) is None
    validate_iso_duration("P150Y")
    with pytest.raises(ValidationError):
        validate_iso_duration("P201Y")
    with pytest.raises(ValidationError):
        validate_iso_duration("P99999999999D")  # before: OverflowError, a 500 on every channel


def test_a_term_stored_before_the_bound_is_shown_as_written():
    assert describe_term("P99999999999D") == "P99999999999D"
    assert describe_term("P8W") == "8 weken"


@pytest.mark.parametrize("term", ["P99999999999D", "P999999999Y", "P9000Y"])
def test_a_term_stored_before_the_bound_ends_on_the_calendars_last_day(term):
    # Closing a zaak adds the archive and objection terms: such a term must not make it fail.
    import datetime

    from plus1.catalog.terms import add_term

    assert add_term(datetime.date(2026, 12, 7), term) == datetime.date.max
