"""Refunds of a paid fee when the request is withdrawn or rejected and the base process returns it.

Only the whole fee, once per payment. The provider is asked first (Worldline maintenancedirect,
or at once for the simulator), under the payment's row lock, so two teamleiders pressing at
the same moment never refund twice. A second payment of the same request (paid twice) may
always be refunded.
"""

from __future__ import annotations

from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.cases.models import Zaak
from plus1.connectors import worldline
from plus1.core import clock

from ..accounts import account_for
from ..constants import PaymentStatus, Provider, RefundStatus
from ..exceptions import RefundFailed, RefundNotAllowed
from ..fees import is_returned
from ..models import Payment, Refund

# Generic result descriptions (ZGW resultaattypeomschrijvingen) that mean withdrawn or rejected.
WITHDRAWN = frozenset({"Ingetrokken"})
REJECTED = frozenset({"Afgewezen", "Geweigerd", "Niet ontvankelijk"})


def result_of(zaak: Zaak) -> str:
    """The zaak's generic result description ('Ingetrokken', 'Afgewezen', ...), or ''."""
    resultaat = getattr(zaak, "resultaat", None) if zaak.pk else None
    if resultaat is None:
        return ""
    return resultaat.resultaattype.generic.omschrijving


def is_duplicate(payment: Payment) -> bool:
    """Another payment of the same request was paid earlier: this one was paid twice."""
    if payment.draft_id is None or payment.paid_at is None:
        return False
    return (
        Payment.objects.filter(draft_id=payment.draft_id, paid_at__lt=payment.paid_at)
        .filter(status__in=(PaymentStatus.PAID, PaymentStatus.REFUNDED))
        .exclude(pk=payment.pk)
        .exists()
    )


def refund_refusal(payment: Payment) -> str:
    """Why this payment cannot be refunded (Dutch, for the teamleider), or '' when it can."""
    if payment.status == PaymentStatus.REFUNDED:
        return "Deze betaling is al terugbetaald."
    if payment.status != PaymentStatus.PAID:
        return "Alleen een betaalde betaling kan worden terugbetaald."
    if is_duplicate(payment):
        return ""
    if payment.zaak is None:
        return "Deze betaling hoort (nog) niet bij een zaak."
    result = result_of(payment.zaak)
    if not (result in WITHDRAWN or result in REJECTED):
        return "Alleen bij een ingetrokken of afgewezen aanvraag worden de leges terugbetaald."
    if not is_returned(
        zaaktype=payment.zaak.zaaktype, withdrawn=result in WITHDRAWN, rejected=result in REJECTED
    ):
        return "Bij dit product worden de leges niet terugbetaald (zo staat het in het basisproces)."
    return ""


@transaction.atomic
def refund(*, payment: Payment, actor: Actor, reason: str) -> Refund:
    """Pay the fee back (teamleider): check the rules, ask the provider, record and audit it.

    Raises RefundNotAllowed (rules, with the reason in Dutch) or RefundFailed (the provider
    said no or could not be reached; nothing recorded as refunded).
    """
    reason = (reason or "").strip()
    if not reason:
        raise RefundNotAllowed("Geef een reden voor het terugbetalen.")
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("zaak__zaaktype", "tenant")
        .get(pk=payment.pk)
    )
    if refusal := refund_refusal(payment):
        raise RefundNotAllowed(refusal)
    account = account_for(payment.tenant)
    provider_reference = ""
    status = RefundStatus.DONE
    if payment.provider != Provider.SIMULATOR:
        try:
            result = worldline.refund(
                environment=account.environment,
                pspid=account.pspid,
                user_id=account.api_user,
                password=account.api_password,
                sha_in=account.sha_in,
                payid=payment.provider_reference,
                amount=payment.amount,
            )
        except worldline.WorldlineError as exc:
            raise RefundFailed(f"Terugbetalen is niet gelukt: {exc} Probeer het later opnieuw.") from exc
        provider_reference = f"{result.payid}/{result.payid_sub}".strip("/")[:40]
        status = RefundStatus.DONE if result.is_done else RefundStatus.PENDING
    refund_row = Refund.objects.create(
        tenant=payment.tenant,
        payment=payment,
        amount=payment.amount,
        reason=reason[:2000],
        status=status,
        provider_reference=provider_reference,
        actor_id=actor.id,
        actor_label=actor.label,
    )
    payment.status = PaymentStatus.REFUNDED
    payment.refunded_at = clock.now()
    payment.save(update_fields=["status", "refunded_at", "updated_at"])
    record_change(
        tenant=payment.tenant,
        actor=actor,
        action="payment_refunded",
        obj=payment,
        main_object=payment.zaak or payment,
        before={"status": PaymentStatus.PAID},
        after={
            "status": payment.status,
            "reference": payment.reference,
            "amount": str(refund_row.amount),
            "refund_status": refund_row.status,
            "provider_reference": provider_reference,
        },
        note=reason[:500],
    )
    return refund_row
