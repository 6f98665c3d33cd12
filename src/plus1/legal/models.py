"""A gemeente's own text for one of its statements; the collective's row is every gemeente's default."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from .constants import LegalPageKind

BODY_HELP = _(
    "Gewone tekst. Een lege regel begint een nieuwe alinea, een regel die begint met '## ' wordt "
    "een tussenkop en een regel die begint met '- ' een opsomming. Deze woorden tussen accolades "
    "vult Plus1 zelf in: {gemeente}, {telefoon}, {email}, {website}, {adres}."
)


class LegalPage(TenantOwned):
    kind = models.CharField(_("soort"), max_length=20, choices=LegalPageKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), help_text=BODY_HELP)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("verklaring of colofon")
        verbose_name_plural = _("verklaringen en colofon")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "kind"], name="legalpage_one_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.tenant})"
