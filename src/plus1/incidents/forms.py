"""The forms of the incident register: the report (phone-first) and the coordinator's handling.

Forms parse and check input; the services enforce the rules and their Dutch messages become
errors on the field they name (``IncidentError.field``).
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plus1.cases.models import Rol
from plus1.core import clock

from .constants import Category, Channel, Consequence, IncidentStatus, MeasureKind, PersonKind, ReactionKind
from .exceptions import IncidentError
from .services import IncidentData, Person

# How far back a report may go, and how long a maatregel may run: five years (a typo beyond it).
MAX_YEARS_BACK = 5
# The years the overview's date filter takes.
FILTER_FIRST_YEAR, FILTER_LAST_YEAR = 1900, 2999

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MYSELF, COLLEAGUE = "myself", "colleague"
DESCRIBED = "described"
CURRENT = "current"


def colleague_label(user) -> str:
    return user.get_full_name() or user.get_username()


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return colleague_label(obj)


class ColleaguesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return colleague_label(obj)


class BoundErrorsMixin:
    """Link every error to its input (aria-describedby) and mark the input invalid (WCAG 1.3.1, 3.3.1).

    The error's id is the input's id with ``-error``; the help text keeps its own link.
    """

    def mark_invalid(self, name: str) -> None:
        bound = self[name]  # type: ignore[index]
        ids = [f"{bound.auto_id}-error"]
        if bound.help_text:
            ids.insert(0, f"{bound.auto_id}_helptext")
        bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
        bound.field.widget.attrs["aria-invalid"] = "true"

    def full_clean(self):
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                self.mark_invalid(name)

    def add_service_error(self, error: IncidentError) -> None:
        field = "occurred_on" if error.field == "occurred_at" else error.field
        if field not in self.fields:  # type: ignore[attr-defined]
            field = None
        self.add_error(field, str(error))  # type: ignore[attr-defined]
        if field:
            self.mark_invalid(field)


class IncidentForm(BoundErrorsMixin, forms.Form):
    """Report an incident (or change a report): when, where, how, what, who."""

    occurred_on = forms.DateField(label=_("Datum"), widget=DATE)
    occurred_time = forms.TimeField(label=_("Tijd"), widget=TIME)
    location = forms.CharField(
        label=_("Waar gebeurde het?"),
        help_text=_("Bijvoorbeeld: balie Stadskantoor, of het adres van het huisbezoek"),
        max_length=200,
    )
    channel = forms.ChoiceField(
        label=_("Hoe was het contact?"), choices=Channel.choices, widget=forms.RadioSelect
    )
    categories = forms.MultipleChoiceField(
        label=_("Wat gebeurde er?"),
        help_text=_("Kies alles wat past."),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één: wat gebeurde er?")},
    )
    consequences = forms.MultipleChoiceField(
        label=_("Wat waren de gevolgen? (niet verplicht)"),
        choices=Consequence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("Beschrijf wat er gebeurde"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000
    )
    witnesses = ColleaguesField(
        label=_("Getuigen (niet verplicht)"),
        help_text=_("Collega's die het zagen of hoorden. Kies er meer met Ctrl (of Cmd) ingedrukt."),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    for_whom = forms.ChoiceField(
        label=_("Voor wie meldt u dit?"),
        choices=[(MYSELF, _("Voor mijzelf")), (COLLEAGUE, _("Voor een collega"))],
        widget=forms.RadioSelect,
        initial=MYSELF,
    )
    colleague = ColleagueChoiceField(
        label=_("Welke collega?"),
        help_text=_("Alleen als u meldt voor een collega"),
        queryset=None,
        required=False,
        empty_label=_("Kies een collega"),
    )
    person = forms.ChoiceField(label=_("Betrokken persoon"), widget=forms.RadioSelect, required=False)
    person_description = forms.CharField(
        label=_("Omschrijving van de persoon"),
        help_text=_("Alleen als u de persoon niet kent: hoe zag hij of zij eruit?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(
        self,
        *args,
        colleagues,
        user,
        betrokkenen: list[Rol] = (),
        editing: bool = False,
        incident=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.user = user
        self.betrokkenen = {str(rol.uuid): rol for rol in betrokkenen}
        self.incident = incident
        others = colleagues.exclude(pk=user.pk)
        self.fields["witnesses"].queryset = others
        self.fields["colleague"].queryset = others
        self.fields["occurred_time"].widget.attrs["step"] = 60
        today = clock.today()
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()
        choices = [("", _("Niemand, of niet van toepassing"))]
        choices += [
            (key, _("%(name)s (uit de zaak)") % {"name": rol.name or _("naam onbekend")})
            for key, rol in self.betrokkenen.items()
        ]
        if incident is not None and incident.person_name and initial_person(incident, betrokkenen) == CURRENT:
            # The zaak no longer offers this person (e.g. its share ended): keep them as they are.
            choices.append((CURRENT, incident.person_name))
        choices.append((DESCRIBED, _("Iemand die ik niet ken: ik beschrijf de persoon")))
        self.fields["person"].choices = choices
        if editing:
            del self.fields["for_whom"]
            del self.fields["colleague"]

    def clean(self):
        data = super().clean()
        day, time = data.get("occurred_on"), data.get("occurred_time")
        if day and time:
            occurred_at = timezone.make_aware(datetime.datetime.combine(day, time))
            if occurred_at > clock.now():
                self.add_error(
                    "occurred_on",
                    _(
                        "Het incident kan niet in de toekomst liggen. "
                        "Vul de datum en tijd in waarop het gebeurde."
                    ),
                )
            elif day < clock.today() - datetime.timedelta(days=MAX_YEARS_BACK * 366) and not (
                self.incident is not None and timezone.localtime(self.incident.occurred_at).date() == day
            ):
                # A typing error (year 0001 or 2002 for 2026), not a report: the register and
                # its figures would carry it for years.
                self.add_error(
                    "occurred_on",
                    _("Deze datum ligt meer dan vijf jaar terug. Controleer het jaartal."),
                )
            data["occurred_at"] = occurred_at
        if "for_whom" in self.fields and data.get("for_whom") == COLLEAGUE and not data.get("colleague"):
            self.add_error("colleague", _("Kies de collega voor wie u meldt."))
        if data.get("person") == DESCRIBED and not (data.get("person_description") or "").strip():
            self.add_error("person_description", _("Beschrijf de persoon, of kies: niemand."))
        return data

    def employee(self):
        if self.cleaned_data.get("for_whom") == COLLEAGUE:
            return self.cleaned_data["colleague"]
        return self.user

    def person_value(self) -> Person:
        choice = self.cleaned_data.get("person") or ""
        if choice == CURRENT and self.incident is not None:
            return Person(
                kind=self.incident.person_kind,
                bsn=self.incident.person_bsn,
                kvk_number=self.incident.person_kvk,
            )
        if choice == DESCRIBED:
            return Person(kind=PersonKind.DESCRIBED, description=self.cleaned_data["person_description"])
        rol = self.betrokkenen.get(choice)
        if rol is None:
            return Person.none()
        if rol.bsn:
            return Person(kind=PersonKind.RESIDENT, bsn=rol.bsn)
        return Person(kind=PersonKind.BUSINESS, kvk_number=rol.kvk_number)

    def incident_data(self) -> IncidentData:
        data = self.cleaned_data
        return IncidentData(
            occurred_at=data["occurred_at"],
            location=data["location"],
            channel=data["channel"],
            categories=data["categories"],
            consequences=data.get("consequences") or [],
            description=data["description"],
            witnesses=list(data.get("witnesses") or []),
            person=self.person_value(),
        )


def initial_person(incident, betrokkenen: list[Rol]) -> str:
    """The person choice that names the report's person: a rol of its zaak, ``current``, or none."""
    if incident.person_kind == PersonKind.DESCRIBED:
        return DESCRIBED
    if incident.person_kind not in (PersonKind.RESIDENT, PersonKind.BUSINESS):
        return ""
    for rol in betrokkenen:
        if (rol.bsn and rol.bsn == incident.person_bsn) or (
            rol.kvk_number and rol.kvk_number == incident.person_kvk
        ):
            return str(rol.uuid)
    return CURRENT


def initial_from_incident(incident, betrokkenen: list[Rol]) -> dict:
    occurred = timezone.localtime(incident.occurred_at)
    return {
        "occurred_on": occurred.date(),
        "occurred_time": occurred.time().replace(second=0, microsecond=0),
        "location": incident.location,
        "channel": incident.channel,
        "categories": incident.categories,
        "consequences": incident.consequences,
        "description": incident.description,
        "witnesses": [user.pk for user in incident.witnesses.all()],
        "person": initial_person(incident, betrokkenen),
        "person_description": incident.person_description,
    }


class VersionForm(BoundErrorsMixin, forms.Form):
    """The version of the report the coordinator saw: two coordinators at once never overwrite."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class TaskForm(VersionForm):
    task = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.CharField(
        label=_("Wat is er gedaan?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    reaction_kind = forms.ChoiceField(
        label=_("Soort reactie"), choices=ReactionKind.choices, widget=forms.RadioSelect, required=False
    )
    on_behalf_of_employer = forms.BooleanField(
        label=_("Aangifte namens de werkgever (werkadres)"), required=False
    )


class LetterForm(VersionForm):
    task = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Eigen tekst in de brief (niet verplicht)"),
        help_text=_("Bijvoorbeeld wat er precies gebeurde. De rest van de brief staat vast."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=3000,
    )


class MeasureForm(VersionForm):
    kind = forms.ChoiceField(label=_("Maatregel"), choices=MeasureKind.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=500,
    )
    starts_on = forms.DateField(label=_("Vanaf"), widget=DATE)
    ends_on = forms.DateField(label=_("Tot en met"), widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error(
                "ends_on",
                _("De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum."),
            )
        elif data.get("starts_on") and data["starts_on"] > clock.today() + datetime.timedelta(days=366):
            self.add_error("starts_on", _("Een maatregel begint hoogstens een jaar vanaf vandaag."))
        elif (
            data.get("starts_on")
            and data.get("ends_on")
            and data["ends_on"] > data["starts_on"] + datetime.timedelta(days=MAX_YEARS_BACK * 366)
        ):
            self.add_error(
                "ends_on", _("Een maatregel duurt hoogstens vijf jaar. Kies een eerdere einddatum.")
            )
        return data


class EndMeasureForm(VersionForm):
    measure = forms.IntegerField(widget=forms.HiddenInput)


class CloseForm(VersionForm):
    conclusion = forms.CharField(
        label=_("Conclusie"),
        help_text=_("Wat is er met de melding gedaan, en is de zaak voor de medewerker afgerond?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Schrijf een conclusie om de melding af te sluiten.")},
    )


class IncidentFilterForm(forms.Form):
    """The coordinator's filters (GET); every field optional."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle")), *IncidentStatus.choices], required=False
    )
    category = forms.ChoiceField(
        label=_("Wat gebeurde er"), choices=[("", _("Alle")), *Category.choices], required=False
    )
    channel = forms.ChoiceField(
        label=_("Kanaal"), choices=[("", _("Alle")), *Channel.choices], required=False
    )
    team = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False, empty_value=None)
    van = forms.DateField(label=_("Van"), required=False, widget=DATE)
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DATE)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("Alle teams"))] + [(team.pk, team.name) for team in teams]

    def clean(self):
        data = super().clean()
        for name in ("van", "tot"):
            # Year 0001 or 9999 would overflow the local day's bounds (a 500), and holds no report.
            if data.get(name) and not FILTER_FIRST_YEAR <= data[name].year <= FILTER_LAST_YEAR:
                self.add_error(
                    name,
                    _("Kies een datum tussen %(first)s en %(last)s.")
                    % {"first": FILTER_FIRST_YEAR, "last": FILTER_LAST_YEAR},
                )
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("van", _("De begindatum moet voor de einddatum liggen."))
        return data
