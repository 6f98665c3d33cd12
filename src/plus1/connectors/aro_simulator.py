"""A local stand-in for ARO/GIR: checks a batch as the register would, and answers a receipt.

Used by ``connectors.aro.get_aro_connector`` when no ``PLUS1_ARO_URL`` is set and the demo's
simulators are on (never in production: it refuses ``DIGID_MOCK``). It runs in process, so no
URL of it exists. It keeps the accepted batches in memory (``AroSimulator.received``) so the
demo and the tests can see what "ARO" got.

What it checks is the vocabulary ARO would accept (docs/aro-export.md): the batch's own fields,
and per incident its number, date and time, channel, at least one known category, the
consequences, and the employee's role without a name. A batch "zonder namen" may carry nothing
about the person involved but their kind.
"""

from __future__ import annotations

import datetime
import itertools
import threading
from typing import ClassVar

from .aro import AroError, AroReceipt

SCHEMA = "plus1-aro-export/1"
ALLOWED_CATEGORIES = frozenset(
    {
        "verbaal",
        "bedreiging",
        "intimidatie",
        "discriminatie",
        "seksuele_intimidatie",
        "fysiek",
        "vernieling",
        "overig",
    }
)
ALLOWED_CHANNELS = frozenset({"balie", "telefoon", "online", "huisbezoek", "buitendienst", "sociale_media"})
ALLOWED_CONSEQUENCES = frozenset({"geen", "emotioneel", "letsel", "verzuim", "schade"})
# Each must hold a value; "gevolgen" must be there but may be an empty list (none chosen).
REQUIRED_INCIDENT_FIELDS = ("nummer", "datum_tijd", "kanaal", "categorieen", "medewerker")
# What only a batch "met namen" may hold about the person involved.
NAMED_FIELDS = ("naam", "kvk_nummer", "omschrijving")
MAX_PROBLEMS = 20


class AroSimulator:
    received: ClassVar[list[dict]] = []
    _lock = threading.Lock()
    _numbers = itertools.count(1)

    def submit(self, batch: dict) -> AroReceipt:
        problems = batch_problems(batch)
        if problems:
            raise AroError("ARO heeft de aanlevering geweigerd.", problems=problems[:MAX_PROBLEMS])
        with self._lock:
            AroSimulator.received.append(batch)
            number = next(self._numbers)
        cbs_code = batch["organisatie"]["cbs_code"]
        return AroReceipt(
            reference=f"ARO-SIM-{cbs_code}-{number:05d}",
            received_at=datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
            accepted=len(batch["incidenten"]),
            simulated=True,
        )


def batch_problems(batch: object) -> list[str]:
    """Everything ARO would refuse in ``batch``, in plain Dutch; empty when it is good."""
    if not isinstance(batch, dict):
        return ["De aanlevering is geen JSON-object."]
    problems = []
    if batch.get("schema") != SCHEMA:
        problems.append(f"Onbekend schema: verwacht '{SCHEMA}'.")
    organisation = batch.get("organisatie")
    if not isinstance(organisation, dict) or not str(organisation.get("cbs_code", "")).startswith("GM"):
        problems.append("De organisatie mist een CBS-gemeentecode (GMxxxx).")
    period = batch.get("periode")
    if (
        not isinstance(period, dict)
        or not _is_date(period.get("van"))
        or not _is_date(period.get("tot_en_met"))
    ):
        problems.append("De periode mist een geldige begin- of einddatum (JJJJ-MM-DD).")
    incidents = batch.get("incidenten")
    if not isinstance(incidents, list):
        return [*problems, "De aanlevering mist de lijst 'incidenten'."]
    named = batch.get("met_namen") is True
    for index, incident in enumerate(incidents, start=1):
        problems.extend(
            f"Incident {index}: {problem}" for problem in incident_problems(incident, named=named)
        )
    return problems


def incident_problems(incident: object, *, named: bool) -> list[str]:
    if not isinstance(incident, dict):
        return ["is geen JSON-object."]
    problems = [
        f"het veld '{name}' ontbreekt." for name in REQUIRED_INCIDENT_FIELDS if not incident.get(name)
    ]
    if incident.get("datum_tijd") and not _is_datetime(incident["datum_tijd"]):
        problems.append("'datum_tijd' is geen geldige datum en tijd.")
    if incident.get("kanaal") and incident["kanaal"] not in ALLOWED_CHANNELS:
        problems.append(f"onbekend kanaal '{incident['kanaal']}'.")
    categories = incident.get("categorieen") or []
    if not isinstance(categories, list):
        problems.append("'categorieen' is geen lijst.")
    else:
        problems.extend(
            f"onbekende categorie '{category}'."
            for category in categories
            if category not in ALLOWED_CATEGORIES
        )
    consequences = incident.get("gevolgen")
    if not isinstance(consequences, list):
        problems.append("'gevolgen' ontbreekt of is geen lijst.")
    else:
        problems.extend(
            f"onbekend gevolg '{value}'." for value in consequences if value not in ALLOWED_CONSEQUENCES
        )
    employee = incident.get("medewerker")
    if isinstance(employee, dict):
        if not employee.get("functie"):
            problems.append("de functie van de medewerker ontbreekt.")
        if "naam" in employee:
            problems.append("de naam van de medewerker hoort niet in de aanlevering.")
    person = incident.get("dader") or {}
    if not named and isinstance(person, dict):
        problems.extend(
            f"'dader.{name}' staat erin, maar de aanlevering is zonder namen."
            for name in NAMED_FIELDS
            if person.get(name)
        )
    return problems


def _is_date(value: object) -> bool:
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _is_datetime(value: object) -> bool:
    try:
        datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return True
