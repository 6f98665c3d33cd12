import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned


class Catalogus(TenantOwned):
    """A ZGW catalogus: the collection of types one organisation publishes."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    domein = models.CharField(_("domein"), max_length=5, help_text=_("Korte code, bijvoorbeeld PLUS1."))
    naam = models.CharField(_("naam"), max_length=200)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    # An organisation that keeps the catalogus for a gemeente it holds a mandate for (tenants.Mandate)
    # names that gemeente; blank means the catalogus is in the name of its own organisation.
    rsin = models.CharField(
        _("RSIN"),
        max_length=9,
        blank=True,
        help_text=_(
            "Leeg: het RSIN van de eigen organisatie. Anders een organisatie waarvoor zij een mandaat heeft."
        ),
    )

    class Meta:
        verbose_name = _("catalogus")
        verbose_name_plural = _("catalogi")
        constraints = [models.UniqueConstraint(fields=["tenant", "domein"], name="catalogus_unique_domein")]

    def __str__(self) -> str:
        return self.naam
