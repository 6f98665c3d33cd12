import datetime
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned, TenantQuerySet


class AuditEntry(TenantOwned):
    """One change made through a service: who changed what, and how it looked before and after.

    Actor and object are plain references (type, id, label) so every layer can write here
    without this app knowing the others.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
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
    # The ZGW hoofdobject this change belongs to (the zaak of a status): its audittrail lists it.
    main_object_type = models.CharField(_("soort hoofdobject"), max_length=60, blank=True)
    main_object_id = models.CharField(_("hoofdobject-id"), max_length=100, blank=True)
    # What the ZGW audittrail shows beyond the above: bron, applicatie, gebruiker, resource URL.
    zgw = models.JSONField(_("ZGW-gegevens"), null=True, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["tenant", "object_type", "object_id"], name="audit_tenant_object"),
            models.Index(
                fields=["tenant", "main_object_type", "main_object_id"], name="audit_tenant_main_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_label}"


class ProcessingAction(models.TextChoices):
    READ = "read", _("inzien")
    CREATE = "create", _("vastleggen")
    UPDATE = "update", _("wijzigen")
    DELETE = "delete", _("verwijderen")
    SEARCH = "search", _("zoeken")
    EXPORT = "export", _("exporteren")


class Channel(models.TextChoices):
    PORTAL = "portal", _("Mijn omgeving (portaal)")
    BACKOFFICE = "backoffice", _("zaaksysteem van de gemeente")
    API = "api", _("koppeling met een ander systeem")
    TASK = "task", _("automatische taak")
    EXPORT = "export", _("export")


class ActorType(models.TextChoices):
    EMPLOYEE = "employee", _("medewerker")
    APPLICATION = "application", _("applicatie")
    RESIDENT = "resident", _("inwoner")
    BUSINESS = "business", _("ondernemer")
    SYSTEM = "system", _("systeem")
    PARTNER = "partner", _("ketenpartner")


class SubjectType(models.TextChoices):
    BSN = "bsn", _("BSN")
    KVK = "kvk", _("KvK-nummer")


class ProcessingRecordQuerySet(TenantQuerySet):
    """Processing records are append-only: a bulk update or delete is refused.

    The database refuses too (triggers, migration 0003); only ``purge_expired`` may remove
    rows, and only those past their ``keep_until`` date.
    """

    def update(self, **kwargs):
        raise TypeError("Processing records are append-only.")

    def delete(self):
        raise TypeError("Processing records are append-only.")

    def purge_expired(self, *, today) -> int:
        """Delete the records whose retention ended before ``today``; returns how many."""
        expired = self.model.objects.filter(keep_until__lt=today)
        return expired._raw_delete(expired.db)


class ProcessingRecord(TenantOwned):
    """One processing of personal data, in the shape of the VNG Logboek dataverwerkingen.

    Who (actor, with the team a resident may see), what (action, object), about whom (the data
    subject as a keyed hash: searchable with the key, unreadable without it), why (the
    verwerkingsactiviteit with its purpose and legal ground), how (channel) and when, with the
    W3C trace and span ids that tie it to the request or task. ``keep_until`` is set at insert
    from the activity's retention period; the database lets a row go only after that date.
    """

    started_at = models.DateTimeField(_("begintijd"), db_index=False)
    ended_at = models.DateTimeField(_("eindtijd"))
    trace_id = models.CharField(_("trace-id"), max_length=32)
    span_id = models.CharField(_("span-id"), max_length=16)
    parent_span_id = models.CharField(_("bovenliggende span-id"), max_length=16, blank=True)
    operation = models.CharField(_("handeling (operation name)"), max_length=100)
    status = models.CharField(_("status"), max_length=10, default="OK")
    activity_code = models.CharField(_("verwerkingsactiviteit"), max_length=80)
    activity_name = models.CharField(_("naam verwerkingsactiviteit"), max_length=200)
    purpose = models.CharField(_("doel"), max_length=300)
    legal_ground = models.CharField(_("grondslag"), max_length=300, blank=True)
    action = models.CharField(_("soort verwerking"), max_length=10, choices=ProcessingAction.choices)
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel.choices)
    actor_type = models.CharField(_("soort actor"), max_length=12, choices=ActorType.choices)
    actor_id = models.CharField(_("actor-id"), max_length=100)
    actor_label = models.CharField(_("actor"), max_length=255)
    actor_unit = models.CharField(_("team of organisatieonderdeel"), max_length=255, blank=True)
    subject_type = models.CharField(
        _("soort betrokkene"), max_length=3, choices=SubjectType.choices, blank=True
    )
    subject_hash = models.CharField(_("betrokkene (versleuteld)"), max_length=64, blank=True)
    subject_key_id = models.CharField(_("sleutel-id"), max_length=20, blank=True)
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object-id"), max_length=100, blank=True)
    object_label = models.CharField(_("object"), max_length=255, blank=True)
    keep_until = models.DateField(_("bewaren tot en met"))

    objects = ProcessingRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwerkingsregel")
        verbose_name_plural = _("verwerkingsregels")
        ordering = ["-started_at", "-id"]
        # Every index costs on each insert (the inbox writes 25 rows per page), so only these:
        # by subject (a resident's page, a privacy officer's search; per zaak narrows from
        # there), by actor, by period (then purpose), by trace id and for the purge.
        indexes = [
            models.Index(fields=["tenant", "subject_hash", "-started_at"], name="processing_subject"),
            models.Index(fields=["tenant", "actor_id", "-started_at"], name="processing_actor"),
            models.Index(fields=["tenant", "-started_at"], name="processing_period"),
            models.Index(fields=["trace_id"], name="processing_trace"),
            models.Index(fields=["keep_until"], name="processing_keep_until"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_label}: {self.get_action_display()} {self.object_label} ({self.activity_name})"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise TypeError("Processing records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Processing records are append-only.")


class AccessReviewSettings(TenantOwned):
    """A gemeente's thresholds for the privacy officer's report of unusual access.

    One row per gemeente at most; without a row the defaults below apply (``DEFAULTS``).
    """

    distinct_subjects_per_day = models.PositiveIntegerField(
        _("meer personen per dag dan"),
        default=25,
        help_text=_(
            "Een medewerker die op één dag de gegevens van meer personen inziet, staat in het overzicht."
        ),
    )
    office_start = models.TimeField(_("kantoortijd begint om"), default=datetime.time(7, 0))
    office_end = models.TimeField(_("kantoortijd eindigt om"), default=datetime.time(19, 0))
    weekends_are_outside = models.BooleanField(_("zaterdag en zondag zijn buiten kantoortijd"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("instellingen bijzondere toegang")
        verbose_name_plural = _("instellingen bijzondere toegang")
        constraints = [
            models.UniqueConstraint(fields=["tenant"], name="access_review_settings_unique_tenant"),
            models.CheckConstraint(
                condition=models.Q(office_start__lt=models.F("office_end")),
                name="access_review_settings_office_hours_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} ({self.tenant_id})"
