"""Changing a resident's contact preferences: one door, audited and in the processing log."""

from __future__ import annotations

from django.db import transaction

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Activity, Actor, ObjectRef, record_change, record_processing, subject_for
from plus1.tenants.models import Organisation

from .models import ContactPreference

FIELDS = ("email", "phone", "wants_email")


@transaction.atomic
def save_contact_preference(
    *,
    tenant: Organisation,
    bsn: str,
    email: str,
    phone: str,
    wants_email: bool,
    actor: Actor,
    activity: Activity,
    channel: str,
) -> ContactPreference:
    """Store how the resident with ``bsn`` wants ``tenant`` to reach them.

    A change of personal data: an audit row and a processing record (docs/processing-log.md)
    in the same transaction, so a failed save leaves neither.
    """
    if not bsn:
        raise ValueError("A contact preference needs the resident's BSN.")
    preference = ContactPreference.objects.select_for_update().filter(tenant=tenant, bsn=bsn).first()
    before = {name: getattr(preference, name) for name in FIELDS} if preference else None
    if preference is None:
        preference = ContactPreference(tenant=tenant, bsn=bsn)
    preference.email, preference.phone, preference.wants_email = email.strip(), phone.strip(), wants_email
    preference.full_clean()
    preference.save()
    after = {name: getattr(preference, name) for name in FIELDS}
    record_change(
        tenant=tenant,
        actor=actor,
        action="change_contactpreference" if before else "create_contactpreference",
        obj=preference,
        before=before,
        after=after,
    )
    record_processing(
        tenant=tenant,
        actor=actor,
        activity=activity,
        action=ProcessingAction.UPDATE if before else ProcessingAction.CREATE,
        channel=channel,
        obj=ObjectRef.of(preference),
        subject=subject_for(bsn=bsn),
    )
    return preference
