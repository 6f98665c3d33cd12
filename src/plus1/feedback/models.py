"""Klantwaardering: the collective's survey, invitations, answers, call-backs and monthly sums.

An answer keeps what the dashboards and the benchmark need (gemeente, process, team, channel,
scores, open text) and no name or BSN. Its link to a zaak (``Answer.zaak``) exists only for the
follow-up and is removed after the gemeente's retention period (``FeedbackSettings``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.accounts.models import Team
from plus1.cases.models import Zaak
from plus1.catalog.models import Process
from plus1.core.models import TenantOwned

from .constants import Channel, InvitationMode, QuestionKind, Source


class SurveyVersion(TenantOwned):
    """The collective's standard survey, versioned like a base process (tenant: the collective).

    The questions themselves are fixed by the standard (rapportcijfer 1-10, "het was makkelijk"
    1-5, "wat kan beter?", the channel); a version holds their wording, so answers of different
    years stay comparable.
    """

    version = models.PositiveSmallIntegerField(_("versie"))
    intro = models.TextField(_("inleiding"))
    score_label = models.CharField(_("vraag rapportcijfer"), max_length=200)
    effort_label = models.CharField(_("vraag gemak"), max_length=200)
    improvement_label = models.CharField(_("vraag wat kan beter"), max_length=200)
    published_on = models.DateField(_("gepubliceerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("enquêteversie")
        verbose_name_plural = _("enquêteversies")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "version"], name="feedback_survey_unique_version")
        ]

    def __str__(self) -> str:
        return f"Klantwaardering v{self.version}"


class FeedbackSettings(TenantOwned):
    """A gemeente's choices: public score on product pages, public benchmark, link retention."""

    shows_public_score = models.BooleanField(
        _("toon 'Zo waarderen inwoners ons' op productpagina's"), default=False
    )
    is_named_in_benchmark = models.BooleanField(
        _("doe mee aan de openbare benchmark (met naam)"), default=False
    )
    link_retention_days = models.PositiveSmallIntegerField(
        _("bewaartermijn koppeling antwoord-zaak (dagen)"), default=90
    )

    class Meta:
        verbose_name = _("instellingen klantwaardering")
        verbose_name_plural = _("instellingen klantwaardering")
        constraints = [models.UniqueConstraint(fields=["tenant"], name="feedback_settings_one_per_tenant")]


class OwnQuestion(TenantOwned):
    """One of at most three questions a gemeente adds to the collective's survey."""

    order = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("vraag"), max_length=200)
    kind = models.CharField(_("soort antwoord"), max_length=10, choices=QuestionKind.choices)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("eigen vraag")
        verbose_name_plural = _("eigen vragen")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "order"], name="feedback_question_unique_order")
        ]

    def __str__(self) -> str:
        return self.text


class InvitationPolicy(TenantOwned):
    """Per process a gemeente runs: invite after every closed zaak, 1 in N, or never."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+", verbose_name=_("proces"))
    mode = models.CharField(_("uitnodigen"), max_length=10, choices=InvitationMode.choices)
    every_n = models.PositiveSmallIntegerField(
        _("N (bij 1 op de N)"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    # Closed zaken counted since the last invitation, for 1 in N.
    counter = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("uitnodigingsbeleid")
        verbose_name_plural = _("uitnodigingsbeleid")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "process"], name="feedback_policy_unique_process")
        ]


class Invitation(TenantOwned):
    """An invitation to answer: after a closed zaak or melding (by e-mail and in Mijn zaken), or
    handed out after a contact moment (short link and QR code). Single use; valid 30 days."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The short code of a contact-moment link (/w/<code>); blank for e-mailed links.
    code = models.CharField(_("korte code"), max_length=12, blank=True)
    source = models.CharField(_("aanleiding"), max_length=10, choices=Source.choices)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("zaak")
    )
    process = models.ForeignKey(
        Process, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("proces")
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"))
    expires_at = models.DateTimeField(_("geldig tot"))
    used_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            # One invitation, hence one answer, per zaak.
            models.UniqueConstraint(
                fields=["tenant", "zaak"],
                condition=Q(zaak__isnull=False),
                name="feedback_one_invitation_per_zaak",
            ),
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="feedback_unique_code"),
        ]
        indexes = [models.Index(fields=["tenant", "created_at"], name="feedback_inv_tenant_created")]


class Answer(TenantOwned):
    """What a resident answered. No name, no BSN; the zaak link goes after the retention period."""

    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="answer"
    )
    survey = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("aanleiding"), max_length=10, choices=Source.choices)
    process = models.ForeignKey(
        Process, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("proces")
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    score = models.PositiveSmallIntegerField(
        _("rapportcijfer"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    effort = models.PositiveSmallIntegerField(
        _("het was makkelijk (1-5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    improvement = models.TextField(_("wat kan beter?"), blank=True)
    own_answers = models.JSONField(_("antwoorden op eigen vragen"), default=dict, blank=True)
    may_call = models.BooleanField(_("mag gebeld worden"), default=False)
    call_phone = models.CharField(_("telefoonnummer voor terugbellen"), max_length=20, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"))
    answered_on = models.DateField(_("beantwoord op (datum)"))
    # Only while the follow-up needs it (FeedbackSettings.link_retention_days); then NULL.
    zaak = models.ForeignKey(Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Days from the zaak's start to its end, kept without the link for the lead-time comparison.
    lead_time_days = models.PositiveIntegerField(_("doorlooptijd (dagen)"), null=True, blank=True)
    within_norm = models.BooleanField(_("binnen de servicenorm"), null=True, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=10), name="feedback_score_1_10"),
            models.CheckConstraint(
                condition=Q(effort__isnull=True) | Q(effort__gte=1, effort__lte=5), name="feedback_effort_1_5"
            ),
        ]
        indexes = [
            # The dashboards read only these columns: PostgreSQL answers a gemeente's year from the
            # index alone (no heap visits), 5 million answers or not. Key columns, not INCLUDE, so
            # SQLite can cover the same reads.
            models.Index(
                fields=["tenant", "answered_on", "score", "effort", "process", "team", "channel"],
                name="feedback_answer_tenant_day",
            ),
            models.Index(fields=["tenant", "process", "answered_on"], name="feedback_answer_process_day"),
        ]


class CallBack(TenantOwned):
    """An unhappy resident who may be called: work for the zaak's team, and how it was handled."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="call_back")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt op"))
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.TextField(_("uitkomst van het gesprek"), blank=True)

    class Meta:
        verbose_name = _("terugbelverzoek")
        verbose_name_plural = _("terugbelverzoeken")
        indexes = [models.Index(fields=["tenant", "team", "handled_at"], name="feedback_callback_open")]


class MonthlyScore(TenantOwned):
    """Sums per gemeente, base process and month, kept up to date with every invitation and answer.

    The benchmark compares hundreds of gemeenten over millions of answers; from these sums it
    reads a few thousand rows instead.
    """

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand (eerste dag)"))
    invited = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    score_sum = models.PositiveIntegerField(default=0)
    effort_count = models.PositiveIntegerField(default=0)
    effort_sum = models.PositiveIntegerField(default=0)
    lead_time_count = models.PositiveIntegerField(default=0)
    within_norm_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("maandtotaal klantwaardering")
        verbose_name_plural = _("maandtotalen klantwaardering")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "process", "month"], name="feedback_monthly_unique")
        ]
        indexes = [models.Index(fields=["process", "month"], name="feedback_monthly_process")]


class MonthlyTally(TenantOwned):
    """Counts per gemeente, month, process, team and channel: what the dashboard reads for whole months.

    A gemeente's year holds some hundred thousand answers; its dashboard adds up a few thousand
    of these rows instead. Process and team are plain keys (0 = none), not foreign keys, so the
    unique key has no NULLs and an insert-if-missing always finds the one row.
    """

    month = models.DateField(_("maand (eerste dag)"))
    process_key = models.PositiveIntegerField(default=0)
    team_key = models.PositiveIntegerField(default=0)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    answered = models.PositiveIntegerField(default=0)
    score_1 = models.PositiveIntegerField(default=0)
    score_2 = models.PositiveIntegerField(default=0)
    score_3 = models.PositiveIntegerField(default=0)
    score_4 = models.PositiveIntegerField(default=0)
    score_5 = models.PositiveIntegerField(default=0)
    score_6 = models.PositiveIntegerField(default=0)
    score_7 = models.PositiveIntegerField(default=0)
    score_8 = models.PositiveIntegerField(default=0)
    score_9 = models.PositiveIntegerField(default=0)
    score_10 = models.PositiveIntegerField(default=0)
    effort_count = models.PositiveIntegerField(default=0)
    effort_sum = models.PositiveIntegerField(default=0)
    easy_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("maandtelling klantwaardering")
        verbose_name_plural = _("maandtellingen klantwaardering")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "month", "process_key", "team_key", "channel"], name="feedback_tally_unique"
            )
        ]
        indexes = [models.Index(fields=["tenant", "month"], name="feedback_tally_tenant_month")]
