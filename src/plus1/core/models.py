"""The kernel every domain app builds on: tenant ownership and tenant-scoped queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.db import models

if TYPE_CHECKING:
    from plus1.tenants.models import Organisation


class TenantQuerySet(models.QuerySet):
    def for_tenant(self, tenant: Organisation) -> Self:
        """Only the rows that belong to ``tenant``: the one door for tenant-owned reads."""
        return self.filter(tenant=tenant)


class TenantOwned(models.Model):
    """A row that belongs to exactly one organisation (gemeente, collective or partner).

    Concrete models put ``tenant`` first in every index and unique constraint, so a later
    move to a tenant-distributed PostgreSQL stays a configuration change.
    """

    tenant = models.ForeignKey(
        "tenants.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="organisatie",
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True
