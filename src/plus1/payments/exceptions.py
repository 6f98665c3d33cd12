"""Errors of payments; each message is plain Dutch (B1) and safe to show a resident."""

from __future__ import annotations

from plus1.core.exceptions import Plus1Error


class PaymentError(Plus1Error):
    """Base of every payments error."""


class PaymentNotConfigured(PaymentError):
    """The gemeente has no (usable) payment provider: no payment can start."""


class InvalidSignature(PaymentError):
    """The provider's answer is not signed with the gemeente's SHA-OUT passphrase: changed or forged."""


class UnknownPayment(PaymentError):
    """The answer names a payment reference (ORDERID) Plus1 did not hand out for this gemeente."""


class AmountMismatch(PaymentError):
    """The answer's amount or currency is not the payment's."""


class PaymentNotPossible(PaymentError):
    """This request cannot be paid now: no fee, already sent, or expired."""


class RefundNotAllowed(PaymentError):
    """The refund rules say no: not paid, not withdrawn or rejected, or the fee is not returned."""


class RefundFailed(PaymentError):
    """The provider refused or could not be reached; nothing was refunded."""


class ReusedReference(PaymentError):
    """The answer is for a payment that was already settled with another provider transaction."""
