"""Contact with the resident about a zaak, as the Zaken API 1.7.0 records it.

A klantcontact (deprecated in the standard, still served) is stored here in full. A
zaakcontactmoment or zaakverzoek only links the zaak to a contactmoment or verzoek in a
Klantinteracties API that Plus1 does not host: the URL is kept as given, never fetched.
A zaaknotitie is a note about the zaak written through the API.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from ..constants import NotitieStatus, NotitieType
from .zaak import Zaak


class KlantContact(TenantOwned):
    """One contact with the resident about the zaak (ZGW klantcontact)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="klantcontacten")
    identificatie = models.CharField(_("identificatie"), max_length=14)
    contacted_at = models.DateTimeField(_("datum en tijd van het contact"))
    channel = models.CharField(_("kanaal"), max_length=20, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=200, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("klantcontact")
        verbose_name_plural = _("klantcontacten")
        ordering = ["zaak", "contacted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "identificatie"], name="klantcontact_unique_identificatie"
            )
        ]
        indexes = [models.Index(fields=["tenant", "zaak"], name="klantcontact_zaak")]

    def __str__(self) -> str:
        return self.identificatie


class ZaakContactMoment(TenantOwned):
    """The zaak is about a contactmoment in the Klantinteracties API (ZGW zaakcontactmoment)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakcontactmomenten")
    contactmoment = models.URLField(_("contactmoment"), max_length=1000)

    class Meta:
        verbose_name = _("contactmoment van een zaak")
        verbose_name_plural = _("contactmomenten van zaken")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "zaak", "contactmoment"], name="zaakcontactmoment_unique_pair"
            )
        ]
        indexes = [models.Index(fields=["tenant", "contactmoment"], name="zaakcontactmoment_url")]

    def __str__(self) -> str:
        return self.contactmoment


class ZaakVerzoek(TenantOwned):
    """The zaak follows from a verzoek in the Klantinteracties API (ZGW zaakverzoek)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakverzoeken")
    verzoek = models.URLField(_("verzoek"), max_length=1000)

    class Meta:
        verbose_name = _("verzoek van een zaak")
        verbose_name_plural = _("verzoeken van zaken")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "zaak", "verzoek"], name="zaakverzoek_unique_pair")
        ]
        indexes = [models.Index(fields=["tenant", "verzoek"], name="zaakverzoek_url")]

    def __str__(self) -> str:
        return self.verzoek


class ZaakNotitie(TenantOwned):
    """A note about the zaak written through the Zaken API (ZGW zaaknotitie, new in 1.7.0).

    ``note_type`` intern is for employees only; extern may also be shown to the initiator.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaaknotities")
    subject = models.CharField(_("onderwerp"), max_length=255)
    text = models.TextField(_("tekst"))
    author = models.CharField(_("aangemaakt door"), max_length=255, blank=True)
    note_type = models.CharField(
        _("soort notitie"), max_length=10, choices=NotitieType.choices, default=NotitieType.INTERN
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NotitieStatus.choices, default=NotitieStatus.CONCEPT
    )
    created_at = models.DateTimeField(_("aangemaakt op"))
    updated_at = models.DateTimeField(_("gewijzigd op"))

    class Meta:
        verbose_name = _("zaaknotitie")
        verbose_name_plural = _("zaaknotities")
        ordering = ["zaak", "created_at", "id"]
        indexes = [models.Index(fields=["tenant", "zaak", "created_at"], name="zaaknotitie_zaak")]

    def __str__(self) -> str:
        return self.subject
