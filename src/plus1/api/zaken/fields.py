"""``fields`` in ``POST /zaken/_zoek`` (Zaken 1.7.0 ``ZaakZoek.fields``, zrc-029): only the
attributes a client names, and, through ``expand``, only those of the related objects.

``["url", "identificatie", {"status": ["datumStatusGezet"]}, {"zaaktype": ["*"]}]`` answers
each zaak with its url and identificatie, its ``status`` and ``zaaktype`` URLs, and under
``_expand`` the status with only its datumStatusGezet and the whole zaaktype. The related
objects are read exactly as ``expand`` reads them (zrc-006: what the client may not read is
``null`` or left out), and ``fields`` and ``expand`` exclude each other.
"""

from __future__ import annotations

from typing import Any

from ..besluiten import schemas as besluiten
from ..catalogi import schemas as catalogi
from ..common import expand as engine
from ..common.errors import invalid
from ..documenten import schemas as documenten
from . import schemas
from .expand import ZAKEN_KINDS
from .zaakinformatieobjecten import ZaakInformatieObjectSchema

# The attributes of each resource a zaak reaches, from its response schema.
SHAPES: dict[str, engine.Shape] = {
    name: engine.shape_of(schema)
    for name, schema in {
        "zaak": schemas.Zaak,
        "status": schemas.Status,
        "resultaat": schemas.Resultaat,
        "rol": schemas.Rol,
        "zaakeigenschap": schemas.ZaakEigenschap,
        "zaakobject": schemas.ZaakObject,
        "zaakinformatieobject": ZaakInformatieObjectSchema,
        "besluit": besluiten.Besluit,
        "informatieobject": documenten.EnkelvoudigInformatieObject,
        "catalogus": catalogi.Catalogus,
        "zaaktype": catalogi.ZaakType,
        "informatieobjecttype": catalogi.InformatieObjectType,
        "besluittype": catalogi.BesluitType,
        "statustype": catalogi.StatusType,
        "roltype": catalogi.RolType,
        "resultaattype": catalogi.ResultaatType,
        "eigenschap": catalogi.Eigenschap,
        "zaakobjecttype": catalogi.ZaakObjectType,
    }.items()
}


def parse(value: Any, *, expand: str | None) -> engine.Selection | None:
    """The selection ``fields`` asks for, None without one; a 400 for an unknown attribute."""
    if value is None:
        return None
    if expand:
        raise invalid(
            "fields", "fields-and-expand", "Gebruik fields of expand, niet allebei: fields vouwt zelf uit."
        )
    return engine.parse_fields(value, ZAKEN_KINDS["zaak"], ZAKEN_KINDS, SHAPES)


def narrowed(data: list[dict], selection: engine.Selection | None) -> list[dict]:
    """The rendered zaken (expanded for ``selection.tree()``) with only what ``selection`` names."""
    if selection is None:
        return data
    return [engine.select(item, selection) for item in data]
