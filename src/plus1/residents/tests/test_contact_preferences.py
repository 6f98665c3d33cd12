"""A resident's contact preferences: kept per gemeente, audited, and what the e-mail senders ask."""

import pytest

from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.audit.services import Activity, Actor, hash_subject
from plus1.residents.selectors import preferred_email, prefill_values, wants_email
from plus1.residents.services import save_contact_preference

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
ACTOR = Actor(type="resident", id="digid-suzanne", label="Inwoner (DigiD)")
ACTIVITY = Activity(
    code="mijn-zaken", name="Mijn zaken", purpose="Inzage", legal_ground="AVG", retention_days=730
)


def _save(gemeente, **overrides):
    values = {"email": "suzanne@example.nl", "phone": "0612345678", "wants_email": True} | overrides
    return save_contact_preference(
        tenant=gemeente, bsn=SUZANNE, actor=ACTOR, activity=ACTIVITY, channel="portal", **values
    )


def test_a_resident_who_never_chose_gets_email(gemeente_a):
    assert wants_email(SUZANNE, gemeente_a) is True
    assert preferred_email(SUZANNE, gemeente_a) == ""


def test_no_email_at_one_gemeente_says_nothing_about_another(gemeente_a, gemeente_b):
    _save(gemeente_a, wants_email=False)

    assert wants_email(SUZANNE, gemeente_a) is False
    assert preferred_email(SUZANNE, gemeente_a) == ""
    assert wants_email(SUZANNE, gemeente_b) is True


def test_saving_twice_keeps_one_row_with_an_audit_trail_and_processing_records(gemeente_a):
    first = _save(gemeente_a)
    second = _save(gemeente_a, email="nieuw@example.nl")

    assert first.pk == second.pk and preferred_email(SUZANNE, gemeente_a) == "nieuw@example.nl"
    entries = AuditEntry.objects.filter(object_type="residents.contactpreference").order_by("pk")
    assert [e.action for e in entries] == ["create_contactpreference", "change_contactpreference"]
    assert entries[1].before["email"] == "suzanne@example.nl"
    assert SUZANNE not in entries[1].object_label
    records = ProcessingRecord.objects.filter(subject_hash=hash_subject(SUZANNE)).order_by("pk")
    assert [r.action for r in records] == ["create", "update"]


def test_an_invalid_email_address_is_refused_and_nothing_is_stored(gemeente_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _save(gemeente_a, email="geen-adres")

    assert wants_email(SUZANNE, gemeente_a) is True
    assert not AuditEntry.objects.filter(object_type="residents.contactpreference").exists()


def test_prefill_leaves_out_the_address_of_a_resident_who_wants_no_email_and_logs_the_read(gemeente_a):
    _save(gemeente_a, wants_email=False)
    before = ProcessingRecord.objects.count()

    values = prefill_values(tenant=gemeente_a, bsn=SUZANNE, actor=ACTOR, activity=ACTIVITY, channel="portal")

    assert values == {"phone": "0612345678"}
    assert ProcessingRecord.objects.count() == before + 1
