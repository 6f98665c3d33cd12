"""The incident register: reports of aggression against staff, their follow-up, and measures.

These are special personal data (they may point to criminal behaviour): only the reporter,
the person it happened to and the gemeente's agressiecoördinator see a report; every read and
change goes into the processing log with ``constants.LEGAL_GROUND``; closed reports go after the
gemeente's retention period (``IncidentSettings``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from privates.storages import private_media_storage

from plus1.accounts.models import Team
from plus1.cases.models import Zaak
from plus1.core.models import TenantOwned

from .constants import (
    DEFAULT_RETENTION_YEARS,
    Channel,
    IncidentStatus,
    MeasureKind,
    PersonKind,
    ReactionKind,
    TaskKind,
)


class IncidentSettings(TenantOwned):
    """A gemeente's register settings: retention and the coordinator's contact details for the banner."""

    retention_years = models.PositiveSmallIntegerField(
        _("bewaartermijn na afsluiten (jaren)"), default=DEFAULT_RETENTION_YEARS
    )
    coordinator_name = models.CharField(_("naam agressiecoördinator"), max_length=200, blank=True)
    coordinator_phone = models.CharField(_("telefoon agressiecoördinator"), max_length=20, blank=True)
    coordinator_email = models.EmailField(_("e-mail agressiecoördinator"), blank=True)
    work_address = models.TextField(_("werkadres (voor aangifte namens de werkgever)"), blank=True)

    class Meta:
        verbose_name = _("instellingen incidentenregister")
        verbose_name_plural = _("instellingen incidentenregister")
        constraints = [models.UniqueConstraint(fields=["tenant"], name="incidents_settings_one_per_tenant")]


class Incident(TenantOwned):
    """One report of aggression or violence against an employee."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("nummer"), max_length=20)
    occurred_at = models.DateTimeField(_("wanneer"))
    location = models.CharField(_("waar"), max_length=200)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    categories = models.JSONField(_("wat gebeurde er"), default=list)
    consequences = models.JSONField(_("gevolgen"), default=list)
    description = models.TextField(_("beschrijving"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeld door")
    )
    # The employee it happened to: the reporter, or a colleague they report for.
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("medewerker")
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("team")
    )
    witnesses = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("getuigen")
    )
    zaak = models.ForeignKey(
        Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("zaak")
    )
    person_kind = models.CharField(
        _("betrokken persoon"), max_length=10, choices=PersonKind.choices, blank=True, default=PersonKind.NONE
    )
    person_bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    person_kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    person_name = models.CharField(_("naam"), max_length=200, blank=True)
    person_description = models.TextField(_("omschrijving persoon"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    conclusion = models.TextField(_("conclusie"), blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemeld op"))
    version = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidenten")
        constraints = [models.UniqueConstraint(fields=["tenant", "number"], name="incidents_unique_number")]
        indexes = [
            models.Index(fields=["tenant", "occurred_at"], name="incidents_tenant_occurred"),
            models.Index(fields=["tenant", "status", "created_at"], name="incidents_tenant_status"),
        ]

    def __str__(self) -> str:
        # Never the person: this string ends up in log lines.
        return self.number


class IncidentDraft(TenantOwned):
    """The report form as an employee left it, so nothing is lost when the page is left."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="incidents_one_draft_per_user")
        ]


class IncidentTask(models.Model):
    """A VPT measure as work on one report, with its deadline and outcome."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("maatregel"), max_length=15, choices=TaskKind.choices)
    due_at = models.DateTimeField(_("uiterlijk"))
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True)
    reaction_kind = models.CharField(
        _("soort reactie"), max_length=10, choices=ReactionKind.choices, blank=True
    )
    # Aangifte: by the employee, or on behalf of the employer at the work address.
    on_behalf_of_employer = models.BooleanField(_("aangifte namens de werkgever"), default=False)
    # Private storage: only the coordinator's view hands the letter out (tests/architecture).
    letter = models.FileField(
        _("waarschuwingsbrief"), storage=private_media_storage, upload_to="incidents/letters/", blank=True
    )

    class Meta:
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "kind"], name="incidents_one_task_per_kind")
        ]
        indexes = [models.Index(fields=["done_at", "due_at"], name="incidents_task_due")]

    def __str__(self) -> str:
        return f"{self.incident.number}: {self.get_kind_display()}"


class Measure(TenantOwned):
    """A maatregel towards the person involved; while it runs, their zaken show a safety signal."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("maatregel"), max_length=20, choices=MeasureKind.choices)
    description = models.CharField(_("toelichting"), max_length=500, blank=True)
    person_bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    person_kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"))
    ended_at = models.DateTimeField(_("eerder beëindigd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("ingesteld op"))

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="incidents_measure_dates"
            ),
            models.CheckConstraint(
                condition=~Q(person_bsn="") | ~Q(person_kvk=""), name="incidents_measure_has_person"
            ),
        ]
        indexes = [
            models.Index(fields=["tenant", "person_bsn", "ends_on"], name="incidents_measure_bsn"),
            models.Index(fields=["tenant", "person_kvk", "ends_on"], name="incidents_measure_kvk"),
        ]
