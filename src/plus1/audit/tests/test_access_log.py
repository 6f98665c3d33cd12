import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from plus1.audit.models import ProcessingRecord
from plus1.audit.services import (
    Activity,
    Actor,
    ObjectRef,
    hash_subject,
    processing_scope,
    record_access,
    record_processing,
    subject_for,
    subject_hashes,
)
from plus1.core import clock, tracing

pytestmark = pytest.mark.django_db

REFUSED = "append-only"
SEARCH = Activity("zoeken-bsn-werkvoorraad", "Zoeken op BSN", "Zaken vinden", "AVG art. 6 lid 1 sub e", 730)


def _record(tenant, **kwargs):
    defaults = dict(
        tenant=tenant,
        actor=Actor(type="employee", id="7", label="behandelaar-a", unit="Team Wmo"),
        activity=SEARCH,
        action="read",
        channel="backoffice",
        obj=ObjectRef("cases.zaak", "1", "ZAAK-2026-0000001"),
        subject=subject_for(bsn="999993653"),
    )
    return record_processing(**(defaults | kwargs))


def test_a_record_keeps_who_why_and_the_resident_only_as_a_keyed_hash(gemeente_a):
    record_access(
        tenant=gemeente_a,
        actor=Actor(type="employee", id="7", label="behandelaar-a", unit="Team Wmo"),
        activity=SEARCH,
        object_type="cases.zaak",
        subject=subject_for(bsn="999993653"),
    )

    stored = ProcessingRecord.objects.for_tenant(gemeente_a).get()
    assert stored.actor_label == "behandelaar-a" and stored.actor_unit == "Team Wmo"
    assert stored.purpose == "Zaken vinden" and stored.action == "search"
    assert "999993653" not in str(stored.__dict__.values())
    assert stored.subject_hash == hash_subject("999993653") and len(stored.subject_hash) == 64
    assert stored.subject_key_id == "dev"
    assert len(stored.trace_id) == 32 and len(stored.span_id) == 16
    assert stored.keep_until == timezone.localdate(stored.started_at) + datetime.timedelta(days=730)


def test_the_subject_key_comes_from_the_environment_and_old_keys_still_find_records(gemeente_a, settings):
    settings.PLUS1_LOG_SUBJECT_KEY = "old-key"
    settings.PLUS1_LOG_SUBJECT_KEY_ID = "2025"
    old = _record(gemeente_a)
    settings.PLUS1_LOG_SUBJECT_KEY = "new-key"
    settings.PLUS1_LOG_SUBJECT_KEY_ID = "2026"
    settings.PLUS1_LOG_SUBJECT_PREVIOUS_KEYS = ["2025:old-key"]

    assert old.subject_key_id == "2025"
    assert ("2025", old.subject_hash) in subject_hashes("999993653")
    assert subject_hashes("999993653")[0] == ("2026", hash_subject("999993653"))
    assert hash_subject("999993653") != old.subject_hash


def test_a_record_carries_the_current_trace(gemeente_a):
    with tracing.span("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") as span:
        record = _record(gemeente_a)

    assert record.trace_id == "0af7651916cd43dd8448eb211c80319c"
    assert record.parent_span_id == "b7ad6b7169203331" and record.span_id == span.span_id


def test_reads_in_a_scope_are_written_when_it_ends_even_after_an_error(gemeente_a):
    with pytest.raises(RuntimeError), processing_scope():
        record_access(tenant=gemeente_a, actor=Actor.system(), activity=SEARCH, object_type="cases.zaak")
        assert not ProcessingRecord.objects.exists()
        raise RuntimeError

    assert ProcessingRecord.objects.count() == 1


def test_records_cannot_be_changed_or_deleted_through_the_application(gemeente_a):
    record = _record(gemeente_a)

    record.purpose = "iets anders"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        ProcessingRecord.objects.filter(pk=record.pk).update(purpose="x")
    with pytest.raises(TypeError):
        ProcessingRecord.objects.filter(pk=record.pk).delete()
    assert ProcessingRecord.objects.get(pk=record.pk).purpose == "Zaken vinden"


def test_the_database_refuses_an_update_or_a_delete_within_the_retention(gemeente_a):
    record = _record(gemeente_a)

    for statement in (
        "UPDATE audit_processingrecord SET purpose = 'x' WHERE id = %s",
        "DELETE FROM audit_processingrecord WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic(), connection.cursor() as c:
            c.execute(statement, [record.pk])
    assert ProcessingRecord.objects.get(pk=record.pk).purpose == "Zaken vinden"


def test_the_database_refuses_an_update_even_after_the_retention(gemeente_a):
    with time_machine.travel(datetime.date(2015, 1, 5)):
        record = _record(gemeente_a)

    with pytest.raises(DatabaseError, match=REFUSED), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE audit_processingrecord SET purpose = 'x' WHERE id = %s", [record.pk])


def test_purge_deletes_only_records_past_their_retention(gemeente_a, capsys):
    with time_machine.travel(datetime.date(2015, 1, 5)):
        old = _record(gemeente_a)
    recent = _record(gemeente_a)

    call_command("processing_log", "purge")

    assert list(ProcessingRecord.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.keep_until < clock.today()
    assert "1" in capsys.readouterr().out


def test_the_nightly_task_purges_like_the_command(gemeente_a):
    from plus1.audit.tasks import purge_processing_log

    with time_machine.travel(datetime.date(2015, 1, 5)):
        _record(gemeente_a)
    _record(gemeente_a)

    assert purge_processing_log.enqueue().return_value == 1
    assert ProcessingRecord.objects.count() == 1
