from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class EmployeeLoginForm(AuthenticationForm):
    """User name and password; authenticates with the request, so django-axes can count failures."""

    error_messages = {
        "invalid_login": _("De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters."),
        "inactive": _("Dit account is uitgezet. Vraag de functioneel beheerder om hulp."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
        self.fields["username"].widget.attrs.pop("autofocus", None)


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("6 cijfers. De code verandert elke 30 seconden."),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError(_("Vul alleen cijfers in."))
        return code
