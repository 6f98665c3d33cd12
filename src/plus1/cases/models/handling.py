"""What happens to a zaak while it is handled: questions to the resident, pauses, notes, links."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..constants import ZaakRelation
from .zaak import Zaak


class InformationRequest(models.Model):
    """The gemeente asks the resident to complete the request (Awb 4:5); the term pauses (Awb 4:15)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="information_requests")
    question = models.TextField(_("vraag aan de inwoner"))
    asked_at = models.DateTimeField(_("gevraagd op"))
    asked_by = models.CharField(_("gevraagd door"), max_length=255)
    answer_due_on = models.DateField(_("antwoord graag uiterlijk"))
    # The kind of document the gemeente asks for, if one; the resident's answer form proposes it.
    requested_document_type = models.ForeignKey(
        "catalog.InformatieObjectType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gevraagd document"),
    )
    answer = models.TextField(_("antwoord"), blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraag om informatie")
        verbose_name_plural = _("vragen om informatie")
        ordering = ["zaak", "asked_at", "id"]
        constraints = [
            # Only one open question per zaak: the resident answers one thing at a time.
            models.UniqueConstraint(
                fields=["zaak"], condition=Q(answered_at__isnull=True), name="one_open_information_request"
            )
        ]

    def __str__(self) -> str:
        return self.question[:60]

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


class ZaakSuspension(models.Model):
    """One period in which the legal term of a zaak stood still."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="suspensions")
    started_on = models.DateField(_("opgeschort op"))
    ended_on = models.DateField(_("hervat op"), null=True, blank=True)
    reason = models.CharField(_("reden"), max_length=200)
    information_request = models.OneToOneField(
        InformationRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="suspension"
    )

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        ordering = ["zaak", "started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaak"], condition=Q(ended_on__isnull=True), name="one_running_suspension"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="suspension_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.started_on} tot {self.ended_on or 'nu'}"


class Note(models.Model):
    """An internal note of a case handler or a chain partner; never shown to the resident."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_label = models.CharField(_("auteur"), max_length=255)
    text = models.TextField(_("notitie"))
    created_at = models.DateTimeField(_("geschreven op"))
    # Set when a chain partner wrote the note through this share (empty: the gemeente wrote it).
    share = models.ForeignKey(
        "ZaakShare", on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["zaak", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ZaakLink(models.Model):
    """Another zaak that is relevant to this one: the one source of ZGW relevanteAndereZaken.

    The back office and the Zaken API both write these rows (``cases.services.links``), so each
    shows what the other wrote. ``other`` is a zaak of the same gemeente; a zaak outside this
    register (kept from before the rows existed, or from another system) has no row to point
    at and keeps its ``url`` instead: exactly one of the two is set.
    """

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="links")
    other = models.ForeignKey(Zaak, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    url = models.URLField(_("adres van een zaak elders"), max_length=1000, blank=True)
    relation = models.CharField(_("soort relatie"), max_length=20, choices=ZaakRelation.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gerelateerde zaak")
        verbose_name_plural = _("gerelateerde zaken")
        # The order they were linked in, as relevanteAndereZaken lists them.
        ordering = ["zaak", "id"]
        constraints = [
            models.UniqueConstraint(fields=["zaak", "other"], name="zaaklink_unique"),
            models.UniqueConstraint(fields=["zaak", "url"], condition=~Q(url=""), name="zaaklink_unique_url"),
            models.CheckConstraint(condition=~Q(zaak=F("other")), name="zaaklink_not_self"),
            models.CheckConstraint(
                condition=(Q(other__isnull=False) & Q(url="")) | (Q(other__isnull=True) & ~Q(url="")),
                name="zaaklink_other_or_url",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zaak} → {self.other or self.url}"

    @property
    def is_external(self) -> bool:
        return self.other_id is None
