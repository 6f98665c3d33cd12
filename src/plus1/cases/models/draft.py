import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import Adoption
from plus1.core.models import TenantOwned

from .zaak import Zaak


class RequestDraft(TenantOwned):
    """A request a resident is filling in: kept between visits, and the key against double submits.

    Submitting links the draft to its zaak; submitting the same draft again returns that zaak.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="+")
    # The resident (BSN) or business (KvK number) filling it in; both empty for a report made
    # without logging in.
    owner_bsn = models.CharField(_("BSN van de aanvrager"), max_length=9, blank=True)
    owner_kvk_number = models.CharField(_("KvK-nummer van de aanvrager"), max_length=8, blank=True)
    data = models.JSONField(_("antwoorden"), default=dict)
    zaak = models.OneToOneField(Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("concept-aanvraag")
        verbose_name_plural = _("concept-aanvragen")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "adoption", "owner_bsn"],
                condition=Q(zaak__isnull=True) & ~Q(owner_bsn=""),
                name="draft_one_open_per_resident",
            ),
            models.UniqueConstraint(
                fields=["tenant", "adoption", "owner_kvk_number"],
                condition=Q(zaak__isnull=True) & ~Q(owner_kvk_number=""),
                name="draft_one_open_per_business",
            ),
            models.CheckConstraint(
                condition=Q(owner_bsn="") | Q(owner_kvk_number=""), name="draft_has_one_owner"
            ),
        ]

    def __str__(self) -> str:
        return f"Concept {self.uuid}"

    @property
    def is_submitted(self) -> bool:
        return self.zaak_id is not None
