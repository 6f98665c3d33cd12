"""The ARO/GIR export: a gemeente's incidents of a period, as JSON and CSV, without names unless asked.

The fields follow what ARO and GIR register (../shared/data/aggression/, "Registreer het
incident"): what happened, where and when, who was involved, the consequences, and the
follow-up (aangifte, nazorg, reactie, schadeverhaal, maatregelen). docs/aro-export.md lists
every field, its source and what is left out and why. In short: the employee by role and team,
never by name; the person involved only by kind, unless the coordinator ticks "met namen";
free text (description, location) only "met namen", as it can name or locate a person; never a
BSN (ARO has no legal ground to receive it).

Every export is in the processing log (export, with ``LEGAL_GROUND``): "met namen" one record
per report that names a person, with that person as subject; without names one record for the
batch. Sending to ARO is also in the audit trail (``submit_to_aro``).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import timezone

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership
from plus1.audit import services as audit
from plus1.audit.models import Channel, ProcessingAction
from plus1.audit.services import Actor, ObjectRef
from plus1.connectors.aro import AroConnector, AroReceipt, get_aro_connector
from plus1.tenants.models import Organisation

from .constants import AFTERCARE_HOURS, REACTION_HOURS, TaskKind
from .figures import Period
from .models import Incident, IncidentTask, Measure
from .services.log import ACTIVITY, person_subject

SCHEMA = "plus1-aro-export/1"
EXPORT_OPERATION = "incidents.aro_export"
SUBMIT_OPERATION = "incidents.aro_submit"
# The columns of the CSV, one row per incident; lists joined with LIST_SEPARATOR.
CSV_COLUMNS = (
    "nummer",
    "datum_tijd",
    "gemeld_op",
    "kanaal",
    "categorieen",
    "gevolgen",
    "medewerker_functie",
    "medewerker_team",
    "aantal_getuigen",
    "zaak_aanwezig",
    "dader_soort",
    "aangifte_gedaan",
    "aangifte_namens_werkgever",
    "nazorg_gedaan",
    "nazorg_binnen_24_uur",
    "reactie_gedaan",
    "reactie_soort",
    "reactie_binnen_48_uur",
    "schadeverhaal_gedaan",
    "maatregelen",
    "status",
    "afgesloten_op",
)
NAMED_CSV_COLUMNS = ("locatie", "beschrijving", "dader_naam", "dader_kvk_nummer", "dader_omschrijving")
LIST_SEPARATOR = "|"


def _incidents(*, tenant: Organisation, period: Period) -> list[Incident]:
    return list(
        Incident.objects.filter(
            tenant=tenant, occurred_at__gte=period.start_at, occurred_at__lt=period.end_at
        )
        .select_related("team")
        .annotate(witness_count=Count("witnesses"))
        .prefetch_related(
            Prefetch("tasks", queryset=IncidentTask.objects.order_by("due_at")),
            Prefetch("measures", queryset=Measure.objects.order_by("starts_on", "pk")),
        )
        .order_by("occurred_at", "pk")
    )


def _roles_of(tenant: Organisation, user_ids: Iterable[int]) -> dict[int, list[str]]:
    """The employee's roles at the gemeente, as labels ("Behandelaar"): the function, not the name."""
    roles: dict[int, list[str]] = defaultdict(list)
    rows = Membership.objects.filter(tenant=tenant, user_id__in=set(user_ids)).values_list("user_id", "role")
    for user_id, role in rows.order_by("role"):
        roles[user_id].append(str(Role(role).label) if role in Role.values else role)
    return roles


def _iso(moment: datetime.datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else None


def _within(task: IncidentTask | None, incident: Incident, hours: int) -> bool:
    return bool(
        task and task.done_at and task.done_at <= incident.created_at + datetime.timedelta(hours=hours)
    )


def incident_record(incident: Incident, *, roles: list[str], with_names: bool) -> dict:
    """One incident in the export's fields (docs/aro-export.md)."""
    tasks = {task.kind: task for task in incident.tasks.all()}
    police = tasks.get(TaskKind.REPORT_TO_POLICE)
    aftercare = tasks.get(TaskKind.AFTERCARE)
    reaction = tasks.get(TaskKind.REACTION)
    damage = tasks.get(TaskKind.RECOVER_DAMAGE)
    person: dict = {"soort": incident.person_kind or "onbekend"}
    record: dict = {
        "nummer": incident.number,
        "datum_tijd": _iso(incident.occurred_at),
        "gemeld_op": _iso(incident.created_at),
        "kanaal": incident.channel,
        "categorieen": list(incident.categories or []),
        "gevolgen": list(incident.consequences or []),
        "medewerker": {
            "functie": ", ".join(roles) or "Medewerker",
            "team": incident.team.name if incident.team else "",
        },
        "aantal_getuigen": getattr(incident, "witness_count", 0),
        "zaak_aanwezig": incident.zaak_id is not None,
        "dader": person,
        "aangifte": {
            "gedaan": bool(police and police.done_at),
            "namens_werkgever": bool(police and police.done_at and police.on_behalf_of_employer),
        },
        "nazorg": {
            "gedaan": bool(aftercare and aftercare.done_at),
            "binnen_24_uur": _within(aftercare, incident, AFTERCARE_HOURS),
        },
        "reactie": {
            "gedaan": bool(reaction and reaction.done_at),
            "soort": reaction.reaction_kind if reaction and reaction.done_at else "",
            "binnen_48_uur": _within(reaction, incident, REACTION_HOURS),
        },
        "schadeverhaal": {"gedaan": bool(damage and damage.done_at)},
        "maatregelen": [
            {
                "soort": measure.kind,
                "vanaf": measure.starts_on.isoformat(),
                "tot_en_met": measure.ends_on.isoformat(),
                "eerder_beeindigd": measure.ended_at is not None,
            }
            for measure in incident.measures.all()
        ],
        "status": incident.status,
        "afgesloten_op": _iso(incident.closed_at),
    }
    if with_names:
        record["locatie"] = incident.location
        record["beschrijving"] = incident.description
        person.update(
            naam=incident.person_name,
            kvk_nummer=incident.person_kvk,
            omschrijving=incident.person_description,
        )
    return record


def build_batch(*, tenant: Organisation, period: Period, with_names: bool, actor: Actor) -> dict:
    """The gemeente's incidents of ``period`` as one batch; logged as an export (processing log)."""
    incidents = _incidents(tenant=tenant, period=period)
    roles = _roles_of(tenant, (incident.employee_id for incident in incidents))
    batch = {
        "schema": SCHEMA,
        "organisatie": {"naam": tenant.name, "cbs_code": tenant.cbs_code},
        "periode": {"van": period.first.isoformat(), "tot_en_met": period.last.isoformat()},
        "met_namen": with_names,
        "aangemaakt_op": _iso(timezone.now()),
        "aantal": len(incidents),
        "incidenten": [
            incident_record(incident, roles=roles.get(incident.employee_id, []), with_names=with_names)
            for incident in incidents
        ],
    }
    log_export(tenant=tenant, incidents=incidents, with_names=with_names, actor=actor, period=period)
    return batch


def log_export(
    *, tenant: Organisation, incidents: list[Incident], with_names: bool, actor: Actor, period: Period
) -> None:
    """Names: one export record per report naming a person. Without: one record for the batch."""
    if not audit.is_enabled():
        return
    named = [incident for incident in incidents if person_subject(incident) or incident.person_name]
    if with_names and named:
        records = [
            audit.build_record(
                tenant=tenant,
                actor=actor,
                activity=ACTIVITY,
                action=ProcessingAction.EXPORT,
                channel=Channel.EXPORT,
                obj=ObjectRef(
                    "incidents.incident", str(incident.pk), f"{incident.number} (ARO-export met namen)"
                ),
                subject=person_subject(incident),
                operation=EXPORT_OPERATION,
            )
            for incident in named
        ]
    else:
        label = f"ARO-export {period.first:%d-%m-%Y} t/m {period.last:%d-%m-%Y}, {len(incidents)} incidenten"
        if with_names:
            label += ", met namen"
        records = [
            audit.build_record(
                tenant=tenant,
                actor=actor,
                activity=ACTIVITY,
                action=ProcessingAction.EXPORT,
                channel=Channel.EXPORT,
                obj=ObjectRef("incidents.export", "", label),
                operation=EXPORT_OPERATION,
            )
        ]
    audit.record_reads(records)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = str(value)
    # A spreadsheet must not run a cell as a formula (CSV injection).
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _measure_cell(measure: dict) -> str:
    ended = " (eerder beëindigd)" if measure["eerder_beeindigd"] else ""
    return f"{measure['soort']} {measure['vanaf']} t/m {measure['tot_en_met']}{ended}"


def batch_as_csv(batch: dict) -> str:
    """One row per incident in ``CSV_COLUMNS`` (and the named columns when the batch has names)."""
    columns = CSV_COLUMNS + (NAMED_CSV_COLUMNS if batch["met_namen"] else ())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for record in batch["incidenten"]:
        flat = {
            **{name: record.get(name) for name in columns},
            "categorieen": LIST_SEPARATOR.join(record["categorieen"]),
            "gevolgen": LIST_SEPARATOR.join(record["gevolgen"]),
            "medewerker_functie": record["medewerker"]["functie"],
            "medewerker_team": record["medewerker"]["team"],
            "dader_soort": record["dader"]["soort"],
            "aangifte_gedaan": record["aangifte"]["gedaan"],
            "aangifte_namens_werkgever": record["aangifte"]["namens_werkgever"],
            "nazorg_gedaan": record["nazorg"]["gedaan"],
            "nazorg_binnen_24_uur": record["nazorg"]["binnen_24_uur"],
            "reactie_gedaan": record["reactie"]["gedaan"],
            "reactie_soort": record["reactie"]["soort"],
            "reactie_binnen_48_uur": record["reactie"]["binnen_48_uur"],
            "schadeverhaal_gedaan": record["schadeverhaal"]["gedaan"],
            "maatregelen": LIST_SEPARATOR.join(_measure_cell(measure) for measure in record["maatregelen"]),
        }
        if batch["met_namen"]:
            flat.update(
                dader_naam=record["dader"].get("naam", ""),
                dader_kvk_nummer=record["dader"].get("kvk_nummer", ""),
                dader_omschrijving=record["dader"].get("omschrijving", ""),
            )
        writer.writerow([_cell(flat[name]) for name in columns])
    return out.getvalue()


def submit_to_aro(
    *,
    tenant: Organisation,
    period: Period,
    with_names: bool,
    actor: Actor,
    connector: AroConnector | None = None,
) -> AroReceipt:
    """Send the period's batch to ARO; the receipt, or ``AroError`` (nothing recorded as sent).

    The submission is in the audit trail (who, which period, how many, with or without names,
    ARO's reference) and the export in the processing log.
    """
    batch = build_batch(tenant=tenant, period=period, with_names=with_names, actor=actor)
    receipt = (connector or get_aro_connector()).submit(batch)
    with transaction.atomic():
        audit.record_change(
            tenant=tenant,
            actor=actor,
            action="submit_to_aro",
            obj=tenant,
            after={
                "periode": batch["periode"],
                "aantal": batch["aantal"],
                "met_namen": with_names,
                "referentie": receipt.reference,
                "gesimuleerd": receipt.simulated,
            },
            note=f"ARO-ontvangstbewijs {receipt.reference}",
        )
    return receipt
