"""The parts of one zaaktype version. They live and die with their zaaktype and take its tenant."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    Archiefnominatie,
    BrondatumAfleidingswijze,
    DataClass,
    DataType,
    DateRange,
    RolOmschrijvingGeneriek,
)
from ..data_classes import infer_data_class
from ..validators import validate_iso_duration
from .reference import ResultaatTypeOmschrijving, SelectielijstResultaat
from .zaaktype import ZaakType


class StatusType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="statustypen")
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    generic_description = models.CharField(_("generieke omschrijving"), max_length=80, blank=True)
    informs_initiator = models.BooleanField(_("inwoner informeren"), default=False)
    statustekst = models.TextField(_("tekst voor de inwoner"), blank=True)
    doorlooptijd = models.CharField(
        _("doorlooptijd"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)
    # ZGW CheckListItem objects: itemnaam, toelichting, vraagstelling, verplicht.
    checklistitems = models.JSONField(_("checklistitems"), default=list, blank=True)

    class Meta:
        verbose_name = _("statustype")
        verbose_name_plural = _("statustypen")
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "volgnummer"], name="statustype_unique_volgnummer"),
            models.UniqueConstraint(
                fields=["zaaktype", "omschrijving"], name="statustype_unique_omschrijving"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.omschrijving}"


class ResultaatType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    generic = models.ForeignKey(
        ResultaatTypeOmschrijving, on_delete=models.PROTECT, verbose_name=_("generieke omschrijving")
    )
    selectielijstklasse = models.ForeignKey(
        SelectielijstResultaat, on_delete=models.PROTECT, verbose_name=_("selectielijstklasse")
    )
    archiefnominatie = models.CharField(
        _("archiefnominatie"), max_length=20, choices=Archiefnominatie.choices
    )
    archiefactietermijn = models.CharField(
        _("archiefactietermijn"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    brondatum_afleidingswijze = models.CharField(
        _("afleidingswijze brondatum"), max_length=30, choices=BrondatumAfleidingswijze.choices
    )
    # The rest of ZGW brondatumArchiefprocedure; which of them apply follows the afleidingswijze.
    brondatum_datumkenmerk = models.CharField(_("datumkenmerk brondatum"), max_length=80, blank=True)
    brondatum_einddatum_bekend = models.BooleanField(_("einddatum brondatum bekend"), default=False)
    brondatum_objecttype = models.CharField(_("objecttype brondatum"), max_length=80, blank=True)
    brondatum_registratie = models.CharField(_("registratie brondatum"), max_length=80, blank=True)
    brondatum_procestermijn = models.CharField(
        _("procestermijn brondatum"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    procestermijn = models.CharField(
        _("procestermijn"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    indicatie_specifiek = models.BooleanField(_("specifiek"), null=True, blank=True)
    procesobjectaard = models.CharField(_("procesobjectaard"), max_length=200, blank=True)
    besluittypen = models.ManyToManyField(
        "BesluitType", blank=True, related_name="resultaattypen", verbose_name=_("besluittypen")
    )
    informatieobjecttypen = models.ManyToManyField(
        "InformatieObjectType",
        blank=True,
        related_name="resultaattypen",
        verbose_name=_("verplichte informatieobjecttypen"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("resultaattype")
        verbose_name_plural = _("resultaattypen")
        ordering = ["zaaktype", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "omschrijving"], name="resultaattype_unique_omschrijving"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


class RolType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    generic = models.CharField(
        _("generieke omschrijving"), max_length=20, choices=RolOmschrijvingGeneriek.choices
    )

    class Meta:
        verbose_name = _("roltype")
        verbose_name_plural = _("roltypen")
        ordering = ["zaaktype", "id"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "omschrijving"], name="roltype_unique_omschrijving")
        ]

    def __str__(self) -> str:
        return self.omschrijving


class Eigenschap(models.Model):
    """A typed field of the request form, with its validation rules and help text."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="eigenschappen")
    order = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=60)
    label = models.CharField(_("vraag"), max_length=255)
    data_type = models.CharField(_("soort"), max_length=20, choices=DataType.choices)
    is_required = models.BooleanField(_("verplicht"), default=True)
    help_text = models.CharField(_("hulptekst"), max_length=1000, blank=True)
    step = models.CharField(_("stap van het formulier"), max_length=80)
    choices = models.JSONField(_("keuzes"), default=list, blank=True)
    min_length = models.PositiveIntegerField(_("minimale lengte"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("maximale lengte"), null=True, blank=True)
    min_value = models.DecimalField(
        _("minimale waarde"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("maximale waarde"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    date_range = models.CharField(
        _("toegestane datums"), max_length=10, choices=DateRange.choices, default="any"
    )
    # Decides what a chain partner sees of the answer (docs/chain-partners.md); empty only for a
    # row written past ``save`` (bulk), and then read as inferred (``effective_data_class``).
    data_class = models.CharField(
        _("soort gegevens"),
        max_length=10,
        choices=DataClass.choices,
        blank=True,
        help_text=_(
            "Contactgegevens (telefoon, e-mail, adres), persoonsgegevens (BSN, geboortedatum, naam) "
            "of zaakgegevens. Een ketenpartner ziet alleen de soorten die met hem gedeeld zijn. "
            "Leeg: Plus1 leidt het af uit de soort en de naam van het veld."
        ),
    )
    # Required only after a given earlier answer (catalog.conditions): {"field": name, "values": [...]}.
    required_when = models.JSONField(_("verplicht als"), default=dict, blank=True)
    # The statustype that needs a value of this eigenschap before it is set (same zaaktype); the
    # statustype's ``eigenschappen`` in the API are this relation seen from the other side.
    statustype = models.ForeignKey(
        StatusType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="required_eigenschappen",
        verbose_name=_("statustype"),
    )

    class Meta:
        verbose_name = _("eigenschap")
        verbose_name_plural = _("eigenschappen")
        ordering = ["zaaktype", "order"]
        constraints = [models.UniqueConstraint(fields=["zaaktype", "name"], name="eigenschap_unique_name")]

    def __str__(self) -> str:
        return self.label

    def save(self, *args, **kwargs) -> None:
        if not self.data_class:
            self.data_class = infer_data_class(self.name, self.data_type)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "data_class"}
        super().save(*args, **kwargs)

    @property
    def effective_data_class(self) -> str:
        """The chosen class, or the inferred one for a row that has none yet."""
        return self.data_class or infer_data_class(self.name, self.data_type)


class ZaakObjectType(models.Model):
    """A kind of object a zaak of this zaaktype is about (a tree, a building), by its Objecttypen URL."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="zaakobjecttypen")
    objecttype = models.URLField(_("objecttype"), max_length=200)
    relatie_omschrijving = models.CharField(_("omschrijving van de relatie"), max_length=80)
    # An objecttype outside the RSGB and RGBZ, such as one of the Objecttypen API.
    is_other_objecttype = models.BooleanField(_("ander objecttype"), default=False)

    class Meta:
        verbose_name = _("zaakobjecttype")
        verbose_name_plural = _("zaakobjecttypen")
        ordering = ["zaaktype", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "objecttype", "relatie_omschrijving"],
                name="zaakobjecttype_unique_relatie",
            )
        ]

    def __str__(self) -> str:
        return self.relatie_omschrijving
