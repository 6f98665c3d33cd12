"""Payments in the back office (issue 21): the daily reconciliation, its CSV and refunds.

Only a teamleider of the gemeente sees these pages (the "Betalingen" menu item); everyone else
gets "geen toegang". Every query is scoped to ``request.tenant``: another gemeente's payment is
"not found". The services audit the refund and the CSV download.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from plus1.accounts.constants import Role
from plus1.payments import selectors, services
from plus1.payments.exceptions import PaymentError
from plus1.payments.models import Payment
from plus1.payments.services.refunds import refund_refusal

from .access import employee_view
from .payment_forms import DayForm, RefundForm

PAYMENT_ROLES = (Role.TEAMLEIDER,)


@require_GET
@employee_view(roles=PAYMENT_ROLES)
def reconciliation_view(request: HttpRequest) -> HttpResponse:
    """One day of the gemeente's payments: totals paid, refunded and open, and every payment."""
    form = DayForm(request.GET or None)
    day = form.day()
    report = selectors.reconciliation(tenant=request.tenant, day=day)
    context = {"nav": "payments", "form": form, "day": day, "report": report}
    return render(
        request, "backoffice/payments/reconciliation.html", context, status=400 if form.errors else 200
    )


@require_GET
@employee_view(roles=PAYMENT_ROLES)
def reconciliation_csv_view(request: HttpRequest) -> HttpResponse:
    form = DayForm(request.GET or None)
    if form.errors:
        return render(
            request,
            "backoffice/payments/reconciliation.html",
            {"nav": "payments", "form": form, "day": form.day(), "report": None},
            status=400,
        )
    day = form.day()
    report = selectors.reconciliation(tenant=request.tenant, day=day)
    response = HttpResponse(selectors.reconciliation_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"betalingen-{request.tenant.slug}-{day.isoformat()}.csv"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _payment_or_404(request: HttpRequest, payment_uuid) -> Payment:
    payment = (
        Payment.objects.filter(tenant=request.tenant, uuid=payment_uuid)
        .select_related("zaak", "draft__adoption__zaaktype")
        .first()
    )
    if payment is None:
        raise Http404(_("Deze betaling bestaat niet."))
    return payment


@require_http_methods(["GET", "POST"])
@employee_view(roles=PAYMENT_ROLES)
def refund_view(request: HttpRequest, payment_uuid) -> HttpResponse:
    """Confirm page and POST: pay the fee back, with a reason, when the rules allow it."""
    payment = _payment_or_404(request, payment_uuid)
    form = RefundForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.refund(payment=payment, actor=request.actor, reason=form.cleaned_data["reason"])
        except PaymentError as exc:
            error = str(exc)
        else:
            messages.success(request, _("De leges zijn terugbetaald."))
            day = payment.paid_at.date() if payment.paid_at else None
            url = reverse("backoffice:payment-reconciliation")
            return redirect(f"{url}?dag={day.isoformat()}" if day else url)
    context = {
        "nav": "payments",
        "payment": payment,
        "form": form,
        "error": error,
        "refunds": list(payment.refunds.order_by("created_at")),
        # Why the rules say no (Dutch), or "": then the form is shown.
        "refusal": error or refund_refusal(payment),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "backoffice/payments/refund.html", context, status=status)
