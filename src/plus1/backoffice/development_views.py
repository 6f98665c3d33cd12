"""Medewerkers in the back office (issue 22): my development, the framework, assessments and plans.

Thin: the forms parse input, ``plus1.development.policies`` decides who sees what, the services
change and the selectors log every read of someone else's assessment or plan. Every employee of
a gemeente (any back-office role) has their own page; an employee's assessments and plan are
seen by themself, their leidinggevende and HR only. Someone else's employee answers 404 (no
telling whether they exist); a page of a role one does not hold answers 403.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plus1.accounts.constants import BACK_OFFICE_ROLES
from plus1.core import clock
from plus1.development import policies, selectors
from plus1.development.exceptions import DevelopmentError, PlanConflict
from plus1.development.services import assessments, plans

from .access import employee_view
from .development_forms import ActionForm, CheckInForm, GoalForm, RatingsForm, RoleProfileForm, show_error

# Everyone who works in the gemeente's back office has a development page.
DEVELOPMENT_ROLES = BACK_OFFICE_ROLES


def development_view(function: Callable) -> Callable:
    """A medewerkers page: any back-office role of a gemeente (not a chain partner)."""
    return employee_view(function, roles=DEVELOPMENT_ROLES)


def page(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    """Render a medewerkers page with the section's links."""
    tenant = request.tenant
    base = {
        "nav": "development",
        "is_hr": request.is_hr,  # set by employee_view
        "my_teams": list(policies.led_teams(request.user, tenant)),
    }
    return render(request, template, base | context, status=status)


def employee_or_404(request: HttpRequest, user_id: int):
    """The employee of this gemeente whose development the viewer may see; 404 otherwise."""
    employee = selectors.employee_for(request.tenant, user_id)
    if employee is None or not policies.may_see_development_of(request.user, employee, request.tenant):
        raise Http404
    return employee


def _role_competences(request: HttpRequest, employee) -> list:
    """The competences of the employee's role profile, or all of the gemeente's without one."""
    competences = selectors.competences_for(request.tenant)
    profile = selectors.employee_profile(request.tenant, employee)
    if profile and profile.role_profile:
        wanted = set(profile.role_profile.items.values_list("competence_id", flat=True))
        return [c for c in competences if c.pk in wanted] or competences
    return competences


@require_GET
@development_view
def home_view(request: HttpRequest) -> HttpResponse:
    """My competences, my plan, my trainings, an open pulse or rolduiding; links to team and HR."""
    tenant, user = request.tenant, request.user
    return page(
        request,
        "backoffice/development/home.html",
        {
            "sub": "home",
            "profile": selectors.employee_profile(tenant, user),
            "comparison": selectors.assessment_comparison(tenant=tenant, employee=user, viewer=user),
            "plan": selectors.active_plan(tenant=tenant, employee=user, viewer=user),
            "enrolments": selectors.enrolments_of(tenant=tenant, user=user)[:20],
            "pulses": selectors.open_pulses_for(tenant=tenant, user=user, today=clock.today()),
            "clarifications": selectors.clarifications_to_answer(tenant=tenant, user=user),
        },
    )


@require_GET
@development_view
def framework_view(request: HttpRequest) -> HttpResponse:
    """The competences the gemeente works with, each level with its observable behaviour."""
    return page(
        request,
        "backoffice/development/framework.html",
        {
            "sub": "framework",
            "framework": selectors.adopted_framework(request.tenant),
            "competences": selectors.competences_for(request.tenant),
        },
    )


@require_http_methods(["GET", "POST"])
@development_view
def self_assessment_view(request: HttpRequest) -> HttpResponse:
    """The employee rates themself against the competences of their role."""
    user = request.user
    competences = _role_competences(request, user)
    form = RatingsForm(request.POST or None, competences=competences)
    if request.method == "POST" and form.is_valid():
        try:
            assessments.submit_assessment(
                tenant=request.tenant,
                employee=user,
                assessor=user,
                ratings=form.ratings(),
                note=form.cleaned_data["note"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Uw zelfbeoordeling is opgeslagen."))
            return redirect(reverse("backoffice:development-home"))
    status = 400 if form.errors else 200
    return page(
        request,
        "backoffice/development/assessment.html",
        {"sub": "home", "form": form, "employee": user, "is_self": True},
        status=status,
    )


@require_GET
@development_view
def employee_view_page(request: HttpRequest, user_id: int) -> HttpResponse:
    """Self and leidinggevende side by side, and the plan: for the leidinggevende and HR."""
    employee = employee_or_404(request, user_id)
    if employee.pk == request.user.pk:
        return redirect(reverse("backoffice:development-home"))
    tenant = request.tenant
    return page(
        request,
        "backoffice/development/employee.html",
        {
            "sub": "team",
            "employee": employee,
            "comparison": selectors.assessment_comparison(
                tenant=tenant, employee=employee, viewer=request.user
            ),
            "plan": selectors.active_plan(tenant=tenant, employee=employee, viewer=request.user),
            "may_assess": policies.may_assess_as_manager(request.user, employee, tenant),
            "role_profile_form": RoleProfileForm(
                profiles=selectors.role_profiles(tenant),
                initial={
                    "role_profile": getattr(
                        selectors.employee_profile(tenant, employee), "role_profile", None
                    )
                },
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@development_view
def manager_assessment_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """The leidinggevende rates an employee of their team (HR does not rate)."""
    employee = employee_or_404(request, user_id)
    if not policies.may_assess_as_manager(request.user, employee, request.tenant):
        raise PermissionDenied
    form = RatingsForm(request.POST or None, competences=_role_competences(request, employee))
    if request.method == "POST" and form.is_valid():
        try:
            assessments.submit_assessment(
                tenant=request.tenant,
                employee=employee,
                assessor=request.user,
                ratings=form.ratings(),
                note=form.cleaned_data["note"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Uw beoordeling is opgeslagen."))
            return redirect(reverse("backoffice:development-employee", args=[employee.pk]))
    return page(
        request,
        "backoffice/development/assessment.html",
        {"sub": "team", "form": form, "employee": employee, "is_self": False},
        status=400 if form.errors else 200,
    )


@require_POST
@development_view
def plan_create_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """Start a plan for oneself, or (leidinggevende, HR) for an employee of one's team."""
    employee = selectors.employee_for(request.tenant, user_id)
    if employee is None:
        raise Http404
    try:
        plan = plans.create_plan(tenant=request.tenant, user=request.user, employee=employee)
    except DevelopmentError as error:
        if not policies.may_see_development_of(request.user, employee, request.tenant):
            # A plan for someone outside one's team: said plainly, nothing stored.
            return page(request, "backoffice/development/refused.html", {"message": str(error)}, status=403)
        messages.error(request, str(error))
        if employee.pk == request.user.pk:
            return redirect(reverse("backoffice:development-home"))
        return redirect(reverse("backoffice:development-employee", args=[employee.pk]))
    messages.success(request, _("Het ontwikkelplan is gemaakt. Voeg nu doelen en acties toe."))
    return redirect(reverse("backoffice:development-plan", args=[plan.uuid]))


PLAN_STEPS = ("goal", "action", "done", "undone", "check_in", "remove_goal", "remove_action")


def _plan_forms(request: HttpRequest, plan, data=None, step: str = "") -> dict:
    competences = selectors.competences_for(request.tenant)
    trainings = selectors.trainings_for(request.tenant)
    return {
        "goal_form": GoalForm(data if step == "goal" else None, competences=competences, prefix="goal"),
        "action_form": ActionForm(
            data if step == "action" else None, plan=plan, trainings=trainings, prefix="action"
        ),
        "check_in_form": CheckInForm(
            data if step == "check_in" else None,
            prefix="plan",
            initial={"check_in_on": plan.check_in_on, "status": plan.status},
        ),
    }


def _apply_step(request: HttpRequest, plan, step: str, forms: dict) -> bool:
    """Do one change of the plan; False (with the reason on the form) when refused."""
    version = request.POST.get("version", "")
    user = request.user
    if step == "goal":
        form = forms["goal_form"]
        if not form.is_valid():
            return False
        data = form.cleaned_data
        try:
            plans.add_goal(
                plan=plan,
                user=user,
                version=version,
                text=data["text"],
                competence=data["competence"],
                target_level=data["target_level"],
            )
        except DevelopmentError as error:
            show_error(form, error)
            return False
        return True
    if step == "action":
        form = forms["action_form"]
        if not form.is_valid():
            return False
        data = form.cleaned_data
        try:
            plans.add_action(
                plan=plan,
                user=user,
                version=version,
                text=data["text"],
                training=data["training"],
                due_on=data["due_on"],
                goal=data["goal"],
            )
        except DevelopmentError as error:
            show_error(form, error)
            return False
        return True
    if step == "check_in":
        form = forms["check_in_form"]
        if not form.is_valid():
            return False
        try:
            plans.update_plan(
                plan=plan,
                user=user,
                version=version,
                check_in_on=form.cleaned_data["check_in_on"],
                status=form.cleaned_data["status"],
            )
        except DevelopmentError as error:
            show_error(form, error)
            return False
        return True
    item_id = request.POST.get("item", "")
    if step in ("done", "undone", "remove_action"):
        action = plan.actions.filter(pk=item_id).first() if item_id.isdigit() else None
        if step == "remove_action":
            plans.remove_action(plan=plan, user=user, version=version, action=action)
        else:
            plans.set_action_done(plan=plan, user=user, version=version, action=action, done=step == "done")
        return True
    goal = plan.goals.filter(pk=item_id).first() if item_id.isdigit() else None
    plans.remove_goal(plan=plan, user=user, version=version, goal=goal)
    return True


@require_http_methods(["GET", "POST"])
@development_view
def plan_view(request: HttpRequest, plan_uuid) -> HttpResponse:
    """The plan: goals, actions linked to trainings, the check-in; the employee, leidinggevende or HR."""
    plan = selectors.plan_by_uuid(tenant=request.tenant, uuid=str(plan_uuid), viewer=request.user)
    if plan is None:
        raise Http404
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if request.method == "POST" and step not in PLAN_STEPS:
        messages.error(request, _("Deze wijziging kennen we niet. Probeer het opnieuw."))
        step = ""
    forms = _plan_forms(request, plan, request.POST, step)
    if step:
        try:
            changed = _apply_step(request, plan, step, forms)
        except PlanConflict as error:
            messages.error(request, str(error))
            return redirect(reverse("backoffice:development-plan", args=[plan.uuid]))
        except DevelopmentError as error:
            messages.error(request, str(error))
            changed = False
        if changed:
            messages.success(request, _("Het ontwikkelplan is bijgewerkt."))
            return redirect(reverse("backoffice:development-plan", args=[plan.uuid]))
    status = 400 if step else 200
    return page(
        request,
        "backoffice/development/plan.html",
        {"sub": "home" if plan.employee_id == request.user.pk else "team", "plan": plan, **forms},
        status=status,
    )
