"""National reference lists every gemeente shares: the UPL and the VNG selectielijst.

They are not tenant-owned: they are public facts, loaded by data migrations from files
shipped in ``catalog/data/``.
"""

import uuid as uuid_lib

from django.db import models
from django.utils.translation import gettext_lazy as _


class Product(models.Model):
    """A gemeente product from the Uniforme Productnamenlijst (UPL) of Logius."""

    upl_name = models.CharField(_("uniforme productnaam"), max_length=200, unique=True)
    upl_uri = models.URLField(_("UPL-URI"), max_length=300, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=200, unique=True)
    is_for_residents = models.BooleanField(_("voor inwoners"), default=False)
    is_for_businesses = models.BooleanField(_("voor ondernemers"), default=False)
    is_application = models.BooleanField(_("aanvraag"), default=False)
    is_report = models.BooleanField(_("melding"), default=False)
    is_obligation = models.BooleanField(_("verplichting"), default=False)
    is_subsidy = models.BooleanField(_("subsidie"), default=False)
    sdg_codes = models.JSONField(_("SDG-codes"), default=list, blank=True)
    legal_bases = models.JSONField(_("wettelijke grondslagen"), default=list, blank=True)
    # Name plus the words of the processes that serve it; see catalog.search.
    search_document = models.TextField(_("zoektekst"), blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("product (UPL)")
        verbose_name_plural = _("producten (UPL)")
        ordering = ["upl_name"]

    def __str__(self) -> str:
        return self.upl_name


class SelectielijstProcestype(models.Model):
    # ``url`` is the object's address in the public VNG API; ``uuid`` its last segment, under
    # which our own Referentielijsten API serves the same object (catalog.reference).
    url = models.URLField(max_length=300, unique=True)
    uuid = models.UUIDField(unique=True)
    nummer = models.PositiveSmallIntegerField()
    jaar = models.PositiveSmallIntegerField()
    naam = models.CharField(max_length=200)
    omschrijving = models.CharField(max_length=300)
    toelichting = models.TextField(blank=True)
    procesobject = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("selectielijst-procestype")
        verbose_name_plural = _("selectielijst-procestypen")
        ordering = ["jaar", "nummer"]
        constraints = [models.UniqueConstraint(fields=["jaar", "nummer"], name="procestype_unique_number")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam} ({self.jaar})"


class SelectielijstResultaat(models.Model):
    url = models.URLField(max_length=300, unique=True)
    uuid = models.UUIDField(unique=True)
    procestype = models.ForeignKey(
        SelectielijstProcestype, on_delete=models.CASCADE, related_name="resultaten"
    )
    nummer = models.PositiveSmallIntegerField()
    volledig_nummer = models.CharField(max_length=20)
    generiek = models.BooleanField(default=False)
    specifiek = models.BooleanField(default=False)
    naam = models.CharField(max_length=200)
    omschrijving = models.CharField(max_length=300, blank=True)
    herkomst = models.CharField(max_length=200, blank=True)
    waardering = models.CharField(max_length=30)
    procestermijn = models.CharField(max_length=60, blank=True)
    procestermijn_weergave = models.CharField(max_length=200, blank=True)
    procestermijn_opmerking = models.CharField(max_length=200, blank=True)
    bewaartermijn = models.CharField(max_length=20, blank=True)
    toelichting = models.TextField(blank=True)
    # The Taakgebied values that apply; the API turns them into one boolean each.
    taakgebieden = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("selectielijstklasse")
        verbose_name_plural = _("selectielijstklassen")
        ordering = ["procestype", "id"]
        constraints = [
            models.UniqueConstraint(fields=["procestype", "volledig_nummer"], name="resultaat_unique_number")
        ]

    def __str__(self) -> str:
        label = f"{self.volledig_nummer} {self.naam}"
        return f"{label} - {self.omschrijving}" if self.omschrijving else label


class ResultaatTypeOmschrijving(models.Model):
    """A generic result description from the VNG Referentielijsten (Toegekend, Afgewezen ...)."""

    url = models.URLField(max_length=300, unique=True)
    uuid = models.UUIDField(unique=True)
    omschrijving = models.CharField(max_length=80, unique=True)
    definitie = models.TextField(blank=True)
    opmerking = models.TextField(blank=True)

    class Meta:
        verbose_name = _("generieke resultaatomschrijving")
        verbose_name_plural = _("generieke resultaatomschrijvingen")
        ordering = ["omschrijving"]

    def __str__(self) -> str:
        return self.omschrijving


class Communicatiekanaal(models.Model):
    """A channel through which a zaak can reach the gemeente (ZGW Zaken ``communicatiekanaal``).

    VNG's Referentielijsten API defines the list but ships no content; ours comes from
    ``catalog/data/communicatiekanalen.json`` (see the data README for its provenance).
    """

    uuid = models.UUIDField(unique=True, default=uuid_lib.uuid4)
    naam = models.CharField(max_length=20, unique=True)
    omschrijving = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("communicatiekanaal")
        verbose_name_plural = _("communicatiekanalen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
