"""Leges paid online: a gemeente's provider settings, payments, every provider answer, refunds.

A payment belongs to a request draft until the provider says it is paid; then the draft is
submitted and the payment points at the zaak it made. ``reference`` is the ORDERID the provider
sees: unique over all gemeenten, never reused (a new attempt gets a new one).
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.cases.models import RequestDraft, Zaak
from plus1.core.models import TenantOwned

from .constants import Environment, FeedbackSource, PaymentStatus, Provider, RefundStatus
from .fields import EncryptedTextField


class PaymentSettings(TenantOwned):
    """A gemeente's account at its payment provider; the passphrases are stored encrypted.

    For provider ``simulator`` the passphrases are the simulator's own (derived from the
    PSPID, see ``connectors.worldline_simulator``); it is refused where simulators are off.
    """

    provider = models.CharField(_("betaalprovider"), max_length=20, choices=Provider.choices)
    environment = models.CharField(
        _("omgeving"), max_length=10, choices=Environment.choices, default=Environment.TEST
    )
    pspid = models.CharField(_("PSPID (merchant-id)"), max_length=30)
    sha_in = EncryptedTextField(_("SHA-IN-wachtwoordzin"), blank=True)
    sha_out = EncryptedTextField(_("SHA-OUT-wachtwoordzin"), blank=True)
    api_user = models.CharField(_("API-gebruiker (voor terugbetalen)"), max_length=80, blank=True)
    api_password = EncryptedTextField(_("wachtwoord API-gebruiker"), blank=True)
    expiry_hours = models.PositiveSmallIntegerField(
        _("uren dat een aanvraag betaalbaar blijft"),
        default=72,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )
    is_active = models.BooleanField(_("online betalen aan"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("instellingen online betalen")
        verbose_name_plural = _("instellingen online betalen")
        constraints = [models.UniqueConstraint(fields=["tenant"], name="payments_settings_one_per_tenant")]

    def __str__(self) -> str:
        return f"{self.get_provider_display()} ({self.pspid})"


class Payment(TenantOwned):
    """One attempt to pay the fee of one request draft."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("betaalkenmerk (ORDERID)"), max_length=40, unique=True)
    draft = models.ForeignKey(
        RequestDraft, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    zaak = models.ForeignKey(Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=8, decimal_places=2)
    currency = models.CharField(_("valuta"), max_length=3, default="EUR")
    provider = models.CharField(_("betaalprovider"), max_length=20, choices=Provider.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.OPEN
    )
    provider_reference = models.CharField(_("kenmerk betaalprovider (PAYID)"), max_length=40, blank=True)
    method = models.CharField(_("betaalmethode"), max_length=60, blank=True)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    # Who sends the request when it is paid (the notice has no session): the initiator's name and
    # e-mail for the confirmation, and the resident actor of the audit trail.
    submission = models.JSONField(_("gegevens voor het versturen"), default=dict, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("betaalbaar tot"))
    paid_at = models.DateTimeField(_("betaald op"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("terugbetaald op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        indexes = [
            models.Index(fields=["tenant", "status", "expires_at"], name="payments_open_idx"),
            models.Index(fields=["tenant", "paid_at"], name="payments_paid_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_status_display()})"

    @property
    def is_paid(self) -> bool:
        return self.status in (PaymentStatus.PAID, PaymentStatus.REFUNDED)


class PaymentEvent(TenantOwned):
    """Every return and notice received, also those refused, as it came (for finance and support)."""

    payment = models.ForeignKey(
        Payment, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    source = models.CharField(_("bron"), max_length=10, choices=FeedbackSource.choices)
    reference = models.CharField(_("betaalkenmerk (ORDERID)"), max_length=40, blank=True)
    provider_status = models.CharField(_("status bij de provider"), max_length=10, blank=True)
    params = models.JSONField(_("ontvangen gegevens"), default=dict)
    outcome = models.CharField(_("uitkomst"), max_length=40)
    received_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht van de betaalprovider")
        verbose_name_plural = _("berichten van de betaalprovider")
        indexes = [models.Index(fields=["tenant", "received_at"], name="payments_event_day_idx")]


class Refund(TenantOwned):
    """Money given back on a paid payment (the whole fee: a withdrawn or rejected request)."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=8, decimal_places=2)
    reason = models.TextField(_("reden"))
    status = models.CharField(_("status"), max_length=10, choices=RefundStatus.choices)
    provider_reference = models.CharField(_("kenmerk betaalprovider"), max_length=40, blank=True)
    actor_id = models.CharField(max_length=80)
    actor_label = models.CharField(_("door"), max_length=200)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("terugbetaling")
        verbose_name_plural = _("terugbetalingen")
        indexes = [models.Index(fields=["tenant", "created_at"], name="payments_refund_day_idx")]


class DailyReconciliation(TenantOwned):
    """A gemeente's closed day (worker, ``tasks.reconcile_day``): what the reconciliation held."""

    day = models.DateField(_("dag"))
    total_paid = models.DecimalField(_("betaald"), max_digits=12, decimal_places=2)
    total_refunded = models.DecimalField(_("terugbetaald"), max_digits=12, decimal_places=2)
    total_open = models.DecimalField(_("open"), max_digits=12, decimal_places=2)
    rows = models.PositiveIntegerField(_("regels"))
    paid_without_zaak = models.PositiveIntegerField(_("betaald zonder zaak"), default=0)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dagafsluiting betalingen")
        verbose_name_plural = _("dagafsluitingen betalingen")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "day"], name="payments_reconciliation_one_per_day")
        ]
