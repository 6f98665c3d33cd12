import pytest

from plus1.audit.models import AccessRecord
from plus1.audit.services import Actor, hash_subject, record_access

pytestmark = pytest.mark.django_db


def test_an_access_record_keeps_who_why_and_the_resident_only_as_a_keyed_hash(gemeente_a):
    record = record_access(
        tenant=gemeente_a,
        actor=Actor(type="employee", id="7", label="behandelaar-a"),
        purpose="Zoeken op BSN in de werkvoorraad",
        object_type="cases.zaak",
        subject_identifier="999993653",
    )

    stored = AccessRecord.objects.get(pk=record.pk)
    assert stored.actor_label == "behandelaar-a" and stored.purpose.startswith("Zoeken op BSN")
    assert "999993653" not in str(stored.__dict__.values())
    assert stored.subject_hash == hash_subject("999993653") and len(stored.subject_hash) == 64
    assert AccessRecord.objects.for_tenant(gemeente_a).filter(subject_hash=hash_subject("999993653")).exists()


def test_access_records_cannot_be_changed_or_deleted(gemeente_a, actor):
    record = record_access(tenant=gemeente_a, actor=actor, purpose="test", object_type="cases.zaak")

    record.purpose = "iets anders"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        AccessRecord.objects.filter(pk=record.pk).update(purpose="x")
    with pytest.raises(TypeError):
        AccessRecord.objects.filter(pk=record.pk).delete()
    assert AccessRecord.objects.get(pk=record.pk).purpose == "test"
