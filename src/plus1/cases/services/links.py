"""Relevant other zaken (ZGW ``relevanteAndereZaken``): one set of ``ZaakLink`` rows for all.

A case handler links a zaak by its number in the back office (``link_zaken``); an application
sends the whole list with the zaak through the Zaken API (``set_related_zaken``, called by
``registration``). Both write the same rows, so the back office shows what an application
linked and the API what a case handler linked. A link never crosses gemeenten: ``other`` is
always a zaak of the same gemeente. A zaak outside this register is kept by its URL only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from plus1.audit.services import Actor
from plus1.core.exceptions import FieldProblem
from plus1.core.prefetch import is_prefetched, prefetched

from ..constants import ZaakRelation
from ..exceptions import ZaakError
from ..models import Zaak, ZaakLink
from ..processing import record_change
from .handling import lock_zaak, save_locked_zaak

# The ZGW attribute the problems of ``set_related_zaken`` are reported under.
FIELD = "relevanteAndereZaken"


@dataclass(frozen=True)
class RelatedZaak:
    """One entry of ``relevanteAndereZaken``: a zaak of this gemeente, or the URL of one elsewhere."""

    relation: str
    other: Zaak | None = None
    url: str = ""

    @property
    def key(self) -> tuple[str, object]:
        return ("zaak", self.other.pk) if self.other is not None else ("url", self.url)


def _key(link: ZaakLink) -> tuple[str, object]:
    return ("zaak", link.other_id) if link.other_id is not None else ("url", link.url)


def links_of(zaak: Zaak) -> list[ZaakLink]:
    """The zaak's links in the order they were made, with the other zaak; read once per instance."""
    known = zaak.__dict__.get(KNOWN_LINKS)
    if known is None:
        rows = prefetched(zaak, "links")
        if rows is None:
            rows = ZaakLink.objects.filter(zaak=zaak).select_related("other").order_by("pk")
        known = list(rows)
        remember_links(zaak, known)
    return list(known)


def has_known_links(zaak: Zaak) -> bool:
    """Whether ``links_of`` answers without a query (remembered or prefetched)."""
    return KNOWN_LINKS in zaak.__dict__ or is_prefetched(zaak, "links")


def related_snapshot(zaak: Zaak) -> list[dict[str, str]]:
    """The links as the audit trail records them: the other zaak's number, or its URL."""
    return [
        {"zaak": link.other.identificatie if link.other_id else link.url, "aardRelatie": link.relation}
        for link in links_of(zaak)
    ]


# A plain list on the instance, not a prefetched queryset: a page of 100 zaken would otherwise
# build 100 related querysets, which costs more than reading the rows.
KNOWN_LINKS = "_plus1_known_links"


def remember_links(zaak: Zaak, links: list[ZaakLink]) -> None:
    """Keep ``links`` as the zaak's links: whoever shows the zaak next reads no rows."""
    zaak.__dict__[KNOWN_LINKS] = list(links)


def set_related_zaken(*, zaak: Zaak, related: Sequence[RelatedZaak], is_new: bool = False) -> list[ZaakLink]:
    """Make the zaak's links exactly ``related`` (ZGW ``relevanteAndereZaken`` of POST/PUT/PATCH).

    Runs inside the caller's transaction (``registration``), which writes the audit row and
    the notification of the zaak. A link that stays keeps its row and date; a changed
    aardRelatie is changed in place. zrc-011 (the zaak exists) is the caller's check; here:
    the other zaak belongs to the same gemeente and is not the zaak itself. The same zaak
    twice with the same aardRelatie counts once; with two different ones it is refused.
    """
    wanted: dict[tuple[str, object], RelatedZaak] = {}
    problems = []
    for index, item in enumerate(related):
        name = f"{FIELD}.{index}"
        if item.relation not in ZaakRelation.values:
            problems.append((f"{name}.aardRelatie", "invalid_choice", "Kies vervolg, onderwerp of bijdrage."))
        elif item.other is not None and item.other.tenant_id != zaak.tenant_id:
            problems.append(
                (f"{name}.url", "bad-url", "Deze zaak bestaat niet (of hoort bij een andere gemeente).")
            )
        elif item.other is not None and item.other.pk == zaak.pk:
            problems.append(
                (f"{name}.url", "self-forbidden", "Een zaak kan niet aan zichzelf gekoppeld worden.")
            )
        elif item.other is None and not item.url:
            problems.append((f"{name}.url", "required", "Geef het adres (URL) van de zaak."))
        elif item.key in wanted and wanted[item.key].relation != item.relation:
            problems.append(
                (
                    f"{name}.url",
                    "unique",
                    "Deze zaak staat al in de lijst, met een andere aard van de relatie.",
                )
            )
        else:
            wanted.setdefault(item.key, item)
    if problems:
        raise FieldProblem(problems)
    existing = {} if is_new else {_key(link): link for link in links_of(zaak)}
    gone = [link.pk for key, link in existing.items() if key not in wanted]
    if gone:
        ZaakLink.objects.filter(pk__in=gone).delete()
    changed = []
    for key, item in wanted.items():
        link = existing.get(key)
        if link is not None and link.relation != item.relation:
            link.relation = item.relation
            changed.append(link)
    if changed:
        ZaakLink.objects.bulk_update(changed, ["relation"])
    added = ZaakLink.objects.bulk_create(
        ZaakLink(zaak=zaak, other=item.other, url="" if item.other else item.url, relation=item.relation)
        for key, item in wanted.items()
        if key not in existing
    )
    kept = [link for key, link in existing.items() if key in wanted]
    links = sorted(kept, key=lambda link: link.pk) + added
    remember_links(zaak, links)
    return links


@transaction.atomic
def link_zaken(
    *, zaak: Zaak, other_identificatie: str, relation: str, actor: Actor, expected_version: int | None = None
) -> ZaakLink:
    """Relate another zaak of the same gemeente to this one, by its number (back office).

    The link is one of the zaak's ``relevanteAndereZaken`` in the Zaken API at once.
    """
    zaak = lock_zaak(zaak, expected_version, must_be_open=False)
    if relation not in ZaakRelation.values:
        raise ZaakError("Kies wat de andere zaak met deze zaak te maken heeft.")
    other = Zaak.objects.for_tenant(zaak.tenant).filter(identificatie=other_identificatie.strip()).first()
    if other is None:
        raise ZaakError(f"Zaak {other_identificatie} bestaat niet bij deze gemeente.")
    if other.pk == zaak.pk:
        raise ZaakError("Een zaak kan niet aan zichzelf gekoppeld worden.")
    link, created = ZaakLink.objects.get_or_create(zaak=zaak, other=other, defaults={"relation": relation})
    if not created:
        raise ZaakError(f"Zaak {other.identificatie} is al gekoppeld.")
    save_locked_zaak(zaak)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="link_zaken",
        obj=zaak,
        after={"other": other.identificatie, "relation": relation},
    )
    return link


@transaction.atomic
def unlink_zaken(*, zaak: Zaak, link_id: int, actor: Actor, expected_version: int | None = None) -> None:
    """Remove one of the zaak's related zaken (back office), whoever made the link.

    The link leaves the zaak's ``relevanteAndereZaken`` in the Zaken API at once; the audit
    row keeps which zaak (or URL) it was and how it was related.
    """
    zaak = lock_zaak(zaak, expected_version, must_be_open=False)
    link = ZaakLink.objects.filter(zaak=zaak, pk=link_id).select_related("other").first()
    if link is None:
        raise ZaakError("Deze koppeling bestaat niet meer. Misschien heeft een collega haar net verwijderd.")
    before = {"other": link.other.identificatie if link.other_id else link.url, "relation": link.relation}
    link.delete()
    save_locked_zaak(zaak)
    record_change(tenant=zaak.tenant, actor=actor, action="unlink_zaken", obj=zaak, before=before)
