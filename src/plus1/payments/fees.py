"""The fee of a request: the gemeente's adopted amount, computed as its base process says."""

from __future__ import annotations

from decimal import Decimal

from plus1.cases.models import RequestDraft


def fee_for_draft(draft: RequestDraft) -> Decimal | None:
    raise NotImplementedError
