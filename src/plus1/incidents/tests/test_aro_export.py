"""The ARO/GIR export: the registered fields, the employee by role, the person only "met namen"."""

import csv
import datetime
import io

import pytest
import time_machine

from plus1.accounts.constants import Role
from plus1.accounts.services import create_team
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.audit.services import Actor, hash_subject
from plus1.connectors.aro import AroError
from plus1.connectors.aro_simulator import AroSimulator, batch_problems
from plus1.incidents.aro_export import (
    CSV_COLUMNS,
    EXPORT_OPERATION,
    batch_as_csv,
    build_batch,
    submit_to_aro,
)
from plus1.incidents.constants import TaskKind
from plus1.incidents.figures import Period

from .register_rows import at, make_employee, make_incident, make_measure, make_task

pytestmark = pytest.mark.django_db

BSN = "999993653"
PERIOD = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
COORDINATOR = Actor(type="employee", id="7", label="coordinator-a")


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(datetime.datetime(2026, 4, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def incident(gemeente_a, actor):
    team = create_team(tenant=gemeente_a, name="Burgerzaken", actor=actor)
    anna = make_employee(
        "anna", gemeente=gemeente_a, team=team, actor=actor, first_name="Anna", last_name="de Vries"
    )
    witness = make_employee("wim", gemeente=gemeente_a, actor=actor)
    incident = make_incident(
        tenant=gemeente_a,
        employee=anna,
        team=team,
        occurred_at=at(2026, 2, 3, 14),
        channel="balie",
        categories=["bedreiging", "fysiek"],
        consequences=["letsel", "verzuim"],
        location="Stadskantoor, balie 3",
        person_kind="resident",
        person_bsn=BSN,
        person_name="Suzanne Moulin",
    )
    incident.witnesses.add(witness)
    make_task(incident, TaskKind.AFTERCARE, done_after_hours=3)
    make_task(incident, TaskKind.REACTION, done_after_hours=60, reaction_kind="brief")
    make_task(incident, TaskKind.REPORT_TO_POLICE, done_after_hours=20, on_behalf_of_employer=True)
    make_task(incident, TaskKind.RECOVER_DAMAGE, done_after_hours=None)
    make_measure(incident, starts_on=datetime.date(2026, 2, 5), ends_on=datetime.date(2026, 8, 5))
    return incident


def test_the_export_holds_what_aro_registers_without_names(gemeente_a, incident):
    batch = build_batch(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)

    assert batch["organisatie"] == {"naam": gemeente_a.name, "cbs_code": "GM0344"}
    assert batch["periode"] == {"van": "2026-01-01", "tot_en_met": "2026-03-31"}
    assert batch["met_namen"] is False and batch["aantal"] == 1
    record = batch["incidenten"][0]
    assert record["nummer"] == incident.number
    assert record["datum_tijd"] == "2026-02-03T14:00+01:00"
    assert record["kanaal"] == "balie"
    assert record["categorieen"] == ["bedreiging", "fysiek"]
    assert record["gevolgen"] == ["letsel", "verzuim"]
    assert record["medewerker"] == {"functie": "Behandelaar", "team": "Burgerzaken"}
    assert record["aantal_getuigen"] == 1
    assert record["dader"] == {"soort": "resident"}
    assert record["aangifte"] == {"gedaan": True, "namens_werkgever": True}
    assert record["nazorg"] == {"gedaan": True, "binnen_24_uur": True}
    assert record["reactie"] == {"gedaan": True, "soort": "brief", "binnen_48_uur": False}
    assert record["schadeverhaal"] == {"gedaan": False}
    assert record["maatregelen"] == [
        {"soort": "afspraak", "vanaf": "2026-02-05", "tot_en_met": "2026-08-05", "eerder_beeindigd": False}
    ]
    everything = repr(batch)
    for personal in ("Suzanne", "Moulin", BSN, "Anna", "de Vries", "anna", "Stadskantoor", "vuist"):
        assert personal not in everything


def test_with_names_the_person_location_and_description_are_in_but_never_the_bsn(gemeente_a, incident):
    batch = build_batch(tenant=gemeente_a, period=PERIOD, with_names=True, actor=COORDINATOR)

    record = batch["incidenten"][0]
    assert record["dader"]["naam"] == "Suzanne Moulin"
    assert record["locatie"] == "Stadskantoor, balie 3"
    assert "vuist" in record["beschrijving"]
    assert BSN not in repr(batch)
    assert "Anna" not in repr(batch)  # the employee stays a role, also "met namen"


def test_an_export_with_names_is_logged_per_person(gemeente_a, incident):
    build_batch(tenant=gemeente_a, period=PERIOD, with_names=True, actor=COORDINATOR)

    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(operation=EXPORT_OPERATION)
    assert record.action == "export" and record.actor_label == "coordinator-a"
    assert record.subject_hash == hash_subject(BSN)
    assert record.object_id == str(incident.pk)
    assert record.legal_ground.startswith("Arbeidsomstandighedenwet")


def test_an_export_without_names_is_logged_once_without_a_person(gemeente_a, incident):
    build_batch(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)

    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(operation=EXPORT_OPERATION)
    assert record.subject_hash == "" and record.object_type == "incidents.export"


def test_another_gemeentes_incidents_are_never_in_the_export(gemeente_a, gemeente_b, incident, actor):
    bea = make_employee("bea", gemeente=gemeente_b, actor=actor)
    make_incident(tenant=gemeente_b, employee=bea, occurred_at=at(2026, 2, 4))

    assert build_batch(tenant=gemeente_b, period=PERIOD, with_names=False, actor=COORDINATOR)["aantal"] == 1
    assert build_batch(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)["aantal"] == 1


def test_the_csv_has_one_row_per_incident_and_names_only_when_asked(gemeente_a, incident):
    plain = list(
        csv.reader(
            io.StringIO(
                batch_as_csv(
                    build_batch(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)
                )
            ),
            delimiter=";",
        )
    )
    assert tuple(plain[0]) == CSV_COLUMNS
    row = dict(zip(plain[0], plain[1], strict=True))
    assert row["categorieen"] == "bedreiging|fysiek"
    assert row["medewerker_functie"] == "Behandelaar"
    assert row["nazorg_binnen_24_uur"] == "ja" and row["reactie_binnen_48_uur"] == "nee"
    assert row["maatregelen"] == "afspraak 2026-02-05 t/m 2026-08-05"
    assert "Moulin" not in repr(plain)

    named = list(
        csv.reader(
            io.StringIO(
                batch_as_csv(
                    build_batch(tenant=gemeente_a, period=PERIOD, with_names=True, actor=COORDINATOR)
                )
            ),
            delimiter=";",
        )
    )
    assert dict(zip(named[0], named[1], strict=True))["dader_naam"] == "Suzanne Moulin"


def test_a_cell_that_looks_like_a_formula_is_defused(gemeente_a, incident):
    incident.person_name = '=HYPERLINK("http://x")'
    incident.save()

    text = batch_as_csv(build_batch(tenant=gemeente_a, period=PERIOD, with_names=True, actor=COORDINATOR))

    header, row = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert dict(zip(header, row, strict=True))["dader_naam"] == '\'=HYPERLINK("http://x")'


def test_the_simulator_accepts_the_export_and_the_submission_is_in_the_audit_trail(gemeente_a, incident):
    AroSimulator.received.clear()

    receipt = submit_to_aro(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)

    assert receipt.reference.startswith("ARO-SIM-GM0344-") and receipt.accepted == 1 and receipt.simulated
    assert AroSimulator.received[-1]["incidenten"][0]["nummer"] == incident.number
    entry = AuditEntry.objects.get(action="submit_to_aro")
    assert entry.actor_label == "coordinator-a"
    assert entry.after["referentie"] == receipt.reference and entry.after["met_namen"] is False


def test_every_export_passes_the_simulators_checks(gemeente_a, incident, actor):
    # Also a report without any consequence chosen and without a known person.
    bea = make_employee("bea", gemeente=gemeente_a, actor=actor)
    make_incident(tenant=gemeente_a, employee=bea, occurred_at=at(2026, 3, 2), consequences=[])
    for with_names in (False, True):
        batch = build_batch(tenant=gemeente_a, period=PERIOD, with_names=with_names, actor=COORDINATOR)
        assert batch_problems(batch) == []


def test_a_refused_submission_leaves_no_audit_row(gemeente_a, incident):
    class Refusing:
        def submit(self, batch):
            raise AroError("ARO heeft de aanlevering geweigerd.", problems=["Incident 1: onbekend kanaal."])

    with pytest.raises(AroError):
        submit_to_aro(
            tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR, connector=Refusing()
        )

    assert not AuditEntry.objects.filter(action="submit_to_aro").exists()


def test_the_employees_function_is_their_role(gemeente_a, actor):
    lead = make_employee("tl", gemeente=gemeente_a, role=Role.TEAMLEIDER, actor=actor)
    make_incident(tenant=gemeente_a, employee=lead, occurred_at=at(2026, 3, 1))

    batch = build_batch(tenant=gemeente_a, period=PERIOD, with_names=False, actor=COORDINATOR)

    assert batch["incidenten"][0]["medewerker"] == {"functie": "Teamleider", "team": ""}
