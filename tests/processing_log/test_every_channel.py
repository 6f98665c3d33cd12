"""The processing log across apps: every read and change of a zaak, through every channel."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.cases import services
from plus1.cases.services import handling
from plus1.cases.tasks import send_deadline_reminders
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ProcessingActivity, ZaakType
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.connectors.brp import BrpSimulator
from plus1.core import clock

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
EREBOS = "999990019"
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def adoption(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Team Parkeren")
    zaaktype = adoption.zaaktype
    zaaktype.processing_activity = ProcessingActivity.objects.get(code="vergunningen")
    zaaktype.save(update_fields=["processing_activity"])
    return adoption


@pytest.fixture
def handler(gemeente_a, adoption, actor):
    return make_employee(
        "anna-de-vries",
        gemeente=gemeente_a,
        team=adoption.team,
        actor=actor,
        first_name="Anna",
        last_name="de Vries",
    )


def _resident(client, bsn=SUZANNE):
    user = get_user_model().digid_objects.digid_create(bsn)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _about(bsn):
    return ProcessingRecord.objects.filter(subject_hash=hash_subject(bsn))


def test_creating_a_zaak_logs_a_create_record_with_the_zaaktype_activity(adoption):
    zaak = new_zaak(adoption)

    record = ProcessingRecord.objects.get(action="create")
    assert (record.object_type, record.object_id, record.object_label) == (
        "cases.zaak",
        str(zaak.pk),
        zaak.identificatie,
    )
    assert record.activity_code == "vergunningen" and "Wegenverkeerswet" in record.legal_ground
    assert record.subject_type == "bsn" and record.subject_hash == hash_subject(SUZANNE)
    assert record.keep_until == clock.today() + datetime.timedelta(days=7 * 366)


def test_mijn_zaken_and_the_zaak_page_log_each_zaak_read_by_the_resident(client, adoption):
    zaak = new_zaak(adoption)
    new_zaak(adoption, bsn=EREBOS, name="Erebos")
    _resident(client)

    client.get(reverse("portal:my-zaken", args=[adoption.tenant.slug]), HTTP_TRACEPARENT=TRACEPARENT)
    client.get(reverse("portal:my-zaak-detail", args=[adoption.tenant.slug, zaak.identificatie]))

    # (The header's BRP read of the resident's name is a record of its own: brp.persoon.)
    reads = list(_about(SUZANNE).filter(action="read", object_type="cases.zaak").order_by("id"))
    assert [r.operation for r in reads] == ["portal:my-zaken", "portal:my-zaak-detail"]
    assert {(r.channel, r.actor_type, r.activity_code, r.object_id) for r in reads} == {
        ("portal", "resident", "mijn-zaken", str(zaak.pk))
    }
    assert reads[0].trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert reads[0].parent_span_id == "00f067aa0ba902b7"
    assert not _about(EREBOS).filter(action="read").exists()


def test_the_inbox_logs_one_read_per_listed_zaak_in_one_insert(client, adoption, handler):
    zaken = [new_zaak(adoption, bsn=bsn) for bsn in (SUZANNE, EREBOS, "999991723")]
    log_in(client, handler)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("backoffice:inbox"))

    assert response.status_code == 200
    assert not ProcessingRecord.objects.filter(action="search").exists()
    reads = ProcessingRecord.objects.filter(action="read", operation="backoffice:inbox")
    assert sorted(reads.values_list("object_id", flat=True)) == sorted(str(z.pk) for z in zaken)
    assert {r.actor_unit for r in reads} == {"Team Parkeren (Utrecht)"}
    assert {r.activity_code for r in reads} == {"vergunningen"}
    inserts = [
        q for q in captured.captured_queries if q["sql"].startswith('INSERT INTO "audit_processingrecord"')
    ]
    assert len(inserts) == 1
    assert reads.get(subject_hash=hash_subject(EREBOS)).object_label == zaken[1].identificatie


def test_the_zaak_detail_and_a_document_download_are_logged_for_the_employee(client, adoption, handler):
    zaak = new_zaak(adoption)
    log_in(client, handler)

    client.get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))

    record = _about(SUZANNE).get(action="read")
    assert record.operation == "backoffice:zaak-detail" and record.channel == "backoffice"
    assert record.actor_label == "anna-de-vries" and record.actor_unit.startswith("Team Parkeren")


def test_a_change_by_the_employee_is_logged_in_its_transaction(client, adoption, handler):
    zaak = new_zaak(adoption)
    log_in(client, handler)

    client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "notitie"]),
        {"notitie-text": "Gebeld.", "notitie-version": zaak.version},
    )

    update = _about(SUZANNE).get(action="update")
    assert update.operation == "add_note" and update.actor_type == "employee"
    assert update.trace_id == _about(SUZANNE).filter(action="read").first().trace_id


def test_a_rolled_back_request_still_leaves_the_log_consistent(client, adoption, handler, monkeypatch):
    """No record for a change that did not happen; a record for a read that did."""
    zaak = new_zaak(adoption)
    real_record_change = handling.record_change

    def record_then_fail(**kwargs):
        real_record_change(**kwargs)
        raise RuntimeError("the database went away after the change")

    monkeypatch.setattr(handling, "record_change", record_then_fail)
    client.raise_request_exception = False
    log_in(client, handler)

    response = client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "notitie"]),
        {"notitie-text": "Gebeld.", "notitie-version": zaak.version},
    )

    assert response.status_code == 500
    assert not zaak.notes.exists()
    assert not AuditEntry.objects.filter(action="add_note").exists()
    assert not _about(SUZANNE).filter(action="update").exists(), "no record for the change that rolled back"
    read = _about(SUZANNE).get(action="read")
    assert read.operation == "backoffice:zaak-action", "the read before the failure is logged"


def test_the_deadline_reminders_log_their_reads_in_their_own_trace(gemeente_a, adoption, actor):
    anna = make_employee("anna", gemeente=gemeente_a, team=adoption.team, actor=actor)
    zaak = new_zaak(adoption)
    services.assign_zaak(zaak=zaak, assignee=anna, actor=SYSTEM, expected_version=None)
    late = (clock.today() + datetime.timedelta(days=400)).isoformat()

    send_deadline_reminders.enqueue(for_day=late)

    record = _about(SUZANNE).get(activity_code="herinneringen-termijnen")
    assert (record.action, record.channel, record.actor_type) == ("read", "task", "system")
    assert record.operation == "send_deadline_reminders" and len(record.trace_id) == 32


def test_brp_prefill_is_logged_and_sends_the_traceparent(client, gemeente_a, actor):
    zaaktype = ZaakTypeFactory()
    zaaktype.eigenschappen.create(
        order=1, name="postcode", label="Postcode", data_type="postcode", step="Adres"
    )
    zaaktype = catalog_services.publish_zaaktype(zaaktype=zaaktype, actor=actor)
    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    _resident(client)
    client.get(reverse("portal:request-start", args=[gemeente_a.slug, adoption.process.identificatie]))

    response = client.get(
        reverse("portal:request-step", args=[gemeente_a.slug, adoption.process.identificatie, 1]),
        HTTP_TRACEPARENT=TRACEPARENT,
    )

    assert 'value="3077 AW"' in response.text
    record = _about(SUZANNE).get(activity_code="brp-vooraf-invullen")
    assert record.object_type == "brp.persoon" and record.channel == "portal"
    assert BrpSimulator.last_headers["traceparent"].startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-")


def test_the_library_import_links_zaaktypen_to_their_activity_and_stays_idempotent(collective):
    import_library()
    report = import_library()

    parkeren = ZaakType.objects.get(process__identificatie="parkeervergunning")
    assert parkeren.processing_activity.code == "vergunningen"
    assert report.created == [] and report.linked_activities == 0
    assert ProcessingActivity.objects.filter(zaaktypen__isnull=True, code="inzage-verwerkingslog").exists()


def test_responses_echo_the_trace_and_an_invalid_traceparent_starts_a_new_trace(client, gemeente_a):
    continued = client.get(reverse("portal:home", args=[gemeente_a.slug]), HTTP_TRACEPARENT=TRACEPARENT)
    fresh = client.get(
        reverse("portal:home", args=[gemeente_a.slug]), HTTP_TRACEPARENT="00-" + "0" * 32 + "-x-01"
    )

    assert continued["traceresponse"].startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
    assert not continued["traceresponse"].endswith("00f067aa0ba902b7-01")
    assert "4bf92f3577b34da6a3ce929d0e0e4736" not in fresh["traceresponse"]


def test_the_log_can_be_switched_off_for_the_benchmarks_only(client, adoption, handler, settings):
    settings.PLUS1_PROCESSING_LOG = False
    new_zaak(adoption)
    log_in(client, handler).get(reverse("backoffice:inbox"))

    assert not ProcessingRecord.objects.exists()


def test_export_writes_json_lines_of_one_gemeente_and_logs_itself(adoption, gemeente_b):
    zaak = new_zaak(adoption)
    out = io.StringIO()

    call_command("processing_log", "export", "--gemeente", "GM0344", "--since", "2020-01-01", stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(line["action"], line["object_id"]) for line in lines] == [("create", str(zaak.pk))]
    assert lines[0]["organisation"] == "GM0344" and SUZANNE not in out.getvalue()
    export = ProcessingRecord.objects.get(action="export")
    assert export.channel == "export" and export.activity_code == "export-verwerkingslog"
    assert export.tenant == adoption.tenant


def test_an_employee_role_is_needed_for_the_inbox_reads(client, gemeente_a, adoption, actor):
    outsider = make_employee("geen-team", gemeente=gemeente_a, role=Role.BEHANDELAAR, actor=actor)
    new_zaak(adoption)
    log_in(client, outsider).get(reverse("backoffice:inbox"))

    assert not ProcessingRecord.objects.filter(action="read").exists()
