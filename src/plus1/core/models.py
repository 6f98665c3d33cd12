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


class WorkerHeartbeat(models.Model):
    """A running ``plus1 worker``, as its clock last reported it (plus1.core.workers).

    A task still RUNNING under a worker that stopped reporting was lost with that worker (kill
    -9, a node gone): any live worker puts it back in the queue once the lease has passed.
    """

    worker_id = models.CharField("worker", max_length=64, primary_key=True)
    host = models.CharField("host", max_length=255, blank=True)
    pid = models.IntegerField("proces-id", default=0)
    started_at = models.DateTimeField("gestart")
    seen_at = models.DateTimeField("laatst gezien")

    class Meta:
        verbose_name = "worker"
        verbose_name_plural = "workers"

    def __str__(self) -> str:
        return self.worker_id


class ScheduledRun(models.Model):
    """A daily task (PLUS1_SCHEDULE) enqueued for a day: the unique row makes it once across workers."""

    task_path = models.CharField("taak", max_length=200)
    day = models.DateField("dag")
    enqueued_at = models.DateTimeField("in de wachtrij gezet")
    worker_id = models.CharField("door worker", max_length=64, blank=True)

    class Meta:
        verbose_name = "geplande taak"
        verbose_name_plural = "geplande taken"
        constraints = [models.UniqueConstraint(fields=["task_path", "day"], name="core_scheduledrun_once")]

    def __str__(self) -> str:
        return f"{self.task_path} {self.day}"
