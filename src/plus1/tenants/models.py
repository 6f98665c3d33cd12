from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.core.validators import validate_rsin

from .constants import DEFAULT_PRIMARY_COLOR, OrganisationKind

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Gebruik een kleurcode met # en zes tekens, bijvoorbeeld #154273.")
)
cbs_code = RegexValidator(
    r"^GM\d{4}$", _("Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0363.")
)

host_name = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    _("Gebruik een hostnaam in kleine letters zonder https://, bijvoorbeeld loket.utrecht.nl."),
)


class OrganisationQuerySet(models.QuerySet):
    def gemeenten(self) -> "OrganisationQuerySet":
        return self.filter(kind=OrganisationKind.GEMEENTE)

    def partners(self) -> "OrganisationQuerySet":
        return self.filter(kind=OrganisationKind.PARTNER)


class Organisation(models.Model):
    """A tenant: a gemeente, the collective that publishes base processes, or a chain partner."""

    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80, unique=True)
    cbs_code = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        blank=True,
        validators=[cbs_code],
        help_text="Bijvoorbeeld GM0363.",
    )
    province = models.CharField(_("provincie"), max_length=40, blank=True)
    province_code = models.CharField(_("provinciecode"), max_length=4, blank=True)
    rsin = models.CharField(
        _("RSIN (bronorganisatie)"),
        max_length=9,
        blank=True,
        validators=[validate_rsin],
        help_text=_("Het RSIN van de organisatie: 9 cijfers. Zaken krijgen dit als bronorganisatie."),
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    # The gemeente's own host name for its portal (loket.utrecht.nl); it must also be in ALLOWED_HOSTS.
    portal_host = models.CharField(
        _("hostnaam van het loket"),
        max_length=253,
        null=True,
        blank=True,
        unique=True,
        validators=[host_name],
        help_text=_("Bijvoorbeeld loket.utrecht.nl. Leeg: het loket staat alleen op /korte-naam/."),
    )
    visiting_address = models.TextField(_("bezoekadres"), blank=True)
    logo = models.FileField(_("logo"), upload_to="tenants/logos/", blank=True)
    primary_color = models.CharField(
        _("hoofdkleur"), max_length=7, default=DEFAULT_PRIMARY_COLOR, validators=[hex_colour]
    )
    accent_color = models.CharField(
        _("accentkleur"), max_length=7, default="#01689b", validators=[hex_colour]
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~Q(cbs_code=""), name="organisation_unique_cbs_code"
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind=OrganisationKind.COLLECTIVE),
                name="organisation_one_collective",
            ),
            models.CheckConstraint(
                condition=~Q(kind=OrganisationKind.GEMEENTE) | ~Q(cbs_code=""),
                name="organisation_gemeente_has_cbs_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_gemeente(self) -> bool:
        return self.kind == OrganisationKind.GEMEENTE

    @property
    def is_collective(self) -> bool:
        return self.kind == OrganisationKind.COLLECTIVE

    @property
    def is_partner(self) -> bool:
        return self.kind == OrganisationKind.PARTNER


class Mandate(models.Model):
    """An organisation a tenant registers for, besides itself.

    A samenwerkingsverband registers zaken, documents and besluiten for each of its
    gemeenten: the API clients of ``organisation`` may then name ``rsin`` as the registering
    organisation (``bronorganisatie``). Without a mandate only the tenant's own RSIN is allowed.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("organisatie")
    )
    rsin = models.CharField(
        _("RSIN van de organisatie waarvoor geregistreerd wordt"), max_length=9, validators=[validate_rsin]
    )
    name = models.CharField(_("naam van die organisatie"), max_length=200)

    class Meta:
        verbose_name = _("registreert ook voor")
        verbose_name_plural = _("registreert ook voor")
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "rsin"], name="mandate_unique_rsin"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} registreert voor {self.name} ({self.rsin})"
