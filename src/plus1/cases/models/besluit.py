import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import BesluitType
from plus1.core.models import TenantOwned

from ..constants import Vervalreden
from .document import InformatieObject
from .zaak import Zaak


class Besluit(TenantOwned):
    """A decision of the gemeente, usually on a zaak, with its letter (ZGW Besluiten API)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(_("besluitnummer"), max_length=50)
    verantwoordelijke_organisatie = models.CharField(_("verantwoordelijke organisatie (RSIN)"), max_length=9)
    # A besluit may exist without a zaak (ZGW); one on a zaak keeps the zaak from being deleted.
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="besluiten")
    besluittype = models.ForeignKey(BesluitType, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("besluitdatum"))
    effective_on = models.DateField(_("ingangsdatum"))
    expires_on = models.DateField(_("vervaldatum"), null=True, blank=True)
    expiry_reason = models.CharField(_("vervalreden"), max_length=30, choices=Vervalreden.choices, blank=True)
    bestuursorgaan = models.CharField(_("bestuursorgaan"), max_length=50, blank=True)
    published_on = models.DateField(_("publicatiedatum"), null=True, blank=True)
    sent_on = models.DateField(_("verzenddatum"), null=True, blank=True)
    respond_by = models.DateField(_("uiterlijke reactiedatum"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    letter = models.OneToOneField(
        InformatieObject, on_delete=models.SET_NULL, null=True, blank=True, related_name="besluit"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["decided_on", "id"]
        constraints = [
            # brc-002: the identificatie is unique per verantwoordelijke organisatie.
            models.UniqueConstraint(
                fields=["tenant", "verantwoordelijke_organisatie", "identificatie"],
                name="besluit_unique_identificatie",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("effective_on")),
                name="besluit_expires_after_effective",
            ),
        ]
        # The API lists page by id within a tenant, optionally for one besluittype.
        indexes = [
            models.Index(fields=["tenant", "id"], name="besluit_tenant_id"),
            models.Index(fields=["tenant", "besluittype", "id"], name="besluit_tenant_type"),
        ]

    def __str__(self) -> str:
        return self.identificatie


class BesluitInformatieObject(TenantOwned):
    """A document in which (part of) a besluit is laid down (ZGW BesluitInformatieObject).

    The relation is always ``legt_vast`` (brc-004), so it is not stored.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="informatieobjecten")
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="besluit_links"
    )
    registered_at = models.DateTimeField(_("registratiedatum"), auto_now_add=True)

    class Meta:
        verbose_name = _("besluitinformatieobject")
        verbose_name_plural = _("besluitinformatieobjecten")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "besluit", "informatieobject"], name="besluitinformatieobject_unique"
            )
        ]
        indexes = [
            models.Index(fields=["tenant", "informatieobject"], name="bio_tenant_informatieobject"),
        ]

    def __str__(self) -> str:
        return f"{self.besluit} - {self.informatieobject}"
