from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from .zaaktype import Process, ZaakType


class Adoption(TenantOwned):
    """A gemeente runs a shared process, in a version it chose, with its own local settings.

    The tenant is the adopting gemeente. New zaken start on ``zaaktype``; a newer published
    version is offered as an upgrade and only used once the gemeente accepts it.
    """

    process = models.ForeignKey(
        Process, on_delete=models.PROTECT, related_name="adoptions", verbose_name=_("proces")
    )
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.PROTECT, related_name="adoptions", verbose_name=_("versie in gebruik")
    )
    fee = models.DecimalField(
        _("kosten (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leeg als het product gratis is."),
    )
    extra_information = models.TextField(
        _("extra informatie"),
        blank=True,
        help_text=_("Eigen tekst van de gemeente, getoond bij het product."),
    )
    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor vragen"), max_length=20, blank=True)
    offers_online = models.BooleanField(_("online aanvragen"), default=True)
    offers_counter = models.BooleanField(_("aan de balie"), default=False)
    offers_phone = models.BooleanField(_("telefonisch"), default=False)
    offers_post = models.BooleanField(_("per post"), default=False)
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adoptions",
        verbose_name=_("behandelend team"),
        help_text=_("Het team dat nieuwe zaken van dit proces in de werkvoorraad krijgt."),
    )
    adopted_at = models.DateTimeField(_("overgenomen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("overgenomen proces")
        verbose_name_plural = _("overgenomen processen")
        ordering = ["process__identificatie"]
        constraints = [models.UniqueConstraint(fields=["tenant", "process"], name="adoption_unique_process")]

    def __str__(self) -> str:
        return f"{self.zaaktype.omschrijving} · {self.tenant}"
