"""An organisation's register settings: retention, the coordinator's contact, the work address."""

from __future__ import annotations

from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation

from ..exceptions import IncidentError
from ..models import IncidentSettings
from .report import settings_for

SETTINGS_FIELDS = (
    "retention_years",
    "coordinator_name",
    "coordinator_phone",
    "coordinator_email",
    "work_address",
)
# A closed report is kept at least a year (the number of the year must not come back) and at
# most thirty (no register keeps these longer).
MIN_RETENTION_YEARS, MAX_RETENTION_YEARS = 1, 30


@transaction.atomic
def update_incident_settings(*, tenant: Organisation, actor: Actor, **values) -> IncidentSettings:
    """Change the organisation's settings; the change is in the audit trail."""
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Unknown settings: {', '.join(sorted(unknown))}")
    years = values.get("retention_years")
    if years is not None and not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise IncidentError(
            f"Kies een bewaartermijn van {MIN_RETENTION_YEARS} tot {MAX_RETENTION_YEARS} jaar.",
            field="retention_years",
        )
    row = settings_for(tenant, lock=True)
    before = {name: getattr(row, name) for name in SETTINGS_FIELDS}
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean(exclude=["tenant"])
    row.save()
    record_change(
        tenant=tenant,
        actor=actor,
        action="update_incident_settings",
        obj=row,
        before=before,
        after={name: getattr(row, name) for name in SETTINGS_FIELDS},
    )
    return row
