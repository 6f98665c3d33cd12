"""A request form page built from the zaaktype's eigenschappen. Rules live in catalog.answers."""

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext, gettext_lazy

from plus1.catalog.conditions import requirement_note
from plus1.catalog.constants import DataType
from plus1.catalog.models import Eigenschap

_INPUT_TYPES = {
    DataType.DATE: "date",
    DataType.EMAIL: "email",
    DataType.PHONE: "tel",
    DataType.NUMBER: "text",
}


def _field(eigenschap: Eigenschap) -> forms.Field:
    common = {"label": eigenschap.label, "help_text": eigenschap.help_text, "required": False}
    if eigenschap.data_type == DataType.CHOICE:
        return forms.ChoiceField(
            choices=[(c, c) for c in eigenschap.choices], widget=forms.RadioSelect, **common
        )
    if eigenschap.data_type == DataType.BOOLEAN:
        return forms.ChoiceField(
            choices=[("ja", gettext_lazy("Ja")), ("nee", gettext_lazy("Nee"))],
            widget=forms.RadioSelect,
            **common,
        )
    attrs = {"type": _INPUT_TYPES.get(eigenschap.data_type, "text")}
    if eigenschap.data_type in (DataType.NUMBER, DataType.BSN, DataType.POSTCODE):
        attrs["inputmode"] = "numeric" if eigenschap.data_type != DataType.POSTCODE else "text"
    if eigenschap.data_type == DataType.POSTCODE:
        attrs["autocomplete"] = "postal-code"
    if eigenschap.data_type == DataType.EMAIL:
        attrs["autocomplete"] = "email"
    if eigenschap.data_type == DataType.PHONE:
        attrs["autocomplete"] = "tel"
    if eigenschap.data_type == DataType.TEXT and (eigenschap.max_length or 0) > 200:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, **common)
    return forms.CharField(widget=forms.TextInput(attrs=attrs), max_length=5000, **common)


def step_form(
    eigenschappen: list[Eigenschap], *, data=None, initial=None, answers: Mapping[str, str] | None = None
) -> forms.Form:
    """A form with one field per eigenschap; labels say which fields are optional.

    ``answers`` (earlier steps) let a field that an earlier answer made required say so.
    """
    fields = {}
    for eigenschap in eigenschappen:
        field = _field(eigenschap)
        if note := requirement_note(eigenschap, answers or {}):
            field.label = gettext("%(label)s (%(note)s)") % {"label": field.label, "note": note}
        fields[eigenschap.name] = field
    form_class = type("StepForm", (forms.Form,), fields)
    return form_class(data=data, initial=initial)


class SubmitForm(forms.Form):
    confirm_to = forms.EmailField(
        label=gettext_lazy("Uw e-mailadres voor de bevestiging (niet verplicht)"),
        required=False,
        error_messages={
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        },
    )


class AnswerForm(forms.Form):
    """The resident's answer to the gemeente's question: text, documents, or both."""

    answer = forms.CharField(
        label=gettext_lazy("Uw antwoord (niet verplicht als u een document toevoegt)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    informatieobjecttype = forms.TypedChoiceField(label=gettext_lazy("Wat voor document is het?"), coerce=int)

    def __init__(self, *args, document_types, requested_type_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].choices = [
            (link.informatieobjecttype_id, link.informatieobjecttype.omschrijving) for link in document_types
        ]
        # The kind of document the gemeente asked for is proposed (InformationRequest).
        if requested_type_id is not None:
            self.fields["informatieobjecttype"].initial = requested_type_id
        if not document_types:
            del self.fields["informatieobjecttype"]
