"""Reads of a resident's contact preferences; ``wants_email`` is what the e-mail senders ask."""

from __future__ import annotations

from plus1.audit.services import Activity, Actor, ObjectRef, record_read, subject_for
from plus1.tenants.models import Organisation

from .models import ContactPreference


def get_contact_preference(*, tenant: Organisation, bsn: str) -> ContactPreference | None:
    """The resident's preferences at this gemeente, or None when they never set any."""
    if not bsn:
        return None
    return ContactPreference.objects.for_tenant(tenant).filter(bsn=bsn).first()


def wants_email(bsn: str, gemeente: Organisation) -> bool:
    """Whether Plus1 may e-mail this resident about their zaken at ``gemeente``.

    Yes unless they said "no e-mail" in Mijn gegevens: an address typed on a form is a
    request for a confirmation, and nobody has refused before they chose.
    """
    preference = get_contact_preference(tenant=gemeente, bsn=bsn)
    return preference is None or preference.wants_email


def preferred_email(bsn: str, gemeente: Organisation) -> str:
    """The e-mail address the resident gave in Mijn gegevens; empty when none or "no e-mail"."""
    preference = get_contact_preference(tenant=gemeente, bsn=bsn)
    if preference is None or not preference.wants_email:
        return ""
    return preference.email


def prefill_values(
    *, tenant: Organisation, bsn: str, actor: Actor, activity: Activity, channel: str
) -> dict[str, str]:
    """What a form may fill in beforehand, by field kind: ``email`` and ``phone``.

    Only what the resident gave; no e-mail address when they chose "no e-mail". Returning it
    is a read of their contact data, so it is logged (docs/processing-log.md).
    """
    preference = get_contact_preference(tenant=tenant, bsn=bsn)
    if preference is None:
        return {}
    values = {"email": preference.email if preference.wants_email else "", "phone": preference.phone}
    values = {kind: value for kind, value in values.items() if value}
    if values:
        record_read(
            tenant=tenant,
            actor=actor,
            activity=activity,
            channel=channel,
            obj=ObjectRef.of(preference, "Uw contactgegevens"),
            subject=subject_for(bsn=bsn),
        )
    return values
