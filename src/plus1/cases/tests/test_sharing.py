"""Sharing a zaak with a chain partner: for a purpose, on a legal ground, for a while, revocable."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.accounts.constants import Role
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.audit.services import Actor, hash_subject
from plus1.cases import policies, selectors, timeline
from plus1.cases.exceptions import InvalidUpload, ShareError
from plus1.cases.services import add_partner_document, add_partner_note, revoke_share, share_zaak
from plus1.core import clock
from plus1.tenants.services import create_partner_organisation

from .factories import SYSTEM, adopt_with_team, employee, handling_zaaktype, new_zaak
from .sharing import PDF, ggd, schuldhulp, with_request_data_and_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente_a):
    return with_request_data_and_document(
        new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    )


@pytest.fixture
def zaak_b(gemeente_b):
    return new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=handling_zaaktype()), name="Karel Groen")


@pytest.fixture
def partner(db):
    return ggd()


def _share(zaak, partner, **changes):
    arguments = {
        "tenant": zaak.tenant,
        "zaak": zaak,
        "partner": partner,
        "purpose": "Beoordelen of een medisch advies nodig is",
        "legal_ground": "Wmo 2015, artikel 5.3.1",
        "parts": ["shares_status"],
        "valid_until": clock.today() + datetime.timedelta(days=30),
        "actor": SYSTEM,
    }
    return share_zaak(**{**arguments, **changes})


def test_a_share_records_purpose_ground_parts_and_end_date_with_an_audit_row(zaak, partner):
    share = _share(zaak, partner, parts=["shares_status", "shares_documents"], partner_may_add_notes=True)

    assert share.tenant == zaak.tenant and share.partner == partner
    assert share.valid_from == clock.today()
    assert [part.value for part in share.parts] == ["shares_documents", "shares_status"]
    assert share.is_active_on(clock.today())
    entry = AuditEntry.objects.for_tenant(zaak.tenant).get(action="share_zaak")
    assert entry.after["partner"] == "GGD regio Utrecht"
    assert entry.after["purpose"] == "Beoordelen of een medisch advies nodig is"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"purpose": "  "}, "waarvoor"),
        ({"legal_ground": ""}, "grondslag"),
        ({"parts": []}, "ten minste één"),
        ({"valid_until": clock.today()}, "na vandaag"),
        ({"valid_until": clock.today() - datetime.timedelta(days=3)}, "na vandaag"),
        ({"valid_until": clock.today() + datetime.timedelta(days=366)}, "hoogstens 365 dagen"),
    ],
)
def test_a_share_needs_purpose_ground_a_part_and_an_end_date_within_a_year(zaak, partner, changes, message):
    with pytest.raises(ShareError, match=message):
        _share(zaak, partner, **changes)


def test_a_zaak_of_another_gemeente_cannot_be_shared(zaak, zaak_b, partner, gemeente_a):
    with pytest.raises(ShareError, match="hoort niet bij uw gemeente"):
        _share(zaak_b, partner, tenant=gemeente_a)


def test_a_zaak_is_shared_only_with_a_chain_partner(zaak, gemeente_b):
    with pytest.raises(ShareError, match="ketenpartner"):
        _share(zaak, gemeente_b)


def test_one_share_in_force_per_partner_and_zaak_but_another_partner_may_get_one(zaak, partner):
    _share(zaak, partner)
    with pytest.raises(ShareError, match="al gedeeld met GGD regio Utrecht"):
        _share(zaak, partner)

    assert _share(zaak, schuldhulp()).partner.name == "Schuldhulp Utrecht"


def test_only_behandelaar_or_teamleider_of_the_zaaks_team_may_share(zaak, gemeente_a, gemeente_b):
    team = zaak.team
    member = employee(gemeente=gemeente_a, username="lid", team=team)
    lead = employee(gemeente=gemeente_a, username="leider", role=Role.TEAMLEIDER, team=team)
    outsider = employee(gemeente=gemeente_a, username="buiten")
    beheerder = employee(gemeente=gemeente_a, username="beheer", role=Role.BEHEERDER, team=team)
    other_gemeente = employee(gemeente=gemeente_b, username="groningen")

    assert policies.can_share(member, zaak) and policies.can_share(lead, zaak)
    assert not any(policies.can_share(u, zaak) for u in (outsider, beheerder, other_gemeente))


def test_a_revoked_share_ends_at_once_and_cannot_be_revoked_twice(zaak, partner):
    share = _share(zaak, partner)

    revoke_share(share=share, actor=SYSTEM, reason="Hulp is afgerond")

    share.refresh_from_db()
    assert share.is_revoked and share.revoke_reason == "Hulp is afgerond"
    assert not selectors.zaken_shared_with_partner(partner=partner).exists()
    assert AuditEntry.objects.for_tenant(zaak.tenant).filter(action="revoke_share").exists()
    with pytest.raises(ShareError, match="al ingetrokken"):
        revoke_share(share=share, actor=SYSTEM)
    assert _share(zaak, partner).is_active_on(clock.today()), "after revoking, a new share may follow"


def test_the_partner_sees_only_its_own_shares_in_force(zaak, zaak_b, partner):
    mine = _share(zaak, partner)
    _share(zaak_b, schuldhulp())

    assert list(selectors.zaken_shared_with_partner(partner=partner)) == [mine]
    assert selectors.get_shared_zaak(partner=partner, share_uuid=mine.uuid).zaak == zaak


def test_after_the_end_date_the_share_is_gone(zaak, partner):
    share = _share(zaak, partner, valid_until=clock.today() + datetime.timedelta(days=10))
    later = datetime.datetime.combine(share.valid_until, datetime.time(12), tzinfo=datetime.UTC)

    with time_machine.travel(later, tick=False):
        assert selectors.get_shared_zaak(partner=partner, share_uuid=share.uuid) == share, "last day counts"
    with time_machine.travel(later + datetime.timedelta(days=1), tick=False):
        with pytest.raises(share.DoesNotExist):
            selectors.get_shared_zaak(partner=partner, share_uuid=share.uuid)
        with pytest.raises(ShareError, match="niet meer met u gedeeld"):
            add_partner_note(share=share, text="Te laat", user=None, actor=SYSTEM)


def test_documents_and_notes_follow_what_is_shared(zaak, partner):
    gemeente_note = zaak.notes.create(author_label="Anna", text="Interne notitie", created_at=clock.now())
    share = _share(zaak, partner, parts=["shares_status"], partner_may_add_notes=True)

    assert not selectors.documents_for_share(share).exists()
    own = add_partner_note(share=share, text="Advies volgt", user=None, actor=SYSTEM)
    texts = [entry.text for entry in timeline.timeline_for_share(share) if entry.kind == "note"]
    assert texts == ["Advies volgt"], "the partner sees its own note, not the gemeente's"
    assert own.share == share and gemeente_note.share is None

    revoke_share(share=share, actor=SYSTEM)
    wide = _share(zaak, partner, parts=["shares_documents", "shares_notes"])
    assert [d.filename for d in selectors.documents_for_share(wide)] == ["medische-verklaring.pdf"]
    assert {e.text for e in timeline.timeline_for_share(wide) if e.kind == "note"} == {
        "Interne notitie",
        "Advies volgt",
    }


def test_partner_notes_and_documents_only_when_the_share_allows_it(zaak, partner):
    share = _share(zaak, partner)
    type_id = zaak.zaaktype.document_types.first().informatieobjecttype_id

    with pytest.raises(ShareError, match="notities"):
        add_partner_note(share=share, text="Mag dit?", user=None, actor=SYSTEM)
    with pytest.raises(ShareError, match="documenten"):
        add_partner_document(
            share=share,
            informatieobjecttype_id=type_id,
            upload=SimpleUploadedFile("advies.pdf", PDF),
            actor=SYSTEM,
        )


def test_a_partner_document_is_checked_by_content_and_marked_as_the_partners(zaak, partner):
    share = _share(zaak, partner, partner_may_add_documents=True)
    type_id = zaak.zaaktype.document_types.first().informatieobjecttype_id

    with pytest.raises(InvalidUpload, match="geen PDF"):
        add_partner_document(
            share=share,
            informatieobjecttype_id=type_id,
            upload=SimpleUploadedFile("advies.pdf", b"MZ not a pdf at all"),
            actor=SYSTEM,
        )
    document = add_partner_document(
        share=share,
        informatieobjecttype_id=type_id,
        upload=SimpleUploadedFile("advies.pdf", PDF),
        actor=SYSTEM,
    )
    assert document.share == share and document.tenant == zaak.tenant
    assert list(selectors.documents_for_share(share)) == [document]


def test_a_partner_view_is_logged_for_the_gemeente_with_purpose_and_ground(zaak, partner):
    share = _share(zaak, partner)
    person = employee(gemeente=partner, username="ggd-arts", role=Role.PARTNER_MEDEWERKER)

    selectors.record_partner_access(share=share, user=person)

    record = ProcessingRecord.objects.for_tenant(zaak.tenant).get(actor_type="partner")
    assert (record.actor_unit, record.actor_label) == ("GGD regio Utrecht", "ggd-arts")
    assert record.purpose == share.purpose and record.legal_ground == "Wmo 2015, artikel 5.3.1"
    assert (record.object_type, record.object_id) == ("cases.zaak", str(zaak.pk))
    assert record.subject_hash == hash_subject("999993653")


def test_a_partner_organisation_is_made_once_and_is_a_partner():
    first = create_partner_organisation(name="GGD regio Utrecht")

    assert first.is_partner and first.slug == "ggd-regio-utrecht"
    assert create_partner_organisation(name="GGD regio Utrecht") == first


def test_what_a_partner_adds_is_a_change_in_the_processing_log_for_the_resident(zaak, partner):
    share = _share(zaak, partner, partner_may_add_notes=True, partner_may_add_documents=True)
    person = employee(gemeente=partner, username="ggd-verpleegkundige", role=Role.PARTNER_MEDEWERKER)
    actor = Actor(type="partner", id=str(person.pk), label=person.username, unit=partner.name)
    type_id = zaak.zaaktype.document_types.first().informatieobjecttype_id

    add_partner_note(share=share, text="Huisbezoek gedaan.", user=person, actor=actor)
    add_partner_document(
        share=share,
        informatieobjecttype_id=type_id,
        upload=SimpleUploadedFile("verslag.pdf", PDF),
        actor=actor,
    )

    records = ProcessingRecord.objects.for_tenant(zaak.tenant).filter(actor_type="partner", action="update")
    assert records.count() == 2
    assert {r.actor_unit for r in records} == {"GGD regio Utrecht"}
    assert {r.subject_hash for r in records} == {hash_subject("999993653")}
