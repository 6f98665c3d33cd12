"""The verwerkingsactiviteiten: load the shipped register, and find the activity of a processing.

``ActivityCode`` names the gemeente-wide activities code refers to; a zaak's own activity is
its zaaktype's (``ZAAKTYPE``), with ``zaakbehandeling`` for a zaaktype without one.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from pathlib import Path

import yaml
from django.db.models import Q, Subquery
from django.db.models.functions import JSONObject

from plus1.audit.services import Activity, memo
from plus1.core.prepared import PreparedQuery

from .models import ProcessingActivity, ZaakType
from .models.processing import activity_of

DATA = Path(__file__).resolve().parent / "data" / "verwerkingsactiviteiten.yaml"
FIELDS = ("name", "purpose", "legal_ground", "retention_years")


class ActivityCode(StrEnum):
    ZAAKTYPE = "zaaktype"  # not a row: "the activity of each zaak's own zaaktype"
    ZAAK_HANDLING = "zaakbehandeling"
    MY_ZAKEN = "mijn-zaken"
    BRP_PREFILL = "brp-vooraf-invullen"
    BSN_SEARCH = "zoeken-bsn-werkvoorraad"
    REMINDERS = "herinneringen-termijnen"
    LOG_INSPECTION = "inzage-verwerkingslog"
    LOG_EXPORT = "export-verwerkingslog"


@functools.cache
def shipped_activities() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def load_shipped_activities() -> int:
    """Create or update the shipped activities and link the zaaktypen of their processes.

    Idempotent (``plus1 catalog import`` runs it every time). A zaaktype that a catalog
    manager linked to another activity keeps that link. Returns how many zaaktypen it linked.
    """
    linked = 0
    for spec in shipped_activities():
        activity, _created = ProcessingActivity.objects.update_or_create(
            code=spec["code"], defaults={name: spec[name] for name in FIELDS}
        )
        if spec["processen"]:
            linked += ZaakType.objects.filter(
                Q(processing_activity__isnull=True), process__identificatie__in=spec["processen"]
            ).update(processing_activity=activity)
    return linked


# Every processing record of a zaaktype without its own activity asks this one.
_ACTIVITY_BY_CODE = PreparedQuery(
    lambda code: ProcessingActivity.objects.filter(code=code).order_by(), "\x00placeholder-code"
)


def activity_for_code(code: str) -> Activity:
    """The gemeente-wide activity ``code``; the shipped text when its row is missing (a flushed database)."""
    cache = memo().setdefault("activities", {})
    if code not in cache:
        row = _ACTIVITY_BY_CODE.first(code)
        if row is None:
            row = _shipped_row(code)
        cache[code] = activity_of(row)
    return cache[code]


def activity_for_zaaktype(zaaktype: ZaakType) -> Activity:
    """The activity a zaak of this zaaktype serves (``select_related`` the activity to save a query)."""
    if zaaktype.processing_activity_id is None:
        # Read along with the zaaktype (``default_activity_column``): no query of its own.
        row = zaaktype.__dict__.get(DEFAULT_ACTIVITY)
        if row:
            return Activity(
                code=row["code"],
                name=row["name"],
                purpose=row["purpose"],
                legal_ground=row["legal_ground"],
                retention_days=row["retention_years"] * 366,
            )
        return activity_for_code(ActivityCode.ZAAK_HANDLING)
    return activity_of(zaaktype.processing_activity)


# The annotation name ``default_activity_column`` is read under by ``activity_for_zaaktype``.
DEFAULT_ACTIVITY = "default_processing_activity"


def default_activity_column() -> Subquery:
    """The gemeente-wide zaak handling activity as one JSON column, for a zaaktype query that
    annotates it as ``DEFAULT_ACTIVITY``: a create then looks its activity up in the same query
    (the row as it is now, so an edit still applies to the next record)."""
    return Subquery(
        ProcessingActivity.objects.filter(code=ActivityCode.ZAAK_HANDLING)
        .order_by()
        .values(
            row=JSONObject(
                code="code",
                name="name",
                purpose="purpose",
                legal_ground="legal_ground",
                retention_years="retention_years",
            )
        )[:1]
    )


def _shipped_row(code: str) -> ProcessingActivity:
    spec = next((spec for spec in shipped_activities() if spec["code"] == code), None)
    if spec is None:
        raise ProcessingActivity.DoesNotExist(code)
    return ProcessingActivity(code=code, **{name: spec[name] for name in FIELDS})
