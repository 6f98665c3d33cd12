"""The Catalogi read schemas with ``_expand``, apart from the request and answer schemas they extend.

They nest into each other (a zaaktype's statustypen expand their zaaktype ...), so they are
declared together and resolved at the end, once all exist.
"""

from __future__ import annotations

from ninja import Schema
from pydantic import Field

from .schemas import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

# ``_expand``: the types named in ``expand``, each as its own GET shows it (``expanding.py``),
# with the attributes of the standard's ``*Embedded`` schemas; only the requested ones are there.
# A single one that is empty (or the client may not read) is the standard's EmptyObject ``{}``;
# a list leaves it out.


class EmptyObject(Schema):
    """Leeg object: what ``_expand`` shows for a reference without a value (Catalogi 1.3.3)."""


class CatalogusEmbedded(Schema):
    zaaktypen: list[ZaakTypeExpanded] = []
    besluittypen: list[BesluitTypeExpanded] = []
    informatieobjecttypen: list[InformatieObjectTypeExpanded] = []


class ZaakTypeEmbedded(Schema):
    zaakobjecttypen: list[ZaakObjectTypeExpanded] = []
    catalogus: CatalogusExpanded | EmptyObject | None = None
    statustypen: list[StatusTypeExpanded] = []
    resultaattypen: list[ResultaatTypeExpanded] = []
    eigenschappen: list[EigenschapExpanded] = []
    informatieobjecttypen: list[InformatieObjectTypeExpanded] = []
    roltypen: list[RolTypeExpanded] = []
    besluittypen: list[BesluitTypeExpanded] = []
    deelzaaktypen: list[ZaakTypeExpanded] = []
    gerelateerdeZaaktypen: list[ZaakTypeExpanded] = []


class InformatieObjectTypeEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktypen: list[ZaakTypeExpanded] = []
    besluittypen: list[BesluitTypeExpanded] = []


class BesluitTypeEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktypen: list[ZaakTypeExpanded] = []
    informatieobjecttypen: list[InformatieObjectTypeExpanded] = []
    resultaattypen: list[ResultaatTypeExpanded] = []


class StatusTypeEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None
    eigenschappen: list[EigenschapExpanded] = []


class RolTypeEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None


class ResultaatTypeEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None
    besluittypen: list[BesluitTypeExpanded] = []
    informatieobjecttypen: list[InformatieObjectTypeExpanded] = []


class EigenschapEmbedded(Schema):
    catalogus: CatalogusExpanded | EmptyObject | None = None
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None
    statustype: StatusTypeExpanded | EmptyObject | None = None


class ZaakObjectTypeEmbedded(Schema):
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None
    resultaattypen: list[ResultaatTypeExpanded] = []
    statustypen: list[StatusTypeExpanded] = []
    catalogus: CatalogusExpanded | EmptyObject | None = None


class ZaakTypeInformatieObjectTypeEmbedded(Schema):
    zaaktype: ZaakTypeExpanded | EmptyObject | None = None
    catalogus: CatalogusExpanded | EmptyObject | None = None
    informatieobjecttype: InformatieObjectTypeExpanded | EmptyObject | None = None
    statustype: StatusTypeExpanded | EmptyObject | None = None


class CatalogusExpanded(Catalogus):
    expand: CatalogusEmbedded | None = Field(None, alias="_expand")


class ZaakTypeExpanded(ZaakType):
    expand: ZaakTypeEmbedded | None = Field(None, alias="_expand")


class InformatieObjectTypeExpanded(InformatieObjectType):
    expand: InformatieObjectTypeEmbedded | None = Field(None, alias="_expand")


class BesluitTypeExpanded(BesluitType):
    expand: BesluitTypeEmbedded | None = Field(None, alias="_expand")


class StatusTypeExpanded(StatusType):
    expand: StatusTypeEmbedded | None = Field(None, alias="_expand")


class RolTypeExpanded(RolType):
    expand: RolTypeEmbedded | None = Field(None, alias="_expand")


class ResultaatTypeExpanded(ResultaatType):
    expand: ResultaatTypeEmbedded | None = Field(None, alias="_expand")


class EigenschapExpanded(Eigenschap):
    expand: EigenschapEmbedded | None = Field(None, alias="_expand")


class ZaakObjectTypeExpanded(ZaakObjectType):
    expand: ZaakObjectTypeEmbedded | None = Field(None, alias="_expand")


class ZaakTypeInformatieObjectTypeExpanded(ZaakTypeInformatieObjectType):
    expand: ZaakTypeInformatieObjectTypeEmbedded | None = Field(None, alias="_expand")


for _schema in (
    CatalogusEmbedded,
    ZaakTypeEmbedded,
    InformatieObjectTypeEmbedded,
    BesluitTypeEmbedded,
    StatusTypeEmbedded,
    RolTypeEmbedded,
    ResultaatTypeEmbedded,
    EigenschapEmbedded,
    ZaakObjectTypeEmbedded,
    ZaakTypeInformatieObjectTypeEmbedded,
):
    _schema.model_rebuild()
