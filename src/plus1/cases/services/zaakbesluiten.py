"""The zaakbesluit: a besluit seen from its zaak (Zaken API ``/zaken/{zaak_uuid}/besluiten``).

In the standard the Besluiten API registers each besluit at its zaak through the Zaken API
(brc-006). In Plus1 both APIs share one store and the besluit's own ``zaak`` is the relation:
every besluit that comes to or leaves a zaak, through any channel, writes the zaak's audit row
and the ``zaken`` notification (resource ``zaakbesluit``) itself (``announce_zaakbesluit``).
So these calls write nothing: registering checks that the relation is there, removing that it
is gone, as Open Zaak does for a besluit in its own store, and a subscriber hears of each
relation once. Both keep the zaak's rules (zrc-007).
"""

from __future__ import annotations

from django.db import transaction

from plus1.audit.services import Actor
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import publish

from ..models import Besluit, Zaak
from ..notifications import KANAAL, kenmerken
from ..processing import record_change
from .registration import _zaak_for_part

RESOURCE = "zaakbesluit"


def zaakbesluit_url(zaak: Zaak, besluit: Besluit) -> str:
    # A zaakbesluit shares the uuid of its besluit.
    return zgw.url("zaken", "zaken", zaak.uuid, "besluiten", str(besluit.uuid))


def announce_zaakbesluit(zaak: Zaak, besluit: Besluit, *, actor: Actor, actie: str) -> None:
    """The zaak's audit row and ``zaken`` notification of a besluit that came to or left it.

    In the standard the Besluiten API makes this call to the Zaken API itself (brc-006), so a
    client following kanaal ``zaken`` hears of every besluit of a zaak, from any channel.
    """
    relation = {"besluit": zgw.url("besluiten", "besluiten", besluit.uuid)}
    before, after = (None, relation) if actie == "create" else (relation, None)
    # Not a change of the zaak's own data: its version stays, so an open form on it stays valid.
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action=f"{actie}_zaakbesluit",
        obj=besluit,
        main_object=zaak,
        before=before,
        after=after,
        zgw_actie=actie,
    )
    publish(
        tenant=zaak.tenant_id,
        kanaal=KANAAL,
        hoofd_object=zgw.url("zaken", "zaken", zaak.uuid),
        resource=RESOURCE,
        resource_url=zaakbesluit_url(zaak, besluit),
        actie=actie,
        kenmerken=kenmerken(zaak),
    )


@transaction.atomic
def register_zaakbesluit(*, zaak: Zaak, besluit: Besluit, actor: Actor, may_change_closed: bool) -> Besluit:
    """Confirm that ``besluit`` is registered at ``zaak`` (ZGW ``zaakbesluit_create``, brc-006).

    The besluit must already point at this zaak: its zaak is set in the Besluiten API. A
    closed zaak needs zaken.geforceerd-bijwerken (zrc-007).
    """
    zaak = _zaak_for_part(zaak, may_change_closed)
    if besluit.tenant_id != zaak.tenant_id or besluit.zaak_id != zaak.pk:
        raise FieldProblem.single(
            "besluit",
            "inconsistent-relation",
            "Dit besluit hoort niet bij deze zaak. Zet eerst de zaak van het besluit in de Besluiten API.",
        )
    return besluit


@transaction.atomic
def remove_zaakbesluit(*, zaak: Zaak, besluit: Besluit, actor: Actor, may_change_closed: bool) -> None:
    """Confirm that ``besluit`` no longer belongs to ``zaak`` (ZGW ``zaakbesluit_destroy``).

    While the besluit still points at this zaak the relation stays: its zaak is changed in the
    Besluiten API first. A closed zaak needs zaken.geforceerd-bijwerken (zrc-007).
    """
    zaak = _zaak_for_part(zaak, may_change_closed)
    if besluit.zaak_id == zaak.pk:
        raise FieldProblem.single(
            "nonFieldErrors",
            "inconsistent-relation",
            "Het besluit verwijst nog naar deze zaak. Wijzig of verwijder eerst de zaak van het besluit "
            "in de Besluiten API.",
        )
