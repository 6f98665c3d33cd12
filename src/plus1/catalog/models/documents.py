import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from ..constants import Direction, PublicationStatus, Vertrouwelijkheid
from ..validators import validate_iso_duration
from .catalogus import Catalogus
from .zaaktype import ZaakType


class InformatieObjectType(TenantOwned):
    """A kind of document (identiteitsbewijs, beschikking ...), shared by the zaaktypen of a catalogus."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="informatieobjecttypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    category = models.CharField(_("categorie"), max_length=80)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices
    )
    description = models.CharField(_("uitleg"), max_length=500, blank=True)
    # ZGW InformatieObjectTypeOmschrijvingGeneriek, as one object (its five attributes).
    generic = models.JSONField(_("generieke omschrijving"), null=True, blank=True)
    trefwoord = models.JSONField(_("trefwoorden"), default=list, blank=True)
    status = models.CharField(
        _("publicatiestatus"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.CONCEPT,
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("informatieobjecttype")
        verbose_name_plural = _("informatieobjecttypen")
        ordering = ["omschrijving"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "catalogus", "omschrijving"], name="iot_unique_omschrijving"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


class ZaakTypeInformatieObjectType(models.Model):
    """Which documents a zaaktype uses, in which order, and whether the resident must supply it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="document_types")
    informatieobjecttype = models.ForeignKey(InformatieObjectType, on_delete=models.PROTECT, related_name="+")
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    is_required = models.BooleanField(_("verplicht"), default=False)
    direction = models.CharField(
        _("richting"), max_length=10, choices=Direction.choices, default=Direction.INKOMEND
    )
    # Required only after a given answer on the request form (catalog.conditions).
    required_when = models.JSONField(_("verplicht als"), default=dict, blank=True)
    # The status of the zaak from which a document of this type is needed (same zaaktype).
    statustype = models.ForeignKey(
        "StatusType", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("documenttype van een zaaktype")
        verbose_name_plural = _("documenttypen van een zaaktype")
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "informatieobjecttype"], name="ziot_unique_type"),
            models.UniqueConstraint(fields=["zaaktype", "volgnummer"], name="ziot_unique_volgnummer"),
        ]

    def __str__(self) -> str:
        return str(self.informatieobjecttype)


class BesluitType(TenantOwned):
    """A kind of decision a zaaktype can end in, with the period to object or appeal."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="besluittypen")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    category = models.CharField(_("categorie"), max_length=80)
    reactietermijn = models.CharField(
        _("reactietermijn"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    publication_required = models.BooleanField(_("publiceren verplicht"), default=False)
    omschrijving_generiek = models.CharField(_("generieke omschrijving"), max_length=80, blank=True)
    publicatietekst = models.TextField(_("publicatietekst"), blank=True)
    publicatietermijn = models.CharField(
        _("publicatietermijn"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("publicatiestatus"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.CONCEPT,
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    # The document types in which besluiten of this type are recorded (same catalogus, ztc-013).
    informatieobjecttypen = models.ManyToManyField(
        InformatieObjectType, blank=True, related_name="besluittypen", verbose_name=_("informatieobjecttypen")
    )

    class Meta:
        verbose_name = _("besluittype")
        verbose_name_plural = _("besluittypen")
        ordering = ["omschrijving"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "catalogus", "omschrijving"], name="besluittype_unique_omschrijving"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED
