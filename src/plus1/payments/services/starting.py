"""Starting a payment: a fresh reference and the signed form that takes the resident to the provider."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from plus1.audit.services import Actor
from plus1.cases.models import RequestDraft
from plus1.cases.services import Initiator, missing_documents
from plus1.catalog.answers import clean_answers
from plus1.connectors import worldline
from plus1.core import clock

from ..accounts import account_for
from ..constants import PaymentStatus
from ..exceptions import PaymentNotPossible
from ..fees import fee_for_draft
from ..models import Payment

REFERENCE_PREFIX = "P1"


@dataclass(frozen=True)
class ReturnUrls:
    """Absolute URLs of the portal the provider sends the resident back to.

    ``notify`` is the server-to-server notice URL. Worldline takes it from its back office
    (``https://<host>/<PARAMVAR>/betalen/melding/``, PARAMVAR being the gemeente's slug), not
    from the form, so it is informative only.
    """

    accept: str
    decline: str
    exception: str
    cancel: str
    notify: str = ""


@dataclass(frozen=True)
class HostedForm:
    """What the portal renders: a form POSTing ``fields`` (hidden inputs) to ``action``."""

    payment: Payment
    action: str
    fields: dict[str, str] = field(default_factory=dict)


def new_reference() -> str:
    """A fresh ORDERID: 'P1' and 16 random capitals and digits (Worldline allows up to 40)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return REFERENCE_PREFIX + "".join(secrets.choice(alphabet) for _ in range(16))


def payable_until(draft: RequestDraft, *, hours: int, now: datetime.datetime) -> datetime.datetime:
    """Until when this request can be paid: the deadline of its running attempts, or a new one.

    Paying again (after cancelling) keeps the first deadline, so retrying never extends it;
    once it passed, a new attempt starts a new period.
    """
    running = (
        Payment.objects.filter(draft=draft, expires_at__gt=now)
        .exclude(status=PaymentStatus.EXPIRED)
        .order_by("expires_at")
        .values_list("expires_at", flat=True)
        .first()
    )
    return running or now + datetime.timedelta(hours=hours)


def check_complete(draft: RequestDraft) -> None:
    """Refuse a request that could not be sent once paid: answers or documents missing."""
    eigenschappen = list(draft.adoption.zaaktype.eigenschappen.all())
    try:
        clean_answers(eigenschappen, draft.data, complete=True)
    except ValidationError:
        raise PaymentNotPossible("Vul eerst alle vragen in; daarna kunt u betalen.") from None
    if missing_documents(draft):
        raise PaymentNotPossible("Voeg eerst de gevraagde documenten toe; daarna kunt u betalen.")


@transaction.atomic
def start_payment(
    *,
    draft: RequestDraft,
    actor: Actor,
    urls: ReturnUrls,
    initiator: Initiator | None = None,
    confirm_to: str = "",
) -> HostedForm:
    """Create a payment for the draft's fee and the signed form to the provider's hosted page.

    Every call makes a new payment with a new reference (Worldline refuses a reused ORDERID);
    earlier attempts of the same draft stay valid until paid or expired. Paid means sent: the
    answers and documents must be complete now. ``initiator`` (name from the BRP) and
    ``confirm_to`` are kept for the moment the provider says "paid", which may come without
    the resident (the server-to-server notice). Raises PaymentNotConfigured / PaymentNotPossible.
    """
    account = account_for(draft.tenant, starting=True)
    draft = (
        RequestDraft.objects.select_for_update()
        .select_related("adoption__zaaktype", "tenant")
        .get(pk=draft.pk)
    )
    if draft.is_submitted:
        raise PaymentNotPossible("Deze aanvraag is al verstuurd.")
    amount = fee_for_draft(draft)
    if amount is None:
        raise PaymentNotPossible("Voor deze aanvraag hoeft u niet te betalen.")
    if Payment.objects.filter(draft=draft, status=PaymentStatus.PAID).exists():
        raise PaymentNotPossible("Deze aanvraag is al betaald; wij versturen hem.")
    check_complete(draft)
    now = clock.now()
    initiator = initiator or default_initiator(draft)
    payment = Payment.objects.create(
        tenant=draft.tenant,
        reference=new_reference(),
        draft=draft,
        amount=amount,
        provider=account.provider,
        description=draft.adoption.zaaktype.omschrijving[:200],
        expires_at=payable_until(draft, hours=account.expiry_hours, now=now),
        submission={
            "initiator": asdict(initiator),
            "confirm_to": confirm_to,
            "actor": asdict(actor),
        },
    )
    request = worldline.PaymentRequest(
        pspid=account.pspid,
        orderid=payment.reference,
        amount=amount,
        accept_url=urls.accept,
        decline_url=urls.decline,
        exception_url=urls.exception,
        cancel_url=urls.cancel,
        description=f"{payment.description} ({draft.tenant.name})",
        title=draft.tenant.name,
        paramvar=draft.tenant.slug,
    )
    return HostedForm(
        payment=payment, action=account.action, fields=worldline.payment_form(request, sha_in=account.sha_in)
    )


def default_initiator(draft: RequestDraft) -> Initiator:
    """The initiator when the portal gave none: the owner by BSN or KvK number."""
    if draft.owner_kvk_number:
        return Initiator(
            name=f"Onderneming met KvK-nummer {draft.owner_kvk_number}", kvk_number=draft.owner_kvk_number
        )
    return Initiator(name="Inwoner", bsn=draft.owner_bsn)
