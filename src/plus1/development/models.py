"""Medewerkers: the competence framework, role profiles, assessments, plans, learning offer, pulses.

The collective publishes the framework (global rows, versioned like the base processes) and
the collective learning offer (``Training.tenant`` null); a gemeente adopts a framework version
and adds its own competences and trainings. Everything about a person is tenant-owned.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned, TenantQuerySet

from .constants import (
    MAX_LEVEL,
    MIN_LEVEL,
    AssessmentKind,
    ClarificationStatus,
    EnrolmentStatus,
    FrameworkStatus,
    Importance,
    PlanStatus,
    TrainingForm,
)

USER = settings.AUTH_USER_MODEL


def _level_check(field: str, name: str, *, nullable: bool = False) -> models.CheckConstraint:
    condition = Q(**{f"{field}__gte": MIN_LEVEL, f"{field}__lte": MAX_LEVEL})
    if nullable:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(condition=condition, name=name)


# --- the framework --------------------------------------------------------------------------


class CompetenceFramework(models.Model):
    """One published version of the collective's competence framework (global, like a base process)."""

    version = models.PositiveSmallIntegerField(_("versie"), unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FrameworkStatus.choices, default=FrameworkStatus.DRAFT
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    introduction = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("competentieraamwerk")
        verbose_name_plural = _("competentieraamwerken")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Competentieraamwerk v{self.version}"


class Competence(models.Model):
    """A competence of the collective's framework (``framework`` set) or a gemeente's own (``tenant`` set)."""

    framework = models.ForeignKey(
        CompetenceFramework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competences",
        verbose_name=_("raamwerk"),
    )
    tenant = models.ForeignKey(
        "tenants.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigen competentie van"),
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("omschrijving"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(framework__isnull=True, tenant__isnull=False)
                | Q(framework__isnull=False, tenant__isnull=True),
                name="competence_framework_xor_tenant",
            ),
            models.UniqueConstraint(
                fields=["framework", "code"],
                condition=Q(framework__isnull=False),
                name="competence_unique_code_in_framework",
            ),
            models.UniqueConstraint(
                fields=["tenant", "code"],
                condition=Q(tenant__isnull=False),
                name="competence_unique_own_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CompetenceLevel(models.Model):
    """One level of a competence, with the behaviour you can see at that level (plain Dutch)."""

    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="levels", verbose_name=_("competentie")
    )
    level = models.PositiveSmallIntegerField(_("niveau"))
    name = models.CharField(_("naam"), max_length=80)
    behaviour = models.TextField(_("zichtbaar gedrag"))

    class Meta:
        verbose_name = _("competentieniveau")
        verbose_name_plural = _("competentieniveaus")
        ordering = ["competence", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competence", "level"], name="competence_level_unique"),
            _level_check("level", "competence_level_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competence} {self.level}: {self.name}"


class FrameworkAdoption(TenantOwned):
    """The framework version a gemeente works with (one at a time; a newer version replaces it)."""

    framework = models.ForeignKey(
        CompetenceFramework, on_delete=models.PROTECT, related_name="adoptions", verbose_name=_("raamwerk")
    )
    adopted_at = models.DateTimeField(_("overgenomen op"), auto_now=True)
    adopted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )

    class Meta:
        verbose_name = _("overgenomen raamwerk")
        verbose_name_plural = _("overgenomen raamwerken")
        constraints = [models.UniqueConstraint(fields=["tenant"], name="framework_adoption_one_per_tenant")]

    def __str__(self) -> str:
        return f"{self.tenant}: {self.framework}"


# --- role profiles and rolduiding ------------------------------------------------------------


class RoleProfile(TenantOwned):
    """What a role asks: competences with their level, confirmed by HR (usually after a rolduiding)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("rol"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("door")
    )

    class Meta:
        verbose_name = _("rolprofiel")
        verbose_name_plural = _("rolprofielen")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["tenant", "name"], name="role_profile_unique_name")]

    def __str__(self) -> str:
        return self.name


class RoleProfileItem(models.Model):
    profile = models.ForeignKey(
        RoleProfile, on_delete=models.CASCADE, related_name="items", verbose_name=_("rolprofiel")
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="+", verbose_name=_("competentie")
    )
    level = models.PositiveSmallIntegerField(_("gevraagd niveau"))
    importance = models.PositiveSmallIntegerField(
        _("belang"), choices=Importance.choices, default=Importance.IMPORTANT
    )

    class Meta:
        verbose_name = _("competentie in rolprofiel")
        verbose_name_plural = _("competenties in rolprofiel")
        ordering = ["competence__order", "competence__name"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "competence"], name="role_profile_item_unique"),
            _level_check("level", "role_profile_item_level_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competence} {self.level}"


class EmployeeProfile(TenantOwned):
    """Links an employee of a gemeente to their role profile."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("medewerker"))
    role_profile = models.ForeignKey(
        RoleProfile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("rolprofiel"),
    )

    class Meta:
        verbose_name = _("medewerkerprofiel")
        verbose_name_plural = _("medewerkerprofielen")
        constraints = [models.UniqueConstraint(fields=["tenant", "user"], name="employee_profile_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.role_profile or '-'}"


class RoleClarification(TenantOwned):
    """A rolduiding: a short questionnaire to a cross-section of staff, chosen by HR, about one role."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    role_name = models.CharField(_("rol"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ClarificationStatus.choices, default=ClarificationStatus.OPEN
    )
    participants = models.ManyToManyField(USER, related_name="+", verbose_name=_("deelnemers"))
    closes_on = models.DateField(_("sluit op"))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    role_profile = models.ForeignKey(
        RoleProfile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clarifications",
        verbose_name=_("rolprofiel"),
    )

    class Meta:
        verbose_name = _("rolduiding")
        verbose_name_plural = _("rolduidingen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.role_name


class ClarificationResponse(TenantOwned):
    clarification = models.ForeignKey(
        RoleClarification, on_delete=models.CASCADE, related_name="responses", verbose_name=_("rolduiding")
    )
    participant = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("deelnemer")
    )
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("antwoord rolduiding")
        verbose_name_plural = _("antwoorden rolduiding")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "clarification", "participant"], name="clarification_one_response"
            )
        ]


class ClarificationAnswer(models.Model):
    """Per competence: how important it is for the role and, if needed, at which level."""

    response = models.ForeignKey(
        ClarificationResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("antwoord")
    )
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="+")
    importance = models.PositiveSmallIntegerField(_("belang"), choices=Importance.choices)
    level = models.PositiveSmallIntegerField(_("niveau"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "competence"], name="clarification_answer_unique"),
            _level_check("level", "clarification_answer_level_in_range", nullable=True),
        ]

    def __str__(self) -> str:
        return f"{self.competence_id}: {self.importance}/{self.level}"


# --- assessments and plans --------------------------------------------------------------------


class Assessment(TenantOwned):
    """A rating of an employee against the competences: by themself or by their leidinggevende."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("medewerker")
    )
    assessor = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("beoordelaar")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=AssessmentKind.choices)
    note = models.TextField(_("toelichting"), blank=True)
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["tenant", "employee", "kind", "-submitted_at"], name="assessment_latest")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.employee}"


class AssessmentRating(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("beoordeling")
    )
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("niveau"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competence"], name="assessment_rating_unique"),
            _level_check("level", "assessment_rating_level_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competence_id}: {self.level}"


class DevelopmentPlan(TenantOwned):
    """An employee's development plan, made with their leidinggevende. ``version``: optimistic lock."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("medewerker")
    )
    leidinggevende = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leidinggevende"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )
    check_in_on = models.DateField(_("volgend gesprek op"), null=True, blank=True)
    check_in_reminded_on = models.DateField(_("herinnering gestuurd voor"), null=True, blank=True)
    version = models.PositiveIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("ontwikkelplan")
        verbose_name_plural = _("ontwikkelplannen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "employee"],
                condition=Q(status=PlanStatus.ACTIVE),
                name="development_plan_one_active",
            )
        ]
        indexes = [models.Index(fields=["status", "check_in_on"], name="development_plan_check_in")]

    def __str__(self) -> str:
        return f"Ontwikkelplan {self.employee}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_level = models.PositiveSmallIntegerField(_("doelniveau"), null=True, blank=True)
    text = models.TextField(_("doel"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [_level_check("target_level", "plan_goal_level_in_range", nullable=True)]

    def __str__(self) -> str:
        return self.text[:60]


class PlanAction(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        PlanGoal, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    text = models.TextField(_("actie"))
    training = models.ForeignKey(
        "development.Training", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    done = models.BooleanField(_("gedaan"), default=False)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.text[:60]


# --- the learning offer ----------------------------------------------------------------------


class TrainingQuerySet(models.QuerySet):
    def for_tenant(self, tenant) -> TrainingQuerySet:
        """The offer an employee of ``tenant`` sees: the collective's and the gemeente's own."""
        return self.filter(Q(tenant__isnull=True) | Q(tenant=tenant))


class Training(models.Model):
    """A learning activity: the collective's (``tenant`` null, open to every gemeente) or a gemeente's own."""

    tenant = models.ForeignKey(
        "tenants.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigen aanbod van"),
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("competentie"),
    )
    level = models.PositiveSmallIntegerField(_("niveau"), null=True, blank=True)
    form = models.CharField(_("vorm"), max_length=12, choices=TrainingForm.choices)
    duration_hours = models.PositiveSmallIntegerField(_("duur (uren)"))
    provider = models.CharField(_("aanbieder"), max_length=120)
    places = models.PositiveIntegerField(_("aantal plaatsen"))
    starts_on = models.DateField(_("start op"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    is_published = models.BooleanField(_("gepubliceerd"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainingen")
        ordering = ["starts_on", "title"]
        constraints = [_level_check("level", "training_level_in_range", nullable=True)]
        indexes = [models.Index(fields=["tenant", "competence"], name="training_tenant_competence")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_collective(self) -> bool:
        return self.tenant_id is None


class Enrolment(TenantOwned):
    """An employee (of ``tenant``) on a training: enrolled, attended or absent, and their evaluation."""

    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("medewerker"))
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    enrolled_at = models.DateTimeField(_("ingeschreven op"), auto_now_add=True)
    evaluation_score = models.PositiveSmallIntegerField(_("waardering (1-5)"), null=True, blank=True)
    evaluation_text = models.TextField(_("toelichting"), blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "user"],
                condition=~Q(status=EnrolmentStatus.CANCELLED),
                name="enrolment_one_per_training",
            ),
            models.CheckConstraint(
                condition=Q(evaluation_score__isnull=True)
                | Q(evaluation_score__gte=1, evaluation_score__lte=5),
                name="enrolment_score_in_range",
            ),
        ]
        indexes = [models.Index(fields=["tenant", "user"], name="enrolment_tenant_user")]

    def __str__(self) -> str:
        return f"{self.user} · {self.training}"


# --- engagement pulses -----------------------------------------------------------------------


class Pulse(TenantOwned):
    """A short anonymous pulse with the five fixed statements (``constants.PULSE_QUESTIONS``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titel"), max_length=120)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    opened_notified_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pulsmeting")
        verbose_name_plural = _("pulsmetingen")
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="pulse_period")
        ]

    def __str__(self) -> str:
        return self.title


class PulseResponse(TenantOwned):
    """One anonymous answer: the team and the five scores, no person and no time.

    A random primary key and, as date, the pulse's opening date (not the day of answering),
    so neither row order nor a date can be matched to the receipts (``PulseReceipt``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="responses")
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = models.JSONField(_("antwoorden"))
    created_on = models.DateField(_("datum"))

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("antwoord pulsmeting")
        verbose_name_plural = _("antwoorden pulsmeting")
        indexes = [models.Index(fields=["tenant", "pulse", "team"], name="pulse_response_team")]


class PulseReceipt(models.Model):
    """That a person answered a pulse (so once only); it does not say what."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pulse", "user"], name="pulse_receipt_unique")]

    def __str__(self) -> str:
        return f"{self.pulse_id}/{self.user_id}"
