"""Find any zaak of the gemeente, open or closed: by number, name, BSN or address.

The werkvoorraad shows the open zaken of the employee's own teams; this search covers every
zaak the employee may see (``policies.can_view_zaak``: all zaken of their gemeente), so a
closed zaak or one of another team can be found too. A search on a BSN is a look-up of a
person's data: it is written to the processing log here, so no caller can forget it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import OuterRef, Q, QuerySet, Subquery

from plus1.audit.services import record_access, subject_for
from plus1.catalog.constants import DataType, RolOmschrijvingGeneriek
from plus1.catalog.models import Eigenschap
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.tenants.models import Organisation

from .models import Rol, Zaak, ZaakEigenschap, ZaakObject
from .processing import Purpose, logged
from .selectors import INBOX_ORDER, InboxSort, is_bsn_like

# A request field holds (part of) an address when one of these words is a whole part of its
# name: "adres", "adres_zaak", "postcode_briefadres", "eigen_locatie" (catalog library).
ADDRESS_FIELD = r"(^|_)(adres|straat|locatie|plek|postcode|huisnummer)(_|$)"
# The parts of a BAG address in a zaakobject's or a rol's identification (ZGW names).
ADDRESS_KEYS = (
    "gorOpenbareRuimteNaam",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "postcode",
    "wplWoonplaatsNaam",
)
ROL_ADDRESS_KEYS = (
    "gorOpenbareRuimteNaam",
    "aoaHuisnummer",
    "aoaHuisletter",
    "aoaHuisnummertoevoeging",
    "aoaPostcode",
    "wplWoonplaatsNaam",
)
POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})$")
# An address search matches every word; more words than this add nothing but slower queries.
MAX_WORDS = 4


class ZaakState(StrEnum):
    OPEN = "open"
    CLOSED = "afgesloten"
    ALL = "alle"


@dataclass(frozen=True)
class ZaakSearch:
    """What the employee typed and chose; an empty query finds nothing (no list of everyone)."""

    query: str = ""
    state: ZaakState = ZaakState.ALL
    sort: InboxSort = InboxSort.NEWEST


def _words(query: str) -> list[str]:
    match = POSTCODE.match(query)
    if match:
        # "3511AB" and "3511 AB" are the same postcode: search the digits and letters apart.
        return [match.group(1), match.group(2)]
    return [word.strip(",.") for word in query.split()][:MAX_WORDS]


def _address_zaak_ids(tenant: Organisation, query: str) -> Q:
    """Zaken with every word of ``query`` in an address: request fields, zaakobjecten, rollen."""
    fields = Eigenschap.objects.filter(name__regex=ADDRESS_FIELD).exclude(data_type=DataType.CHOICE)
    condition = Q()
    for word in _words(query):
        answers = ZaakEigenschap.objects.filter(
            zaak__tenant=tenant, eigenschap__in=fields, value__icontains=word
        ).values("zaak_id")
        objects = ZaakObject.objects.filter(zaak__tenant=tenant).filter(
            _any_key("object_identification", ADDRESS_KEYS, word)
        )
        rollen = Rol.objects.filter(zaak__tenant=tenant).filter(
            _any_key("identification__verblijfsadres", ROL_ADDRESS_KEYS, word)
        )
        condition &= (
            Q(pk__in=answers) | Q(pk__in=objects.values("zaak_id")) | Q(pk__in=rollen.values("zaak_id"))
        )
    return condition


def _any_key(field: str, keys: tuple[str, ...], word: str) -> Q:
    condition = Q()
    for key in keys:
        condition |= Q(**{f"{field}__{key}__icontains": word})
    return condition


def _matching(tenant: Organisation, query: str) -> Q:
    if is_bsn_like(query):
        # Only the initiator's BSN, exactly: nine digits are no part of a case number or address.
        initiators = Rol.objects.filter(
            zaak__tenant=tenant, bsn=query, roltype__generic=RolOmschrijvingGeneriek.INITIATOR
        )
        return Q(pk__in=initiators.values("zaak_id"))
    named = Rol.objects.filter(zaak__tenant=tenant).filter(
        Q(name__icontains=query) | Q(afwijkende_naam__icontains=query)
    )
    condition = Q(identificatie__iexact=query) | Q(pk__in=named.values("zaak_id"))
    if any(character.isdigit() for character in query) and len(query) >= 4:
        # Part of a case number: "0000123" or "2026-0000123".
        condition |= Q(identificatie__icontains=query)
    return condition | _address_zaak_ids(tenant, query)


def search_zaken(*, tenant: Organisation, search: ZaakSearch, purpose: Purpose) -> QuerySet[Zaak]:
    """Every zaak of this gemeente that matches ``search``, never another gemeente's.

    Nine digits match the initiator's BSN exactly, and the search itself is logged (activity
    ``zoeken-bsn-werkvoorraad``) with the searched person as subject. Other text matches the
    case number (whole or in part), the name of anyone involved, or an address (every word).
    The zaken fetched are logged as read for ``purpose``: the list shows their initiators.
    """
    query = " ".join(search.query.split())
    if not query:
        return Zaak.objects.none()
    if is_bsn_like(query):
        record_access(
            tenant=tenant,
            actor=purpose.actor,
            activity=activity_for_code(ActivityCode.BSN_SEARCH),
            channel=purpose.channel,
            object_type="cases.zaak",
            subject=subject_for(bsn=query),
        )
    zaken = Zaak.objects.for_tenant(tenant).filter(_matching(tenant, query))
    if search.state == ZaakState.OPEN:
        zaken = zaken.filter(ended_on__isnull=True)
    elif search.state == ZaakState.CLOSED:
        zaken = zaken.filter(ended_on__isnull=False)
    initiator = Rol.objects.filter(zaak=OuterRef("pk"), roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
    zaken = (
        zaken.select_related(
            "zaaktype__processing_activity", "current_status__statustype", "assignee", "team"
        )
        .annotate(
            initiator_name=Subquery(initiator.values("name")[:1]),
            # For the processing log only (cases.processing), never shown.
            initiator_bsn=Subquery(initiator.values("bsn")[:1]),
            initiator_kvk_number=Subquery(initiator.values("kvk_number")[:1]),
        )
        .order_by(*INBOX_ORDER[search.sort])
    )
    return logged(zaken, purpose)
