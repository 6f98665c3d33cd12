"""A gemeente shares one zaak with a chain partner, for a stated purpose and a limited time."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned, TenantQuerySet

from ..constants import SharePart
from .zaak import Zaak


class ZaakShareQuerySet(TenantQuerySet):
    def active_on(self, day: datetime.date) -> ZaakShareQuerySet:
        """Shares that are in force on ``day``: started, not past their end date, not revoked."""
        return self.filter(revoked_at__isnull=True, valid_from__lte=day, valid_until__gte=day)


class ZaakShare(TenantOwned):
    """One zaak shared with one chain partner: which parts, why, on what legal ground, until when.

    ``tenant`` is the gemeente that owns the zaak (and stays responsible for the data);
    ``partner`` is the organisation that may look. A share ends by itself after
    ``valid_until`` (inclusive) or earlier when the gemeente revokes it; rows are never
    deleted, so the resident and the gemeente can always see who had access and when.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="shares", verbose_name=_("zaak"))
    partner = models.ForeignKey(
        "tenants.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "partner"},
        verbose_name=_("ketenpartner"),
    )
    purpose = models.CharField(_("doel"), max_length=500)
    legal_ground = models.CharField(_("grondslag"), max_length=200)
    shares_request_data = models.BooleanField(_("gegevens van de aanvraag"), default=False)
    shares_documents = models.BooleanField(_("documenten"), default=False)
    shares_contact_data = models.BooleanField(_("contactgegevens van de aanvrager"), default=False)
    shares_status = models.BooleanField(_("status en verloop"), default=False)
    shares_notes = models.BooleanField(_("notities van de gemeente"), default=False)
    partner_may_add_notes = models.BooleanField(_("partner mag notities toevoegen"), default=False)
    partner_may_add_documents = models.BooleanField(_("partner mag documenten toevoegen"), default=False)
    valid_from = models.DateField(_("gedeeld vanaf"))
    valid_until = models.DateField(_("gedeeld tot en met"))
    created_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by_label = models.CharField(_("gedeeld door"), max_length=255)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_by_label = models.CharField(_("ingetrokken door"), max_length=255, blank=True)
    revoke_reason = models.CharField(_("reden van intrekken"), max_length=500, blank=True)

    objects = ZaakShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("gedeelde zaak")
        verbose_name_plural = _("gedeelde zaken")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="zaakshare_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["tenant", "zaak"], name="zaakshare_tenant_zaak")]

    def __str__(self) -> str:
        return f"{self.zaak} → {self.partner}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_active_on(self, day: datetime.date) -> bool:
        return not self.is_revoked and self.valid_from <= day <= self.valid_until

    @property
    def parts(self) -> list[SharePart]:
        """The parts of the zaak this share opens, in a fixed order."""
        return [part for part in SharePart if getattr(self, part.value)]

    @property
    def part_labels(self) -> list[str]:
        return [str(part.label) for part in self.parts]
