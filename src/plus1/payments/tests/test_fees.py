"""The fee: the gemeente's adopted amount, fixed or per unit of a numeric answer, as the base process says."""

from decimal import Decimal

import pytest

from plus1.catalog.models import ZaakType
from plus1.payments.fees import fee_for_draft, is_returned, units_of
from plus1.payments.tests.factories import draft_for, paid_process

pytestmark = pytest.mark.django_db


def test_a_fixed_fee_is_the_adopted_amount(adoption):
    assert fee_for_draft(draft_for(adoption, years="4")) == Decimal("62.50")


def test_a_fee_per_unit_multiplies_by_the_answer(collective, gemeente_a):
    adoption = paid_process(gemeente_a, fee="25.00", basis="per_unit")

    assert fee_for_draft(draft_for(adoption, years="3")) == Decimal("75.00")


def test_a_missing_or_odd_answer_counts_as_one_unit_never_as_free():
    assert units_of(None) == 1
    assert units_of("") == 1
    assert units_of("drie") == 1
    assert units_of("2,5") == Decimal("2.5")
    assert units_of("-3") == 0


def test_no_fee_without_an_amount_or_a_fee_rule(collective, gemeente_a):
    assert fee_for_draft(draft_for(paid_process(gemeente_a, fee=None))) is None
    adoption = paid_process(gemeente_a, fee="0.00")
    assert fee_for_draft(draft_for(adoption, bsn="999990019")) is None
    ZaakType.objects.filter(pk=adoption.zaaktype_id).update(fee_basis="")
    adoption.zaaktype.refresh_from_db()
    adoption.fee = Decimal("10")
    assert fee_for_draft(draft_for(adoption, bsn="999990020")) is None


def test_whether_the_fee_is_returned_follows_the_base_process(adoption):
    zaaktype = adoption.zaaktype  # returned on withdrawal, not on rejection

    assert is_returned(zaaktype=zaaktype, withdrawn=True, rejected=False)
    assert not is_returned(zaaktype=zaaktype, withdrawn=False, rejected=True)


def test_per_unit_needs_the_question_named(adoption):
    from django.core.exceptions import ValidationError

    zaaktype = adoption.zaaktype
    zaaktype.fee_basis, zaaktype.fee_unit_eigenschap = "per_unit", ""
    with pytest.raises(ValidationError):
        zaaktype.clean()
