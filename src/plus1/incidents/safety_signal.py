"""The safety signal: a banner on the zaken of a person towards whom a maatregel runs.

Issue 20: while a maatregel runs (``starts_on`` ≤ today ≤ ``ends_on``, not ended early), anyone
of the gemeente who opens a zaak of that resident or business sees that contact goes through the
agressiecoördinator, with the coordinator's contact details, and never the incident itself:
a case handler of another team needs to know whom to call, not what happened.

Cost (the zaak detail page may cost at most 2 ms more at p50): the betrokkenen's numbers come
from the rollen the page already prefetched, one query on the Measure indexes
(tenant, person_bsn|person_kvk, ends_on) answers whether a signal shows and, in the same query,
whom to contact; only a shown signal writes its processing record.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Activity, ObjectRef, record_read, subject_for
from plus1.cases.models import Rol, Zaak
from plus1.cases.processing import Purpose
from plus1.core import clock
from plus1.core.prefetch import prefetched

from .constants import LEGAL_GROUND
from .models import IncidentSettings, Measure

# The processing activity of showing the signal (Logboek dataverwerkingen). A plain copy, as
# the log stores it: the register's activity is not a zaaktype's, so it is not a catalog row.
SIGNAL_ACTIVITY = Activity(
    code="incidenten-veiligheidssignaal",
    name="Veiligheidssignaal bij zaken van een persoon met een maatregel",
    purpose=(
        "Medewerkers beschermen: wie een zaak opent van een persoon met een lopende maatregel, "
        "neemt eerst contact op met de agressiecoördinator"
    ),
    legal_ground=LEGAL_GROUND,
    retention_days=5 * 366,
)
SIGNAL_OPERATION = "incidents.safety_signal_shown"


@dataclass(frozen=True)
class SafetySignal:
    """What the banner shows: whom to contact. Nothing about the incident or the measure's reason."""

    coordinator_name: str
    phone: str
    email: str


def betrokkene_numbers(zaak: Zaak) -> tuple[set[str], set[str]]:
    """The BSNs and KvK numbers of the zaak's betrokkenen (every rol, the initiator at least).

    Read from the prefetched rollen when the page loaded them (the detail page does), else
    one query.
    """
    rollen = prefetched(zaak, "rollen")
    if rollen is not None:
        pairs = [(rol.bsn, rol.kvk_number) for rol in rollen]
    else:
        pairs = list(Rol.objects.filter(zaak=zaak).values_list("bsn", "kvk_number"))
    return {bsn for bsn, _kvk in pairs if bsn}, {kvk for _bsn, kvk in pairs if kvk}


def running_measures(*, tenant_id: int, bsns: set[str], kvk_numbers: set[str]):
    """The gemeente's maatregelen running today for any of these numbers (one indexed query)."""
    if not bsns and not kvk_numbers:
        return Measure.objects.none()
    today = clock.today()
    person = Q()
    if bsns:
        person |= Q(person_bsn__in=sorted(bsns))
    if kvk_numbers:
        person |= Q(person_kvk__in=sorted(kvk_numbers))
    return (
        Measure.objects.filter(person, tenant_id=tenant_id, ends_on__gte=today, starts_on__lte=today)
        .filter(ended_at__isnull=True)
        .order_by()
    )


def safety_signal_for_zaak(*, zaak: Zaak, viewer, purpose: Purpose) -> SafetySignal | None:
    """The signal to show ``viewer`` on ``zaak``, or None when no maatregel runs for its people.

    Only the zaak's own gemeente's measures count (a measure of gemeente B never shows in A).
    A shown signal is written to the processing log with ``LEGAL_GROUND``: the resident may
    learn that the gemeente's staff were warned about them, and by whom it was seen.
    """
    bsns, kvk_numbers = betrokkene_numbers(zaak)
    # The coordinator's contact details come along in the same query (issue 20's 2 ms budget).
    settings = IncidentSettings.objects.filter(tenant_id=OuterRef("tenant_id"))
    measure = (
        running_measures(tenant_id=zaak.tenant_id, bsns=bsns, kvk_numbers=kvk_numbers)
        .only("pk", "person_bsn", "person_kvk")
        .annotate(
            coordinator_name=Subquery(settings.values("coordinator_name")[:1]),
            coordinator_phone=Subquery(settings.values("coordinator_phone")[:1]),
            coordinator_email=Subquery(settings.values("coordinator_email")[:1]),
        )
        .first()
    )
    if measure is None:
        return None
    record_read(
        tenant=zaak.tenant_id,
        actor=purpose.actor,
        activity=SIGNAL_ACTIVITY,
        action=ProcessingAction.READ,
        channel=purpose.channel,
        obj=ObjectRef("incidents.measure", str(measure.pk), f"Veiligheidssignaal bij {zaak.identificatie}"),
        subject=subject_for(bsn=measure.person_bsn, kvk_number=measure.person_kvk),
        operation=SIGNAL_OPERATION,
    )
    return SafetySignal(
        coordinator_name=measure.coordinator_name or "",
        phone=measure.coordinator_phone or zaak.tenant.contact_phone,
        email=measure.coordinator_email or zaak.tenant.contact_email,
    )
