"""Choices of the payments app: providers, statuses and where a provider's answer came from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Provider(models.TextChoices):
    WORLDLINE = "worldline", _("Worldline (Ogone) e-Commerce")
    SIMULATOR = "simulator", _("Simulator (alleen demo en test)")


class Environment(models.TextChoices):
    TEST = "test", _("Testomgeving")
    LIVE = "live", _("Productie")


class PaymentStatus(models.TextChoices):
    OPEN = "open", _("Nog niet betaald")
    PAID = "paid", _("Betaald")
    CANCELLED = "cancelled", _("Geannuleerd")
    FAILED = "failed", _("Mislukt")
    EXPIRED = "expired", _("Verlopen")
    REFUNDED = "refunded", _("Terugbetaald")


# A payment in one of these states never changes again because of a provider's answer.
SETTLED_STATUSES = (PaymentStatus.PAID, PaymentStatus.REFUNDED)


class FeedbackSource(models.TextChoices):
    RETURN = "return", _("Terugkeer van de inwoner")
    NOTICE = "notice", _("Melding van de betaalprovider")


class RefundStatus(models.TextChoices):
    DONE = "done", _("Terugbetaald")
    PENDING = "pending", _("In behandeling bij de betaalprovider")
    FAILED = "failed", _("Mislukt")
