"""The privacy officer's pages: search the processing log, and the report of unusual access.

Thin: the forms parse the filters, ``audit.selectors.search_records`` and
``cases.access_review.unusual_access`` read, and every page that shows records is itself
logged as a processing (activity ``inzage-verwerkingslog``; the person, when searched by one).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from plus1.accounts.constants import Role
from plus1.audit import selectors as audit_selectors
from plus1.audit import services as audit
from plus1.audit.exceptions import AuditError
from plus1.audit.models import Channel, ProcessingAction
from plus1.audit.services import ObjectRef, Subject
from plus1.cases import access_review
from plus1.catalog.processing import ActivityCode, activity_for_code

from .access import employee_view
from .processing_log_forms import AccessReviewSettingsForm, ProcessingLogSearchForm, ReportPeriodForm

PAGE_SIZE = 50
LOG_OBJECT_TYPE = "audit.processingrecord"


def _log_inspection(request: HttpRequest, *, label: str, action: str, subject: Subject | None = None) -> None:
    """A look into the log is a processing of personal data too (AVG art. 32: who watches the watchers)."""
    match = request.resolver_match
    audit.record_read(
        tenant=request.tenant,
        actor=request.actor,
        activity=activity_for_code(ActivityCode.LOG_INSPECTION),
        action=action,
        channel=Channel.BACKOFFICE,
        obj=ObjectRef(LOG_OBJECT_TYPE, "", label),
        subject=subject,
        operation=match.view_name if match else "",
    )


def search_link(*, actor_label: str, since, until) -> str:
    query = urlencode({"medewerker": actor_label, "van": since.isoformat(), "tot": until.isoformat()})
    return f"{reverse('backoffice:processing-log')}?{query}"


@employee_view(roles=[Role.PRIVACY_OFFICER])
def processing_log_view(request: HttpRequest) -> HttpResponse:
    # Always bound: no parameters at all is a valid search (the last 30 days).
    form = ProcessingLogSearchForm(request.GET, tenant=request.tenant)
    context = {"nav": "processing-log", "form": form, "people": form.people, "page": None}
    if form.is_valid():
        data = form.cleaned_data
        records = audit_selectors.search_records(
            tenant=request.tenant,
            since=data["since"],
            until=data["until"],
            subject=data["betrokkene"],
            actor_id=data["medewerker"],
            activity_code=data["activiteit"] or None,
            action=data["soort"] or None,
        )
        page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("pagina"))
        query = request.GET.copy()
        query.pop("pagina", None)
        context.update(page=page, page_query=query.urlencode(), since=data["since"], until=data["until"])
        filters = [f"{data['since']:%d-%m-%Y} t/m {data['until']:%d-%m-%Y}"]
        if data["betrokkene"]:
            filters.append(_("op betrokkene"))
        if data["medewerker"]:
            filters.append(_("op medewerker %(name)s") % {"name": form.data.get("medewerker", "").strip()})
        if data["activiteit"]:
            filters.append(data["activiteit"])
        if data["soort"]:
            filters.append(data["soort"])
        _log_inspection(
            request,
            label=_("Verwerkingslog doorzocht: %(filters)s") % {"filters": ", ".join(filters)},
            action=ProcessingAction.SEARCH,
            subject=data["betrokkene"],
        )
    return render(request, "backoffice/processing_log.html", context)


@employee_view(roles=[Role.PRIVACY_OFFICER])
def access_review_view(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    current = audit_selectors.access_review_settings(tenant=tenant)
    initial = {
        "distinct_subjects_per_day": current.distinct_subjects_per_day,
        "office_start": current.office_start,
        "office_end": current.office_end,
        "weekends_are_outside": current.weekends_are_outside,
    }
    settings_form = AccessReviewSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and settings_form.is_valid():
        try:
            audit.update_access_review_settings(
                tenant=tenant, actor=request.actor, **settings_form.cleaned_data
            )
        except AuditError as error:
            settings_form.add_error(None, str(error))
        else:
            messages.success(request, _("De drempels zijn opgeslagen."))
            return redirect(request.get_full_path())

    period_form = ReportPeriodForm(request.GET or {})
    context = {
        "nav": "processing-log",
        "period_form": period_form,
        "settings_form": settings_form,
        "report": None,
    }
    if period_form.is_valid():
        since, until = period_form.cleaned_data["since"], period_form.cleaned_data["until"]
        report = access_review.unusual_access(tenant=tenant, since=since, until=until)
        context["report"] = report
        context["sections"] = [
            (
                "veel-personen",
                _("Veel verschillende personen op één dag"),
                _("Medewerkers die op één dag de gegevens van meer dan %(n)s personen inzagen.")
                % {"n": report.settings.distinct_subjects_per_day},
                _("Personen"),
                _with_links(report.many_subjects, since, until),
            ),
            (
                "buiten-kantoortijd",
                _("Buiten kantoortijd"),
                _("Verwerkingen door medewerkers vóór %(start)s, vanaf %(end)s%(weekend)s.")
                % {
                    "start": f"{report.settings.office_start:%H:%M}",
                    "end": f"{report.settings.office_end:%H:%M}",
                    "weekend": _(" en in het weekend") if report.settings.weekends_are_outside else "",
                },
                _("Verwerkingen"),
                _with_links(report.outside_office_hours, since, until),
            ),
            (
                "ander-team",
                _("Zaken van een ander team"),
                _("Medewerkers die zaken openden van een team waar zij geen lid van zijn."),
                _("Verwerkingen"),
                _with_links(report.other_team, since, until),
            ),
        ]
        _log_inspection(
            request,
            label=_("Bijzonderheden verwerkingslog bekeken: %(since)s t/m %(until)s")
            % {"since": f"{since:%d-%m-%Y}", "until": f"{until:%d-%m-%Y}"},
            action=ProcessingAction.READ,
        )
    return render(request, "backoffice/access_review.html", context)


def _with_links(findings, since, until) -> list[dict]:
    return [
        {
            "finding": finding,
            "url": search_link(
                actor_label=finding.actor_label,
                since=finding.day or since,
                until=finding.day or until,
            ),
        }
        for finding in findings
    ]
