import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned, TenantQuerySet


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


class AccessRecordQuerySet(TenantQuerySet):
    """Access records are append-only: a bulk update or delete is refused."""

    def update(self, **kwargs):
        raise TypeError("Access records are append-only.")

    def delete(self):
        raise TypeError("Access records are append-only.")


class AccessRecord(TenantOwned):
    """One read of personal data: who looked, at what, why and when (Logboek dataverwerkingen).

    The person whose data was read is stored as a keyed hash of their identifier (BSN), never
    in plain text: with the key one can still answer "who looked up this resident?", without
    it the log reveals nobody.
    """

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    trace_id = models.UUIDField(_("trace-id"), default=uuid.uuid4, editable=False)
    actor_type = models.CharField(_("soort actor"), max_length=30)
    actor_id = models.CharField(_("actor-id"), max_length=100)
    actor_label = models.CharField(_("actor"), max_length=255)
    purpose = models.CharField(_("doel"), max_length=200)
    legal_ground = models.CharField(_("grondslag"), max_length=200, blank=True)
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object-id"), max_length=100, blank=True)
    subject_hash = models.CharField(_("betrokkene (versleuteld)"), max_length=64, blank=True)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzageregel")
        verbose_name_plural = _("inzageregels")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["tenant", "subject_hash"], name="access_tenant_subject")]

    def __str__(self) -> str:
        return f"{self.actor_label}: {self.purpose}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise TypeError("Access records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Access records are append-only.")
