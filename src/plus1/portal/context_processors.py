"""What every portal page shows about who is logged in: the resident's name in the header."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from plus1.audit.models import Channel
from plus1.audit.services import Actor
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.connectors.brp import lookup_person

SESSION_KEY = "plus1_resident_name"


def resident_actor(request: HttpRequest) -> Actor:
    # Never the BSN: the label lands in the audit trail and the processing log.
    return Actor(type="resident", id=request.user.username, label="Inwoner (DigiD)")


def resident_name(request: HttpRequest) -> str:
    """The logged-in resident's name from the BRP: read (and logged) once per session and gemeente.

    The header shows it on every page; asking the BRP for each page would flood the
    processing log with the same read, so the name is kept in the session, which ends at
    log-out or after 15 minutes without activity. Empty when the BRP does not know the BSN.
    """
    user = getattr(request, "user", None)
    bsn = getattr(user, "bsn", "") if user is not None and user.is_authenticated else ""
    tenant = getattr(request, "tenant", None)
    if not bsn or tenant is None or not tenant.is_gemeente:
        return ""
    kept = request.session.get(SESSION_KEY)
    if kept and kept.get("user") == user.pk and kept.get("tenant") == tenant.pk:
        return kept["name"]
    person = lookup_person(
        tenant=tenant,
        bsn=bsn,
        actor=resident_actor(request),
        activity=activity_for_code(ActivityCode.MY_ZAKEN),
        channel=Channel.PORTAL,
    )
    name = person.full_name if person else ""
    request.session[SESSION_KEY] = {"user": user.pk, "tenant": tenant.pk, "name": name}
    return name


def resident(request: HttpRequest) -> dict[str, object]:
    """Template context: ``resident_name``, looked up only when a template shows it (not the back office)."""
    return {"resident_name": SimpleLazyObject(lambda: resident_name(request))}
