"""When a zaaktype can run in Plus1: the rule the portal, adoptions and the back office share.

The ZGW standard lets a client publish a zaaktype first and complete it later (ztc-012 only asks
that its besluittypen and informatieobjecttypen are published). Plus1 itself needs more before
it starts zaken on a version: a first status (statustype), a way to end (resultaattype) and
someone who asked (a roltype with generic omschrijving 'initiator'). So publishing does not
check these; adopting, offering in the portal and starting a zaak do.
"""

from __future__ import annotations

from .constants import RolOmschrijvingGeneriek
from .models import ZaakType


def runnable_problems(zaaktype: ZaakType) -> list[str]:
    """What stops zaken from running on this version, in plain Dutch (empty when it can run).

    The same conditions as ``ZaakType.objects.runnable()``.
    """
    problems = []
    if not zaaktype.statustypen.exists():
        problems.append("Het zaaktype heeft nog geen statustypen.")
    if not zaaktype.resultaattypen.exists():
        problems.append("Het zaaktype heeft nog geen resultaattypen.")
    if not zaaktype.roltypen.filter(generic=RolOmschrijvingGeneriek.INITIATOR).exists():
        problems.append("Het zaaktype heeft geen roltype met de generieke omschrijving 'initiator'.")
    return problems


def is_offered_in_portal(zaaktype: ZaakType) -> bool:
    """A version residents may request: linked to a UPL product Plus1 knows, and runnable."""
    return zaaktype.product_id is not None and not runnable_problems(zaaktype)
