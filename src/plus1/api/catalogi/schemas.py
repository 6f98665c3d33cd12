"""Catalogi API 1.3.3 schemas, named and spelled as the standard's OAS (components/schemas).

They document the operations (``response=``) and parse the input; the answers themselves
are rendered by the hand-written serializers in ``serializers.py``.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from ..common.bounds import ArchiveTerm, BoundedDate, Term
from ..common.schemas import ObjectType
from ..common.schemas import Vertrouwelijkheidaanduiding as VertrouwelijkheidaanduidingEnum
from . import lengths
from .enums import (
    AardRelatieEnum,
    AfleidingswijzeEnum,
    ArchiefnominatieEnum,
    FormaatEnum,
    IndicatieInternOfExternEnum,
    OmschrijvingGeneriekEnum,
    RichtingEnum,
)

# A trefwoord as the standard allows it on input (answers show what is stored).
Trefwoord = Annotated[str, Field(max_length=30)]


class Catalogus(Schema):
    url: str
    domein: str = Field(max_length=5)
    rsin: str = Field(max_length=9)
    contactpersoonBeheerNaam: str = Field(max_length=lengths.CATALOGUS_CONTACTPERSOON)
    contactpersoonBeheerTelefoonnummer: str | None = Field(None, max_length=20)
    contactpersoonBeheerEmailadres: str | None = Field(None, max_length=254)
    zaaktypen: list[str]
    besluittypen: list[str]
    besluittypeOmschrijving: list[str]
    informatieobjecttypen: list[str]
    informatieobjecttypeOmschrijving: list[str]
    naam: str | None = Field(None, max_length=200)
    versie: str | None = Field(None, max_length=20)
    begindatumVersie: datetime.date | None = None


class ReferentieProces(Schema):
    naam: str = Field(max_length=80)
    link: str | None = Field(None, max_length=200)


class ZaakTypenRelatie(Schema):
    zaaktype: str = Field(max_length=200)
    zaaktypeIdentificatie: str
    aardRelatie: AardRelatieEnum
    toelichting: str | None = Field(None, max_length=255)


class ZaakTypenRelatieIn(Schema):
    """A related zaaktype as a client writes it (``zaaktypeIdentificatie`` is read-only)."""

    zaaktype: str = Field(max_length=200)
    aardRelatie: AardRelatieEnum
    toelichting: str | None = Field(None, max_length=255)


class BronCatalogus(Schema):
    url: str = Field(max_length=200)
    domein: str = Field(max_length=5)
    rsin: str = Field(max_length=9)


class BronZaaktype(Schema):
    url: str = Field(max_length=200)
    identificatie: str = Field(max_length=50)
    omschrijving: str = Field(max_length=80)


class ZaakType(Schema):
    url: str
    identificatie: str = Field(max_length=lengths.ZAAKTYPE_IDENTIFICATIE)
    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum
    doel: str
    aanleiding: str
    toelichting: str | None = None
    indicatieInternOfExtern: IndicatieInternOfExternEnum
    handelingInitiator: str = Field(max_length=lengths.HANDELING)
    onderwerp: str = Field(max_length=lengths.ONDERWERP)
    handelingBehandelaar: str = Field(max_length=lengths.HANDELING)
    doorlooptijd: str
    servicenorm: str | None = None
    opschortingEnAanhoudingMogelijk: bool
    verlengingMogelijk: bool
    verlengingstermijn: str | None = None
    trefwoorden: list[str] | None = None
    publicatieIndicatie: bool
    publicatietekst: str | None = None
    verantwoordingsrelatie: list[str] | None = None
    productenOfDiensten: list[str]
    selectielijstProcestype: str | None = Field(None, max_length=200)
    referentieproces: ReferentieProces
    verantwoordelijke: str = Field(max_length=lengths.VERANTWOORDELIJKE)
    zaakobjecttypen: list[str]
    broncatalogus: BronCatalogus | None = None
    bronzaaktype: BronZaaktype | None = None
    catalogus: str
    statustypen: list[str]
    resultaattypen: list[str]
    resultaattypeOmschrijving: list[str]
    eigenschappen: list[str]
    informatieobjecttypen: list[str]
    informatieobjecttypeOmschrijving: list[str]
    roltypen: list[str]
    besluittypen: list[str]
    besluittypeOmschrijving: list[str]
    deelzaaktypen: list[str]
    deelzaaktypeIdentificaties: list[str]
    gerelateerdeZaaktypen: list[ZaakTypenRelatie]
    beginGeldigheid: datetime.date
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None
    versiedatum: datetime.date | None = None
    concept: bool


class ZaakTypeCreate(Schema):
    """``POST /zaaktypen``: the fields Plus1 stores; the rest of the standard is ignored (deviations)."""

    identificatie: str = Field(max_length=lengths.ZAAKTYPE_IDENTIFICATIE)
    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum
    doel: str
    aanleiding: str
    toelichting: str = ""
    indicatieInternOfExtern: IndicatieInternOfExternEnum
    handelingInitiator: str = Field(max_length=lengths.HANDELING)
    onderwerp: str = Field(max_length=lengths.ONDERWERP)
    handelingBehandelaar: str = Field(max_length=lengths.HANDELING)
    doorlooptijd: Term
    servicenorm: Term | None = None
    opschortingEnAanhoudingMogelijk: bool
    verlengingMogelijk: bool
    verlengingstermijn: Term | None = None
    trefwoorden: list[Trefwoord] = Field(default_factory=list)
    publicatieIndicatie: bool
    publicatietekst: str | None = None
    verantwoordingsrelatie: list[lengths.Verantwoordingsrelatie] = Field(default_factory=list)
    productenOfDiensten: list[lengths.ProductOfDienst]
    selectielijstProcestype: str | None = Field(None, max_length=200)
    referentieproces: ReferentieProces
    verantwoordelijke: str = Field(max_length=lengths.VERANTWOORDELIJKE)
    broncatalogus: BronCatalogus | None = None
    bronzaaktype: BronZaaktype | None = None
    catalogus: str
    besluittypen: list[str]
    deelzaaktypen: list[str] = Field(default_factory=list)
    gerelateerdeZaaktypen: list[ZaakTypenRelatieIn]
    beginGeldigheid: BoundedDate
    eindeGeldigheid: BoundedDate | None = None
    versiedatum: BoundedDate | None = None


class PatchedZaakType(Schema):
    """``PATCH /zaaktypen/{uuid}``: any of the writable fields."""

    omschrijving: str | None = Field(None, max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum | None = None
    doel: str | None = None
    aanleiding: str | None = None
    toelichting: str | None = None
    indicatieInternOfExtern: IndicatieInternOfExternEnum | None = None
    handelingInitiator: str | None = Field(None, max_length=lengths.HANDELING)
    onderwerp: str | None = Field(None, max_length=lengths.ONDERWERP)
    handelingBehandelaar: str | None = Field(None, max_length=lengths.HANDELING)
    doorlooptijd: Term | None = None
    servicenorm: Term | None = None
    opschortingEnAanhoudingMogelijk: bool | None = None
    verlengingMogelijk: bool | None = None
    verlengingstermijn: Term | None = None
    trefwoorden: list[Trefwoord] | None = None
    publicatietekst: str | None = None
    verantwoordingsrelatie: list[lengths.Verantwoordingsrelatie] | None = None
    productenOfDiensten: list[lengths.ProductOfDienst] | None = None
    selectielijstProcestype: str | None = Field(None, max_length=200)
    verantwoordelijke: str | None = Field(None, max_length=lengths.VERANTWOORDELIJKE)
    broncatalogus: BronCatalogus | None = None
    bronzaaktype: BronZaaktype | None = None
    besluittypen: list[str] | None = None
    gerelateerdeZaaktypen: list[ZaakTypenRelatieIn] | None = None
    beginGeldigheid: BoundedDate | None = None
    eindeGeldigheid: BoundedDate | None = None


class InformatieObjectTypeOmschrijvingGeneriek(Schema):
    informatieobjecttypeOmschrijvingGeneriek: str = Field(max_length=80)
    definitieInformatieobjecttypeOmschrijvingGeneriek: str = Field(max_length=255)
    herkomstInformatieobjecttypeOmschrijvingGeneriek: str = Field(max_length=12)
    hierarchieInformatieobjecttypeOmschrijvingGeneriek: str = Field(max_length=80)
    opmerkingInformatieobjecttypeOmschrijvingGeneriek: str | None = Field(None, max_length=255)


class InformatieObjectType(Schema):
    url: str
    catalogus: str
    omschrijving: str = Field(max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum
    beginGeldigheid: datetime.date
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None
    concept: bool
    zaaktypen: list[str]
    zaaktypeIdentificaties: list[str]
    besluittypen: list[str]
    besluittypeOmschrijving: list[str]
    informatieobjectcategorie: str = Field(max_length=80)
    trefwoord: list[str] | None = None
    omschrijvingGeneriek: InformatieObjectTypeOmschrijvingGeneriek | None = None


class BesluitType(Schema):
    url: str
    catalogus: str
    zaaktypen: list[str]
    zaaktypeIdentificaties: list[str]
    omschrijving: str | None = Field(None, max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    besluitcategorie: str | None = Field(None, max_length=lengths.BESLUITCATEGORIE)
    reactietermijn: str | None = None
    publicatieIndicatie: bool
    publicatietekst: str | None = None
    publicatietermijn: str | None = None
    toelichting: str | None = None
    informatieobjecttypen: list[str]
    informatieobjecttypeOmschrijvingen: list[str]
    beginGeldigheid: datetime.date
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None
    concept: bool
    resultaattypen: list[str]
    resultaattypenOmschrijving: list[str]
    vastgelegdIn: list[str]


class BesluitTypePostResponse(BesluitType):
    """The create answer: as ``BesluitType``, with the omschrijvingen also under the singular name."""

    informatieobjecttypeOmschrijving: list[str]


class CheckListItem(Schema):
    itemnaam: str = Field(max_length=30)
    toelichting: str | None = Field(None, max_length=1000)
    vraagstelling: str = Field(max_length=255)
    verplicht: bool | None = None


class StatusType(Schema):
    url: str
    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    statustekst: str | None = Field(None, max_length=1000)
    zaaktype: str
    catalogus: str
    zaaktypeIdentificatie: str
    volgnummer: int
    isEindstatus: bool
    informeren: bool | None = None
    doorlooptijd: str | None = None
    toelichting: str | None = Field(None, max_length=1000)
    checklistitemStatustype: list[CheckListItem] | None = None
    eigenschappen: list[str] | None = None
    beginGeldigheid: datetime.date | None = None
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None


class StatusTypeIn(Schema):
    """``POST``/``PUT /statustypen``; its validity is its zaaktype's (docs/zgw-deviations.md)."""

    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: str = Field("", max_length=80)
    statustekst: str = Field("", max_length=1000)
    zaaktype: str
    volgnummer: int = Field(ge=1, le=9999)
    informeren: bool = False
    doorlooptijd: Term | None = None
    toelichting: str | None = Field(None, max_length=1000)
    checklistitemStatustype: list[CheckListItem] = Field(default_factory=list)
    eigenschappen: list[str] = Field(default_factory=list)


class RolType(Schema):
    url: str
    zaaktype: str
    zaaktypeIdentificatie: str
    omschrijving: str = Field(max_length=100)
    omschrijvingGeneriek: OmschrijvingGeneriekEnum
    catalogus: str | None = None
    beginGeldigheid: datetime.date | None = None
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None


class RolTypeIn(Schema):
    """``POST``/``PUT /roltypen``; its validity is its zaaktype's (docs/zgw-deviations.md)."""

    zaaktype: str
    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: OmschrijvingGeneriekEnum
    catalogus: str | None = None


class BrondatumArchiefprocedure(Schema):
    afleidingswijze: AfleidingswijzeEnum
    datumkenmerk: str = Field("", max_length=80)
    einddatumBekend: bool = False
    objecttype: ObjectType | Literal[""] = ""
    registratie: str = Field("", max_length=80)
    procestermijn: ArchiveTerm | None = None


class ResultaatType(Schema):
    url: str
    zaaktype: str
    zaaktypeIdentificatie: str
    omschrijving: str = Field(max_length=lengths.RESULTAATTYPE_OMSCHRIJVING)
    resultaattypeomschrijving: str = Field(max_length=1000)
    omschrijvingGeneriek: str
    selectielijstklasse: str = Field(max_length=1000)
    toelichting: str | None = None
    archiefnominatie: ArchiefnominatieEnum | Literal[""] | None = None
    archiefactietermijn: str | None = None
    brondatumArchiefprocedure: BrondatumArchiefprocedure | None = None
    procesobjectaard: str | None = Field(None, max_length=200)
    catalogus: str | None = None
    beginGeldigheid: datetime.date | None = None
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None
    indicatieSpecifiek: bool | None = None
    procestermijn: str | None = None
    besluittypen: list[str] | None = None
    besluittypeOmschrijving: list[str] | None = None
    informatieobjecttypen: list[str] | None = None
    informatieobjecttypeOmschrijving: list[str] | None = None


class EigenschapSpecificatie(Schema):
    groep: str | None = Field(None, max_length=lengths.EIGENSCHAP_GROEP)
    formaat: FormaatEnum
    lengte: str = Field(max_length=14)
    kardinaliteit: str = Field(max_length=3)
    waardenverzameling: list[lengths.Waarde] | None = None


class Eigenschap(Schema):
    url: str
    naam: str = Field(max_length=lengths.EIGENSCHAP_NAAM)
    catalogus: str
    definitie: str = Field(max_length=lengths.EIGENSCHAP_DEFINITIE)
    specificatie: EigenschapSpecificatie
    toelichting: str | None = Field(None, max_length=lengths.EIGENSCHAP_TOELICHTING)
    zaaktype: str
    zaaktypeIdentificatie: str
    statustype: str | None = None
    beginGeldigheid: datetime.date | None = None
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None


class ZaakTypeInformatieObjectType(Schema):
    url: str
    zaaktype: str
    zaaktypeIdentificatie: str
    catalogus: str
    informatieobjecttype: str = Field(max_length=100)
    volgnummer: int
    richting: RichtingEnum
    statustype: str | None = None


class InformatieObjectTypeIn(Schema):
    catalogus: str
    omschrijving: str = Field(max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum
    beginGeldigheid: BoundedDate
    eindeGeldigheid: BoundedDate | None = None
    informatieobjectcategorie: str = Field(max_length=80)
    trefwoord: list[Trefwoord] = Field(default_factory=list)
    omschrijvingGeneriek: InformatieObjectTypeOmschrijvingGeneriek | None = None


class PatchedInformatieObjectType(Schema):
    omschrijving: str | None = Field(None, max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidaanduidingEnum | None = None
    beginGeldigheid: BoundedDate | None = None
    eindeGeldigheid: BoundedDate | None = None
    informatieobjectcategorie: str | None = Field(None, max_length=80)
    trefwoord: list[Trefwoord] | None = None
    omschrijvingGeneriek: InformatieObjectTypeOmschrijvingGeneriek | None = None


class BesluitTypeIn(Schema):
    catalogus: str
    omschrijving: str = Field(max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    besluitcategorie: str | None = Field(None, max_length=lengths.BESLUITCATEGORIE)
    reactietermijn: Term | None = None
    publicatieIndicatie: bool
    publicatietekst: str | None = None
    publicatietermijn: Term | None = None
    toelichting: str | None = None
    informatieobjecttypen: list[str]
    beginGeldigheid: BoundedDate
    eindeGeldigheid: BoundedDate | None = None


class PatchedBesluitType(Schema):
    omschrijving: str | None = Field(None, max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    besluitcategorie: str | None = Field(None, max_length=lengths.BESLUITCATEGORIE)
    reactietermijn: Term | None = None
    publicatieIndicatie: bool | None = None
    publicatietekst: str | None = None
    publicatietermijn: Term | None = None
    toelichting: str | None = None
    informatieobjecttypen: list[str] | None = None
    beginGeldigheid: BoundedDate | None = None
    eindeGeldigheid: BoundedDate | None = None


class PatchedStatusType(Schema):
    zaaktype: str | None = None
    omschrijving: str | None = Field(None, max_length=80)
    omschrijvingGeneriek: str | None = Field(None, max_length=80)
    statustekst: str | None = Field(None, max_length=1000)
    volgnummer: int | None = Field(None, ge=1, le=9999)
    informeren: bool | None = None
    doorlooptijd: Term | None = None
    toelichting: str | None = Field(None, max_length=1000)
    checklistitemStatustype: list[CheckListItem] | None = None
    eigenschappen: list[str] | None = None


class PatchedRolType(Schema):
    zaaktype: str | None = None
    omschrijving: str | None = Field(None, max_length=80)
    omschrijvingGeneriek: OmschrijvingGeneriekEnum | None = None
    catalogus: str | None = None


class ZaakTypeInformatieObjectTypeIn(Schema):
    zaaktype: str
    # Catalogi 1.3: the omschrijving of the informatieobjecttype, shared by all its versions.
    informatieobjecttype: str = Field(max_length=100)
    volgnummer: int = Field(ge=1, le=999)
    richting: RichtingEnum
    statustype: str | None = None


class CatalogusIn(Schema):
    domein: str = Field(max_length=5)
    rsin: str = Field(max_length=9)
    contactpersoonBeheerNaam: str = Field(max_length=lengths.CATALOGUS_CONTACTPERSOON)
    contactpersoonBeheerTelefoonnummer: str | None = Field(None, max_length=20)
    contactpersoonBeheerEmailadres: str | None = Field(None, max_length=254)
    naam: str | None = Field(None, max_length=200)
    versie: str | None = Field(None, max_length=20)
    begindatumVersie: BoundedDate | None = None


class PatchedCatalogus(Schema):
    domein: str | None = Field(None, max_length=5)
    rsin: str | None = Field(None, max_length=9)
    contactpersoonBeheerNaam: str | None = Field(None, max_length=lengths.CATALOGUS_CONTACTPERSOON)
    contactpersoonBeheerTelefoonnummer: str | None = Field(None, max_length=20)
    contactpersoonBeheerEmailadres: str | None = Field(None, max_length=254)
    naam: str | None = Field(None, max_length=200)
    versie: str | None = Field(None, max_length=20)
    begindatumVersie: BoundedDate | None = None


class ResultaatTypeCreate(Schema):
    """``POST``/``PUT /resultaattypen``; its validity is its zaaktype's (docs/zgw-deviations.md)."""

    zaaktype: str
    omschrijving: str = Field(max_length=lengths.RESULTAATTYPE_OMSCHRIJVING)
    resultaattypeomschrijving: str = Field(max_length=1000)
    selectielijstklasse: str = Field(max_length=1000)
    toelichting: str | None = None
    archiefnominatie: ArchiefnominatieEnum | Literal[""] | None = None
    archiefactietermijn: ArchiveTerm | None = None
    brondatumArchiefprocedure: BrondatumArchiefprocedure
    procesobjectaard: str | None = Field(None, max_length=200)
    catalogus: str | None = None
    indicatieSpecifiek: bool | None = None
    procestermijn: ArchiveTerm | None = None
    besluittypen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)


class EigenschapIn(Schema):
    """``POST``/``PUT /eigenschappen``; its validity is its zaaktype's (docs/zgw-deviations.md)."""

    naam: str = Field(max_length=lengths.EIGENSCHAP_NAAM)
    definitie: str = Field(max_length=lengths.EIGENSCHAP_DEFINITIE)
    specificatie: EigenschapSpecificatie
    toelichting: str | None = Field(None, max_length=lengths.EIGENSCHAP_TOELICHTING)
    zaaktype: str
    statustype: str | None = None


class PatchedResultaatType(Schema):
    zaaktype: str | None = None
    omschrijving: str | None = Field(None, max_length=lengths.RESULTAATTYPE_OMSCHRIJVING)
    resultaattypeomschrijving: str | None = Field(None, max_length=1000)
    selectielijstklasse: str | None = Field(None, max_length=1000)
    toelichting: str | None = None
    archiefnominatie: ArchiefnominatieEnum | None = None
    archiefactietermijn: ArchiveTerm | None = None
    brondatumArchiefprocedure: BrondatumArchiefprocedure | None = None
    procesobjectaard: str | None = Field(None, max_length=200)
    catalogus: str | None = None
    indicatieSpecifiek: bool | None = None
    procestermijn: ArchiveTerm | None = None
    besluittypen: list[str] | None = None
    informatieobjecttypen: list[str] | None = None


class PatchedEigenschap(Schema):
    zaaktype: str | None = None
    naam: str | None = Field(None, max_length=lengths.EIGENSCHAP_NAAM)
    definitie: str | None = Field(None, max_length=lengths.EIGENSCHAP_DEFINITIE)
    specificatie: EigenschapSpecificatie | None = None
    toelichting: str | None = Field(None, max_length=lengths.EIGENSCHAP_TOELICHTING)
    statustype: str | None = None


class PatchedZaakTypeInformatieObjectType(Schema):
    zaaktype: str | None = None
    informatieobjecttype: str | None = Field(None, max_length=100)
    volgnummer: int | None = Field(None, ge=1, le=999)
    richting: RichtingEnum | None = None
    statustype: str | None = None


class ZaakObjectType(Schema):
    url: str
    anderObjecttype: bool
    beginGeldigheid: datetime.date | None = None
    eindeGeldigheid: datetime.date | None = None
    beginObject: datetime.date | None = None
    eindeObject: datetime.date | None = None
    objecttype: str = Field(max_length=200)
    relatieOmschrijving: str = Field(max_length=80)
    zaaktype: str
    zaaktypeIdentificatie: str
    resultaattypen: list[str]
    resultaattypeOmschrijving: list[str] | None = None
    statustypen: list[str]
    catalogus: str


class ZaakObjectTypeIn(Schema):
    """``POST``/``PUT /zaakobjecttypen``; its validity is its zaaktype's (docs/zgw-deviations.md)."""

    anderObjecttype: bool
    objecttype: str = Field(min_length=1, max_length=200)
    relatieOmschrijving: str = Field(min_length=1, max_length=80)
    zaaktype: str
    catalogus: str


class PatchedZaakObjectType(Schema):
    anderObjecttype: bool | None = None
    objecttype: str | None = Field(None, min_length=1, max_length=200)
    relatieOmschrijving: str | None = Field(None, min_length=1, max_length=80)
    zaaktype: str | None = None
    catalogus: str | None = None
