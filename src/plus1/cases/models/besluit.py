import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import BesluitType
from plus1.core.models import TenantOwned

from .document import InformatieObject
from .zaak import Zaak


class Besluit(TenantOwned):
    """A decision of the gemeente on a zaak, with its letter (ZGW Besluiten API)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(_("besluitnummer"), max_length=50)
    verantwoordelijke_organisatie = models.CharField(_("verantwoordelijke organisatie (RSIN)"), max_length=9)
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="besluiten")
    besluittype = models.ForeignKey(BesluitType, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("besluitdatum"))
    effective_on = models.DateField(_("ingangsdatum"))
    expires_on = models.DateField(_("vervaldatum"), null=True, blank=True)
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
            models.UniqueConstraint(fields=["tenant", "identificatie"], name="besluit_unique_identificatie"),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("effective_on")),
                name="besluit_expires_after_effective",
            ),
        ]

    def __str__(self) -> str:
        return self.identificatie
