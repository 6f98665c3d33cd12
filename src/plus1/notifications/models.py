import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned


class KanaalQuerySet(models.QuerySet):
    def visible_to(self, tenant_id: int | None) -> "KanaalQuerySet":
        """The collective's kanalen and the organisation's own; never another gemeente's."""
        return self.filter(Q(tenant__isnull=True) | Q(tenant_id=tenant_id))


class Kanaal(models.Model):
    """A channel of notifications (``zaken``, ``documenten`` ...) with the kenmerken it carries.

    The standard kanalen belong to the collective (no tenant) and every gemeente sees them; a
    kanaal a gemeente's application registers is that gemeente's alone.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty for the collective's kanalen.
    tenant = models.ForeignKey(
        "tenants.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    naam = models.CharField(_("naam"), max_length=50)
    documentatie_link = models.URLField(_("documentatielink"), max_length=200, blank=True)
    filters = models.JSONField(_("filters"), default=list, blank=True)

    objects = KanaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "naam"], name="kanaal_tenant_naam_unique"),
            models.UniqueConstraint(
                fields=["naam"], condition=Q(tenant__isnull=True), name="kanaal_collective_naam_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Abonnement(TenantOwned):
    """A subscriber's callback URL; it receives the notifications of its own gemeente only.

    Notifications about the collective's catalog go to every subscriber of that kanaal.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    callback_url = models.URLField(_("callback-URL"), max_length=200)
    auth = models.CharField(_("Authorization-header"), max_length=1000)
    # The client id that made it; an application only sees its own gemeente's abonnementen.
    created_by = models.CharField(_("aangemaakt door (client-id)"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.callback_url


class AbonnementKanaal(models.Model):
    """One kanaal of an abonnement, with the kenmerk values a notification must have.

    A kanaal may come more than once (as Open Notificaties stores it): a notification that
    matches any of its filter groups is delivered, once.
    """

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.ForeignKey(Kanaal, on_delete=models.PROTECT, related_name="+")
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.abonnement}: {self.kanaal}"


class ChangeStamp(models.Model):
    """Per organisation, a number that goes up with every notification it publishes.

    Every change a client can read through the APIs publishes a notification, in the
    transaction of the change; so an answer kept under the stamp it was built at
    (``api.common.readcache``) is current for as long as the stamp stays the same.
    """

    tenant = models.OneToOneField(
        "tenants.Organisation", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    value = models.BigIntegerField(default=0)
    # Moves only with a change to the organisation itself or to its API applications, their
    # client ids or autorisaties: the kept access of a client id (``apiclients.access``) is
    # keyed on it, so a change to a zaak does not send every client back to the database.
    access_value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("wijzigingsteller")
        verbose_name_plural = _("wijzigingstellers")

    def __str__(self) -> str:
        return f"{self.tenant_id}: {self.value}"


class Notification(TenantOwned):
    """An outbox row: written in the transaction of the change it tells about.

    It carries URLs and kenmerken only, never personal data (ZGW Notificaties).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kanaal = models.CharField(_("kanaal"), max_length=50)
    hoofd_object = models.URLField(_("hoofdobject"), max_length=1000)
    resource = models.CharField(_("resource"), max_length=100)
    resource_url = models.URLField(_("resource-URL"), max_length=1000)
    actie = models.CharField(_("actie"), max_length=100)
    aanmaakdatum = models.DateTimeField(_("aanmaakdatum"))
    kenmerken = models.JSONField(_("kenmerken"), default=dict, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kanaal}: {self.resource} {self.actie}"

    def as_message(self) -> dict:
        """The message exactly as the standard posts it to a subscriber."""
        return {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum.isoformat().replace("+00:00", "Z"),
            "kenmerken": self.kenmerken,
        }


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("wacht op verzending")
    DELIVERED = "delivered", _("afgeleverd")
    FAILED = "failed", _("mislukt")


class Delivery(models.Model):
    """One notification for one abonnement: retried with back-off until it lands or gives up.

    Per abonnement and hoofdobject, deliveries go out in order: a later one waits while an
    earlier one is still pending, so a subscriber never sees "closed" before "created".
    """

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="deliveries")
    # Denormalised from the notification: the ordering rule looks it up on every delivery.
    hoofd_object = models.URLField(max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"))
    last_attempt_at = models.DateTimeField(_("laatste poging"), null=True, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=500, blank=True)
    delivered_at = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aflevering")
        verbose_name_plural = _("afleveringen")
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(status="pending"),
                name="delivery_pending_due",
            ),
            models.Index(
                fields=["abonnement", "hoofd_object", "id"],
                condition=Q(status__in=["pending", "failed"]),
                name="delivery_open_per_object",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notification} → {self.abonnement}"
