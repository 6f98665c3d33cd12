import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.catalog.constants import Vertrouwelijkheid
from plus1.catalog.models import BesluitType, InformatieObjectType, ZaakType
from plus1.core.models import TenantOwned

from .constants import Component


class Application(TenantOwned):
    """A system that calls the ZGW APIs for one gemeente (ZGW ``Applicatie``).

    It only ever sees its own gemeente's data, also with ``has_all_autorisaties``; the
    collective's catalog is readable by every application.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(_("naam"), max_length=100)
    has_all_autorisaties = models.BooleanField(_("heeft alle autorisaties"), default=False)
    only_published_documents = models.BooleanField(
        _("alleen documenten gereed voor publicatie"),
        default=False,
        help_text=_("De applicatie ziet alleen documenten die gereed zijn voor publicatie."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("applicatie")
        verbose_name_plural = _("applicaties")
        ordering = ["label", "id"]

    def __str__(self) -> str:
        return self.label


class ClientCredential(models.Model):
    """A client id with its shared secret; the JWT of the ZGW scheme is signed with it (HS256).

    A client id belongs to exactly one application, across all gemeenten (rule ac-001).
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="credentials")
    client_id = models.CharField(_("client-id"), max_length=255, unique=True)
    # HS256 needs the secret itself to check a signature, so it cannot be stored as a hash.
    secret = models.CharField(_("geheim"), max_length=255)

    class Meta:
        verbose_name = _("client-id")
        verbose_name_plural = _("client-ids")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.client_id


class Autorisatie(models.Model):
    """Scopes on one component; for zaken, documenten and besluiten also per type (rule ac-003)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="autorisaties")
    component = models.CharField(_("component"), max_length=3, choices=Component.choices)
    scopes = models.JSONField(_("scopes"), default=list)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    informatieobjecttype = models.ForeignKey(
        InformatieObjectType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    besluittype = models.ForeignKey(
        BesluitType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    max_confidentiality = models.CharField(
        _("maximale vertrouwelijkheidaanduiding"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        blank=True,
    )

    class Meta:
        verbose_name = _("autorisatie")
        verbose_name_plural = _("autorisaties")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(zaaktype__isnull=True) | Q(component=Component.ZRC),
                name="autorisatie_zaaktype_only_for_zrc",
            ),
            models.CheckConstraint(
                condition=Q(informatieobjecttype__isnull=True) | Q(component=Component.DRC),
                name="autorisatie_iotype_only_for_drc",
            ),
            models.CheckConstraint(
                condition=Q(besluittype__isnull=True) | Q(component=Component.BRC),
                name="autorisatie_besluittype_only_for_brc",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.component}: {', '.join(self.scopes)}"
