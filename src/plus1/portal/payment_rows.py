"""What the portal shows about leges: "Nog te betalen" in Mijn zaken, "Betaald op" on a zaak.

Kept apart from ``payment_views`` so that ``views`` and ``request_views`` can use it without an
import cycle. Reads only, through ``payments.selectors``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import formats

from plus1.cases.models import RequestDraft, Zaak
from plus1.catalog.models import Adoption
from plus1.core import clock
from plus1.payments import selectors as payment_selectors
from plus1.payments.constants import PaymentStatus
from plus1.payments.fees import fee_for_draft
from plus1.payments.models import Payment, PaymentSettings
from plus1.tenants.models import Organisation


def euro(amount: Decimal) -> str:
    """An amount as the portal writes it: "€ 62,50"."""
    return f"€ {formats.number_format(amount, 2, use_l10n=True)}"


def accepts_online_payment(gemeente: Organisation) -> bool:
    """Whether the gemeente has a payment provider switched on (admin: instellingen online betalen)."""
    return PaymentSettings.objects.filter(tenant=gemeente, is_active=True).exists()


def fee_to_pay_online(draft: RequestDraft) -> Decimal | None:
    """The fee to pay before this draft is sent; None when nothing is paid online.

    A gemeente without a payment provider keeps taking its leges as before (at the counter or
    by invoice): its requests are sent straight away, as they were before online payment.
    """
    if not accepts_online_payment(draft.tenant):
        return None
    return fee_for_draft(draft) or None


def pays_online(adoption: Adoption) -> bool:
    """Whether the product page says the fee is paid online: a fee the process charges, online."""
    zaaktype = adoption.zaaktype
    return bool(
        adoption.fee
        and zaaktype.fee_basis
        and adoption.offers_online
        and zaaktype.allows_online
        and accepts_online_payment(adoption.tenant)
    )


def is_expired(payment: Payment) -> bool:
    """Whether the time to pay this attempt has passed (the expiry task may not have run yet)."""
    return payment.status == PaymentStatus.EXPIRED or (
        not payment.is_paid and payment.expires_at <= clock.now()
    )


def can_pay_again(payment: Payment) -> bool:
    """Whether "Opnieuw betalen" makes sense: the request is not sent and not paid.

    After the time to pay has passed the answers are still kept; paying again starts a new
    period (payments.services.start_payment).
    """
    draft = payment.draft
    return draft is not None and draft.zaak_id is None and not payment.is_paid


@dataclass(frozen=True)
class OpenPaymentRow:
    title: str
    amount: str
    payable_until: datetime
    draft_uuid: str
    is_expired: bool


def open_payment_rows(*, gemeente: Organisation, bsn: str = "", kvk_number: str = "") -> list[OpenPaymentRow]:
    """The "Nog te betalen" section of Mijn zaken: unsent requests that wait for the leges, and
    those that waited too long (they cannot be paid any more: a clear message instead of a button)."""
    owner = {"tenant": gemeente, "bsn": bsn, "kvk_number": kvk_number}
    open_payments = [(p, False) for p in payment_selectors.open_payments_for(**owner)]
    expired = [(p, True) for p in payment_selectors.expired_payments_for(**owner)]
    return [
        OpenPaymentRow(
            title=payment.draft.adoption.zaaktype.omschrijving,
            amount=euro(payment.amount),
            payable_until=payment.expires_at,
            draft_uuid=str(payment.draft.uuid),
            is_expired=is_expired,
        )
        for payment, is_expired in [*open_payments, *expired]
        if payment.draft is not None
    ]


def paid_for(zaak: Zaak) -> Payment | None:
    """The payment that sent this zaak, for "Betaald op ... (€ x)"; None when none was paid online."""
    payment = payment_selectors.payment_for_zaak(zaak)
    return payment if payment is not None and payment.is_paid else None
