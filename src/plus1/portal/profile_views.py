"""Mijn gegevens: what the gemeente knows about the logged-in resident, and how to reach them.

The BRP data is read through the connector (logged as a read for "Mijn zaken", AVG art. 15);
the contact preferences are stored per gemeente (plus1.residents, docs/contact-preferences.md).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from plus1.audit.models import Channel
from plus1.audit.services import ObjectRef, record_read, subject_for
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.connectors.brp import lookup_person
from plus1.residents import selectors as preference_selectors
from plus1.residents import services as preference_services
from plus1.tenants.models import Organisation

from .context_processors import SESSION_KEY, resident_actor
from .routing import gemeente_for_request, portal_redirect, portal_reverse

PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}$")


class ContactPreferenceForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres (niet verplicht)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        },
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefoonnummer (niet verplicht)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    wants_email = forms.ChoiceField(
        label=gettext_lazy("Wilt u e-mail van ons krijgen over uw zaken?"),
        help_text=gettext_lazy(
            "Bijvoorbeeld een bevestiging van uw aanvraag of een bericht als er iets verandert."
        ),
        choices=[("ja", gettext_lazy("Ja")), ("nee", gettext_lazy("Nee, ik kijk zelf in Mijn zaken"))],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies of u e-mail van ons wilt krijgen.")},
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 0612345678.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_email") == "ja" and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul uw e-mailadres in als u e-mail van ons wilt krijgen."))
        return cleaned


def _login_first(request: HttpRequest) -> HttpResponse:
    login = portal_reverse(request, "portal:login")
    return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")


@require_http_methods(["GET", "POST"])
def my_profile(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Show the resident's BRP data and contact preferences; save the preferences."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    user = request.user
    bsn = getattr(user, "bsn", "") if user.is_authenticated else ""
    kvk_number = getattr(user, "kvk_number", "") if user.is_authenticated else ""
    if not bsn and not kvk_number:
        return _login_first(request)
    if not bsn:
        # Contact preferences are kept for residents; a business is reached through its zaken.
        return render(request, "portal/my_profile.html", {"gemeente": gemeente, "kvk_number": kvk_number})
    actor = resident_actor(request)
    activity = activity_for_code(ActivityCode.MY_ZAKEN)
    preference = preference_selectors.get_contact_preference(tenant=gemeente, bsn=bsn)
    status = 200
    if request.method == "POST":
        form = ContactPreferenceForm(request.POST)
        if form.is_valid():
            preference_services.save_contact_preference(
                tenant=gemeente,
                bsn=bsn,
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                wants_email=form.cleaned_data["wants_email"] == "ja",
                actor=actor,
                activity=activity,
                channel=Channel.PORTAL,
            )
            messages.success(request, _("Uw contactgegevens zijn opgeslagen."))
            return portal_redirect(request, "portal:my-profile")
        status = 400
    else:
        initial = {"wants_email": "ja"}
        if preference is not None:
            initial = {
                "email": preference.email,
                "phone": preference.phone,
                "wants_email": "ja" if preference.wants_email else "nee",
            }
        form = ContactPreferenceForm(initial=initial)
    if preference is not None:
        record_read(
            tenant=gemeente,
            actor=actor,
            activity=activity,
            channel=Channel.PORTAL,
            obj=ObjectRef.of(preference, "Uw contactgegevens"),
            subject=subject_for(bsn=bsn),
            operation=request.resolver_match.view_name,
        )
    person = lookup_person(tenant=gemeente, bsn=bsn, actor=actor, activity=activity, channel=Channel.PORTAL)
    if person is not None:
        # The page read the BRP anyway: the header's name need not ask again this session.
        request.session[SESSION_KEY] = {"user": user.pk, "tenant": gemeente.pk, "name": person.full_name}
    context = {"gemeente": gemeente, "person": person, "bsn": bsn, "form": form, "preference": preference}
    return render(request, "portal/my_profile.html", context, status=status)


def contact_prefill(request: HttpRequest, gemeente: Organisation) -> dict[str, str]:
    """What a form may fill in from Mijn gegevens, by field kind: ``{"email": ..., "phone": ...}``.

    Empty for a business or a resident without preferences; no e-mail address when the resident
    chose "no e-mail". Reading it is logged like the BRP prefill (docs/processing-log.md).
    """
    user = request.user
    bsn = getattr(user, "bsn", "") if user.is_authenticated else ""
    if not bsn:
        return {}
    return preference_selectors.prefill_values(
        tenant=gemeente,
        bsn=bsn,
        actor=resident_actor(request),
        activity=activity_for_code(ActivityCode.BRP_PREFILL),
        channel=Channel.PORTAL,
    )
