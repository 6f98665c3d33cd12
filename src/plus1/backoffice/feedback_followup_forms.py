"""Forms of the klantwaardering follow-up: the outcome of a call-back, a contact-moment invitation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.feedback.constants import MAX_TEXT_LENGTH, Channel

# The channels of a contact moment: the resident was at the counter, called, mailed or wrote.
CONTACT_CHANNELS = [
    (Channel.BALIE.value, Channel.BALIE.label),
    (Channel.TELEFOON.value, Channel.TELEFOON.label),
    (Channel.EMAIL.value, Channel.EMAIL.label),
    (Channel.POST.value, Channel.POST.label),
]


class CallBackOutcomeForm(forms.Form):
    uitkomst = forms.CharField(
        label=_("Uitkomst van het gesprek"),
        help_text=_(
            "Wat heeft u besproken of afgesproken? Kon u de inwoner niet bereiken, schrijf dat dan op."
        ),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf op hoe het gesprek ging, of waarom er geen gesprek was."),
            "max_length": _("Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )


class ContactInvitationForm(forms.Form):
    """Channel, product and team of a contact moment; the team is the employee's own by default."""

    kanaal = forms.ChoiceField(
        label=_("Hoe was het contact?"),
        choices=CONTACT_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe het contact was."),
            "invalid_choice": _("Kies een van de soorten contact uit de lijst."),
        },
    )
    product = forms.TypedChoiceField(
        label=_("Waar ging het over?"),
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

    def __init__(self, *args, products: list[tuple[int, str]], teams: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [("", _("Een algemene vraag (geen product)")), *products]
        self.fields["team"].choices = [("", _("Geen team")), *teams]
