"""Klantwaardering follow-up in the back office: call-backs, and invitations after a contact moment.

Thin: who may see a call-back is ``feedback.callbacks``' rule, handling one is its service;
a contact-moment invitation is made by ``feedback.services``. Refusals become plain Dutch
messages on the form.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from plus1.accounts.constants import EMPLOYEE_ROLES
from plus1.accounts.models import Team
from plus1.cases.processing import Purpose
from plus1.catalog.models import Adoption
from plus1.catalog.selectors import adoptions_for_gemeente
from plus1.core import clock
from plus1.feedback import callbacks, qr
from plus1.feedback import services as feedback_services
from plus1.feedback.constants import Source
from plus1.feedback.exceptions import FeedbackError
from plus1.feedback.models import CallBack, Invitation

from .access import employee_view
from .feedback_followup_forms import CallBackOutcomeForm, ContactInvitationForm


def _purpose(request: HttpRequest) -> Purpose:
    match = request.resolver_match
    return Purpose.handling(request.actor, operation=match.view_name if match else "")


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/forbidden.html", status=403)


# --- call-backs -------------------------------------------------------------------------------


def _product_names(request: HttpRequest) -> dict[int, str]:
    """Process id -> the name the gemeente's employees know it by (its zaaktype's omschrijving)."""
    return {
        adoption.process_id: adoption.zaaktype.omschrijving
        for adoption in adoptions_for_gemeente(request.tenant)
    }


def _name_products(request: HttpRequest, call_backs: list[CallBack]) -> list[CallBack]:
    names = _product_names(request)
    for call_back in call_backs:
        process = call_back.answer.process
        call_back.product_name = names.get(process.pk, process.identificatie) if process else ""
    return call_backs


@employee_view(roles=callbacks.CALL_BACK_ROLES)
def callback_list_view(request: HttpRequest) -> HttpResponse:
    team_ids = callbacks.visible_team_ids(request.user, request.tenant)
    purpose = _purpose(request)
    return render(
        request,
        "backoffice/feedback_followup/callback_list.html",
        {
            "nav": "inbox",
            "open_call_backs": _name_products(
                request,
                callbacks.open_call_backs_for(tenant=request.tenant, team_ids=team_ids, purpose=purpose),
            ),
            "handled_call_backs": callbacks.handled_call_backs_for(
                tenant=request.tenant, team_ids=team_ids, purpose=purpose
            ),
            "all_teams": team_ids is None,
        },
    )


@employee_view(roles=callbacks.CALL_BACK_ROLES)
def callback_detail_view(request: HttpRequest, callback_id: int) -> HttpResponse:
    try:
        call_back = callbacks.get_call_back(tenant=request.tenant, call_back_id=callback_id)
    except CallBack.DoesNotExist as exc:
        raise Http404 from exc
    if not callbacks.can_handle_call_back(request.user, call_back):
        return _forbidden(request)
    form = CallBackOutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and call_back.handled_at is None and form.is_valid():
        try:
            callbacks.handle_call_back(
                call_back=call_back,
                outcome=form.cleaned_data["uitkomst"],
                user=request.user,
                actor=request.actor,
            )
        except FeedbackError as exc:
            form.add_error(None, str(exc))
            call_back = callbacks.get_call_back(tenant=request.tenant, call_back_id=callback_id)
        else:
            messages.success(request, _("Het terugbelverzoek is afgehandeld. Dank u wel."))
            return redirect("backoffice:callback-list")
    elif request.method == "POST" and call_back.handled_at is not None:
        form = CallBackOutcomeForm()
        messages.error(request, _("Dit terugbelverzoek is al afgehandeld. U hoeft niets meer te doen."))
    call_back = callbacks.call_back_for_follow_up(call_back=call_back, viewer=request.actor)
    _name_products(request, [call_back])
    return render(
        request,
        "backoffice/feedback_followup/callback_detail.html",
        {
            "nav": "inbox",
            "call_back": call_back,
            "answer": call_back.answer,
            "product_name": call_back.product_name,
            "form": form,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


# --- an invitation after a contact moment -------------------------------------------------------


def _adoptions(request: HttpRequest) -> dict[int, Adoption]:
    """The gemeente's adopted processes by process id, in the order of their names."""
    adoptions = adoptions_for_gemeente(request.tenant).order_by("zaaktype__omschrijving")
    return {adoption.process_id: adoption for adoption in adoptions}


def _teams(request: HttpRequest) -> tuple[dict[int, Team], int | None]:
    """The gemeente's teams by id, and the employee's own (the first) to start with."""
    teams = {team.pk: team for team in Team.objects.for_tenant(request.tenant).order_by("name")}
    own = Team.objects.for_tenant(request.tenant).filter(members=request.user).order_by("name")
    return teams, next(iter(own.values_list("pk", flat=True)), None)


@employee_view(roles=EMPLOYEE_ROLES)
def contact_invitation_view(request: HttpRequest) -> HttpResponse:
    adoptions = _adoptions(request)
    teams, own_team = _teams(request)
    form = ContactInvitationForm(
        request.POST if request.method == "POST" else None,
        products=[(pk, adoption.zaaktype.omschrijving) for pk, adoption in adoptions.items()],
        teams=[(pk, team.name) for pk, team in teams.items()],
        initial={"team": own_team},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        adoption = adoptions.get(data["product"]) if data["product"] else None
        try:
            invitation = feedback_services.create_contact_invitation(
                tenant=request.tenant,
                channel=data["kanaal"],
                process=adoption.process if adoption else None,
                team=teams.get(data["team"]) if data["team"] else None,
                created_by=request.user,
            )
        except FeedbackError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("backoffice:contact-invitation-detail", invitation_id=invitation.pk)
    return render(
        request,
        "backoffice/feedback_followup/contact_invitation.html",
        {"nav": "contact-invitation", "form": form},
        status=400 if request.method == "POST" else 200,
    )


@employee_view(roles=EMPLOYEE_ROLES)
def contact_invitation_detail_view(request: HttpRequest, invitation_id: int) -> HttpResponse:
    # Only a contact moment's link, and only for whoever made it: an e-mailed link after a zaak
    # is the resident's own, and a link in other hands could be used to answer in their place.
    invitation = (
        Invitation.objects.for_tenant(request.tenant)
        .filter(pk=invitation_id, source=Source.CONTACT, created_by=request.user)
        .exclude(code="")
        .select_related("process", "team")
        .first()
    )
    if invitation is None:
        raise Http404
    url = request.build_absolute_uri(feedback_services.invitation_path(invitation))
    return render(
        request,
        "backoffice/feedback_followup/contact_invitation_detail.html",
        {
            "nav": "contact-invitation",
            "invitation": invitation,
            "url": url,
            "qr_code": qr.qr_code_svg(url),
            "is_open": invitation.used_at is None and invitation.expires_at > clock.now(),
            "readable_code": qr.readable_code(invitation.code),
            "product": _product_name(request, invitation),
        },
    )


def _product_name(request: HttpRequest, invitation: Invitation) -> str:
    if invitation.process_id is None:
        return ""
    adoption = adoptions_for_gemeente(request.tenant).filter(process_id=invitation.process_id).first()
    return adoption.zaaktype.omschrijving if adoption else invitation.process.identificatie
