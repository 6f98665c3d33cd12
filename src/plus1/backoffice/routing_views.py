"""The collective's page of portal questions that fail: per gemeente and over all gemeenten.

Only the collective's catalog managers and functional admins enter (``routing.policies``):
they maintain the situations and synonyms the router uses, for every gemeente. Gemeente staff
get "geen toegang". The page reads anonymised questions only (``plus1.routing``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from plus1.accounts.sessions import has_second_factor
from plus1.core import clock
from plus1.feedback.benchmark import national_view_organisation
from plus1.routing import policies, selectors
from plus1.routing.services import retention_days
from plus1.tenants.models import Organisation

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
TOP = 50


def collective_view(function: Callable) -> Callable:
    """Let only signed-in staff of the collective in (with the second factor). Sets ``request.tenant``."""

    @wraps(function)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated or not has_second_factor(request):
            return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
        collective = policies.collective_of(request.user)
        if collective is None:
            return render(request, "backoffice/forbidden.html", status=403)
        request.tenant = collective
        request.is_collective = True
        # The nav's Klantwaardering link leads the collective's catalog managers to the national view.
        request.can_see_feedback = national_view_organisation(request.user) is not None
        return function(request, *args, **kwargs)

    return wrapped


class InsightsFilterForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
        to_field_name="slug",
    )
    periode = forms.TypedChoiceField(
        label=_("Periode"),
        coerce=int,
        required=False,
        empty_value=DEFAULT_PERIOD,
        initial=DEFAULT_PERIOD,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = selectors.gemeenten_with_questions()
        self.fields["gemeente"].error_messages["invalid_choice"] = _(
            "Van deze gemeente zijn geen zoekvragen bewaard. Kies een gemeente uit de lijst."
        )
        keep = retention_days()
        days = sorted({min(p, keep) for p in PERIODS})
        self.fields["periode"].choices = [(d, _("de laatste %(days)s dagen") % {"days": d}) for d in days]


@require_GET
@collective_view
def search_insights_view(request: HttpRequest) -> HttpResponse:
    """Which questions residents ask that lead nowhere, so the collective can add mappings."""
    form = InsightsFilterForm(request.GET)
    gemeente, days = None, min(DEFAULT_PERIOD, retention_days())
    if form.is_valid():
        gemeente, days = form.cleaned_data["gemeente"], form.cleaned_data["periode"]
    since = clock.today() - datetime.timedelta(days=days - 1)
    per_gemeente = selectors.figures_per_gemeente(since=since)
    context = {
        "nav": "search-insights",
        "form": form,
        "gemeente": gemeente,
        "days": days,
        "since": since,
        "retention_days": retention_days(),
        "questions": selectors.failing_questions(gemeente=gemeente, since=since, limit=TOP),
        "per_gemeente": per_gemeente,
        "total": selectors.total_figures(per_gemeente),
    }
    return render(request, "backoffice/search_insights.html", context)
