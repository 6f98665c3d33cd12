"""Import the library of base processes: check every file first, then write all or nothing.

A broken file never leaves half a catalog behind: all files are parsed and checked before
the first write, the writes share one transaction, and every problem names the file, the
line and the field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from pydantic import BaseModel, ValidationError

from plus1.audit.services import Actor, record_change
from plus1.core.exceptions import Plus1Error
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

from ..conditions import condition_problem
from ..constants import PublicationStatus
from ..data_classes import infer_data_class
from ..exceptions import CannotPublish
from ..models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    Process,
    Product,
    ResultaatType,
    ResultaatTypeOmschrijving,
    RolType,
    SelectielijstProcestype,
    SelectielijstResultaat,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from ..processing import load_shipped_activities
from ..search import rebuild_search_index
from ..services import publish_zaaktype
from .errors import dutch_message
from .schema import BesluitTypeSpec, InformatieObjectTypeFile, InformatieObjectTypeSpec, ProcessSpec
from .yaml_lines import LocatedDocument, load_with_lines

LIBRARY_DIR = Path(__file__).resolve().parent.parent / "library"
SELECTIELIJST_YEAR = 2020
COLLECTIVE_CATALOGUS_DOMEIN = "PLUS1"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CatalogImportError(Plus1Error):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"De catalogus is niet geïmporteerd; er is niets gewijzigd. Problemen:\n{lines}")


@dataclass
class ImportReport:
    files: int = 0
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    created_informatieobjecttypen: int = 0
    linked_activities: int = 0


@dataclass
class _Parsed:
    name: str
    document: LocatedDocument
    spec: Any


def format_path(path: Iterable[str | int]) -> str:
    """Show a field path the way a person counts: ``statustypen[2].omschrijving`` (1-based)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def import_library(path: Path | str = LIBRARY_DIR, *, actor: Actor | None = None) -> ImportReport:
    """Import every ``*.yaml`` under ``path`` (or the one file) into the collective's catalog.

    Importing the same files twice changes nothing. A published version never changes:
    to change a process, add a file (or raise ``version``) with a later ``valid_from``.
    Raises ``CatalogImportError`` listing every problem; nothing is written then.
    """
    actor = actor or Actor.system("catalogus-import")
    root = Path(path)
    files = sorted(root.rglob("*.yaml")) if root.is_dir() else [root]
    base = root if root.is_dir() else root.parent
    problems: list[Problem] = []
    if not files or not all(f.exists() for f in files):
        raise CatalogImportError([Problem(str(root), 1, "", "geen YAML-bestanden gevonden op deze plek")])

    iot_files: list[_Parsed] = []
    process_files: list[_Parsed] = []
    for file in files:
        parsed = _parse(file, file.relative_to(base).as_posix() if root.is_dir() else str(file), problems)
        if parsed is None:
            continue
        (iot_files if isinstance(parsed.spec, InformatieObjectTypeFile) else process_files).append(parsed)

    collective = get_collective()
    checker = _Checker(collective, problems)
    iots = checker.check_informatieobjecttypen(iot_files)
    plan, unchanged = checker.check_processes(process_files, iots)
    if problems:
        raise CatalogImportError(problems)

    report = ImportReport(files=len(files), unchanged=unchanged)
    try:
        with transaction.atomic():
            _write(collective, iots, plan, actor, report)
            report.linked_activities = load_shipped_activities()
            if report.created:
                rebuild_search_index()
    except CannotPublish as exc:
        raise CatalogImportError([Problem(str(root), 1, "", str(exc))]) from exc
    return report


def _parse(file: Path, name: str, problems: list[Problem]) -> _Parsed | None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(name, 1, "", "het bestand is geen UTF-8-tekst"))
        return None
    try:
        document = load_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(name, line, "", f"dit is geen geldige YAML ({reason})"))
        return None
    for key_path, line in document.duplicate_keys:
        problems.append(Problem(name, line, format_path(key_path), "dit veld staat twee keer in het bestand"))
    if not isinstance(document.data, dict):
        problems.append(Problem(name, 1, "", "het bestand moet velden bevatten (een YAML-mapping)"))
        return None
    is_iot_file = "informatieobjecttypen" in document.data and "identificatie" not in document.data
    model: type[BaseModel] = InformatieObjectTypeFile if is_iot_file else ProcessSpec
    try:
        spec = model.model_validate(document.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append(Problem(name, document.line_of(loc), format_path(loc), dutch_message(error)))
        return None
    return _Parsed(name=name, document=document, spec=spec)


@dataclass
class _IotPlan:
    spec: InformatieObjectTypeSpec
    existing: InformatieObjectType | None


@dataclass
class _ProcessPlan:
    parsed: _Parsed
    digest: str
    product: Product
    procestype: SelectielijstProcestype
    klassen: list[SelectielijstResultaat]
    generics: list[ResultaatTypeOmschrijving]


class _Checker:
    """Checks that need the database or more than one file; appends to ``problems``."""

    def __init__(self, collective: Organisation, problems: list[Problem]):
        self.collective = collective
        self.problems = problems

    def problem(self, parsed: _Parsed, path: tuple, message: str) -> None:
        self.problems.append(Problem(parsed.name, parsed.document.line_of(path), format_path(path), message))

    def check_informatieobjecttypen(self, files: list[_Parsed]) -> dict[str, _IotPlan]:
        existing = {i.omschrijving: i for i in InformatieObjectType.objects.for_tenant(self.collective)}
        plans: dict[str, _IotPlan] = {}
        for parsed in files:
            for index, spec in enumerate(parsed.spec.informatieobjecttypen):
                path = ("informatieobjecttypen", index, "omschrijving")
                if spec.omschrijving in plans:
                    self.problem(parsed, path, f"'{spec.omschrijving}' staat ook in een ander bestand")
                    continue
                current = existing.get(spec.omschrijving)
                if current is not None:
                    for name, value in _iot_values(spec).items():
                        if getattr(current, name) != value:
                            self.problem(
                                parsed,
                                ("informatieobjecttypen", index, name),
                                f"'{spec.omschrijving}' is al gepubliceerd met een andere waarde; "
                                "een gepubliceerd documenttype verandert niet",
                            )
                plans[spec.omschrijving] = _IotPlan(spec=spec, existing=current)
        return plans

    def check_processes(
        self, files: list[_Parsed], iots: dict[str, _IotPlan]
    ) -> tuple[list[_ProcessPlan], list[str]]:
        """Plan the new versions to create; also return the versions that are already there."""
        products = {p.upl_name: p for p in Product.objects.all()}
        procestypen = {p.nummer: p for p in SelectielijstProcestype.objects.filter(jaar=SELECTIELIJST_YEAR)}
        klassen = {
            (r.procestype_id, r.volledig_nummer): r
            for r in SelectielijstResultaat.objects.filter(procestype__jaar=SELECTIELIJST_YEAR)
        }
        generics = {g.omschrijving.lower(): g for g in ResultaatTypeOmschrijving.objects.all()}
        known_iots = set(iots) | set(
            InformatieObjectType.objects.for_tenant(self.collective).values_list("omschrijving", flat=True)
        )
        existing_versions = {
            (z.process.identificatie, z.version): z
            for z in ZaakType.objects.for_tenant(self.collective).select_related("process")
        }
        existing_besluittypen = {b.omschrijving: b for b in BesluitType.objects.for_tenant(self.collective)}
        seen_versions: set[tuple[str, int]] = set()
        besluittypen_in_files: dict[str, BesluitTypeSpec] = {}
        plans: list[_ProcessPlan] = []
        unchanged: list[str] = []

        for parsed in files:
            spec: ProcessSpec = parsed.spec
            before = len(self.problems)
            key = (spec.identificatie, spec.version)
            if key in seen_versions:
                self.problem(
                    parsed,
                    ("version",),
                    f"versie {spec.version} van '{spec.identificatie}' staat ook in een ander bestand",
                )
            seen_versions.add(key)
            product = products.get(spec.product)
            if product is None:
                self.problem(parsed, ("product",), f"'{spec.product}' is geen gemeentelijk product in de UPL")
            procestype = procestypen.get(spec.selectielijst_procestype)
            if procestype is None:
                self.problem(
                    parsed, ("selectielijst_procestype",), "onbekend procestype in de Selectielijst 2020"
                )
            plan_klassen, plan_generics = [], []
            for index, resultaat in enumerate(spec.resultaattypen):
                klasse = klassen.get((procestype.pk if procestype else None, resultaat.selectielijstklasse))
                if klasse is None and procestype is not None:
                    self.problem(
                        parsed,
                        ("resultaattypen", index, "selectielijstklasse"),
                        f"{resultaat.selectielijstklasse} is geen resultaat van procestype "
                        f"{procestype.nummer} ({procestype.naam}) in de Selectielijst 2020",
                    )
                generic = generics.get(resultaat.generic.lower())
                if generic is None:
                    self.problem(
                        parsed,
                        ("resultaattypen", index, "generic"),
                        f"'{resultaat.generic}' is geen generieke resultaatomschrijving; kies uit: "
                        + ", ".join(sorted(g.omschrijving for g in generics.values())),
                    )
                plan_klassen.append(klasse)
                plan_generics.append(generic)
            for index, document in enumerate(spec.documents):
                if document.informatieobjecttype not in known_iots:
                    self.problem(
                        parsed,
                        ("documents", index, "informatieobjecttype"),
                        f"'{document.informatieobjecttype}' is geen bekend informatieobjecttype",
                    )
            self._check_conditions(parsed)
            for index, besluittype in enumerate(spec.besluittypen):
                earlier = besluittypen_in_files.get(besluittype.omschrijving)
                current = existing_besluittypen.get(besluittype.omschrijving)
                if (earlier is not None and earlier != besluittype) or (
                    current is not None and _besluittype_differs(current, besluittype)
                ):
                    self.problem(
                        parsed,
                        ("besluittypen", index, "omschrijving"),
                        f"besluittype '{besluittype.omschrijving}' bestaat al met andere gegevens",
                    )
                besluittypen_in_files[besluittype.omschrijving] = besluittype
            digest = _digest(spec)
            current_version = existing_versions.get(key)
            if current_version is not None and current_version.source_digest != digest:
                self.problem(
                    parsed,
                    ("version",),
                    f"versie {spec.version} van '{spec.identificatie}' is al gepubliceerd met andere inhoud; "
                    "verhoog version en geef een latere valid_from om een nieuwe versie te maken",
                )
            if current_version is None:
                self._check_version_order(parsed, existing_versions)
            elif current_version.source_digest == digest:
                unchanged.append(f"{spec.identificatie} v{spec.version}")
            if len(self.problems) == before and current_version is None:
                assert product is not None and procestype is not None
                plans.append(_ProcessPlan(parsed, digest, product, procestype, plan_klassen, plan_generics))
        return plans, unchanged

    def _check_conditions(self, parsed: _Parsed) -> None:
        """A ``required_when`` names an earlier choice field of this process and one of its answers."""
        spec: ProcessSpec = parsed.spec
        items = [("eigenschappen", i, e, i) for i, e in enumerate(spec.eigenschappen)]
        items += [("documents", i, d, None) for i, d in enumerate(spec.documents)]
        for group, index, item, before in items:
            if item.required_when is None:
                continue
            if problem := condition_problem(item.required_when.stored(), spec.eigenschappen, before=before):
                self.problem(parsed, (group, index, "required_when", "field"), problem)

    def _check_version_order(self, parsed: _Parsed, existing: dict[tuple[str, int], ZaakType]) -> None:
        spec: ProcessSpec = parsed.spec
        newest = max(
            (z for (identificatie, _v), z in existing.items() if identificatie == spec.identificatie),
            key=lambda z: z.version,
            default=None,
        )
        if newest is None:
            return
        if spec.version < newest.version:
            self.problem(
                parsed,
                ("version",),
                f"er is al een nieuwere versie ({newest.version}) van '{spec.identificatie}'",
            )
        elif spec.valid_from <= newest.valid_from:
            self.problem(
                parsed,
                ("valid_from",),
                f"moet later zijn dan {newest.valid_from:%Y-%m-%d}, "
                f"de ingangsdatum van versie {newest.version}",
            )


def _iot_values(spec: InformatieObjectTypeSpec) -> dict[str, Any]:
    return {
        "category": spec.category,
        "confidentiality": spec.confidentiality,
        "description": spec.description,
        "valid_from": spec.valid_from,
    }


def _besluittype_values(spec: BesluitTypeSpec) -> dict[str, Any]:
    return {
        "category": spec.category,
        "reactietermijn": spec.reactietermijn or "",
        "publication_required": spec.publication_required,
        "toelichting": spec.toelichting,
    }


def _besluittype_differs(current: BesluitType, spec: BesluitTypeSpec) -> bool:
    return any(getattr(current, name) != value for name, value in _besluittype_values(spec).items())


def _digest(spec: ProcessSpec) -> str:
    data = spec.model_dump(mode="json")
    # ``data_class`` came to the format later: it counts only when a file sets it, so a process
    # loaded before keeps its digest and is not reported as changed.
    for eigenschap in data.get("eigenschappen", []):
        if eigenschap.get("data_class") is None:
            eigenschap.pop("data_class", None)
    # ``required_when`` came later too: a file without conditions keeps its digest.
    for item in [*data.get("eigenschappen", []), *data.get("documents", [])]:
        if item.get("required_when") is None:
            item.pop("required_when", None)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _write(
    collective: Organisation,
    iots: dict[str, _IotPlan],
    plans: list[_ProcessPlan],
    actor: Actor,
    report: ImportReport,
) -> None:
    catalogus, _created = Catalogus.objects.get_or_create(
        tenant=collective,
        domein=COLLECTIVE_CATALOGUS_DOMEIN,
        defaults={"naam": "Plus1 basisprocessen", "contact_email": collective.contact_email},
    )
    for plan in iots.values():
        if plan.existing is None:
            InformatieObjectType.objects.create(
                tenant=collective,
                catalogus=catalogus,
                omschrijving=plan.spec.omschrijving,
                status=PublicationStatus.PUBLISHED,
                **_iot_values(plan.spec),
            )
            report.created_informatieobjecttypen += 1
    iot_by_name = {i.omschrijving: i for i in InformatieObjectType.objects.for_tenant(collective)}
    for plan in sorted(plans, key=lambda p: (p.parsed.spec.identificatie, p.parsed.spec.version)):
        zaaktype = _create_version(collective, catalogus, plan, iot_by_name, actor)
        publish_zaaktype(zaaktype=zaaktype, actor=actor)
        report.created.append(f"{zaaktype.identificatie} v{zaaktype.version}")


def _create_version(
    collective: Organisation,
    catalogus: Catalogus,
    plan: _ProcessPlan,
    iot_by_name: dict[str, InformatieObjectType],
    actor: Actor,
) -> ZaakType:
    spec: ProcessSpec = plan.parsed.spec
    process, _created = Process.objects.get_or_create(
        tenant=collective, identificatie=spec.identificatie, defaults={"catalogus": catalogus}
    )
    zaaktype = ZaakType.objects.create(
        tenant=collective,
        process=process,
        version=spec.version,
        valid_from=spec.valid_from,
        omschrijving=spec.omschrijving,
        product=plan.product,
        producten_of_diensten=[plan.product.upl_uri],
        description=spec.description,
        purpose=spec.purpose,
        trigger=spec.trigger,
        subject=spec.subject,
        initiator_action=spec.initiator_action,
        handler_action=spec.handler_action,
        responsible=spec.responsible,
        direction=spec.direction,
        confidentiality=spec.confidentiality,
        lead_time=spec.lead_time,
        lead_time_source=spec.lead_time_source,
        service_norm=spec.service_norm or "",
        suspension_allowed=spec.suspension_allowed,
        extension_allowed=spec.extension_allowed,
        extension_period=spec.extension_period or "",
        extension_source=spec.extension_source,
        selectielijst_procestype=plan.procestype,
        keywords=spec.keywords,
        is_for_residents="resident" in spec.audiences,
        is_for_businesses="business" in spec.audiences,
        allows_online=spec.allows_online,
        allows_anonymous=spec.allows_anonymous,
        source_digest=plan.digest,
    )
    StatusType.objects.bulk_create(
        StatusType(zaaktype=zaaktype, volgnummer=number, **s.model_dump())
        for number, s in enumerate(spec.statustypen, start=1)
    )
    ResultaatType.objects.bulk_create(
        ResultaatType(
            zaaktype=zaaktype,
            omschrijving=r.omschrijving,
            generic=generic,
            selectielijstklasse=klasse,
            # ZGW ztc-002: derive the archive rules from the selectielijst when not given.
            archiefnominatie=r.archiefnominatie or klasse.waardering,
            archiefactietermijn=r.archiefactietermijn or klasse.bewaartermijn,
            brondatum_afleidingswijze=r.brondatum_afleidingswijze,
            toelichting=r.toelichting,
        )
        for r, klasse, generic in zip(spec.resultaattypen, plan.klassen, plan.generics, strict=True)
    )
    RolType.objects.bulk_create(RolType(zaaktype=zaaktype, **r.model_dump()) for r in spec.roltypen)
    Eigenschap.objects.bulk_create(
        Eigenschap(
            zaaktype=zaaktype,
            order=order,
            # A conditional field is required only when its condition holds (catalog.conditions).
            is_required=e.required and e.required_when is None,
            data_class=e.data_class or infer_data_class(e.name, e.data_type),
            required_when=e.required_when.stored() if e.required_when else {},
            **e.model_dump(exclude={"required", "data_class", "required_when"}),
        )
        for order, e in enumerate(spec.eigenschappen, start=1)
    )
    ZaakTypeInformatieObjectType.objects.bulk_create(
        ZaakTypeInformatieObjectType(
            zaaktype=zaaktype,
            informatieobjecttype=iot_by_name[d.informatieobjecttype],
            volgnummer=number,
            is_required=d.required,
            direction=d.direction,
            required_when=d.required_when.stored() if d.required_when else {},
        )
        for number, d in enumerate(spec.documents, start=1)
    )
    for b in spec.besluittypen:
        besluittype, _created = BesluitType.objects.get_or_create(
            tenant=collective,
            catalogus=catalogus,
            omschrijving=b.omschrijving,
            defaults={
                **_besluittype_values(b),
                "valid_from": spec.valid_from,
                "status": PublicationStatus.PUBLISHED,
            },
        )
        zaaktype.besluittypen.add(besluittype)
    record_change(
        tenant=collective,
        actor=actor,
        action="import_zaaktype",
        obj=zaaktype,
        after={"file": plan.parsed.name, "digest": plan.digest},
    )
    return zaaktype
