"""The filter bar of the Klantwaardering pages: period, base process, team and channel."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.accounts.models import Team
from plus1.feedback.constants import Channel
from plus1.feedback.selectors import DEFAULT_MONTHS, PERIOD_MONTHS, Scope, period_of, processes_for_gemeente
from plus1.tenants.models import Organisation


class PeriodForm(forms.Form):
    """Only the period: the benchmark and the national view."""

    periode = forms.TypedChoiceField(
        label=_("Periode"),
        coerce=int,
        required=False,
        empty_value=DEFAULT_MONTHS,
        error_messages={"invalid_choice": _("Kies een periode uit de lijst.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = [
            (months, _("de laatste %(months)s maanden") % {"months": months}) for months in PERIOD_MONTHS
        ]

    def months(self) -> int:
        # An odd value falls back to the default; the form shows why.
        if self.is_valid():
            return self.cleaned_data["periode"] or DEFAULT_MONTHS
        return DEFAULT_MONTHS


class FeedbackFilterForm(PeriodForm):
    """GET parameters of the dashboard and its exports; a field with an odd value is left out."""

    proces = forms.TypedChoiceField(
        label=_("Product"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een product uit de lijst.")},
    )
    team = forms.TypedChoiceField(
        label=_("Team"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Kies een team uit de lijst.")},
    )
    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        choices=[("", _("Alle kanalen")), *Channel.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een kanaal uit de lijst.")},
    )

    def __init__(self, *args, tenant: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.processes = {process.pk: (process, name) for process, name in processes_for_gemeente(tenant)}
        self.teams = {team.pk: team for team in Team.objects.for_tenant(tenant).order_by("name")}
        self.fields["proces"].choices = [
            ("", _("Alle producten")),
            *((pk, name) for pk, (_process, name) in self.processes.items()),
        ]
        self.fields["team"].choices = [
            ("", _("Alle teams")),
            *((pk, team.name) for pk, team in self.teams.items()),
        ]

    def to_scope(self) -> Scope:
        self.is_valid()
        data = self.cleaned_data
        process_id, team_id = data.get("proces"), data.get("team")
        return Scope(
            tenant=self.tenant,
            period=period_of(months=data.get("periode") or DEFAULT_MONTHS),
            process=self.processes[process_id][0] if process_id in self.processes else None,
            team=self.teams.get(team_id) if team_id else None,
            channel=data.get("kanaal") or "",
        )
