"""``expand`` on zaken: the zaak's own parts under ``_expand``, loaded in one query per part.

Plus1 expands what the Zaken API itself holds (status, resultaat, rollen, eigenschappen,
hoofdzaak, deelzaken), one level deep. Catalogi objects (``zaaktype``, ``status.statustype``)
are not expanded yet: a documented deviation (docs/zgw-deviations.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from django.db.models import Q

from plus1.cases.models import Resultaat, Rol, Status, Zaak, ZaakEigenschap

from ..common.errors import ApiError, invalid
from .serializers import (
    attach_parts,
    serialize_resultaat,
    serialize_rol,
    serialize_status,
    serialize_zaak,
    serialize_zaakeigenschap,
    zaak_queryset,
)

EXPANDABLE = {"status", "resultaat", "rollen", "eigenschappen", "hoofdzaak", "deelzaken"}
# Attributes of a zaak that exist but that Plus1 does not expand (zrc-027 is about the others).
NOT_EXPANDED = {"zaaktype", "zaakinformatieobjecten", "zaakobjecten", "relevanteAndereZaken"}


def parse(value: str | None) -> set[str]:
    """The requested expansions; 404 for a name that is no attribute of a zaak (zrc-027)."""
    if not value:
        return set()
    names = {part.strip() for part in value.split(",") if part.strip()}
    for name in names:
        head = name.split(".", 1)[0]
        if head in NOT_EXPANDED or (head in EXPANDABLE and "." in name):
            raise invalid("expand", "expand-not-supported", f"Plus1 kan '{name}' (nog) niet uitvouwen.")
        if head not in EXPANDABLE:
            raise ApiError(404, "not_found", f"Een zaak heeft geen attribuut '{name}' om uit te vouwen.")
    return names


def _by_zaak(rows, key: Callable) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def expand(
    zaken: Sequence[Zaak],
    data: list[dict],
    names: set[str],
    *,
    visible: Q,
    on_rollen: Callable[[list[Rol]], None],
) -> None:
    """Add ``_expand`` to each serialized zaak in ``data`` (same order as ``zaken``)."""
    if not names or not zaken:
        return
    ids = [zaak.pk for zaak in zaken]
    found: dict[str, dict[int, object]] = {}
    if "status" in names:
        statussen = Status.objects.filter(pk__in=[z.current_status_id for z in zaken if z.current_status_id])
        by_pk = {s.pk: s for s in statussen.select_related("zaak", "statustype")}
        found["status"] = {
            z.pk: serialize_status(by_pk[z.current_status_id], is_last=True)
            if z.current_status_id in by_pk
            else None
            for z in zaken
        }
    if "resultaat" in names:
        resultaten = {
            r.zaak_id: r
            for r in Resultaat.objects.filter(zaak_id__in=ids).select_related("zaak", "resultaattype")
        }
        found["resultaat"] = {
            pk: serialize_resultaat(resultaten[pk]) if pk in resultaten else None for pk in ids
        }
    if "rollen" in names:
        rollen = list(Rol.objects.filter(zaak_id__in=ids).select_related("zaak", "roltype").order_by("id"))
        on_rollen(rollen)
        grouped = _by_zaak(rollen, lambda r: r.zaak_id)
        found["rollen"] = {pk: [serialize_rol(r) for r in grouped.get(pk, [])] for pk in ids}
    if "eigenschappen" in names:
        items = (
            ZaakEigenschap.objects.filter(zaak_id__in=ids).select_related("zaak", "eigenschap").order_by("id")
        )
        grouped = _by_zaak(items, lambda e: e.zaak_id)
        found["eigenschappen"] = {
            pk: [serialize_zaakeigenschap(e) for e in grouped.get(pk, [])] for pk in ids
        }
    if "hoofdzaak" in names or "deelzaken" in names:
        related_ids = {z.hoofdzaak_id for z in zaken if z.hoofdzaak_id} if "hoofdzaak" in names else set()
        # zrc-006: an expanded zaak is one the application may see.
        related = zaak_queryset(Zaak.objects.filter(visible, tenant_id=zaken[0].tenant_id))
        deel = defaultdict(list)
        if "deelzaken" in names:
            rows = Zaak.objects.filter(hoofdzaak_id__in=[z.pk for z in zaken]).order_by("id")
            for hoofdzaak_id, pk in rows.values_list("hoofdzaak_id", "pk"):
                deel[hoofdzaak_id].append(pk)
            related_ids |= {pk for pks in deel.values() for pk in pks}
        related_zaken = list(related.filter(pk__in=related_ids)) if related_ids else []
        attach_parts(related_zaken)
        rendered = {z.pk: serialize_zaak(z) for z in related_zaken}
        if "hoofdzaak" in names:
            found["hoofdzaak"] = {z.pk: rendered.get(z.hoofdzaak_id) for z in zaken}
        if "deelzaken" in names:
            found["deelzaken"] = {pk: [rendered[d] for d in deel[pk] if d in rendered] for pk in ids}
    for zaak, item in zip(zaken, data, strict=True):
        item["_expand"] = {name: found[name][zaak.pk] for name in sorted(names)}
