from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.crypto import salted_hmac

from plus1.tenants.models import Organisation

from .models import AccessRecord, AuditEntry


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


def hash_subject(identifier: str) -> str:
    """The keyed hash (HMAC-SHA256 with the installation's secret) of a BSN or other identifier."""
    return salted_hmac("plus1.audit.access-subject", identifier.strip(), algorithm="sha256").hexdigest()


def record_access(
    *,
    tenant: Organisation,
    actor: Actor,
    purpose: str,
    object_type: str,
    object_id: str = "",
    subject_identifier: str = "",
    legal_ground: str = "",
) -> AccessRecord:
    """Write down that ``actor`` read personal data, and why; the subject only as a keyed hash.

    Logboek dataverwerkingen (VNG): every processing of personal data is logged with who,
    what, when and the purpose, so a resident can be told who looked at their data.
    """
    return AccessRecord.objects.create(
        tenant=tenant,
        actor_type=actor.type,
        actor_id=actor.id,
        actor_label=actor.label[:255],
        purpose=purpose[:200],
        legal_ground=legal_ground[:200],
        object_type=object_type,
        object_id=object_id,
        subject_hash=hash_subject(subject_identifier) if subject_identifier else "",
    )
