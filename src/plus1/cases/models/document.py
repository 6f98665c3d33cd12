import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from privates.storages import private_media_storage

from plus1.catalog.models import InformatieObjectType
from plus1.core.models import TenantOwned

from .draft import RequestDraft
from .zaak import Zaak


class InformatieObject(TenantOwned):
    """A document of a zaak (or of a draft before it is sent), stored outside the web root."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, null=True, blank=True, related_name="documenten")
    draft = models.ForeignKey(
        RequestDraft, on_delete=models.CASCADE, null=True, blank=True, related_name="documenten"
    )
    # Set when the resident sent this document in answer to a question of the gemeente.
    information_request = models.ForeignKey(
        "InformationRequest", on_delete=models.SET_NULL, null=True, blank=True, related_name="documenten"
    )
    # Who added it, for the timeline: the resident, a case handler, or Plus1 (a generated letter).
    added_by = models.CharField(_("toegevoegd door"), max_length=255, blank=True)
    # Set when a chain partner added the document through this share.
    share = models.ForeignKey(
        "ZaakShare", on_delete=models.SET_NULL, null=True, blank=True, related_name="documenten"
    )
    informatieobjecttype = models.ForeignKey(InformatieObjectType, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("bestand"), storage=private_media_storage, upload_to="documenten/%Y/%m/")
    filename = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    size = models.PositiveIntegerField(_("grootte in bytes"))
    uploaded_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(zaak__isnull=False) | Q(draft__isnull=False), name="document_belongs_somewhere"
            )
        ]

    def __str__(self) -> str:
        return self.filename
