"""The fee of a request: the gemeente's adopted amount, computed as its base process says.

``Adoption.fee`` is the gemeente's amount; the base process (catalog ``ZaakType``) says whether
it is a fixed amount or an amount per unit of a numeric answer (years, number of kentekens).
A process without a fee rule, or a gemeente without an amount, asks no payment.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from plus1.cases.models import RequestDraft
from plus1.catalog.constants import FeeBasis

CENT = Decimal("0.01")


def units_of(answer: object) -> Decimal:
    """The number of units an answer gives; one when it is missing or not a number.

    Never zero by omission: a request cannot become free because an answer is absent. A
    stated 0 (or less) counts as no units.
    """
    try:
        units = Decimal(str(answer).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return Decimal(1)
    if not units.is_finite():
        return Decimal(1)
    return max(units, Decimal(0))


def fee_for_draft(draft: RequestDraft) -> Decimal | None:
    """The amount to pay before this request is sent, or None when nothing is to be paid."""
    adoption = draft.adoption
    zaaktype = adoption.zaaktype
    if adoption.fee is None or not zaaktype.fee_basis:
        return None
    amount = adoption.fee
    if zaaktype.fee_basis == FeeBasis.PER_UNIT:
        amount = amount * units_of((draft.data or {}).get(zaaktype.fee_unit_eigenschap))
    amount = amount.quantize(CENT)
    return amount if amount > 0 else None


def is_returned(*, zaaktype: object, withdrawn: bool, rejected: bool) -> bool:
    """Whether the base process returns the fee for a request that was withdrawn or rejected."""
    return bool(
        (withdrawn and getattr(zaaktype, "fee_returned_on_withdrawal", False))
        or (rejected and getattr(zaaktype, "fee_returned_on_rejection", False))
    )
