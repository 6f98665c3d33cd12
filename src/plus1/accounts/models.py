from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from .constants import Role


class Membership(TenantOwned):
    """A person works for an organisation in a role. One row per (organisation, person, role)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("persoon"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.tenant}"
