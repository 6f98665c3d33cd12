"""Forms of the medewerkers pages (issue 22): they parse input; plus1.development's services decide.

A rating form has one radio group per competence (``competence_<id>``), so a service error that
names ``competence_<id>`` lands on the right group. A value outside the competence's levels is
refused here with the competence named, and once more by the service.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plus1.accounts.models import Team
from plus1.development.constants import PULSE_QUESTIONS, Importance, PlanStatus, TrainingForm
from plus1.development.exceptions import DevelopmentError
from plus1.development.models import Competence, DevelopmentPlan, PlanGoal, RoleProfile, Training

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def field_name(competence: Competence) -> str:
    return f"competence_{competence.pk}"


def _level_message(competence: Competence) -> str:
    levels = [level.level for level in competence.levels.all()] or [1]
    return _("Kies bij %(name)s een niveau van %(low)s tot en met %(high)s.") % {
        "name": competence.name,
        "low": min(levels),
        "high": max(levels),
    }


def _level_field(competence: Competence, *, label: str = "", required: bool = False) -> forms.Field:
    return forms.TypedChoiceField(
        label=label or competence.name,
        choices=[(level.level, f"{level.level}. {level.name}") for level in competence.levels.all()],
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _level_message(competence), "required": _level_message(competence)},
    )


def show_error(form: forms.Form, error: DevelopmentError) -> None:
    """Put a service's refusal on the field it names, or on top of the form."""
    name = error.field if error.field in form.fields else None
    form.add_error(name, str(error))


class RatingsForm(forms.Form):
    """A rating per competence: self-assessment and the leidinggevende's assessment."""

    note = forms.CharField(
        label=gettext_lazy("Toelichting (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, competences: Iterable[Competence], **kwargs):
        super().__init__(*args, **kwargs)
        self.competences = list(competences)
        for competence in self.competences:
            self.fields[field_name(competence)] = _level_field(competence)
        self.order_fields([*(field_name(c) for c in self.competences), "note"])

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.ratings():
            raise forms.ValidationError(_("Kies bij minstens één competentie een niveau."))
        return cleaned

    def ratings(self) -> dict[int, int]:
        values = ((c.pk, self.cleaned_data.get(field_name(c))) for c in self.competences)
        return {pk: level for pk, level in values if level is not None}

    def groups(self) -> list[tuple[Competence, forms.BoundField]]:
        return [(c, self[field_name(c)]) for c in self.competences]


class CheckInForm(forms.Form):
    check_in_on = forms.DateField(
        label=gettext_lazy("Volgend gesprek op"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=PlanStatus.choices,
        error_messages={"invalid_choice": gettext_lazy("Kies een status uit de lijst.")},
    )


class GoalForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Doel"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    competence = forms.ModelChoiceField(
        label=gettext_lazy("Competentie (niet verplicht)"),
        queryset=Competence.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een competentie uit de lijst.")},
    )
    target_level = forms.TypedChoiceField(
        label=gettext_lazy("Doelniveau (niet verplicht)"),
        choices=[("", "-"), *((n, str(n)) for n in range(1, 5))],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een niveau van 1 tot en met 4.")},
    )

    def __init__(self, *args, competences: Iterable[Competence], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = Competence.objects.filter(pk__in=[c.pk for c in competences])


class ActionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Actie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    training = forms.ModelChoiceField(
        label=gettext_lazy("Training uit het leeraanbod (niet verplicht)"),
        queryset=Training.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een training uit de lijst.")},
    )
    goal = forms.ModelChoiceField(
        label=gettext_lazy("Bij doel (niet verplicht)"),
        queryset=PlanGoal.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een doel uit de lijst.")},
    )
    due_on = forms.DateField(
        label=gettext_lazy("Klaar op (niet verplicht)"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )

    def __init__(self, *args, plan: DevelopmentPlan, trainings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training"].queryset = trainings
        self.fields["goal"].queryset = plan.goals.all()


class EvaluationForm(forms.Form):
    score = forms.TypedChoiceField(
        label=gettext_lazy("Hoe waardeert u de training? (1 = slecht, 5 = heel goed)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies een waardering van 1 tot en met 5."),
            "invalid_choice": gettext_lazy("Kies een waardering van 1 tot en met 5."),
        },
    )
    text = forms.CharField(
        label=gettext_lazy("Wat wilt u nog kwijt? (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


PULSE_ANSWERS = [
    (1, gettext_lazy("1 helemaal oneens")),
    (2, gettext_lazy("2 oneens")),
    (3, gettext_lazy("3 neutraal")),
    (4, gettext_lazy("4 eens")),
    (5, gettext_lazy("5 helemaal eens")),
]


class PulseForm(forms.Form):
    """The five fixed statements, each 1 to 5; the team asked only of someone in several teams."""

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = list(teams)
        if len(self.teams) > 1:
            self.fields["team"] = forms.ModelChoiceField(
                label=_("Voor welk team antwoordt u?"),
                queryset=Team.objects.filter(pk__in=[t.pk for t in self.teams]),
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies het team waarvoor u antwoordt."),
                    "invalid_choice": _("Kies een van uw eigen teams."),
                },
            )
        for code, label in PULSE_QUESTIONS:
            self.fields[code] = forms.TypedChoiceField(
                label=label,
                choices=PULSE_ANSWERS,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies bij elke stelling een antwoord van 1 tot en met 5."),
                    "invalid_choice": _("Kies bij elke stelling een antwoord van 1 tot en met 5."),
                },
            )

    def answers(self) -> list[int]:
        return [self.cleaned_data[code] for code, _label in PULSE_QUESTIONS]

    def team(self):
        return self.cleaned_data.get("team") or (self.teams[0] if self.teams else None)


class ClarificationStartForm(forms.Form):
    role_name = forms.CharField(label=gettext_lazy("Rol"), max_length=120)
    description = forms.CharField(
        label=gettext_lazy("Toelichting voor de deelnemers (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closes_on = forms.DateField(
        label=gettext_lazy("Invullen kan tot en met"),
        widget=DATE_WIDGET,
        error_messages={
            "required": gettext_lazy("Vul de sluitdatum in."),
            "invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01."),
        },
    )
    participants = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Deelnemers (kies medewerkers uit verschillende teams en rollen)"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Kies de deelnemers."),
            "invalid_choice": gettext_lazy("Kies alleen medewerkers van uw eigen gemeente."),
        },
    )

    def __init__(self, *args, people: Iterable[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = list(people)


IMPORTANCE_CHOICES = [(value, label) for value, label in Importance.choices]


class ClarificationAnswerForm(forms.Form):
    """Per competence: how important for the role (``importance_<id>``) and at which level."""

    def __init__(self, *args, competences: Iterable[Competence], **kwargs):
        super().__init__(*args, **kwargs)
        self.competences = list(competences)
        for competence in self.competences:
            self.fields[f"importance_{competence.pk}"] = forms.TypedChoiceField(
                label=_("Hoe belangrijk is %(name)s voor deze rol?") % {"name": competence.name},
                choices=IMPORTANCE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies bij %(name)s hoe belangrijk het is.") % {"name": competence.name},
                    "invalid_choice": _("Kies bij %(name)s hoe belangrijk het is.")
                    % {"name": competence.name},
                },
            )
            self.fields[field_name(competence)] = _level_field(
                competence, label=_("Welk niveau is nodig voor %(name)s?") % {"name": competence.name}
            )

    def clean(self):
        cleaned = super().clean()
        for competence in self.competences:
            importance = cleaned.get(f"importance_{competence.pk}")
            if importance and cleaned.get(field_name(competence)) is None:
                self.add_error(
                    field_name(competence),
                    _("Kies bij %(name)s welk niveau nodig is, of kies 'niet nodig'.")
                    % {"name": competence.name},
                )
        return cleaned

    def answers(self) -> dict[int, tuple[int, int | None]]:
        data = self.cleaned_data
        return {
            c.pk: (
                data[f"importance_{c.pk}"],
                data.get(field_name(c)) if data[f"importance_{c.pk}"] else None,
            )
            for c in self.competences
        }

    def groups(self) -> list[tuple[Competence, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"importance_{c.pk}"], self[field_name(c)]) for c in self.competences]


class ConfirmForm(forms.Form):
    """HR confirms the role profile: a level per competence (empty: not in the profile)."""

    profile_name = forms.CharField(
        label=gettext_lazy("Naam van het rolprofiel"), max_length=120, required=False
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = list(results)
        for result in self.results:
            competence = result.competence
            field = _level_field(competence)
            field.widget = forms.Select()
            field.choices = [("", _("Niet in het rolprofiel")), *field.choices]  # also the widget's
            field.initial = result.suggested_level if result.in_profile else ""
            self.fields[field_name(competence)] = field

    def levels(self) -> dict[int, int | None]:
        return {r.competence.pk: self.cleaned_data.get(field_name(r.competence)) for r in self.results}

    def rows(self) -> list[tuple]:
        """Per competence: the result, the spread of importance as (label, count), the level field."""
        return [
            (
                r,
                [(label, r.importance_counts.get(value, 0)) for value, label in Importance.choices],
                self[field_name(r.competence)],
            )
            for r in self.results
        ]


class RoleProfileForm(forms.Form):
    role_profile = forms.ModelChoiceField(
        label=gettext_lazy("Rolprofiel"),
        queryset=RoleProfile.objects.none(),
        required=False,
        empty_label=gettext_lazy("Geen rolprofiel"),
        error_messages={"invalid_choice": gettext_lazy("Kies een rolprofiel uit de lijst.")},
    )

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_profile"].queryset = profiles


class PulseCreateForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=120)
    opens_on = forms.DateField(
        label=gettext_lazy("Open vanaf"),
        widget=DATE_WIDGET,
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )
    closes_on = forms.DateField(
        label=gettext_lazy("Open tot en met"),
        widget=DATE_WIDGET,
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )


class TrainingCreateForm(forms.Form):
    """A training of the gemeente's own (the collective's offer comes from the admin)."""

    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    competence = forms.ModelChoiceField(
        label=gettext_lazy("Competentie (niet verplicht)"),
        queryset=Competence.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een competentie uit de lijst.")},
    )
    level = forms.TypedChoiceField(
        label=gettext_lazy("Niveau (niet verplicht)"),
        choices=[("", "-"), *((n, str(n)) for n in range(1, 5))],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies een niveau van 1 tot en met 4.")},
    )
    form = forms.ChoiceField(
        label=gettext_lazy("Vorm"),
        choices=TrainingForm.choices,
        error_messages={"invalid_choice": gettext_lazy("Kies de vorm van de training.")},
    )
    duration_hours = forms.IntegerField(
        label=gettext_lazy("Duur in uren"),
        min_value=1,
        max_value=500,
        error_messages={"invalid": gettext_lazy("Vul een heel aantal uren in.")},
    )
    provider = forms.CharField(label=gettext_lazy("Aanbieder"), max_length=120)
    places = forms.IntegerField(
        label=gettext_lazy("Aantal plaatsen"),
        min_value=1,
        max_value=1000,
        error_messages={"invalid": gettext_lazy("Vul een heel aantal plaatsen in.")},
    )
    starts_on = forms.DateField(
        label=gettext_lazy("Start op (niet verplicht)"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 2027-03-01.")},
    )
    description = forms.CharField(
        label=gettext_lazy("Omschrijving (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, competences: Iterable[Competence], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = Competence.objects.filter(pk__in=[c.pk for c in competences])
