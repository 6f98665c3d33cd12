"""How a resident wants to be reached by one gemeente (docs/contact-preferences.md).

Per gemeente, not per installation: each gemeente is the controller of what a resident tells
it (AVG art. 4(7)), and an address given to Utrecht is no permission for Groningen to mail.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned


class ContactPreference(TenantOwned):
    bsn = models.CharField(_("burgerservicenummer"), max_length=9)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    wants_email = models.BooleanField(_("wil e-mail krijgen"), default=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("contactvoorkeur")
        verbose_name_plural = _("contactvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "bsn"], name="contactpreference_one_per_resident"),
        ]

    def __str__(self) -> str:
        # Never the BSN: this label lands in the audit trail.
        return "Contactvoorkeuren van een inwoner"
