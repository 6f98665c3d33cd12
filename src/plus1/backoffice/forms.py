"""Forms of the zaak detail page: each parses one action's input; the services enforce the rules."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from plus1.cases.constants import MAX_SHARE_DAYS, SharePart, ZaakRelation
from plus1.cases.dates import validate_date
from plus1.cases.letters.content import requested_period
from plus1.cases.models import Zaak
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES
from plus1.catalog.models import StatusType
from plus1.core import clock
from plus1.tenants.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ZaakActionForm(forms.Form):
    """Every action carries the version of the zaak the employee saw (optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, zaak: Zaak, **kwargs):
        self.zaak = zaak
        kwargs.setdefault("initial", {})["version"] = zaak.version
        kwargs.setdefault("prefix", self.prefix_name)
        super().__init__(*args, **kwargs)

    prefix_name = ""
    title = ""
    submit_label = ""


def next_statuses(zaak: Zaak) -> list[StatusType]:
    """The statuses a case handler can set now: later than the current one, not the end status.

    The end status comes with a resultaat: that is the "Zaak afsluiten" action.
    """
    statustypen = sorted(zaak.zaaktype.statustypen.all(), key=lambda s: s.volgnummer)
    current = zaak.current_status.statustype.volgnummer if zaak.current_status_id else 0
    return [s for s in statustypen[:-1] if s.volgnummer > current]


class StatusForm(ZaakActionForm):
    prefix_name = "status"
    title = _("Volgende status")
    submit_label = _("Status zetten")
    statustype = forms.ModelChoiceField(queryset=StatusType.objects.none(), label=_("Nieuwe status"))
    note = forms.CharField(
        label=_("Toelichting (intern)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["statustype"].queryset = StatusType.objects.filter(
            pk__in=[s.pk for s in next_statuses(zaak)]
        )
        self.fields["statustype"].label_from_instance = lambda s: (
            s.omschrijving + (" (inwoner krijgt bericht)" if s.informs_initiator else "")
        )


class InformationRequestForm(ZaakActionForm):
    prefix_name = "vraag"
    title = _("Informatie opvragen bij de inwoner")
    submit_label = _("Vraag versturen")
    question = forms.CharField(
        label=_("Welke informatie hebt u nodig?"),
        help_text=_("De inwoner leest dit in Mijn zaken. Schrijf in eenvoudige taal."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    answer_due_on = forms.DateField(
        label=_("Antwoord graag uiterlijk"),
        widget=DATE,
        help_text=_("Meestal twee weken na vandaag."),
        validators=[validate_date],
    )

    document_type = forms.TypedChoiceField(
        label=_("Vraagt u om een document? (niet verplicht)"),
        help_text=_("De inwoner krijgt dit soort document voorgesteld bij het antwoord."),
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["answer_due_on"].initial = clock.today() + datetime.timedelta(weeks=2)
        # The documents a resident can add to this zaak (the generated request copy is no answer).
        links = (
            zaak.zaaktype.document_types.filter(direction="inkomend")
            .exclude(informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES)
            .select_related("informatieobjecttype")
        )
        self.fields["document_type"].choices = [("", _("Geen bepaald document"))] + [
            (link.informatieobjecttype_id, link.informatieobjecttype.omschrijving) for link in links
        ]


class ResumeForm(ZaakActionForm):
    prefix_name = "hervatten"
    title = _("Termijn weer laten lopen")
    submit_label = _("Termijn laten lopen")
    note = forms.CharField(
        label=_("Waarom loopt de termijn weer?"),
        help_text=_("Bijvoorbeeld: de inwoner heeft de informatie telefonisch gegeven."),
        required=False,
        max_length=500,
    )


class ExtendForm(ZaakActionForm):
    prefix_name = "verlengen"
    title = _("Termijn verlengen")
    submit_label = _("Verlengen")
    reason = forms.CharField(
        label=_("Reden van de verlenging"),
        help_text=_("De inwoner krijgt deze reden te zien."),
        max_length=200,
    )


class NoteForm(ZaakActionForm):
    prefix_name = "notitie"
    title = _("Notitie toevoegen")
    submit_label = _("Notitie opslaan")
    text = forms.CharField(
        label=_("Notitie (alleen voor medewerkers)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class LinkForm(ZaakActionForm):
    prefix_name = "koppelen"
    title = _("Zaak koppelen")
    submit_label = _("Koppelen")
    other = forms.CharField(label=_("Zaaknummer van de andere zaak"), max_length=40)
    relation = forms.ChoiceField(
        label=_("Wat heeft die zaak met deze zaak te maken?"), choices=ZaakRelation.choices
    )


class UnlinkForm(ZaakActionForm):
    """Sent from the button beside each related zaak; not shown as an action of its own."""

    prefix_name = "ontkoppelen"
    title = _("Koppeling verwijderen")
    submit_label = _("Opnieuw proberen")
    link = forms.IntegerField(widget=forms.HiddenInput)


class DocumentForm(ZaakActionForm):
    prefix_name = "document"
    title = _("Document toevoegen")
    submit_label = _("Toevoegen")
    informatieobjecttype = forms.TypedChoiceField(label=_("Soort document"), coerce=int)
    file = forms.FileField(label=_("Bestand (PDF, JPG of PNG)"))

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["informatieobjecttype"].choices = [
            (link.informatieobjecttype_id, link.informatieobjecttype.omschrijving)
            for link in zaak.zaaktype.document_types.all()
        ]


class DecideForm(ZaakActionForm):
    prefix_name = "besluit"
    title = _("Besluit nemen")
    submit_label = _("Besluit vastleggen")
    besluittype = forms.TypedChoiceField(label=_("Soort besluit"), coerce=int)
    decided_on = forms.DateField(label=_("Besluitdatum"), widget=DATE, validators=[validate_date])
    effective_on = forms.DateField(label=_("Ingangsdatum"), widget=DATE, validators=[validate_date])
    expires_on = forms.DateField(
        label=_("Vervaldatum (leeg als het besluit niet vervalt)"),
        widget=DATE,
        required=False,
        validators=[validate_date],
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de inwoner"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["besluittype"].choices = [
            (b.pk, b.omschrijving) for b in zaak.zaaktype.besluittypen.all()
        ]
        self.fields["decided_on"].initial = clock.today()
        # The besluit takes effect when the resident asked for it (e.g. "Vanaf wanneer?"), else today.
        requested = requested_period(zaak)
        self.fields["effective_on"].initial = requested.start_on or clock.today()
        self.fields["expires_on"].initial = requested.end_on


class CloseForm(ZaakActionForm):
    prefix_name = "afsluiten"
    title = _("Zaak afsluiten")
    submit_label = _("Afsluiten")
    resultaattype = forms.TypedChoiceField(label=_("Resultaat"), coerce=int)
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["resultaattype"].choices = [
            (r.pk, r.omschrijving) for r in zaak.zaaktype.resultaattypen.all()
        ]


class ReopenForm(ZaakActionForm):
    prefix_name = "heropenen"
    title = _("Zaak heropenen")
    submit_label = _("Heropenen")
    reason = forms.CharField(label=_("Waarom gaat de zaak weer open?"), max_length=500)


class ClaimForm(ZaakActionForm):
    prefix_name = "oppakken"
    title = _("Zaak oppakken")
    submit_label = _("Oppakken")


PARTNER_MAY = [
    ("partner_may_add_notes", _("notities toevoegen")),
    ("partner_may_add_documents", _("documenten toevoegen")),
]


class ShareForm(ZaakActionForm):
    prefix_name = "delen"
    title = _("Delen met een ketenpartner")
    submit_label = _("Zaak delen")
    partner = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Ketenpartner"), empty_label=_("Kies een ketenpartner")
    )
    purpose = forms.CharField(
        label=_("Waarvoor heeft de ketenpartner de gegevens nodig?"),
        help_text=_("Bijvoorbeeld: beoordelen of een medisch advies nodig is. De inwoner leest dit."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
    )
    legal_ground = forms.CharField(
        label=_("Grondslag"),
        help_text=_("De wet of afspraak die het delen toestaat, bijvoorbeeld: Wmo 2015, artikel 5.3.1."),
        max_length=200,
    )
    parts = forms.MultipleChoiceField(
        label=_("Wat deelt u?"),
        help_text=_("Deel alleen wat de ketenpartner nodig heeft."),
        choices=SharePart.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_may = forms.MultipleChoiceField(
        label=_("Wat mag de ketenpartner toevoegen?"),
        choices=PARTNER_MAY,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    valid_until = forms.DateField(
        label=_("Gedeeld tot en met"),
        widget=DATE,
        help_text=_("Hoogstens een jaar. Daarna kan de ketenpartner de zaak niet meer zien."),
        validators=[validate_date],
    )

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, zaak=zaak, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.partners().order_by("name")
        today = clock.today()
        self.fields["valid_until"].initial = today + datetime.timedelta(days=90)
        self.fields["valid_until"].widget.attrs.update(
            min=str(today + datetime.timedelta(days=1)),
            max=str(today + datetime.timedelta(days=MAX_SHARE_DAYS)),
        )


class RevokeShareForm(forms.Form):
    reason = forms.CharField(label=_("Reden (niet verplicht)"), max_length=500, required=False)


class PartnerNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie voor de gemeente"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class PartnerDocumentForm(forms.Form):
    informatieobjecttype = forms.TypedChoiceField(label=_("Soort document"), coerce=int)
    file = forms.FileField(label=_("Bestand (PDF, JPG of PNG)"))

    def __init__(self, *args, zaak: Zaak, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].choices = [
            (link.informatieobjecttype_id, link.informatieobjecttype.omschrijving)
            for link in zaak.zaaktype.document_types.select_related("informatieobjecttype")
        ]
