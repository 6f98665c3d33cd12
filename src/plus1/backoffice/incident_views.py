"""The incident register in the back office: report, my reports, and the coordinator's handling.

Thin: the forms parse input, ``plus1.incidents.policies`` decides who sees what, the services
change, and a refusal shows the page again with the input kept and the reason in plain Dutch.
Every employee of a gemeente and every chain partner's employee may report, for the
organisation they work for; other people's reports answer 404, lists they may not see 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plus1.accounts.constants import BACK_OFFICE_ROLES, Role
from plus1.accounts.models import Team
from plus1.audit.services import Actor
from plus1.cases.models import Zaak, ZaakShare
from plus1.cases.policies import can_view_zaak, employee_gemeente, partner_organisation
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.selectors import record_partner_access
from plus1.core import clock
from plus1.incidents import policies, selectors, services
from plus1.incidents.constants import IncidentStatus, TaskKind
from plus1.incidents.exceptions import IncidentError, VersionConflict
from plus1.incidents.forms import (
    CloseForm,
    EndMeasureForm,
    IncidentFilterForm,
    IncidentForm,
    LetterForm,
    MeasureForm,
    TaskForm,
    initial_from_incident,
)
from plus1.incidents.models import Incident, IncidentTask

from .access import employee_view, partner_view

PAGE_SIZE = 25
# The overview counts up to this many reports; beyond it, it says "more than" and asks to filter.
COUNT_CAP = 2000


# Every back-office role may report. The coordinator's role first: the role check stops at the
# first role held, and the coordinator's pages then ask nothing more (the answer is kept).
REPORTING_ROLES = (
    Role.AGRESSIECOORDINATOR,
    *[role for role in BACK_OFFICE_ROLES if role != Role.AGRESSIECOORDINATOR],
)


class CappedPaginator(Paginator):
    """Counts at most ``COUNT_CAP`` reports: an exact count of 100,000 costs more than the page itself."""

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: COUNT_CAP + 1].count()


def incident_view(function: Callable) -> Callable:
    """Let in everyone who may report: a gemeente's back-office staff, or a chain partner's employee.

    Sets ``request.tenant`` to the organisation they report for (their employer), and
    ``request.actor``.
    """
    as_employee = employee_view(function, roles=REPORTING_ROLES)

    def as_partner_function(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        name = request.user.get_full_name() or request.user.get_username()
        request.actor = Actor(
            type="partner", id=str(request.user.pk), label=f"{name} ({request.tenant.name})"
        )
        return function(request, *args, **kwargs)

    as_partner = partner_view(as_partner_function)

    @wraps(function)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and employee_gemeente(user) is None
            and partner_organisation(user) is not None
        ):
            return as_partner(request, *args, **kwargs)
        return as_employee(request, *args, **kwargs)

    return wrapped


def _operation(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match else ""


# --- the zaak a report starts from ---------------------------------------------------------


def _zaak_from(request: HttpRequest, identificatie: str) -> Zaak | None:
    """The zaak named in the link, if this employee may name it; its people's read is logged."""
    identificatie = identificatie.strip()[:40]
    if not identificatie:
        return None
    tenant = request.tenant
    if getattr(request, "is_partner", False):
        share = (
            ZaakShare.objects.filter(partner=tenant, zaak__identificatie=identificatie)
            .active_on(clock.today())
            .select_related("zaak", "zaak__tenant", "zaak__zaaktype")
            .order_by("-valid_from")
            .first()
        )
        if share is None:
            return None
        record_partner_access(share=share, user=request.user)
        return share.zaak
    zaak = (
        Zaak.objects.for_tenant(tenant)
        .select_related("tenant", "zaaktype__processing_activity")
        .filter(identificatie=identificatie)
        .first()
    )
    if zaak is None or not can_view_zaak(request.user, zaak):
        return None
    log_zaak_reads([zaak], Purpose.handling(request.actor, operation=_operation(request)))
    return zaak


def _report_form(request: HttpRequest, zaak: Zaak | None, **kwargs) -> IncidentForm:
    return IncidentForm(
        colleagues=services.colleagues_of(request.tenant),
        user=request.user,
        betrokkenen=services.betrokkenen(zaak, tenant=request.tenant) if zaak else [],
        **kwargs,
    )


def _render_report(
    request: HttpRequest, form: IncidentForm, zaak: Zaak | None, *, status: int = 200, **extra
):
    context = {
        "nav": "incident-report",
        "form": form,
        "zaak": zaak,
        "is_coordinator": policies.is_coordinator(request.user, request.tenant),
        **extra,
    }
    return render(request, "backoffice/incidents/report.html", context, status=status)


@require_http_methods(["GET", "POST"])
@incident_view
def incident_report_view(request: HttpRequest) -> HttpResponse:
    """Report an incident; from a zaak page with ``?zaak=<identificatie>``. The draft comes back."""
    source = request.POST if request.method == "POST" else request.GET
    wanted = source.get("zaak", "")
    zaak = _zaak_from(request, wanted)
    refused = bool(wanted.strip()) and zaak is None
    if request.method == "GET":
        draft = selectors.draft_of(tenant=request.tenant, user=request.user)
        initial = dict(draft.data) if draft else {}
        if zaak is not None:
            initial["zaak"] = zaak.identificatie
        elif draft and draft.data.get("zaak") and not wanted:
            zaak = _zaak_from(request, draft.data["zaak"])
        form = _report_form(request, zaak, initial=initial)
        return _render_report(request, form, zaak, draft=draft, refused_zaak=refused)
    if "discard_draft" in request.POST:
        services.discard_draft(tenant=request.tenant, user=request.user)
        messages.success(request, gettext("Het concept is weggegooid."))
        return redirect(reverse("backoffice:incident-report"))
    if "save_draft" in request.POST:
        services.save_draft(tenant=request.tenant, user=request.user, data=_draft_data(request))
        messages.success(
            request, gettext("Uw concept is bewaard. U vindt het terug als u weer op Incident melden klikt.")
        )
        return redirect(reverse("backoffice:incident-report"))
    form = _report_form(request, zaak, data=request.POST)
    if refused:
        form.add_error(
            None,
            gettext(
                "Deze zaak hoort niet bij uw organisatie. "
                "Meld zonder zaak of kies een zaak van uw eigen gemeente."
            ),
        )
    if form.is_valid():
        try:
            incident = services.report_incident(
                tenant=request.tenant,
                reporter=request.user,
                employee=form.employee(),
                data=form.incident_data(),
                zaak=zaak,
                actor=request.actor,
            )
        except IncidentError as exc:
            form.add_service_error(exc)
        else:
            messages.success(
                request,
                gettext(
                    "Dank u wel. Uw melding is ontvangen onder nummer %(number)s. "
                    "De agressiecoördinator neemt contact op."
                )
                % {"number": incident.number},
            )
            return redirect(reverse("backoffice:incident-reported", args=[incident.uuid]))
    return _render_report(request, form, zaak, status=400)


def _draft_data(request: HttpRequest) -> dict:
    return {
        name: values if len(values) > 1 or name in ("categories", "consequences", "witnesses") else values[0]
        for name, values in request.POST.lists()
    }


@require_POST
@incident_view
def incident_draft_view(request: HttpRequest) -> HttpResponse:
    """Keep the form as it is (the page's script posts it when the employee leaves the page)."""
    services.save_draft(tenant=request.tenant, user=request.user, data=_draft_data(request))
    return HttpResponse(status=204)


@require_GET
@incident_view
def incident_reported_view(request: HttpRequest, incident_uuid) -> HttpResponse:
    """The confirmation with the number, for the reporter."""
    incident = (
        Incident.objects.for_tenant(request.tenant)
        .filter(uuid=incident_uuid, reported_by=request.user)
        .first()
    )
    if incident is None:
        raise Http404
    return render(
        request, "backoffice/incidents/reported.html", {"nav": "incident-report", "incident": incident}
    )


@require_GET
@incident_view
def incident_mine_view(request: HttpRequest) -> HttpResponse:
    """Mijn meldingen: the reports this employee made or that are about them (no handling notes)."""
    incidents = selectors.incidents_of_employee(tenant=request.tenant, user=request.user)
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "backoffice/incidents/mine.html",
        {
            "nav": "incident-mine",
            "page": page,
            "user_id": request.user.pk,
            "is_coordinator": policies.is_coordinator(request.user, request.tenant),
        },
    )


# --- the coordinator's overview ------------------------------------------------------------


@require_GET
@incident_view
def incident_list_view(request: HttpRequest) -> HttpResponse:
    if not policies.can_view_incident_list(request.user, request.tenant):
        return render(request, "backoffice/forbidden.html", status=403)
    teams = Team.objects.for_tenant(request.tenant).order_by("name")
    form = IncidentFilterForm(request.GET or None, teams=teams)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = selectors.IncidentFilters(
        status=data.get("status") or "",
        category=data.get("category") or "",
        channel=data.get("channel") or "",
        team_id=data.get("team"),
        occurred_from=data.get("van"),
        occurred_until=data.get("tot"),
    )
    incidents = selectors.incidents_for_coordinator(tenant=request.tenant, filters=filters)
    page = CappedPaginator(incidents, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = selectors.with_labels(selectors.with_open_tasks(list(page.object_list), now=clock.now()))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "nav": "incident-list",
        "form": form,
        "page": page,
        "rows": rows,
        "page_query": query.urlencode(),
        "count_cap": COUNT_CAP,
    }
    return render(request, "backoffice/incidents/list.html", context, status=200 if not form.errors else 400)


# --- one report --------------------------------------------------------------------------


def _incident(request: HttpRequest, incident_uuid) -> Incident:
    """The report, if this person may see it (else 404: its existence is not told); read logged."""
    incident = (
        Incident.objects.for_tenant(request.tenant)
        .filter(uuid=incident_uuid)
        .select_related("tenant", "team", "zaak", "reported_by", "employee")
        .first()
    )
    if incident is None or not policies.can_view_incident(request.user, incident):
        raise Http404
    services.log_incident_reads([incident], actor=request.actor, operation=_operation(request))
    return incident


def _handling_forms(incident: Incident, tasks: list[IncidentTask], bound: dict) -> dict:
    version = {"version": incident.version}
    task_forms = {}
    for task in tasks:
        if task.done_at is None:
            task_forms[task.pk] = bound.get(("taak", task.pk)) or TaskForm(
                initial={**version, "task": task.pk}, prefix=f"taak-{task.pk}"
            )
    reaction = next((task for task in tasks if task.kind == TaskKind.REACTION), None)
    return {
        "task_forms": task_forms,
        "letter_form": (
            bound.get("brief") or LetterForm(initial={**version, "task": reaction.pk}, prefix="brief")
        )
        if reaction and reaction.done_at is None
        else None,
        "measure_form": bound.get("maatregel")
        or MeasureForm(initial={**version, "starts_on": clock.today()}, prefix="maatregel"),
        "end_measure_form_version": incident.version,
        "close_form": bound.get("afsluiten") or CloseForm(initial=version, prefix="afsluiten"),
    }


def _render_detail(request: HttpRequest, incident: Incident, *, bound: dict | None = None, status: int = 200):
    handles = policies.can_handle_incident(request.user, incident)
    selectors.with_labels([incident])
    context = {
        "nav": "incident-list" if handles else "incident-mine",
        "incident": incident,
        "witnesses": list(incident.witnesses.order_by("first_name", "last_name", "username")),
        "handles": handles,
        "may_edit": policies.can_edit_incident(request.user, incident),
        "is_open": incident.status != IncidentStatus.CLOSED,
        "today": clock.today(),
        "failed_form": (bound or {}).get("failed_form"),
    }
    if handles:
        tasks = selectors.tasks_of(incident)
        context |= {
            "tasks": tasks,
            "measures": selectors.measures_of(incident),
            "settings": services.settings_for(incident.tenant),
            "now": timezone.now(),
            **_handling_forms(incident, tasks, bound or {}),
        }
    return render(request, "backoffice/incidents/detail.html", context, status=status)


@require_GET
@incident_view
def incident_detail_view(request: HttpRequest, incident_uuid) -> HttpResponse:
    return _render_detail(request, _incident(request, incident_uuid))


@require_http_methods(["GET", "POST"])
@incident_view
def incident_edit_view(request: HttpRequest, incident_uuid) -> HttpResponse:
    """Change a report: the reporter while it is new, the coordinator always (version-checked)."""
    incident = _incident(request, incident_uuid)
    if not policies.can_edit_incident(request.user, incident) or incident.status == IncidentStatus.CLOSED:
        raise PermissionDenied(gettext("U mag deze melding niet meer wijzigen."))
    people = services.betrokkenen(incident.zaak, tenant=incident.tenant) if incident.zaak_id else []
    kwargs = {
        "colleagues": services.colleagues_of(request.tenant),
        "user": request.user,
        "betrokkenen": people,
        "editing": True,
        "incident": incident,
    }
    if request.method == "POST":
        form = IncidentForm(data=request.POST, **kwargs)
        version, status = request.POST.get("version", ""), 400
        if form.is_valid():
            try:
                services.update_incident(
                    incident=incident,
                    user=request.user,
                    data=form.incident_data(),
                    actor=request.actor,
                    expected_version=int(version) if version.isdigit() else -1,
                )
            except VersionConflict as exc:
                form.add_error(None, str(exc))
                version, status = str(exc.current_version), 409
            except IncidentError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, gettext("De melding is gewijzigd."))
                return redirect(reverse("backoffice:incident-detail", args=[incident.uuid]))
    else:
        form = IncidentForm(initial=initial_from_incident(incident, people), **kwargs)
        version, status = str(incident.version), 200
    context = {"nav": "incident-mine", "form": form, "incident": incident, "version": version}
    return render(request, "backoffice/incidents/edit.html", context, status=status)


# --- the coordinator's handling ------------------------------------------------------------

ACTIONS = {
    "taak": TaskForm,
    "brief": LetterForm,
    "maatregel": MeasureForm,
    "maatregel-beeindigen": EndMeasureForm,
    "afsluiten": CloseForm,
}


def _perform(request: HttpRequest, incident: Incident, action: str, form) -> str:
    data = form.cleaned_data
    common = {"user": request.user, "actor": request.actor, "expected_version": data["version"]}
    if action in ("taak", "brief"):
        task = incident.tasks.filter(pk=data["task"]).first()
        if task is None:
            raise Http404
        if action == "brief":
            services.make_warning_letter(task=task, text=data["text"], **common)
            return gettext("De waarschuwingsbrief is gemaakt. Controleer hem en rond daarna de reactie af.")
        services.complete_task(
            task=task,
            outcome=data["outcome"],
            reaction_kind=data.get("reaction_kind") or "",
            on_behalf_of_employer=data.get("on_behalf_of_employer") or False,
            **common,
        )
        return gettext("De taak is afgerond: %(task)s.") % {"task": task.get_kind_display()}
    if action == "maatregel":
        services.set_measure(
            incident=incident,
            kind=data["kind"],
            description=data["description"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            **common,
        )
        return gettext(
            "De maatregel is ingesteld. "
            "Zolang hij loopt, zien collega's een signaal bij de zaken van deze persoon."
        )
    if action == "maatregel-beeindigen":
        measure = incident.measures.filter(pk=data["measure"]).first()
        if measure is None:
            raise Http404
        services.end_measure(measure=measure, **common)
        return gettext("De maatregel is beëindigd. Het signaal bij de zaken is weg.")
    services.close_incident(incident=incident, conclusion=data["conclusion"], **common)
    return gettext("De melding is afgesloten.")


@require_POST
@incident_view
def incident_action_view(request: HttpRequest, incident_uuid, action: str) -> HttpResponse:
    form_class = ACTIONS.get(action)
    if form_class is None:
        raise Http404
    incident = _incident(request, incident_uuid)
    if not policies.can_handle_incident(request.user, incident):
        raise PermissionDenied(gettext("Alleen de agressiecoördinator kan een melding behandelen."))
    prefix = action if action != "taak" else f"taak-{request.POST.get('taak', '')}"
    form = form_class(request.POST, prefix=prefix)
    status = 400
    if form.is_valid():
        try:
            message = _perform(request, incident, action, form)
        except VersionConflict as exc:
            # Shown again with the version now stored, so a second try after reading works.
            data = request.POST.copy()
            data[f"{prefix}-version"] = str(exc.current_version)
            form = form_class(data, prefix=prefix)
            form.is_valid()
            form.add_error(None, str(exc))
            status = 409
        except IncidentError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, message)
            return redirect(reverse("backoffice:incident-detail", args=[incident.uuid]))
    key = (
        ("taak", form.cleaned_data.get("task"))
        if action == "taak" and hasattr(form, "cleaned_data")
        else action
    )
    incident.refresh_from_db()
    return _render_detail(request, incident, bound={key: form, "failed_form": form}, status=status)


@require_GET
@incident_view
def incident_letter_view(request: HttpRequest, incident_uuid, task_id: int) -> HttpResponse:
    """The waarschuwingsbrief as PDF: for the coordinator only (private storage, logged read)."""
    incident = _incident(request, incident_uuid)
    task = incident.tasks.filter(pk=task_id).exclude(letter="").first()
    if task is None or not policies.can_download_letter(request.user, task):
        raise Http404
    response = FileResponse(task.letter.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"waarschuwingsbrief-{incident.number}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
