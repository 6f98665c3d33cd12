"""The forms of a counter appointment in the portal: one small form per step.

The steps pass the resident's choices on as GET parameters (``product``, ``personen``,
``locatie``, ``dag``, ``tijd``), so the flow works without JavaScript, the browser's back button
goes one step back and a product page links to step 1 with its product ticked. These forms check what a
browser can get wrong; ``appointments.services.book`` checks every rule again under its lock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plus1.appointments.models import AppointmentProduct, Location
from plus1.appointments.slots import Slot
from plus1.core.forms import ModelIdsField

# Nobody brings more than this many people to one appointment (AppointmentProduct.max_persons <= 10).
MAX_PERSONS = 10
# How far ahead the "Latere dagen" link may page: half a year, as the agenda's planning horizon.
HORIZON_DAYS = 183
TIME_FORMAT = "%Y-%m-%dT%H:%M"
PHONE_CHARACTERS = set("0123456789+ -")


def slot_value(start: datetime.datetime) -> str:
    """A free time as a GET/POST value, in local time: ``2026-12-09T10:15``."""
    return timezone.localtime(start).strftime(TIME_FORMAT)


def parse_slot_value(value: str) -> datetime.datetime | None:
    """The aware start time of a ``slot_value``; None for anything else."""
    try:
        naive = datetime.datetime.strptime(value or "", TIME_FORMAT)
    except ValueError:
        return None
    return timezone.make_aware(naive)


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def slot_label(start: datetime.datetime) -> str:
    return date_format(timezone.localtime(start), "H:i")


def day_label(day: datetime.date) -> str:
    return date_format(day, "l j F")


@dataclass(frozen=True)
class DayOption:
    """A day with free times: the link text says how many, the link itself adds ``dag``."""

    day: datetime.date
    count: int

    @property
    def value(self) -> str:
        return self.day.isoformat()

    @property
    def label(self) -> str:
        return day_label(self.day)


def days_with_slots(slots: Iterable[Slot]) -> list[DayOption]:
    counts: dict[datetime.date, int] = {}
    for slot in slots:
        day = timezone.localdate(slot.start)
        counts[day] = counts.get(day, 0) + 1
    return [DayOption(day=day, count=count) for day, count in sorted(counts.items())]


class ProductsForm(forms.Form):
    """Step 1: what the resident comes for, and with how many people."""

    product = ModelIdsField(
        label=gettext_lazy("Waarvoor komt u?"),
        help_text=gettext_lazy("U kunt meer dan één ding kiezen. Dan regelt u alles in één afspraak."),
        queryset=AppointmentProduct.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Kies waarvoor u een afspraak wilt maken."),
            "invalid_choice": gettext_lazy("Kies een van de producten in de lijst."),
            "invalid_pk_value": gettext_lazy("Kies een van de producten in de lijst."),
        },
    )
    personen = forms.TypedChoiceField(
        label=gettext_lazy("Met hoeveel personen komt u?"),
        help_text=gettext_lazy(
            "Iedereen die een paspoort of ID-kaart aanvraagt, komt zelf mee. Tel uzelf ook mee."
        ),
        coerce=int,
        initial="1",
        error_messages={
            "required": gettext_lazy("Kies met hoeveel personen u komt."),
            "invalid_choice": gettext_lazy("Kies met hoeveel personen u komt."),
        },
    )

    def __init__(self, *args, products, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda product: product.name
        largest = max((p.max_persons for p in products), default=1)
        self.fields["personen"].choices = [(str(n), str(n)) for n in range(1, min(largest, MAX_PERSONS) + 1)]
        self.fields["personen"].widget = forms.RadioSelect(choices=self.fields["personen"].choices)

    def clean(self):
        cleaned = super().clean()
        products, persons = cleaned.get("product"), cleaned.get("personen")
        if products and persons:
            for product in products:
                if persons > product.max_persons:
                    self.add_error(
                        "personen",
                        _("Voor %(name)s kunt u met hoogstens %(count)d personen komen.")
                        % {"name": product.name, "count": product.max_persons},
                    )
        return cleaned


class LocationForm(forms.Form):
    """Step 2: where. Only the locations that offer every chosen product."""

    locatie = forms.ModelChoiceField(
        label=gettext_lazy("Waar wilt u naartoe?"),
        queryset=Location.objects.none(),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Kies een locatie."),
            "invalid_choice": gettext_lazy("Kies een van de locaties in de lijst."),
        },
    )

    def __init__(self, *args, locations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = locations
        self.fields["locatie"].label_from_instance = lambda location: (
            f"{location.name}, {' '.join(location.address.split())}"
        )


class TimeForm(forms.Form):
    """Step 3b: a free time on the chosen day (or one of the next free times after "just taken")."""

    tijd = forms.ChoiceField(
        label=gettext_lazy("Kies een tijd"),
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies een tijd."),
            "invalid_choice": gettext_lazy("Deze tijd is niet (meer) vrij. Kies een andere tijd."),
        },
    )

    def __init__(
        self, *args, slots: Sequence[Slot], label: str = "", with_day: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tijd"]
        if label:
            field.label = label

        def text(slot: Slot) -> str:
            if with_day:
                return f"{day_label(timezone.localdate(slot.start))} {slot_label(slot.start)}"
            return slot_label(slot.start)

        field.choices = [(slot_value(slot.start), text(slot)) for slot in slots]

    @property
    def start(self) -> datetime.datetime | None:
        return parse_slot_value(self.cleaned_data.get("tijd", ""))


class ContactForm(forms.Form):
    """Step 4: who comes. An e-mail address, because the confirmation with the manage link goes there."""

    naam = forms.CharField(
        label=gettext_lazy("Uw naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": gettext_lazy("Vul uw naam in."),
            "max_length": gettext_lazy("Een naam heeft hoogstens 200 tekens."),
        },
    )
    email = forms.EmailField(
        label=gettext_lazy("Uw e-mailadres"),
        help_text=gettext_lazy(
            "U krijgt de bevestiging en een link om de afspraak te verzetten of af te zeggen."
        ),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Vul uw e-mailadres in."),
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
    )
    telefoon = forms.CharField(
        label=gettext_lazy("Uw telefoonnummer (niet verplicht)"),
        help_text=gettext_lazy("Dan kunnen wij u bellen als er iets verandert. Bijvoorbeeld 06 12345678."),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"max_length": gettext_lazy("Een telefoonnummer heeft hoogstens 20 tekens.")},
    )

    def clean_naam(self) -> str:
        return " ".join(self.cleaned_data["naam"].split())

    def clean_telefoon(self) -> str:
        phone = self.cleaned_data["telefoon"].strip()
        digits = sum(char.isdigit() for char in phone)
        if phone and (not set(phone) <= PHONE_CHARACTERS or digits < 6):
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 0612345678.")
            )
        return phone


def error_links(form: forms.Form) -> list[tuple[str, str, str]]:
    """(anchor, label, message) per error, for the summary at the top of a page (WCAG 3.3.1)."""
    links = []
    for name, errors in form.errors.items():
        if name == "__all__":
            links.extend(("", "", str(error)) for error in errors)
            continue
        field = form[name]
        widget = field.field.widget
        grouped = getattr(widget, "input_type", "") in ("radio", "checkbox") and hasattr(widget, "choices")
        anchor = f"{field.auto_id}_0" if grouped else field.auto_id
        label = str(field.label).rstrip(".?: ")
        links.extend((anchor, label, str(error)) for error in errors)
    return links
