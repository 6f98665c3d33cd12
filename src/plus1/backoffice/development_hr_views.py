"""Medewerkers (issue 22): what HR sets up (a pulse, the gemeente's own training) and the role
profile of an employee (HR or their leidinggevende).

The services check the role again and say in plain Dutch what is wrong; nothing is stored then.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from plus1.development import policies, selectors
from plus1.development.exceptions import DevelopmentError
from plus1.development.services import assessments, learning, pulse

from .development_forms import PulseCreateForm, RoleProfileForm, TrainingCreateForm, show_error
from .development_views import development_view, employee_or_404, page


def _require_hr(request: HttpRequest) -> None:
    if not policies.is_hr(request.user, request.tenant):
        raise PermissionDenied


@require_POST
@development_view
def role_profile_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """HR or the employee's leidinggevende links the employee to a role profile."""
    employee = employee_or_404(request, user_id)
    tenant = request.tenant
    if not (policies.is_hr(request.user, tenant) or policies.leads(request.user, employee, tenant)):
        raise PermissionDenied
    form = RoleProfileForm(request.POST, profiles=selectors.role_profiles(tenant))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["role_profile"]))
    else:
        try:
            assessments.assign_role_profile(
                tenant=tenant,
                user=request.user,
                employee=employee,
                role_profile=form.cleaned_data["role_profile"],
            )
        except DevelopmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Het rolprofiel is opgeslagen."))
    return redirect(reverse("backoffice:development-employee", args=[employee.pk]))


@require_http_methods(["GET", "POST"])
@development_view
def pulse_new_view(request: HttpRequest) -> HttpResponse:
    """HR opens a pulse with the five fixed statements for every employee of the gemeente."""
    _require_hr(request)
    form = PulseCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pulse.create_pulse(
                tenant=request.tenant,
                user=request.user,
                title=data["title"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("De pulsmeting staat klaar voor alle medewerkers."))
            return redirect(reverse("backoffice:development-hr"))
    return page(
        request,
        "backoffice/development/hr_form.html",
        {"sub": "hr", "form": form, "title": _("Nieuwe pulsmeting"), "button": _("Pulsmeting uitzetten")},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@development_view
def training_new_view(request: HttpRequest) -> HttpResponse:
    """HR adds a training of the gemeente's own to the learning offer."""
    _require_hr(request)
    form = TrainingCreateForm(request.POST or None, competences=selectors.competences_for(request.tenant))
    if request.method == "POST" and form.is_valid():
        try:
            training = learning.create_training(tenant=request.tenant, user=request.user, **form.cleaned_data)
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("De training staat in het leeraanbod van uw gemeente."))
            return redirect(reverse("backoffice:development-training", args=[training.uuid]))
    return page(
        request,
        "backoffice/development/hr_form.html",
        {
            "sub": "trainings",
            "form": form,
            "title": _("Eigen training toevoegen"),
            "button": _("Training toevoegen"),
        },
        status=400 if form.errors else 200,
    )
