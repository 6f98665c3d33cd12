"""Refunds of a paid fee when the request is withdrawn or rejected and the process returns it."""

from __future__ import annotations

from plus1.audit.services import Actor

from ..models import Payment, Refund


def refund(*, payment: Payment, actor: Actor, reason: str) -> Refund:
    raise NotImplementedError
