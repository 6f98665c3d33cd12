"""The provider's answers (the resident's return and the server-to-server notice), exactly once.

Both may come late, twice, or in any order. Each is checked (SHA-OUT signature, a reference
this gemeente handed out, the payment's own amount and currency), stored as a PaymentEvent
whatever its outcome, and applied under the payment's row lock. "Paid" is terminal: a later
"cancelled" never undoes it, a second "paid" changes nothing, and the request is sent once
(``submit_draft`` is idempotent under the draft's lock too). Paid after the payment expired
still counts: the provider took the money, so the request is sent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Mapping

from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.cases.exceptions import ZaakError
from plus1.cases.models import Zaak
from plus1.cases.services import Initiator, submit_draft
from plus1.connectors import worldline
from plus1.core import clock
from plus1.tenants.models import Organisation

from ..accounts import account_for
from ..completion import complete_on_commit
from ..constants import FeedbackSource, PaymentStatus
from ..exceptions import AmountMismatch, InvalidSignature, ReusedReference, UnknownPayment
from ..models import Payment, PaymentEvent
from .starting import default_initiator

logger = logging.getLogger(__name__)

PAID_ACTOR = Actor.system("Plus1 (betaling ontvangen)")
# An event keeps at most this many parameters of at most this length (a forged post stays small).
MAX_PARAMS = 40
MAX_VALUE = 300
STORED_PARAMS = frozenset(
    {
        "ORDERID",
        "STATUS",
        "PAYID",
        "PAYIDSUB",
        "AMOUNT",
        "CURRENCY",
        "PM",
        "BRAND",
        "NCERROR",
        "ACCEPTANCE",
        "TRXDATE",
    }
)
# What an outcome of the provider does to a payment that is not paid yet.
UNPAID_TRANSITIONS = {
    worldline.Outcome.CANCELLED: PaymentStatus.CANCELLED,
    worldline.Outcome.FAILED: PaymentStatus.FAILED,
}


def _stored_params(params: Mapping[str, str]) -> dict[str, str]:
    """The answer as kept: the payment facts only, never the payer's name, account or address.

    Other parameters (CN, CARDNO, IP, EMAIL, ...) are named under ``_other`` without their value.
    """
    kept: dict[str, str] = {}
    other: list[str] = []
    for name, value in list(params.items())[:MAX_PARAMS]:
        if str(name).upper() in STORED_PARAMS:
            kept[str(name)[:40]] = str(value)[:MAX_VALUE]
        else:
            other.append(str(name)[:40])
    if other:
        kept["_other"] = ",".join(sorted(other))[:MAX_VALUE]
    return kept


def _event(
    *,
    tenant: Organisation,
    source: str,
    params: Mapping[str, str],
    outcome: str,
    payment: Payment | None = None,
) -> PaymentEvent:
    upper = {str(name).upper(): str(value) for name, value in params.items()}
    return PaymentEvent.objects.create(
        tenant=tenant,
        payment=payment,
        source=source,
        reference=upper.get("ORDERID", "")[:40],
        provider_status=upper.get("STATUS", "")[:10],
        params=_stored_params(params),
        outcome=outcome,
    )


def handle_feedback(*, tenant: Organisation, params: Mapping[str, str], source: str) -> Payment:
    """Check and apply one return or notice; returns the payment as it now stands.

    Raises InvalidSignature (changed or forged), UnknownPayment (a reference not of this
    gemeente), AmountMismatch (amount or currency not the payment's) or ReusedReference (a
    second, different transaction on a paid payment); each is stored as an event, and none
    changes a payment.
    """
    if source not in FeedbackSource.values:
        raise ValueError(f"Unknown feedback source {source!r}")
    account = account_for(tenant)
    try:
        feedback = worldline.parse_feedback(params, sha_out=account.sha_out)
    except worldline.WorldlineError:
        _event(tenant=tenant, source=source, params=params, outcome="bad_signature")
        raise InvalidSignature(
            "De gegevens van de betaalprovider zijn niet goed ondertekend. Er is niets betaald."
        ) from None
    refusal = None
    with transaction.atomic():
        # The draft comes along (not locked here: submit_draft locks it), the gemeente is known.
        payment = (
            Payment.objects.select_for_update(of=("self",))
            .select_related("draft")
            .filter(tenant=tenant, reference=feedback.orderid)
            .first()
        )
        if payment is not None:
            payment.tenant = tenant
        if payment is None:
            refusal = ("unknown", UnknownPayment("Deze betaling kennen wij niet."))
        elif feedback.amount != payment.amount or feedback.currency != payment.currency:
            refusal = (
                "amount_mismatch",
                AmountMismatch("Het betaalde bedrag is niet het bedrag van de aanvraag."),
            )
        elif (
            payment.is_paid
            and feedback.outcome == worldline.Outcome.PAID
            and (
                payment.provider_reference and feedback.payid and feedback.payid != payment.provider_reference
            )
        ):
            refusal = (
                "reused",
                ReusedReference("Dit betaalkenmerk is al gebruikt voor een andere betaling."),
            )
        if refusal is None:
            outcome = _apply(payment, feedback, source=source)
            _event(tenant=tenant, source=source, params=params, outcome=outcome, payment=payment)
            return payment
    outcome, error = refusal
    # Stored after the lock's transaction, so the refusal itself is kept.
    _event(tenant=tenant, source=source, params=params, outcome=outcome, payment=payment)
    raise error


def _apply(payment: Payment, feedback: worldline.Feedback, *, source: str) -> str:
    """Change the (locked) payment as the provider's outcome says; returns the event's outcome."""
    if payment.is_paid:
        return "already_paid" if feedback.outcome == worldline.Outcome.PAID else "ignored_after_paid"
    if feedback.outcome == worldline.Outcome.PAID:
        _mark_paid(payment, feedback, source=source)
        return "paid" if payment.zaak_id else "paid_not_sent"
    if feedback.outcome == worldline.Outcome.PENDING:
        return "pending"
    new_status = UNPAID_TRANSITIONS[feedback.outcome]
    if payment.status == PaymentStatus.EXPIRED:
        return f"{new_status}_after_expiry"
    if payment.status != new_status:
        payment.status = new_status
        payment.provider_reference = feedback.payid[:40]
        payment.save(update_fields=["status", "provider_reference", "updated_at"])
    return str(new_status)


def _mark_paid(payment: Payment, feedback: worldline.Feedback, *, source: str) -> None:
    """Record the payment as paid and send the request, once; both in the caller's transaction.

    A request that cannot be sent (its process changed, an answer no longer valid) stays a
    draft and the payment stays paid: the money was received and the team sees it in the
    reconciliation (no zaak) to sort out by hand.
    """
    now = clock.now()
    before = {"status": payment.status}
    payment.status = PaymentStatus.PAID
    payment.paid_at = now
    payment.provider_reference = feedback.payid[:40]
    payment.method = feedback.method
    zaak = _send_request(payment, paid_at=now)
    payment.zaak = zaak
    payment.save(update_fields=["status", "paid_at", "provider_reference", "method", "zaak", "updated_at"])
    record_change(
        tenant=payment.tenant,
        actor=PAID_ACTOR,
        action="payment_paid",
        obj=payment,
        main_object=zaak or payment,
        before=before,
        after={
            "status": payment.status,
            "reference": payment.reference,
            "provider_reference": payment.provider_reference,
            "amount": str(payment.amount),
            "zaak": zaak.identificatie if zaak else "",
            "source": source,
        },
    )


def _send_request(payment: Payment, *, paid_at: datetime.datetime) -> Zaak | None:
    draft = payment.draft
    if draft is None:
        return None
    if draft.tenant_id == payment.tenant_id:
        draft.tenant = payment.tenant
    submission = payment.submission or {}
    initiator = Initiator(**submission["initiator"]) if submission.get("initiator") else None
    actor = Actor(**submission["actor"]) if submission.get("actor") else PAID_ACTOR
    if initiator is None:
        initiator = default_initiator(draft)
    confirm_to = submission.get("confirm_to", "")
    try:
        with transaction.atomic():
            zaak = submit_draft(
                draft=draft,
                initiator=initiator,
                actor=actor,
                confirm_to=confirm_to,
                paid_at=paid_at,
                defer_completion=True,
            )
    except ZaakError:
        logger.exception("Payment %s is paid but its request could not be sent", payment.reference)
        return None
    if zaak.laatste_betaaldatum == paid_at:  # registered just now (not by an earlier payment)
        complete_on_commit(zaak=zaak, actor=actor, confirm_to=confirm_to)
    return zaak
