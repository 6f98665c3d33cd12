"""Paying leges in the portal (issue 21): the page with the provider's form, the way back, the notice.

The resident goes from the summary (or Mijn zaken) to the provider's hosted payment page with a
plain form POST (no JavaScript). What was paid is never read from the browser: the way back and
the provider's server-to-server notice both go through ``payments.services.handle_feedback``,
which checks the SHA-OUT signature, the reference and the amount, and submits the request once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from plus1.cases.models import RequestDraft
from plus1.cases.services import Initiator
from plus1.core.ratelimit import limit_per_ip
from plus1.payments import services as payment_services
from plus1.payments.constants import FeedbackSource, PaymentStatus
from plus1.payments.exceptions import PaymentError
from plus1.payments.models import Payment
from plus1.tenants.models import Organisation

from . import payment_rows
from .payment_rows import euro
from .routing import gemeente_for_request, portal_redirect, portal_reverse
from .visitors import business_kvk, require_fresh_login, require_login, resident_actor, resident_bsn

# The ways back from the provider's page; which one it was never decides the outcome.
RETURN_OUTCOMES = ("betaald", "geweigerd", "geannuleerd", "fout")
INITIATOR_FIELDS = ("name", "bsn", "kvk_number", "email")


def _return_urls(request: HttpRequest) -> payment_services.ReturnUrls:
    """Where the provider sends the resident back; the signed ORDERID says which payment it was."""

    def url(outcome: str) -> str:
        return request.build_absolute_uri(portal_reverse(request, "portal:payment-return", outcome))

    return payment_services.ReturnUrls(
        accept=url("betaald"),
        decline=url("geweigerd"),
        cancel=url("geannuleerd"),
        exception=url("fout"),
        notify=request.build_absolute_uri(portal_reverse(request, "portal:payment-notice")),
    )


def start_and_show(
    request: HttpRequest,
    *,
    gemeente: Organisation,
    draft: RequestDraft,
    initiator: Initiator | None = None,
    confirm_to: str = "",
) -> HttpResponse:
    """Start a payment for ``draft`` and show "U betaalt € x" with the provider's form.

    Used by the summary (first time, with the initiator's name from the BRP and the e-mail
    address for the confirmation, kept until the provider says "paid") and by Mijn zaken
    (paying later): a new payment with a new reference every time, never a reused one.
    """
    try:
        hosted = payment_services.start_payment(
            draft=draft,
            actor=resident_actor(request),
            urls=_return_urls(request),
            initiator=initiator,
            confirm_to=confirm_to,
        )
    except PaymentError as exc:
        messages.error(request, str(exc))
        return portal_redirect(request, "portal:my-zaken")
    payment = hosted.payment
    context = {
        "gemeente": gemeente,
        "payment": payment,
        "amount": euro(payment.amount),
        "product": draft.adoption.zaaktype.omschrijving,
        "action": hosted.action,
        "fields": sorted(hosted.fields.items()),
        "payable_until": payment.expires_at,
    }
    response = render(request, "portal/payments/pay.html", context)
    # The form posts to the provider's own site: allow exactly that origin (not the simulator: self).
    action = urlsplit(hosted.action)
    if action.scheme and action.netloc:
        response._csp_update = {"form-action": [f"{action.scheme}://{action.netloc}"]}
    return response


def _own_open_draft(request: HttpRequest, gemeente: Organisation, draft_uuid) -> RequestDraft:
    """The logged-in resident's or business's unsent draft here; anyone else's is "not found"."""
    owner = (
        {"owner_bsn": bsn} if (bsn := resident_bsn(request)) else {"owner_kvk_number": business_kvk(request)}
    )
    draft = (
        RequestDraft.objects.select_related("adoption__zaaktype", "tenant")
        .filter(tenant=gemeente, uuid=draft_uuid, zaak__isnull=True, **owner)
        .first()
    )
    if draft is None:
        raise Http404(_("Deze aanvraag bestaat niet (meer) of is al verstuurd."))
    return draft


def _earlier_submission(draft: RequestDraft) -> tuple[Initiator | None, str]:
    """The name (from the BRP) and confirmation address given at the summary, kept on the
    request's earlier attempt, so a request paid later is registered the same way."""
    submission = (
        Payment.objects.filter(tenant=draft.tenant, draft=draft)
        .order_by("-created_at", "-pk")
        .values_list("submission", flat=True)
        .first()
    ) or {}
    known = submission.get("initiator") or {}
    initiator = Initiator(**{name: str(known.get(name, "")) for name in INITIATOR_FIELDS}) if known else None
    return initiator, str(submission.get("confirm_to", ""))


@require_POST
def pay_draft(request: HttpRequest, draft_uuid, gemeente_slug: str | None = None) -> HttpResponse:
    """ "Betalen" in Mijn zaken: pay a saved request later (a new payment, same request)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    draft = _own_open_draft(request, gemeente, draft_uuid)
    # Paying sends the request: a sensitive step, as in the summary.
    if (
        redirect_to_login := require_fresh_login(request, portal_reverse(request, "portal:my-zaken"))
    ) is not None:
        return redirect_to_login
    initiator, confirm_to = _earlier_submission(draft)
    return start_and_show(request, gemeente=gemeente, draft=draft, initiator=initiator, confirm_to=confirm_to)


def _is_owner(request: HttpRequest, draft: RequestDraft | None) -> bool:
    bsn, kvk_number = resident_bsn(request), business_kvk(request)
    return draft is not None and bool(
        (bsn and draft.owner_bsn == bsn) or (kvk_number and draft.owner_kvk_number == kvk_number)
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def payment_return(request: HttpRequest, outcome: str, gemeente_slug: str | None = None) -> HttpResponse:
    """The resident back from the provider. The signed parameters decide, never the URL.

    No log-in needed: a resident whose session ended while paying still gets the payment
    recorded (the notice does it too). Only the owner sees the zaaknummer and "pay again".
    """
    gemeente = gemeente_for_request(request, gemeente_slug)
    if outcome not in RETURN_OUTCOMES:
        raise Http404
    params = dict((request.POST if request.method == "POST" else request.GET).items())
    try:
        payment = payment_services.handle_feedback(
            tenant=gemeente, params=params, source=FeedbackSource.RETURN
        )
    except PaymentError as exc:
        context = {"gemeente": gemeente, "message": str(exc)}
        return render(request, "portal/payments/invalid_return.html", context, status=400)
    is_owner = _is_owner(request, payment.draft)
    if payment.is_paid and is_owner and payment.zaak_id:
        messages.success(
            request,
            _("U heeft %(amount)s betaald. Uw aanvraag is verstuurd. Uw zaaknummer is %(nummer)s.")
            % {"amount": euro(payment.amount), "nummer": payment.zaak.identificatie},
        )
        return portal_redirect(request, "portal:my-zaak-detail", payment.zaak.identificatie)
    context = {
        "gemeente": gemeente,
        "payment": payment,
        "amount": euro(payment.amount),
        "is_owner": is_owner,
        "is_paid": payment.is_paid,
        "is_open": payment.status == PaymentStatus.OPEN,
        "payable_until": payment.expires_at,
        "is_expired": payment_rows.is_expired(payment),
        "can_pay_again": is_owner and payment_rows.can_pay_again(payment),
    }
    return render(request, "portal/payments/result.html", context)


@csrf_exempt
@require_POST
@limit_per_ip("payment-notice", rate_setting="PLUS1_RATELIMIT_PAYMENT_NOTICE")
def payment_notice(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """The provider's server-to-server notice ("direct HTTP"): 200 when recorded, 400 when refused.

    No session, no CSRF token: the SHA-OUT signature is the proof. Plain text answers.
    """
    gemeente = gemeente_for_request(request, gemeente_slug)
    params = dict(request.POST.items())
    try:
        payment_services.handle_feedback(tenant=gemeente, params=params, source=FeedbackSource.NOTICE)
    except PaymentError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse("OK", content_type="text/plain; charset=utf-8")
