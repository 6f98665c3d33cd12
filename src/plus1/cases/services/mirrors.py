"""A zaak's relations kept in step in the APIs that hold the other side (ZGW zrc-024/025).

A zaak related to a contactmoment or verzoek of a Klantinteracties API: the same relation is
made there (``objectcontactmomenten``, ``objectverzoeken``) through ``connectors.klantinteracties``,
inside the caller's transaction, so a relation the other API refuses is not made here either.
"""

from __future__ import annotations

from plus1.connectors import klantinteracties
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem

from ..models import Zaak, ZaakContactMoment, ZaakVerzoek


def mirror_relation(zaak: Zaak, kind: str, target: str, *, remove: bool) -> None:
    """Make (or, with ``remove``, remove) the zaak's relation with the contactmoment or verzoek
    ``target`` in the API that holds it; a refusal there is a 400 on ``kind``."""
    relation = klantinteracties.Relation(
        kind=kind,  # type: ignore[arg-type]
        target=target,
        zaak=zgw.url("zaken", "zaken", zaak.uuid),
    )
    connector = klantinteracties.get_klantinteracties()
    try:
        if remove:
            connector.unmirror(relation)
        else:
            connector.mirror(relation)
    except klantinteracties.KlantinteractiesError as exc:
        raise FieldProblem.single(kind, "klantinteracties-unavailable", str(exc)) from None


def remove_contact_mirrors(zaak: Zaak) -> None:
    """Remove the mirror of every contactmoment and verzoek relation of ``zaak`` (it is deleted)."""
    for kind, model in (("contactmoment", ZaakContactMoment), ("verzoek", ZaakVerzoek)):
        for target in model.objects.filter(zaak=zaak).values_list(kind, flat=True):
            mirror_relation(zaak, kind, target, remove=True)
