"""The filter bar above the team inbox and the bulk assignment below it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.cases.selectors import InboxFilters, InboxSort

ASSIGNED_CHOICES = [("", _("Iedereen")), ("me", _("Aan mij toegewezen")), ("none", _("Niet toegewezen"))]
DUE_CHOICES = [
    ("", _("Alle termijnen")),
    ("week", _("Binnen 5 werkdagen")),
    ("overdue", _("Te laat")),
    ("suspended", _("Opgeschort")),
]
SORT_CHOICES = [
    (InboxSort.DEADLINE.value, _("Uiterste datum (eerst)")),
    (InboxSort.NEWEST.value, _("Registratiedatum (nieuwste eerst)")),
    (InboxSort.NUMBER.value, _("Zaaknummer")),
]


class InboxFilterForm(forms.Form):
    """GET parameters of the inbox; anything unknown falls back to "no filter"."""

    zoek = forms.CharField(
        label=_("Zoeken"),
        help_text=_("Zaaknummer, naam of BSN van de aanvrager"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    zaaktype = forms.TypedChoiceField(label=_("Zaaktype"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    toegewezen = forms.ChoiceField(label=_("Behandelaar"), choices=ASSIGNED_CHOICES, required=False)
    termijn = forms.ChoiceField(label=_("Termijn"), choices=DUE_CHOICES, required=False)
    sorteer = forms.ChoiceField(label=_("Sorteren op"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args, zaaktypen: list[tuple[int, str]], statuses: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zaaktype"].choices = [("", _("Alle zaaktypen")), *zaaktypen]
        self.fields["status"].choices = [("", _("Alle statussen")), *((name, name) for name in statuses)]

    def to_filters(self) -> InboxFilters:
        # A field with an odd value is left out; the other choices still apply.
        self.is_valid()
        data = self.cleaned_data
        return InboxFilters(
            zaaktype_id=data.get("zaaktype"),
            status=data.get("status") or "",
            assigned=data.get("toegewezen") or "",
            due=data.get("termijn") or "",
            query=(data.get("zoek") or "").strip(),
            sort=InboxSort(data.get("sorteer") or InboxSort.DEADLINE),
        )


class BulkAssignForm(forms.Form):
    """Who gets the zaken ticked in the table; "team" gives them back to the team."""

    zaken = forms.CharField(required=False)
    medewerker = forms.ChoiceField(
        label=_("Toewijzen aan"), error_messages={"required": _("Kies aan wie u de zaken toewijst.")}
    )

    def __init__(self, *args, members: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = [
            ("", _("Kies een medewerker")),
            *members,
            ("team", _("Niemand: terug naar het team")),
        ]

    def zaak_ids(self) -> list[int]:
        return [int(value) for value in self.data.getlist("zaken") if value.isdigit()]
