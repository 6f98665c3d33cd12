import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import Product
from plus1.core import clock
from plus1.core.models import TenantOwned

from .constants import STORED_QUERY_LENGTH, Outcome


class SearchQuery(TenantOwned):
    """One question asked in a gemeente's portal search, anonymised, and what came of it.

    The tenant is the gemeente whose portal was asked. Only the question itself is kept
    (anonymised, ``routing.anonymise``), the day it was asked (no time, no user, no session,
    no IP address), what the portal answered, and what the resident then chose: a product
    (click-through) or one of the clarifying choices. ``token`` ties the choice to this row
    without any cookie. Rows go after ``PLUS1_SEARCH_LOG_RETENTION_DAYS`` (``tasks``).
    """

    token = models.UUIDField(_("kenmerk"), default=uuid.uuid4, editable=False)
    asked_on = models.DateField(_("gevraagd op"), default=clock.today)
    query = models.CharField(_("vraag (geanonimiseerd)"), max_length=STORED_QUERY_LENGTH)
    understood = models.CharField(_("begrepen als"), max_length=STORED_QUERY_LENGTH, blank=True)
    outcome = models.CharField(_("antwoord"), max_length=20, choices=Outcome.choices)
    # The first few ranked keys: UPL names and "elsewhere:<key>"; never the resident's words.
    shown = models.JSONField(_("getoond"), default=list, blank=True)
    chosen_product = models.ForeignKey(
        Product,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gekozen product"),
    )
    clarify_choice = models.CharField(_("gekozen keuze"), max_length=60, blank=True)
    is_from_clarify = models.BooleanField(_("na een keuzevraag"), default=False)

    class Meta:
        verbose_name = _("zoekvraag")
        verbose_name_plural = _("zoekvragen")
        ordering = ["-asked_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "token"], name="search_query_unique_token"),
        ]
        indexes = [models.Index(fields=["tenant", "asked_on"], name="search_query_tenant_day")]

    def __str__(self) -> str:
        return f"{self.query} · {self.tenant_id} · {self.asked_on}"
