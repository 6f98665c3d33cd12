"""Klantwaardering in the portal: the resident opens an invitation link and answers, no log-in.

Two ways in: the signed link from the e-mail and Mijn zaken (``waardering/<token>/``) and the
short link of a contact moment (``w/<code>/``). A link that was altered, belongs to another
gemeente, has expired or was used shows a calm Dutch page instead of the form. Sending answers
is limited per IP address (PLUS1_RATELIMIT_FEEDBACK); so is opening a short code, against guessing.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from plus1.core.ratelimit import limit_per_ip
from plus1.feedback import services
from plus1.feedback.answers import open_invitation_for_zaak
from plus1.feedback.exceptions import AnswerInvalid, InvitationError
from plus1.feedback.surveys import current_survey, own_questions
from plus1.tenants.models import Organisation

from .feedback_forms import FeedbackForm
from .routing import gemeente_for_request, portal_reverse

# The status of each "cannot use this link" page.
UNAVAILABLE_STATUS = {
    InvitationError.INVALID: 404,
    InvitationError.OTHER_GEMEENTE: 404,
    InvitationError.EXPIRED: 410,
    InvitationError.USED: 409,
}


@never_cache
@require_http_methods(["GET", "POST"])
@limit_per_ip("portal-feedback", rate_setting="PLUS1_RATELIMIT_FEEDBACK")
def answer(request: HttpRequest, token: str, gemeente_slug: str | None = None) -> HttpResponse:
    """The survey behind the signed link of an invitation after a closed zaak or melding."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    return _survey(request, gemeente, token=token)


@never_cache
@require_http_methods(["GET", "POST"])
@limit_per_ip("portal-feedback", rate_setting="PLUS1_RATELIMIT_FEEDBACK")
# Opening a short code counts too: eight characters can be guessed, a signed link cannot.
@limit_per_ip("portal-feedback-code", rate_setting="PLUS1_RATELIMIT_FEEDBACK", methods=("GET",))
def short_link(request: HttpRequest, code: str, gemeente_slug: str | None = None) -> HttpResponse:
    """The same survey behind the short link of a contact moment (``/w/<code>/``, on a QR code)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    return _survey(request, gemeente, code=code)


@require_GET
def thanks(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    return render(
        request,
        "portal/feedback/thanks.html",
        {"gemeente": gemeente, "will_call": request.GET.get("bellen") == "1"},
    )


def _unavailable(request: HttpRequest, gemeente: Organisation, error: InvitationError) -> HttpResponse:
    return render(
        request,
        "portal/feedback/unavailable.html",
        {"gemeente": gemeente, "message": str(error), "reason": error.reason},
        status=UNAVAILABLE_STATUS.get(error.reason, 404),
    )


def _survey(request: HttpRequest, gemeente: Organisation, *, token: str = "", code: str = "") -> HttpResponse:
    try:
        invitation = services.resolve_invitation(tenant=gemeente, token=token, code=code)
    except InvitationError as exc:
        return _unavailable(request, gemeente, exc)
    survey = current_survey()
    form = FeedbackForm(
        request.POST if request.method == "POST" else None,
        survey=survey,
        questions=own_questions(gemeente),
        initial={"channel": invitation.channel},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            answer = services.submit_answer(
                invitation=invitation,
                score=int(data["score"]),
                effort=int(data["effort"]) if data["effort"] else None,
                improvement=data["improvement"],
                own_answers=form.own_answers(),
                may_call=data["may_call"],
                call_phone=data["call_phone"],
                channel=data["channel"] or None,
            )
        except InvitationError as exc:
            return _unavailable(request, gemeente, exc)
        except AnswerInvalid as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            url = portal_reverse(request, "portal:feedback-thanks")
            will_call = hasattr(answer, "call_back") and answer.may_call and bool(answer.call_phone)
            return HttpResponseRedirect(url + ("?bellen=1" if will_call else ""))
    form.describe_fields()
    return render(
        request,
        "portal/feedback/answer.html",
        {
            "gemeente": gemeente,
            "survey": survey,
            "form": form,
            "invitation": invitation,
            "asks_channel": invitation.source != "contact",
        },
        status=400 if form.errors else 200,
    )


def invitation_link_for_zaak(request: HttpRequest, zaak) -> str:
    """The link to the survey on a closed zaak's page in Mijn zaken, while it can be answered."""
    if zaak.is_open:
        return ""
    invitation = open_invitation_for_zaak(zaak)
    if invitation is None:
        return ""
    return portal_reverse(request, "portal:feedback-answer", services.invitation_token(invitation))
