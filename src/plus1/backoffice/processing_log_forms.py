"""The privacy officer's forms: search the processing log, pick a report period, set thresholds."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from plus1.audit.models import ProcessingAction
from plus1.audit.selectors import MAX_SEARCH_DAYS
from plus1.audit.services import Subject
from plus1.cases.access_review import MAX_REPORT_DAYS
from plus1.catalog.models import ProcessingActivity
from plus1.core import clock
from plus1.core.validators import passes_eleven_test

SEARCH_DEFAULT_DAYS = 30
REPORT_DEFAULT_DAYS = 7


def people_of(tenant) -> list:
    """The gemeente's employees (any role), to search the log by."""
    return list(
        get_user_model()
        .objects.filter(memberships__tenant=tenant)
        .distinct()
        .order_by("username")
        .only("pk", "username", "first_name", "last_name")
    )


class PeriodForm(forms.Form):
    """From and to dates (Dutch days, both included); defaults end today."""

    default_days = SEARCH_DEFAULT_DAYS
    max_days = MAX_SEARCH_DAYS

    van = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        until = data.get("tot") or clock.today()
        since = data.get("van") or until - datetime.timedelta(days=self.default_days - 1)
        if since > until:
            self.add_error("van", _("De begindatum moet voor de einddatum liggen."))
        elif (until - since).days >= self.max_days:
            self.add_error(
                "van", _("Kies een periode van hoogstens %(days)s dagen.") % {"days": self.max_days}
            )
        data["since"], data["until"] = since, until
        return data


class ProcessingLogSearchForm(PeriodForm):
    """GET parameters of the search. Every field is optional; the period defaults to 30 days."""

    betrokkene = forms.CharField(
        label=_("Betrokkene"),
        help_text=_("BSN (9 cijfers) of KvK-nummer (8 cijfers) van de persoon of het bedrijf"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    medewerker = forms.CharField(
        label=_("Medewerker"),
        help_text=_("Gebruikersnaam; kies uit de lijst of typ de naam"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"list": "medewerkers", "autocomplete": "off"}),
    )
    activiteit = forms.ChoiceField(label=_("Verwerkingsactiviteit (doel)"), required=False)
    soort = forms.ChoiceField(
        label=_("Soort verwerking"),
        required=False,
        choices=[("", _("Alle soorten")), *ProcessingAction.choices],
    )

    field_order = ["betrokkene", "medewerker", "van", "tot", "activiteit", "soort"]

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.people = people_of(tenant)
        activities = ProcessingActivity.objects.order_by("name").values_list("code", "name")
        self.fields["activiteit"].choices = [("", _("Alle activiteiten")), *activities]

    def clean_betrokkene(self) -> Subject | None:
        value = "".join(self.cleaned_data["betrokkene"].split()).replace(".", "")
        if not value:
            return None
        if len(value) == 9 and passes_eleven_test(value):
            return Subject("bsn", value)
        if len(value) == 8 and value.isdigit():
            return Subject("kvk", value)
        raise forms.ValidationError(
            _("Vul een geldig BSN (9 cijfers, volgens de elfproef) of een KvK-nummer (8 cijfers) in.")
        )

    def clean_medewerker(self) -> str | None:
        """The user id the log stores for this user name."""
        username = self.cleaned_data["medewerker"].strip()
        if not username:
            return None
        match = next((person for person in self.people if person.username == username), None)
        if match is None:
            raise forms.ValidationError(_("Er is geen medewerker met deze gebruikersnaam."))
        return str(match.pk)


class ReportPeriodForm(PeriodForm):
    default_days = REPORT_DEFAULT_DAYS
    max_days = MAX_REPORT_DAYS


class AccessReviewSettingsForm(forms.Form):
    """The gemeente's thresholds; the service checks them again."""

    distinct_subjects_per_day = forms.IntegerField(
        label=_("Meer personen per dag dan"),
        help_text=_(
            "Een medewerker die op één dag de gegevens van meer personen inziet, staat in het overzicht."
        ),
        min_value=1,
        max_value=100_000,
        error_messages={
            "min_value": _("Vul een aantal van minstens 1 in."),
            "max_value": _("Vul een aantal van hoogstens 100.000 in."),
            "invalid": _("Vul een heel getal in."),
            "required": _("Vul een aantal in."),
        },
    )
    office_start = forms.TimeField(
        label=_("Kantoortijd begint om"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "invalid": _("Vul een tijd in, bijvoorbeeld 07:00."),
            "required": _("Vul een tijd in."),
        },
    )
    office_end = forms.TimeField(
        label=_("Kantoortijd eindigt om"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "invalid": _("Vul een tijd in, bijvoorbeeld 19:00."),
            "required": _("Vul een tijd in."),
        },
    )
    weekends_are_outside = forms.BooleanField(
        label=_("Zaterdag en zondag zijn buiten kantoortijd"), required=False
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("office_start"), data.get("office_end")
        if start and end and start >= end:
            self.add_error("office_end", _("De kantoortijd moet eindigen na het begin."))
        return data
