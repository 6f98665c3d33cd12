"""Medewerkers (issue 22): the learning offer (enrol, attendance, evaluation) and the engagement pulse.

Every employee of a gemeente sees the collective's trainings and the gemeente's own, and enrols
in them; a full training is said plainly and nothing is stored. HR records attendance for the
gemeente's own employees. A pulse is answered once and anonymously: the page never shows an
answer back, not even one's own.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plus1.accounts.models import Team
from plus1.core import clock
from plus1.development import policies, selectors
from plus1.development.constants import EnrolmentStatus
from plus1.development.exceptions import AlreadyAnswered, DevelopmentError
from plus1.development.models import Enrolment, Pulse
from plus1.development.services import learning, pulse

from .development_forms import EvaluationForm, PulseForm, show_error
from .development_views import development_view, page


def _training_or_404(request: HttpRequest, training_uuid):
    training = selectors.training_for(request.tenant, str(training_uuid))
    if training is None:
        raise Http404
    return training


@require_GET
@development_view
def training_list_view(request: HttpRequest) -> HttpResponse:
    """The collective's trainings and the gemeente's own, optionally for one competence."""
    competences = selectors.competences_for(request.tenant)
    wanted = request.GET.get("competentie", "")
    competence = next((c for c in competences if str(c.pk) == wanted), None)
    trainings = list(selectors.trainings_for(request.tenant, competence=competence))
    rows = [(training, selectors.places_left(training)) for training in trainings]
    return page(
        request,
        "backoffice/development/trainings.html",
        {"sub": "trainings", "rows": rows, "competences": competences, "competence": competence,
         "unknown_competence": bool(wanted) and competence is None},
    )  # fmt: skip


@require_GET
@development_view
def training_detail_view(request: HttpRequest, training_uuid) -> HttpResponse:
    """One training; enrol; HR sees the gemeente's enrolments and records attendance."""
    training = _training_or_404(request, training_uuid)
    tenant, user = request.tenant, request.user
    mine = (
        selectors.enrolments_of(tenant=tenant, user=user)
        .filter(training=training)
        .exclude(status=EnrolmentStatus.CANCELLED)
        .first()
    )
    is_hr = policies.is_hr(user, tenant)
    return page(
        request,
        "backoffice/development/training.html",
        {
            "sub": "trainings",
            "training": training,
            "places_left": selectors.places_left(training),
            "enrolment": mine,
            "enrolments": selectors.training_enrolments(tenant=tenant, training=training) if is_hr else [],
        },
    )


@require_POST
@development_view
def enrol_view(request: HttpRequest, training_uuid) -> HttpResponse:
    training = _training_or_404(request, training_uuid)
    try:
        learning.enrol(tenant=request.tenant, training=training, user=request.user)
    except DevelopmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("U bent ingeschreven voor %(title)s.") % {"title": training.title})
    return redirect(reverse("backoffice:development-training", args=[training.uuid]))


@require_POST
@development_view
def cancel_enrolment_view(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = (
        Enrolment.objects.for_tenant(request.tenant).filter(pk=enrolment_id, user=request.user).first()
    )
    if enrolment is None:
        raise Http404
    try:
        learning.cancel_enrolment(enrolment=enrolment, user=request.user)
    except DevelopmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("U bent afgemeld."))
    return redirect(reverse("backoffice:development-training", args=[enrolment.training.uuid]))


@require_POST
@development_view
def attendance_view(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """HR records whether an employee of the gemeente attended."""
    if not policies.is_hr(request.user, request.tenant):
        raise PermissionDenied
    enrolment = Enrolment.objects.for_tenant(request.tenant).filter(pk=enrolment_id).first()
    if enrolment is None:
        raise Http404
    attended = request.POST.get("attended")
    if attended not in ("yes", "no"):
        messages.error(request, _("Kies aanwezig of afwezig."))
    else:
        try:
            learning.record_attendance(enrolment=enrolment, user=request.user, attended=attended == "yes")
        except DevelopmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De aanwezigheid is opgeslagen."))
    return redirect(reverse("backoffice:development-training", args=[enrolment.training.uuid]))


@require_http_methods(["GET", "POST"])
@development_view
def evaluation_view(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """The employee evaluates a training they attended."""
    enrolment = (
        Enrolment.objects.for_tenant(request.tenant)
        .select_related("training")
        .filter(pk=enrolment_id, user=request.user)
        .first()
    )
    if enrolment is None:
        raise Http404
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            learning.evaluate(
                enrolment=enrolment,
                user=request.user,
                score=form.cleaned_data["score"],
                text=form.cleaned_data["text"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Dank u wel voor uw evaluatie."))
            return redirect(reverse("backoffice:development-home"))
    return page(
        request,
        "backoffice/development/evaluation.html",
        {"sub": "trainings", "form": form, "enrolment": enrolment},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@development_view
def pulse_view(request: HttpRequest, pulse_uuid) -> HttpResponse:
    """Answer an open pulse, once; the answer is stored without the person."""
    tenant, user = request.tenant, request.user
    item = Pulse.objects.for_tenant(tenant).filter(uuid=pulse_uuid).first()
    if item is None:
        raise Http404
    today = clock.today()
    is_open = item.opens_on <= today <= item.closes_on
    answered = item.receipts.filter(user=user).exists()
    teams = Team.objects.for_tenant(tenant).filter(members=user).order_by("name")
    form = PulseForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            pulse.answer_pulse(tenant=tenant, pulse=item, user=user, answers=form.answers(), team=form.team())
        except AlreadyAnswered as error:
            messages.error(request, str(error))
            return redirect(reverse("backoffice:development-pulse", args=[item.uuid]))
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Dank u wel. Uw antwoord is anoniem opgeslagen."))
            return redirect(reverse("backoffice:development-home"))
    return page(
        request,
        "backoffice/development/pulse.html",
        {"sub": "home", "pulse": item, "form": form, "is_open": is_open, "answered": answered},
        status=400 if form.errors else 200,
    )
