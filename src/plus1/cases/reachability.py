"""Whether a question to the initiator of a zaak can ever be answered.

A question (Awb 4:5, "Informatie opvragen") is read and answered in Mijn zaken, which the
initiator reaches by logging in with DigiD (their BSN) or eHerkenning (their KvK number); the
e-mail only says that a question is waiting there. Asking someone who cannot log in stops the
legal term while nobody can ever answer, so the service refuses it and the back office does
not offer it.
"""

from __future__ import annotations

from plus1.catalog.constants import RolOmschrijvingGeneriek

from .models import Zaak


def why_initiator_cannot_answer(zaak: Zaak) -> str | None:
    """Why no question can reach the initiator of ``zaak``, in plain Dutch; None when one can."""
    initiators = [r for r in zaak.rollen.all() if r.roltype.generic == RolOmschrijvingGeneriek.INITIATOR]
    if any(rol.bsn or rol.kvk_number for rol in initiators):
        return None
    if not initiators:
        return (
            "U kunt geen informatie opvragen: deze zaak heeft geen aanvrager. "
            "Niemand kan een vraag beantwoorden, dus de termijn kan er ook niet voor stilstaan."
        )
    email = next((rol.email for rol in initiators if rol.email), "")
    if email:
        return (
            "U kunt geen informatie opvragen in Plus1: de melder heeft gemeld zonder in te loggen. "
            "Een vraag staat in Mijn zaken, en daar kan de melder niet komen. Wilt u iets weten? "
            f"Mail de melder zelf ({email}). De termijn loopt dan gewoon door."
        )
    return (
        "U kunt geen informatie opvragen: de melder heeft anoniem gemeld, zonder e-mailadres. "
        "Niemand kan een vraag beantwoorden, dus de termijn kan er ook niet voor stilstaan."
    )
