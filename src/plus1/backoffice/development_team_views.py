"""Medewerkers (issue 22): the rolduiding, the team view and HR's overview of the gemeente.

HR starts a rolduiding with a cross-section of staff, reads the results with their spread and
confirms the role profile; a participant answers once. The team view (a leidinggevende of the
team, or HR) puts the team's competence coverage, plans, training, engagement and service
results side by side with what residents thought of the team (plus1.feedback): this module
composes the two apps, which do not know each other.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from plus1.accounts.models import Team
from plus1.development import policies, selectors, team_view
from plus1.development.constants import PULSE_QUESTIONS, ClarificationStatus
from plus1.development.exceptions import AlreadyAnswered, DevelopmentError, TeamTooSmall
from plus1.development.models import RoleClarification
from plus1.development.services import pulse, rolduiding
from plus1.feedback.selectors import team_scores

from .charts import bar_chart
from .development_forms import ClarificationAnswerForm, ClarificationStartForm, ConfirmForm, show_error
from .development_views import development_view, page


def _require_hr(request: HttpRequest) -> None:
    if not policies.is_hr(request.user, request.tenant):
        raise PermissionDenied


def _clarification_or_404(request: HttpRequest, clarification_uuid) -> RoleClarification:
    clarification = (
        RoleClarification.objects.for_tenant(request.tenant).filter(uuid=clarification_uuid).first()
    )
    if clarification is None:
        raise Http404
    return clarification


def _people(tenant) -> list[tuple[int, str]]:
    """Every employee with their teams, so HR can choose across teams and roles."""
    people = selectors.employees(tenant).prefetch_related("teams")
    choices = []
    for person in people:
        teams = ", ".join(team.name for team in person.teams.all() if team.tenant_id == tenant.pk)
        name = person.get_full_name() or person.get_username()
        choices.append((person.pk, f"{name} ({teams})" if teams else name))
    return choices


@require_GET
@development_view
def clarification_list_view(request: HttpRequest) -> HttpResponse:
    _require_hr(request)
    return page(
        request,
        "backoffice/development/clarifications.html",
        {"sub": "rolduiding", "clarifications": selectors.clarifications(request.tenant)},
    )


@require_http_methods(["GET", "POST"])
@development_view
def clarification_new_view(request: HttpRequest) -> HttpResponse:
    """HR starts a rolduiding: the role, the participants across teams and roles, a closing date."""
    _require_hr(request)
    form = ClarificationStartForm(request.POST or None, people=_people(request.tenant))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            clarification = rolduiding.start_clarification(
                tenant=request.tenant,
                user=request.user,
                role_name=data["role_name"],
                participants=data["participants"],
                closes_on=data["closes_on"],
                description=data["description"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("De rolduiding is gestart. De deelnemers zien hem op hun pagina."))
            return redirect(reverse("backoffice:development-clarification", args=[clarification.uuid]))
    return page(
        request,
        "backoffice/development/clarification_new.html",
        {"sub": "rolduiding", "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@development_view
def clarification_view(request: HttpRequest, clarification_uuid) -> HttpResponse:
    """HR: the results per competence with the spread of the answers; close; confirm the profile."""
    _require_hr(request)
    clarification = _clarification_or_404(request, clarification_uuid)
    results = rolduiding.clarification_results(clarification)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    form = ConfirmForm(request.POST if step == "confirm" else None, results=results)
    if step == "close":
        try:
            rolduiding.close_clarification(clarification=clarification, user=request.user)
        except DevelopmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De rolduiding is gesloten. Er kan niet meer worden geantwoord."))
        return redirect(reverse("backoffice:development-clarification", args=[clarification.uuid]))
    if step == "confirm" and form.is_valid():
        try:
            profile = rolduiding.confirm_clarification(
                clarification=clarification,
                user=request.user,
                levels=form.levels(),
                profile_name=form.cleaned_data["profile_name"],
            )
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Het rolprofiel %(name)s is bevestigd.") % {"name": profile.name})
            return redirect(reverse("backoffice:development-clarification", args=[clarification.uuid]))
    elif step and step != "confirm":
        messages.error(request, _("Deze wijziging kennen we niet. Probeer het opnieuw."))
    return page(
        request,
        "backoffice/development/clarification.html",
        {
            "sub": "rolduiding",
            "clarification": clarification,
            "form": form,
            "answered": clarification.responses.count(),
            "invited": clarification.participants.count(),
            "is_open": clarification.status == ClarificationStatus.OPEN,
            "is_confirmed": clarification.status == ClarificationStatus.CONFIRMED,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@development_view
def clarification_answer_view(request: HttpRequest, clarification_uuid) -> HttpResponse:
    """A participant answers: per competence how important it is and at which level."""
    clarification = _clarification_or_404(request, clarification_uuid)
    if not clarification.participants.filter(pk=request.user.pk).exists():
        raise Http404
    answered = clarification.responses.filter(participant=request.user).exists()
    form = ClarificationAnswerForm(
        request.POST or None, competences=selectors.competences_for(request.tenant)
    )
    if request.method == "POST" and form.is_valid():
        try:
            rolduiding.answer_clarification(
                clarification=clarification, user=request.user, answers=form.answers()
            )
        except AlreadyAnswered as error:
            messages.error(request, str(error))
            return redirect(reverse("backoffice:development-home"))
        except DevelopmentError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Dank u wel. Uw antwoorden zijn opgeslagen."))
            return redirect(reverse("backoffice:development-home"))
    return page(
        request,
        "backoffice/development/clarification_answer.html",
        {
            "sub": "home",
            "clarification": clarification,
            "form": form,
            "answered": answered,
            "is_open": clarification.status == ClarificationStatus.OPEN,
        },
        status=400 if form.errors else 200,
    )


# What each heatmap colour means, as a symbol and words beside it (never colour alone).
HEAT_LEGEND = (
    (team_view.MET, "✓", _lazy("op of boven het gevraagde niveau")),
    (team_view.BELOW, "▼", _lazy("één niveau onder het gevraagde niveau")),
    (team_view.FAR_BELOW, "▼▼", _lazy("twee of meer niveaus onder het gevraagde niveau")),
    (team_view.NOT_ASSESSED, "?", _lazy("nog niet beoordeeld")),
    (team_view.NOT_REQUIRED, "-", _lazy("niet gevraagd in de rol")),
)
HEAT_SYMBOLS = {state: symbol for state, symbol, _label in HEAT_LEGEND}


def heatmap_rows(view) -> list[tuple]:
    """Per employee: (row, [(cell, symbol)]): the template shows colour, symbol and the cell's text."""
    return [(row, [(cell, HEAT_SYMBOLS.get(cell.state, "")) for cell in row.cells]) for row in view.coverage]


def _latest_pulse_result(tenant, team) -> dict:
    """The latest pulse's averages per statement, or why they are not shown (too few answers)."""
    latest = selectors.pulses(tenant).first()
    if latest is None:
        return {"pulse": None}
    try:
        result = pulse.team_result(pulse=latest, team=team)
    except TeamTooSmall as error:
        return {"pulse": latest, "too_small": str(error)}
    rows = [
        (label, average) for (_code, label), average in zip(PULSE_QUESTIONS, result.averages, strict=True)
    ]
    return {"pulse": latest, "result": result, "rows": rows}


@require_GET
@development_view
def team_view_page(request: HttpRequest, team_id: int) -> HttpResponse:
    """A team beside its service results: a leidinggevende of the team, or HR."""
    tenant = request.tenant
    team = Team.objects.for_tenant(tenant).filter(pk=team_id).first()
    if team is None:
        raise Http404
    if not policies.may_see_team(request.user, team, tenant):
        raise PermissionDenied
    view = team_view.team_view(tenant=tenant, team=team, viewer=request.user)
    scores = team_scores(tenant=tenant, team=team)
    engagement_chart = bar_chart(
        [(point.pulse.title, point.overall) for point in view.engagement if point.overall is not None],
        title=_("Betrokkenheid per pulsmeting (gemiddeld, 1 tot 5)"),
        value_heading=_("Gemiddeld"),
        orientation="vertical",
    )
    scores_chart = bar_chart(
        [
            (point.label, point.figures.average)
            for point in scores.months
            if point.figures.average is not None
        ],
        title=_("Klantwaardering van het team per maand (gemiddeld rapportcijfer)"),
        value_heading=_("Gemiddeld cijfer"),
        orientation="vertical",
    )
    return page(
        request,
        "backoffice/development/team.html",
        {
            "sub": "team",
            "team": team,
            "current_team": team,
            "view": view,
            "heatmap": heatmap_rows(view),
            "legend": HEAT_LEGEND,
            "scores": scores,
            "engagement_chart": engagement_chart,
            "scores_chart": scores_chart,
            "latest_pulse": _latest_pulse_result(tenant, team),
        },
    )


@require_GET
@development_view
def hr_overview_view(request: HttpRequest) -> HttpResponse:
    """HR: the gemeente in one page, one row per team."""
    _require_hr(request)
    return page(
        request,
        "backoffice/development/hr.html",
        {
            "sub": "hr",
            "overview": team_view.hr_overview(tenant=request.tenant),
            "clarifications": selectors.clarifications(request.tenant)[:5],
        },
    )
