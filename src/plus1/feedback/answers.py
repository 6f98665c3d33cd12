"""Reads of one resident's invitation or answer: for Mijn zaken and for the follow-up.

An answer whose zaak link is still there can be traced to a person; reading it for the
follow-up is written to the processing log about the zaak's initiator (Logboek
dataverwerkingen), like every read of a zaak. Aggregates (F2's selectors) never need this.
"""

from __future__ import annotations

from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.core import clock

from .models import Answer, Invitation


def open_invitation_for_zaak(zaak: Zaak) -> Invitation | None:
    """The zaak's invitation while it can still be answered (not used, not expired), else None."""
    return (
        Invitation.objects.filter(
            tenant_id=zaak.tenant_id, zaak=zaak, used_at__isnull=True, expires_at__gt=clock.now()
        )
        .select_related("tenant")
        .first()
    )


def answer_for_follow_up(*, answer: Answer, viewer: Actor, purpose: str) -> Answer:
    """Return the answer with its zaak for the follow-up, and log the read when it names a zaak.

    ``purpose`` says why in a few words ("terugbelverzoek bekijken"); it becomes the logged
    operation. The record is about the zaak's initiator (a keyed hash of the BSN, never the
    BSN itself), so the resident can see in Mijn gegevens that their answer was read.
    """
    answer = Answer.objects.select_related("zaak__zaaktype__processing_activity", "zaak__tenant").get(
        pk=answer.pk
    )
    if answer.zaak is not None:
        log_zaak_reads([answer.zaak], Purpose.handling(viewer, operation=f"klantwaardering: {purpose}"[:100]))
    return answer
