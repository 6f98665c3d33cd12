import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from plus1.catalog.answers import clean_answer
from plus1.catalog.models import Eigenschap


def _field(data_type, **rules):
    return Eigenschap(name="veld", label="Veld", data_type=data_type, step="x", order=1, **rules)


@pytest.mark.parametrize(
    ("data_type", "rules", "raw", "expected"),
    [
        ("bsn", {}, "999993653", "999993653"),
        ("bsn", {}, "9999 93 653", "999993653"),
        ("postcode", {}, "3511ab", "3511 AB"),
        ("phone", {}, "06-12345678", "0612345678"),
        ("boolean", {}, "Ja", "ja"),
        ("number", {"min_value": 1}, "2,5", "2.5"),
        ("date", {}, "31-12-2026", "2026-12-31"),
        ("choice", {"choices": ["A", "B"]}, "B", "B"),
        ("text", {"max_length": 8}, "  AB-123-C ", "AB-123-C"),
    ],
)
def test_good_answers_are_stored_in_one_normal_form(data_type, rules, raw, expected):
    assert clean_answer(_field(data_type, **rules), raw) == expected


@pytest.mark.parametrize(
    ("data_type", "rules", "raw", "message"),
    [
        ("bsn", {}, "123456789", "geen geldig burgerservicenummer"),
        ("postcode", {}, "0123 AB", "4 cijfers en 2 letters"),
        ("email", {}, "suzanne@", "geldig e-mailadres"),
        ("number", {"max_value": 10}, "11", "hoogstens 10"),
        ("number", {}, "veel", "Vul een getal in"),
        ("date", {}, "31-02-2026", "bestaande datum"),
        ("date", {"date_range": "past"}, "2026-06-02", "vandaag of eerder"),
        ("date", {"date_range": "future"}, "2026-05-31", "vandaag of later"),
        ("choice", {"choices": ["A", "B"]}, "C", "Kies een van de mogelijkheden"),
        ("text", {"min_length": 6}, "AB", "minstens 6 tekens"),
        ("boolean", {}, "misschien", "Kies ja of nee"),
    ],
)
@time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
def test_bad_answers_are_explained_in_plain_dutch(data_type, rules, raw, message):
    with pytest.raises(ValidationError) as error:
        clean_answer(_field(data_type, **rules), raw)

    assert message in error.value.messages[0]
