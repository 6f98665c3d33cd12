"""The klantwaardering form: the collective's questions, the gemeente's own, and "u mag mij bellen".

The form checks what a browser can get wrong (a choice out of range, too long a text, a phone
number missing); ``feedback.services.submit_answer`` checks it all again, so the API and this
form follow one rule.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.feedback.constants import CALL_BACK_AT_OR_BELOW, MAX_TEXT_LENGTH, Channel, QuestionKind
from plus1.feedback.models import OwnQuestion, SurveyVersion
from plus1.feedback.services import is_phone_number

SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 11)]
SCORE_CHOICES[0] = ("1", _("1 (heel slecht)"))
SCORE_CHOICES[-1] = ("10", _("10 (uitstekend)"))
AGREE_CHOICES = [
    ("1", _("1 Helemaal mee oneens")),
    ("2", _("2 Mee oneens")),
    ("3", _("3 Niet mee eens, niet mee oneens")),
    ("4", _("4 Mee eens")),
    ("5", _("5 Helemaal mee eens")),
]
SCALE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]
YES_NO_CHOICES = [("ja", _("Ja")), ("nee", _("Nee"))]
TOO_LONG = _("Uw tekst is te lang. Gebruik hoogstens %(limit_value)d tekens (u gebruikte er %(show_value)d).")
OUT_OF_RANGE = _("Kies een van de antwoorden.")


def own_field_name(question: OwnQuestion) -> str:
    return f"own_{question.pk}"


class FeedbackForm(forms.Form):
    score = forms.ChoiceField(
        choices=SCORE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("1 is heel slecht, 10 is uitstekend."),
        error_messages={
            "required": _("Kies een rapportcijfer van 1 tot en met 10."),
            "invalid_choice": _("Kies een rapportcijfer van 1 tot en met 10."),
        },
    )
    effort = forms.ChoiceField(
        choices=AGREE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Niet verplicht."),
        error_messages={"invalid_choice": _("Kies een antwoord van 1 tot en met 5.")},
    )
    improvement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        help_text=_("Niet verplicht. Schrijf hier geen namen of andere persoonlijke gegevens."),
        error_messages={"max_length": TOO_LONG},
    )
    channel = forms.ChoiceField(
        label=_("Hoe had u vooral contact met ons?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Niet verplicht."),
        error_messages={"invalid_choice": _("Kies hoe u contact met ons had.")},
    )
    may_call = forms.BooleanField(
        label=_("U mag mij bellen over mijn antwoord"),
        required=False,
        help_text=_("Wij bellen u als u een %(grade)d of lager geeft en wilt vertellen wat er beter kan.")
        % {"grade": CALL_BACK_AT_OR_BELOW},
    )
    call_phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Alleen nodig als wij u mogen bellen. Bijvoorbeeld 06 12345678."),
        error_messages={"max_length": _("Een telefoonnummer heeft hoogstens 20 tekens.")},
    )

    def __init__(self, *args, survey: SurveyVersion, questions: list[OwnQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].label = survey.score_label
        self.fields["effort"].label = survey.effort_label
        self.fields["improvement"].label = survey.improvement_label
        self.own_names: list[str] = []
        for question in questions:
            name = own_field_name(question)
            self.own_names.append(name)
            self.fields[name] = self._own_field(question)

    @staticmethod
    def _own_field(question: OwnQuestion) -> forms.Field:
        common = {"label": question.text, "required": False, "help_text": _("Niet verplicht.")}
        if question.kind == QuestionKind.SCALE:
            return forms.ChoiceField(
                choices=AGREE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Kies een antwoord van 1 tot en met 5.")},
                **common,
            )
        if question.kind == QuestionKind.YES_NO:
            return forms.ChoiceField(
                choices=YES_NO_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Kies ja of nee.")},
                **common,
            )
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=MAX_TEXT_LENGTH,
            error_messages={"max_length": TOO_LONG},
            **common,
        )

    def describe_fields(self) -> None:
        """Tie each input to its help text and error, so a screen reader reads them with it."""
        errors = self.errors if self.is_bound else {}
        for name, field in self.fields.items():
            ids = [f"{name}-help"] if field.help_text else []
            if name in errors:
                ids.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def own_fields(self):
        return [self[name] for name in self.own_names]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("may_call"):
            phone = (cleaned.get("call_phone") or "").strip()
            if not phone:
                self.add_error("call_phone", _("Vul uw telefoonnummer in, zodat wij u kunnen bellen."))
            elif not is_phone_number(phone):
                self.add_error(
                    "call_phone", _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.")
                )
        return cleaned

    def own_answers(self) -> dict[str, str]:
        """The answers to the gemeente's own questions, by question id."""
        return {
            name.removeprefix("own_"): self.cleaned_data[name]
            for name in self.own_names
            if self.cleaned_data.get(name) not in (None, "")
        }

    def error_links(self) -> list[tuple[str, str, str]]:
        """(anchor, label, message) per error, for the summary at the top of the page."""
        links = []
        for name, errors in self.errors.items():
            if name == "__all__":
                links.extend(("", "", str(error)) for error in errors)
                continue
            field = self[name]
            is_radio = getattr(field.field.widget, "input_type", "") == "radio"
            anchor = f"{field.auto_id}_0" if is_radio else field.auto_id
            label = str(field.label).rstrip(".?: ")
            links.extend((anchor, label, str(error)) for error in errors)
        return links
