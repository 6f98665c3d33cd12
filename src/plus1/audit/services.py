from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from plus1.tenants.models import Organisation

from .models import AuditEntry


@dataclass(frozen=True)
class Actor:
    """Who does something: an employee, an application, a resident or the system itself."""

    type: str
    id: str
    label: str

    @classmethod
    def system(cls, label: str = "Plus1") -> Actor:
        return cls(type="system", id="plus1", label=label)

    @classmethod
    def from_user(cls, user: Any) -> Actor:
        return cls(type="employee", id=str(user.pk), label=user.get_username())


def record_change(
    *,
    tenant: Organisation,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEntry:
    """Write one audit row; call it inside the service's transaction so both land or neither."""
    return AuditEntry.objects.create(
        tenant=tenant,
        actor_type=actor.type,
        actor_id=actor.id,
        actor_label=actor.label[:255],
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_label=str(obj)[:255],
        before=before,
        after=after,
        note=note,
    )
