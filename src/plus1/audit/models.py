from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned


class AuditEntry(TenantOwned):
    """One change made through a service: who changed what, and how it looked before and after.

    Actor and object are plain references (type, id, label) so every layer can write here
    without this app knowing the others.
    """

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    actor_type = models.CharField(_("soort actor"), max_length=30)
    actor_id = models.CharField(_("actor-id"), max_length=100)
    actor_label = models.CharField(_("actor"), max_length=255)
    action = models.CharField(_("handeling"), max_length=60)
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object-id"), max_length=100)
    object_label = models.CharField(_("object"), max_length=255)
    before = models.JSONField(_("voor"), null=True, blank=True)
    after = models.JSONField(_("na"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["tenant", "object_type", "object_id"], name="audit_tenant_object")]

    def __str__(self) -> str:
        return f"{self.action} {self.object_label}"
