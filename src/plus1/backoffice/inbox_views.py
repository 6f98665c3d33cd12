"""The team inbox (werkvoorraad): the zaken of the employee's teams, with filters and bulk actions.

Thin: the filters become ``InboxFilters`` for the selector; claiming and assigning go
through the case services, whose refusals show as plain Dutch messages.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from plus1.audit.services import record_access, subject_for
from plus1.cases import deadlines, policies, selectors, services
from plus1.cases.exceptions import ZaakError
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.cases.selectors import InboxFilters
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.core import clock
from plus1.feedback import callbacks

from .access import employee_view
from .inbox_forms import ASSIGNED_CHOICES, DUE_CHOICES, BulkAssignForm, InboxFilterForm

PAGE_SIZE = 25


def _purpose(request: HttpRequest) -> Purpose:
    match = request.resolver_match
    return Purpose.handling(request.actor, operation=match.view_name if match else "")


def _team_members(request: HttpRequest) -> list[tuple[int, str]]:
    """Everyone in the teams the team lead leads at this gemeente, to assign zaken to."""
    users = (
        get_user_model()
        .objects.filter(teams__tenant=request.tenant, teams__members=request.user, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    return [(user.pk, user.get_full_name() or user.get_username()) for user in users]


def _link(params: QueryDict, **changes: str) -> str:
    query = params.copy()
    query.pop("pagina", None)
    for key, value in changes.items():
        if value:
            query[key] = value
        else:
            query.pop(key, None)
    encoded = query.urlencode()
    return f"{reverse('backoffice:inbox')}?{encoded}" if encoded else reverse("backoffice:inbox")


def _quick_filters(request: HttpRequest, filters: InboxFilters) -> list[dict]:
    """Each "who" and "when" choice with the number of zaken it would show, given the other choices."""
    counts = selectors.inbox_counts(tenant=request.tenant, user=request.user, filters=filters)
    groups = []
    for title, field, param, options in (
        (_("Behandelaar"), "assigned", "toegewezen", ASSIGNED_CHOICES),
        (_("Termijn"), "due", "termijn", DUE_CHOICES),
    ):
        choices = []
        for value, label in options:
            count = counts[field][value]
            choices.append(
                {
                    "label": label,
                    "count": count,
                    "url": _link(request.GET, **{param: value}),
                    "is_current": getattr(filters, field) == value,
                }
            )
        groups.append({"id": f"snelfilter-{param}", "title": title, "choices": choices})
    return groups


@employee_view
def inbox_view(request: HttpRequest) -> HttpResponse:
    zaaktypen, statuses = selectors.inbox_choices(tenant=request.tenant, user=request.user)
    form = InboxFilterForm(request.GET or None, zaaktypen=zaaktypen, statuses=statuses)
    filters = form.to_filters() if request.GET else InboxFilters()
    if filters.query and selectors.is_bsn_like(filters.query):
        # A search on a BSN is a look-up of a person's data: it goes into the access log.
        record_access(
            tenant=request.tenant,
            actor=request.actor,
            activity=activity_for_code(ActivityCode.BSN_SEARCH),
            object_type="cases.zaak",
            subject=subject_for(bsn=filters.query),
        )
    zaken = selectors.inbox_for_employee(
        tenant=request.tenant, user=request.user, filters=filters, purpose=_purpose(request)
    )
    page = Paginator(zaken, PAGE_SIZE).get_page(request.GET.get("pagina"))
    today = clock.today()
    for zaak in page.object_list:
        zaak.days_left = deadlines.working_days_left(today=today, end=zaak.planned_end_on)
        zaak.days_late = max(0, -zaak.days_left)
        zaak.can_claim = zaak.assignee_id != request.user.pk and policies.can_change_zaak(request.user, zaak)
    can_bulk_assign = request.is_team_lead
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "backoffice/inbox.html",
        {
            "nav": "inbox",
            "form": form,
            "page": page,
            "quick_filters": _quick_filters(request, filters),
            "is_filtered": any(
                value for key, value in request.GET.items() if key not in ("pagina", "sorteer")
            ),
            "page_query": query.urlencode(),
            "can_bulk_assign": can_bulk_assign,
            "assign_form": BulkAssignForm(members=_team_members(request)) if can_bulk_assign else None,
            "here": request.get_full_path(),
            # Klantwaardering: unhappy residents who asked to be called back (issue 19).
            "call_back_count": callbacks.open_count_for_employee(user=request.user, tenant=request.tenant),
        },
    )


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if not target.startswith(reverse("backoffice:inbox")) or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = reverse("backoffice:inbox")
    return redirect(target)


@require_POST
@employee_view
def claim_view(request: HttpRequest) -> HttpResponse:
    identificatie, _sep, version = request.POST.get("zaak", "").rpartition(":")
    try:
        zaak = selectors.get_zaak_for_employee(
            tenant=request.tenant, identificatie=identificatie, purpose=_purpose(request)
        )
    except Zaak.DoesNotExist:
        messages.error(request, _("Deze zaak bestaat niet (meer)."))
        return _back(request)
    if not policies.can_change_zaak(request.user, zaak):
        messages.error(request, _("U kunt alleen zaken van uw eigen team oppakken."))
        return _back(request)
    try:
        services.claim_zaak(
            zaak=zaak,
            user=request.user,
            actor=request.actor,
            expected_version=int(version) if version.isdigit() else None,
        )
    except ZaakError as exc:
        messages.error(request, f"{zaak.identificatie}: {exc}")
    else:
        messages.success(request, _("U behandelt nu zaak %(zaak)s.") % {"zaak": zaak.identificatie})
    return _back(request)


@require_POST
@employee_view
def assign_view(request: HttpRequest) -> HttpResponse:
    if not request.is_team_lead:
        messages.error(request, _("Alleen een teamleider kan zaken aan anderen toewijzen."))
        return _back(request)
    members = _team_members(request)
    form = BulkAssignForm(request.POST, members=members)
    if not form.is_valid():
        messages.error(request, form.errors["medewerker"][0])
        return _back(request)
    chosen = form.zaak_ids()
    if not chosen:
        messages.error(request, _("Kies eerst een of meer zaken met de vakjes in de tabel."))
        return _back(request)
    # Only zaken in this team lead's own inbox, and only those the policy lets them assign.
    visible = selectors.inbox_for_employee(
        tenant=request.tenant, user=request.user, filters=InboxFilters(), purpose=_purpose(request)
    )
    allowed = [zaak.pk for zaak in visible.filter(pk__in=chosen) if policies.can_assign(request.user, zaak)]
    choice = form.cleaned_data["medewerker"]
    assignee = None if choice == "team" else get_user_model().objects.get(pk=int(choice))
    try:
        count = services.assign_zaken(
            tenant=request.tenant, zaak_ids=allowed, assignee=assignee, actor=request.actor
        )
    except ZaakError as exc:
        messages.error(request, str(exc))
        return _back(request)
    name = dict(members).get(assignee.pk) if assignee else _("het team")
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s zaak toegewezen aan %(name)s.", "%(count)s zaken toegewezen aan %(name)s.", count
            )
            % {"count": count, "name": name},
        )
    if count < len(chosen):
        left = len(chosen) - count
        messages.error(
            request,
            ngettext(
                "%(count)s zaak is niet toegewezen. De zaak hoort niet bij het team van %(name)s, "
                "of is al afgesloten.",
                "%(count)s zaken zijn niet toegewezen. De zaken horen niet bij het team van %(name)s, "
                "of zijn al afgesloten.",
                left,
            )
            % {"count": left, "name": name},
        )
    return _back(request)
