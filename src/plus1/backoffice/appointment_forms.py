"""Forms of the counter agenda in the back office: which day and location, and booking for a caller.

The forms check what a browser can get wrong; ``appointments.services.book`` checks every rule
again (opening hours, closed days, the product offered at the location) under its lock.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plus1.appointments.models import AppointmentProduct, Location
from plus1.appointments.slots import Slot
from plus1.core.forms import ModelIdsField

TIME_FORMAT = "%Y-%m-%dT%H:%M"
PHONE_CHARACTERS = set("0123456789+ -")
MAX_PERSONS = 10
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2999, 12, 31)


def slot_value(start: datetime.datetime) -> str:
    return timezone.localtime(start).strftime(TIME_FORMAT)


def parse_slot_value(value: str) -> datetime.datetime | None:
    try:
        return timezone.make_aware(datetime.datetime.strptime(value or "", TIME_FORMAT))
    except ValueError:
        return None


class LocationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Location) -> str:
        return obj.name


class AgendaForm(forms.Form):
    """Which day of which location the agenda shows (GET; empty: today, the first location)."""

    datum = forms.DateField(
        label=gettext_lazy("Datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": gettext_lazy("Vul een datum in als dag-maand-jaar, bijvoorbeeld 9-12-2026.")
        },
    )
    locatie = LocationChoiceField(
        label=gettext_lazy("Locatie"),
        queryset=Location.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Kies een van de locaties in de lijst.")},
    )

    def __init__(self, *args, locations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = locations

    def clean_datum(self) -> datetime.date | None:
        day = self.cleaned_data["datum"]
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(_("Kies een datum tussen het jaar 2000 en 2999."))
        return day


class CallerRequestForm(forms.Form):
    """What the caller comes for, with how many, and where (GET: the first part of booking)."""

    product = ModelIdsField(
        label=gettext_lazy("Waarvoor"),
        queryset=AppointmentProduct.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Kies waarvoor de beller komt."),
            "invalid_choice": gettext_lazy("Kies een van de producten in de lijst."),
            "invalid_pk_value": gettext_lazy("Kies een van de producten in de lijst."),
        },
    )
    personen = forms.TypedChoiceField(
        label=gettext_lazy("Aantal personen"),
        coerce=int,
        choices=[(str(n), str(n)) for n in range(1, MAX_PERSONS + 1)],
        initial="1",
        error_messages={"invalid_choice": gettext_lazy("Kies een aantal van 1 tot en met 10.")},
    )
    locatie = LocationChoiceField(
        label=gettext_lazy("Locatie"),
        queryset=Location.objects.none(),
        to_field_name="slug",
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Kies een locatie."),
            "invalid_choice": gettext_lazy("Kies een van de locaties in de lijst."),
        },
    )

    def __init__(self, *args, products, locations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.name
        self.fields["locatie"].queryset = locations

    def clean(self):
        cleaned = super().clean()
        products, persons, location = cleaned.get("product"), cleaned.get("personen"), cleaned.get("locatie")
        for product in products or []:
            if persons and persons > product.max_persons:
                self.add_error(
                    "personen",
                    _("Voor %(name)s kunnen hoogstens %(count)d personen komen.")
                    % {"name": product.name, "count": product.max_persons},
                )
            if location is not None and not product.locations.filter(pk=location.pk).exists():
                self.add_error(
                    "locatie",
                    _("%(location)s biedt %(name)s niet aan. Kies een andere locatie.")
                    % {"location": location.name, "name": product.name},
                )
        return cleaned


class CallerForm(forms.Form):
    """The time and who the caller is (POST). A caller without e-mail gets no manage link."""

    tijd = forms.ChoiceField(
        label=gettext_lazy("Tijd"),
        error_messages={
            "required": gettext_lazy("Kies een tijd."),
            "invalid_choice": gettext_lazy("Deze tijd is niet (meer) vrij. Kies een andere tijd."),
        },
    )
    naam = forms.CharField(
        label=gettext_lazy("Naam van de beller"),
        max_length=200,
        error_messages={"required": gettext_lazy("Vul de naam van de beller in.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        required=False,
        max_length=254,
        help_text=gettext_lazy("Daar komt de bevestiging met de link om te verzetten of af te zeggen."),
        error_messages={
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
        },
    )
    telefoon = forms.CharField(
        label=gettext_lazy("Telefoonnummer"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("Nodig als de beller geen e-mailadres heeft."),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )

    def __init__(self, *args, slots: Sequence[Slot], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tijd"].choices = [
            (slot_value(slot.start), date_format(timezone.localtime(slot.start), "H:i")) for slot in slots
        ]

    def clean_naam(self) -> str:
        return " ".join(self.cleaned_data["naam"].split())

    def clean_telefoon(self) -> str:
        phone = self.cleaned_data["telefoon"].strip()
        if phone and (not set(phone) <= PHONE_CHARACTERS or sum(c.isdigit() for c in phone) < 6):
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 0612345678.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        has_errors = "email" in self.errors or "telefoon" in self.errors
        if not has_errors and not cleaned.get("email") and not cleaned.get("telefoon"):
            self.add_error("telefoon", _("Vul een e-mailadres of een telefoonnummer in."))
        return cleaned

    @property
    def start(self) -> datetime.datetime | None:
        return parse_slot_value(self.cleaned_data.get("tijd", ""))
