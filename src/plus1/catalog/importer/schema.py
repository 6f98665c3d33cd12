"""The shape of a base-process file in the catalog library.

These pydantic models check one file on its own: types, required fields, allowed
values and the rules between fields of one file. Checks that need the database
(does the UPL product exist, does the selectielijst class belong to the procestype)
live in ``importer.loader``. ``docs/catalog-format.md`` explains every field.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from plus1.catalog.constants import (
    Archiefnominatie,
    BrondatumAfleidingswijze,
    DataClass,
    DataType,
    DateRange,
    Direction,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheid,
)
from plus1.catalog.terms import ARCHIVE_TERM_YEARS, term_problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELD_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _iso_duration(value: str) -> str:
    # The widest bound (archive terms); the API holds zaak terms to 100 years (catalog.terms).
    if reason := term_problem(value, max_years=ARCHIVE_TERM_YEARS):
        raise ValueError(f"geen geldige ISO 8601-termijn {value!r}: {reason}")
    return value


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError("alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'parkeervergunning')")
    return value


def _field_name(value: str) -> str:
    if not FIELD_NAME_RE.match(value):
        raise ValueError("alleen kleine letters, cijfers en liggende streepjes, beginnend met een letter")
    return value


IsoDuration = Annotated[str, AfterValidator(_iso_duration)]
Slug = Annotated[str, Field(max_length=80), AfterValidator(_slug)]
FieldName = Annotated[str, Field(max_length=60), AfterValidator(_field_name)]
ShortText = Annotated[str, Field(min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=1000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class StatusTypeSpec(Strict):
    omschrijving: ShortText
    generic_description: Annotated[str, Field(max_length=80)] = ""
    informs_initiator: bool = False
    # What the resident reads when this status is set; required when they are informed.
    statustekst: Annotated[str, Field(max_length=1000)] = ""

    @model_validator(mode="after")
    def _text_when_informing(self) -> StatusTypeSpec:
        if self.informs_initiator and not self.statustekst:
            raise ValueError("statustekst is verplicht als informs_initiator aan staat")
        return self


class ResultaatTypeSpec(Strict):
    omschrijving: ShortText
    # One of the generic result descriptions of the VNG Referentielijsten (e.g. "Toegekend").
    generic: ShortText
    # Selectielijst 2020 class, by its full number (e.g. "5.1"); must belong to the procestype.
    selectielijstklasse: Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?$")]
    # Derived from the selectielijst class when left out (ztc-002).
    archiefnominatie: Archiefnominatie | None = None
    archiefactietermijn: IsoDuration | None = None
    brondatum_afleidingswijze: BrondatumAfleidingswijze = BrondatumAfleidingswijze.AFGEHANDELD
    toelichting: Annotated[str, Field(max_length=1000)] = ""


class RolTypeSpec(Strict):
    omschrijving: ShortText
    generic: RolOmschrijvingGeneriek


class ConditionSpec(Strict):
    """``required_when``: required only when an earlier choice field has one of these answers."""

    field: FieldName
    # One answer or a list of answers ("one of these"); checked against the field's choices.
    equals: ShortText | Annotated[list[ShortText], Field(min_length=1)]

    def stored(self) -> dict:
        """The shape kept on the model (catalog.conditions): always a list of values."""
        return {"field": self.field, "values": [self.equals] if isinstance(self.equals, str) else self.equals}


def _optional_when_conditional(item: BaseModel) -> None:
    # A conditional item is not required otherwise; "required: true" beside it contradicts it.
    if getattr(item, "required_when", None) is not None and "required" in item.model_fields_set:
        raise ValueError(
            "gebruik required of required_when, niet allebei (met required_when is het anders niet verplicht)"
        )


class EigenschapSpec(Strict):
    name: FieldName
    label: Annotated[str, Field(min_length=1, max_length=200)]
    data_type: DataType
    required: bool = True
    help_text: Annotated[str, Field(max_length=500)] = ""
    # Page of the request form this field is shown on.
    step: ShortText = "Gegevens"
    choices: list[ShortText] = []
    min_length: Annotated[int, Field(ge=0)] | None = None
    max_length: Annotated[int, Field(ge=1, le=5000)] | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    date_range: DateRange = DateRange.ANY
    # contact, personal or case; inferred from data_type and name when left out.
    data_class: DataClass | None = None
    # Required only after a given earlier answer (checked against the fields by the importer).
    required_when: ConditionSpec | None = None

    @model_validator(mode="after")
    def _rules_fit_type(self) -> EigenschapSpec:
        _optional_when_conditional(self)
        if self.data_type == DataType.CHOICE and len(self.choices) < 2:
            raise ValueError("een keuzeveld heeft minstens twee keuzes (choices)")
        if self.data_type != DataType.CHOICE and self.choices:
            raise ValueError("choices mag alleen bij data_type choice")
        if (self.min_value is not None or self.max_value is not None) and self.data_type != DataType.NUMBER:
            raise ValueError("min_value/max_value mag alleen bij data_type number")
        if (self.min_length is not None or self.max_length is not None) and self.data_type != DataType.TEXT:
            raise ValueError("min_length/max_length mag alleen bij data_type text")
        if self.date_range != DateRange.ANY and self.data_type != DataType.DATE:
            raise ValueError("date_range mag alleen bij data_type date")
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValueError("min_value is groter dan max_value")
        if self.min_length is not None and self.max_length is not None and self.min_length > self.max_length:
            raise ValueError("min_length is groter dan max_length")
        return self


class DocumentSpec(Strict):
    # The omschrijving of an informatieobjecttype from informatieobjecttypen.yaml.
    informatieobjecttype: ShortText
    required: bool = False
    direction: Direction = Direction.INKOMEND
    # Required only after a given answer on the request form (checked by the importer).
    required_when: ConditionSpec | None = None

    @model_validator(mode="after")
    def _condition_fits(self) -> DocumentSpec:
        _optional_when_conditional(self)
        if self.required_when is not None and self.direction != Direction.INKOMEND:
            raise ValueError("required_when kan alleen bij een document dat de inwoner aanlevert (inkomend)")
        return self


class BesluitTypeSpec(Strict):
    omschrijving: ShortText
    category: ShortText
    # Period in which an interested party can object or appeal (reactietermijn).
    reactietermijn: IsoDuration | None = None
    publication_required: bool = False
    toelichting: Annotated[str, Field(max_length=1000)] = ""


class ProcessSpec(Strict):
    """One version of one base process (a zaaktype)."""

    identificatie: Slug
    version: Annotated[int, Field(ge=1)]
    valid_from: datetime.date
    omschrijving: ShortText
    # Exact name of a gemeente product in the Uniforme Productnamenlijst.
    product: ShortText
    description: Text
    purpose: Text
    trigger: Text
    subject: Annotated[str, Field(min_length=1, max_length=200)]
    initiator_action: ShortText
    handler_action: ShortText
    responsible: ShortText
    direction: Literal["extern", "intern"] = "extern"
    confidentiality: Vertrouwelijkheid
    lead_time: IsoDuration
    # The legal source of the lead time, e.g. "Awb art. 4:13".
    lead_time_source: Annotated[str, Field(min_length=3, max_length=300)]
    service_norm: IsoDuration | None = None
    suspension_allowed: bool
    extension_allowed: bool
    extension_period: IsoDuration | None = None
    extension_source: Annotated[str, Field(max_length=300)] = ""
    # Number of the procestype in the VNG Selectielijst 2020 (1-29).
    selectielijst_procestype: Annotated[int, Field(ge=1, le=29)]
    keywords: list[ShortText] = []
    audiences: list[Literal["resident", "business"]] = Field(min_length=1)
    allows_online: bool = True
    allows_anonymous: bool = False
    statustypen: list[StatusTypeSpec] = Field(min_length=1)
    resultaattypen: list[ResultaatTypeSpec] = Field(min_length=1)
    roltypen: list[RolTypeSpec] = Field(min_length=1)
    eigenschappen: list[EigenschapSpec] = []
    documents: list[DocumentSpec] = []
    besluittypen: list[BesluitTypeSpec] = []

    @model_validator(mode="after")
    def _consistent(self) -> ProcessSpec:
        if self.extension_allowed and not self.extension_period:
            raise ValueError("extension_period is verplicht als extension_allowed aan staat")
        if not self.extension_allowed and self.extension_period:
            raise ValueError("extension_period mag alleen als extension_allowed aan staat")
        if not any(r.generic == RolOmschrijvingGeneriek.INITIATOR for r in self.roltypen):
            raise ValueError("er moet een roltype met generic 'initiator' zijn")
        _unique(self.statustypen, "omschrijving", "statustypen")
        _unique(self.resultaattypen, "omschrijving", "resultaattypen")
        _unique(self.roltypen, "omschrijving", "roltypen")
        _unique(self.eigenschappen, "name", "eigenschappen")
        _unique(self.documents, "informatieobjecttype", "documents")
        _unique(self.besluittypen, "omschrijving", "besluittypen")
        return self


class InformatieObjectTypeSpec(Strict):
    omschrijving: ShortText
    category: ShortText
    confidentiality: Vertrouwelijkheid
    description: Annotated[str, Field(max_length=500)] = ""
    valid_from: datetime.date


class InformatieObjectTypeFile(Strict):
    informatieobjecttypen: list[InformatieObjectTypeSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> InformatieObjectTypeFile:
        _unique(self.informatieobjecttypen, "omschrijving", "informatieobjecttypen")
        return self


def _unique(items: list, attribute: str, label: str) -> None:
    seen: set[str] = set()
    for item in items:
        value = getattr(item, attribute)
        if value in seen:
            raise ValueError(f"{label}: {value!r} komt twee keer voor")
        seen.add(value)
