"""A PreparedInsert writes exactly the row ``save()`` writes, and leaves awkward models to ``save()``."""

from __future__ import annotations

import pytest

from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.core.prepared import PreparedInsert

pytestmark = pytest.mark.django_db


def _row(model, pk) -> dict:
    row = model.objects.filter(pk=pk).values().get()
    return {name: value for name, value in row.items() if name not in ("id", "uuid", "created_at")}


def _entry(tenant, **extra) -> AuditEntry:
    return AuditEntry(
        tenant=tenant,
        actor_type="system",
        actor_id="test",
        actor_label="Test",
        action="test",
        object_type="cases.zaak",
        object_id="1",
        after={"a": [1, "twee"]},
        zgw=None,
        **extra,
    )


def test_the_row_is_the_one_save_writes(gemeente_a):
    by_save, by_insert = _entry(gemeente_a), _entry(gemeente_a)
    by_save.save()

    returned = PreparedInsert(AuditEntry).save(by_insert)

    assert returned is by_insert
    assert by_insert.pk is not None and by_insert.pk != by_save.pk
    assert not by_insert._state.adding, "a second save() updates, as after an ordinary save"
    assert by_insert.created_at is not None, "auto_now_add is filled in as save() does"
    assert _row(AuditEntry, by_insert.pk) == _row(AuditEntry, by_save.pk)
    assert AuditEntry.objects.get(pk=by_insert.pk).uuid == by_insert.uuid


def test_a_zaak_with_its_references_is_written_whole(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    template = new_zaak(adoption)
    copy = Zaak.objects.get(pk=template.pk)
    copy.pk, copy.identificatie, copy.current_status_id = None, "KOPIE-1", None
    copy.uuid = Zaak._meta.get_field("uuid").default()
    copy._state.adding = True

    PreparedInsert(Zaak).save(copy)

    stored = Zaak.objects.get(pk=copy.pk)
    assert (stored.identificatie, stored.zaaktype_id, stored.team_id) == (
        "KOPIE-1",
        template.zaaktype_id,
        template.team_id,
    )


def test_a_model_with_its_own_save_is_saved_the_ordinary_way(gemeente_a):
    insert = PreparedInsert(ProcessingRecord)
    assert insert._compile("default") is None
    assert PreparedInsert(ProcessingRecord, trust_save=True)._compile("default") is not None


def test_a_saved_object_is_updated_by_save_not_inserted_again(gemeente_a):
    entry = _entry(gemeente_a)
    insert = PreparedInsert(AuditEntry)
    insert.save(entry)
    entry.note = "later"
    insert.save(entry)

    assert AuditEntry.objects.filter(pk=entry.pk).values_list("note", flat=True).get() == "later"
    assert AuditEntry.objects.filter(action="test").count() == 1
