"""Case handling as a case handler experiences it: claim, ask, pause, extend, decide, close, reopen."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.accounts.constants import Role
from plus1.audit.services import Actor as _Actor
from plus1.cases import policies, services
from plus1.cases.exceptions import InvalidUpload, ZaakClosed, ZaakConflict, ZaakError
from plus1.cases.models import InformatieObject, Zaak, ZaakEigenschap
from plus1.cases.processing import Purpose
from plus1.cases.selectors import InboxFilters, inbox_for_employee
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, employee, handling_zaaktype, new_zaak
from plus1.cases.timeline import timeline_for_zaak
from plus1.catalog.models import Eigenschap
from plus1.core import clock

PURPOSE = Purpose.handling(_Actor.system("test"))

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MONDAY = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


@pytest.fixture
def zaaktype():
    return handling_zaaktype()


@pytest.fixture
def adoption(gemeente_a, zaaktype):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)


@pytest.fixture
def zaak(adoption):
    with time_machine.travel(MONDAY, tick=False):
        return new_zaak(adoption)


def _status(zaak, name):
    return zaak.zaaktype.statustypen.get(omschrijving=name)


def test_a_new_zaak_lands_in_the_inbox_of_the_team_that_owns_the_process(gemeente_a, adoption, zaak):
    handler = employee(gemeente=gemeente_a, username="anna", team=adoption.team)
    outsider = employee(gemeente=gemeente_a, username="bert")

    assert zaak.team == adoption.team
    assert zaak.service_norm_on == datetime.date(2026, 3, 30), "four-week service norm"
    assert list(
        inbox_for_employee(tenant=gemeente_a, user=handler, filters=InboxFilters(), purpose=PURPOSE)
    ) == [zaak]
    assert (
        list(inbox_for_employee(tenant=gemeente_a, user=outsider, filters=InboxFilters(), purpose=PURPOSE))
        == []
    )


def test_a_case_handler_claims_a_zaak_and_a_second_claim_on_the_old_version_conflicts(
    gemeente_a, adoption, zaak
):
    anna = employee(gemeente=gemeente_a, username="anna", team=adoption.team)
    bert = employee(gemeente=gemeente_a, username="bert", team=adoption.team)
    seen_version = zaak.version

    services.claim_zaak(zaak=zaak, user=anna, actor=SYSTEM, expected_version=seen_version)
    with pytest.raises(ZaakConflict):
        services.claim_zaak(zaak=zaak, user=bert, actor=SYSTEM, expected_version=seen_version)

    zaak.refresh_from_db()
    assert zaak.assignee == anna, "the second claim did not silently overwrite the first"
    assert zaak.version == seen_version + 1


def test_just_after_midnight_dutch_time_a_new_zaak_takes_its_status_and_documents_on_that_day(adoption):
    # 00:30 in Amsterdam is still the day before in UTC: every date must be the Dutch one.
    with time_machine.travel(datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC), tick=False):
        zaak = new_zaak(adoption)
        assert zaak.started_on == datetime.date(2026, 12, 2)
        services.set_status(zaak=zaak, statustype=_status(zaak, "In behandeling"), actor=SYSTEM)
        link = zaak.zaaktype.document_types.first()
        services.add_zaak_document(
            zaak=zaak,
            informatieobjecttype_id=link.informatieobjecttype_id,
            upload=SimpleUploadedFile("bijlage.pdf", PDF, content_type="application/pdf"),
            actor=SYSTEM,
        )
    zaak.refresh_from_db()
    assert zaak.current_status.statustype.omschrijving == "In behandeling"
    assert InformatieObject.objects.get(zaak=zaak).created_on == datetime.date(2026, 12, 2)


def test_statuses_follow_the_order_of_the_zaaktype_and_the_end_status_needs_a_resultaat(zaak):
    with pytest.raises(ZaakError, match="resultaat"):
        services.set_status(zaak=zaak, statustype=_status(zaak, "Afgerond"), actor=SYSTEM)
    services.set_status(zaak=zaak, statustype=_status(zaak, "In behandeling"), actor=SYSTEM)
    with pytest.raises(ZaakError, match="volgende status"):
        services.set_status(zaak=zaak, statustype=_status(zaak, "Ontvangen"), actor=SYSTEM)
    zaak.refresh_from_db()
    assert zaak.current_status.statustype.omschrijving == "In behandeling"


def test_asking_for_information_pauses_the_term_until_the_resident_answers(
    zaak, mailoutbox, django_capture_on_commit_callbacks
):
    original_end = zaak.planned_end_on
    tuesday = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
    with time_machine.travel(tuesday, tick=False), django_capture_on_commit_callbacks(execute=True):
        services.request_information(
            zaak=zaak,
            question="Stuur een kopie van uw kentekenbewijs.",
            answer_due_on=datetime.date(2026, 3, 24),
            actor=SYSTEM,
            expected_version=zaak.version,
        )
    zaak.refresh_from_db()
    assert zaak.is_suspended
    assert len(mailoutbox) == 1 and "meer informatie" in mailoutbox[0].subject
    assert "999993653" not in mailoutbox[0].body

    with time_machine.travel(datetime.datetime(2026, 3, 20, 9, tzinfo=datetime.UTC), tick=False):
        upload = SimpleUploadedFile("kenteken.pdf", PDF, content_type="application/pdf")
        bewijs = zaak.zaaktype.document_types.get(direction="inkomend").informatieobjecttype_id
        services.answer_information_request(
            zaak=zaak, answer="Hierbij.", uploads=[(bewijs, upload)], actor=SYSTEM
        )
    zaak.refresh_from_db()
    assert not zaak.is_suspended
    assert original_end == datetime.date(2026, 4, 28), "27 April is Koningsdag"
    assert zaak.planned_end_on == datetime.date(2026, 5, 6), "27 April plus the 9 paused days of 11-19 March"
    assert zaak.documenten.get().information_request is not None


def test_a_disguised_upload_in_an_answer_stores_nothing_and_keeps_the_question_open(zaak):
    services.request_information(
        zaak=zaak,
        question="Stuur een foto.",
        answer_due_on=datetime.date(2099, 1, 1),
        actor=SYSTEM,
        expected_version=None,
    )
    bewijs = zaak.zaaktype.document_types.get(direction="inkomend").informatieobjecttype_id
    fake = SimpleUploadedFile("foto.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    good = SimpleUploadedFile("ok.pdf", PDF, content_type="application/pdf")

    with pytest.raises(InvalidUpload):
        services.answer_information_request(
            zaak=zaak, answer="", uploads=[(bewijs, good), (bewijs, fake)], actor=SYSTEM
        )

    zaak.refresh_from_db()
    assert zaak.is_suspended
    assert not InformatieObject.objects.filter(zaak=zaak).exists()
    assert zaak.information_requests.get().is_open


def test_only_one_question_can_be_open_at_a_time(zaak):
    ask = dict(question="Vraag", answer_due_on=datetime.date(2099, 1, 1), actor=SYSTEM, expected_version=None)
    services.request_information(zaak=zaak, **ask)
    with pytest.raises(ZaakError, match="al een vraag open"):
        services.request_information(zaak=zaak, **ask)


def test_without_suspension_in_the_zaaktype_a_question_does_not_stop_the_term(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(suspension=False))
    zaak = new_zaak(adoption)
    services.request_information(
        zaak=zaak,
        question="Vraag",
        answer_due_on=datetime.date(2099, 1, 1),
        actor=SYSTEM,
        expected_version=None,
    )
    zaak.refresh_from_db()
    assert not zaak.is_suspended


def test_the_term_can_be_extended_once_with_a_reason(zaak, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.extend_zaak(
            zaak=zaak, reason="Wij wachten op advies van de brandweer.", actor=SYSTEM, expected_version=None
        )
    zaak.refresh_from_db()
    assert zaak.planned_end_on == datetime.date(2026, 6, 8), "8 + 6 weeks from 2 March"
    assert "brandweer" in mailoutbox[0].body
    with pytest.raises(ZaakError, match="een keer"):
        services.extend_zaak(zaak=zaak, reason="Nog meer tijd", actor=SYSTEM, expected_version=None)


def test_extension_is_refused_when_the_zaaktype_does_not_allow_it(gemeente_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(extension=False)))
    with pytest.raises(ZaakError, match="niet worden verlengd"):
        services.extend_zaak(zaak=zaak, reason="Druk", actor=SYSTEM, expected_version=None)


@time_machine.travel(datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_decide_adds_a_besluit_with_a_letter_and_close_sets_archive_dates(zaak):
    besluittype = zaak.zaaktype.besluittypen.get()
    besluit = services.decide_zaak(
        zaak=zaak,
        besluittype=besluittype,
        decided_on=datetime.date(2026, 4, 1),
        effective_on=datetime.date(2026, 4, 2),
        toelichting="U voldoet aan de voorwaarden.",
        actor=SYSTEM,
        expected_version=None,
    )
    letter = besluit.letter
    assert letter.zaak == zaak and letter.content_type == "application/pdf"
    # The letter's text and PDF/A form: cases/tests/test_letters.py.
    assert letter.file.read().startswith(b"%PDF-")

    closed = services.close_zaak(
        zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.get(), actor=SYSTEM, expected_version=None
    )
    assert closed.ended_on == datetime.date(2026, 4, 1)
    assert closed.current_status.statustype.omschrijving == "Afgerond"
    assert closed.archive_nomination == "vernietigen"
    assert closed.archive_action_on == datetime.date(2027, 4, 1), "one year after closing (afgehandeld)"
    with pytest.raises(ZaakClosed):
        services.set_status(zaak=closed, statustype=_status(closed, "In behandeling"), actor=SYSTEM)


def test_a_decision_cannot_be_dated_in_the_future_or_expire_before_it_starts(zaak):
    besluittype = zaak.zaaktype.besluittypen.get()
    tomorrow = clock.today() + datetime.timedelta(days=1)
    with pytest.raises(ZaakError, match="toekomst"):
        services.decide_zaak(
            zaak=zaak,
            besluittype=besluittype,
            decided_on=tomorrow,
            effective_on=tomorrow,
            actor=SYSTEM,
            expected_version=None,
        )
    with pytest.raises(ZaakError, match="vervaldatum"):
        services.decide_zaak(
            zaak=zaak,
            besluittype=besluittype,
            decided_on=clock.today(),
            effective_on=clock.today(),
            expires_on=datetime.date(2000, 1, 1),
            actor=SYSTEM,
            expected_version=None,
        )
    assert not zaak.besluiten.exists()


def test_reopen_needs_a_reason_and_clears_the_result(zaak):
    services.close_zaak(
        zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.get(), actor=SYSTEM, expected_version=None
    )
    zaak.refresh_from_db()
    with pytest.raises(ZaakError, match="waarom"):
        services.reopen_zaak(zaak=zaak, reason=" ", actor=SYSTEM, expected_version=None)
    reopened = services.reopen_zaak(zaak=zaak, reason="Bezwaar gegrond", actor=SYSTEM, expected_version=None)
    assert reopened.is_open and not reopened.archive_nomination
    assert reopened.current_status.statustype.omschrijving == "In behandeling"
    assert not hasattr(Zaak.objects.get(pk=zaak.pk), "resultaat")


def test_notes_and_links_appear_in_the_timeline(gemeente_a, gemeente_b, adoption, zaak, zaaktype):
    other = new_zaak(adoption, bsn="999990019", name="Erebos Bultenaar")
    foreign_adoption = adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype)
    foreign = [new_zaak(foreign_adoption) for _ in range(3)][-1]
    assert not Zaak.objects.filter(tenant=gemeente_a, identificatie=foreign.identificatie).exists()
    services.add_note(zaak=zaak, text="Gebeld met aanvrager.", author=None, actor=SYSTEM)
    services.link_zaken(
        zaak=zaak, other_identificatie=other.identificatie, relation="onderwerp", actor=SYSTEM
    )
    with pytest.raises(ZaakError, match="bestaat niet"):
        services.link_zaken(
            zaak=zaak, other_identificatie=foreign.identificatie, relation="onderwerp", actor=SYSTEM
        )

    kinds = [entry.kind for entry in timeline_for_zaak(zaak)]
    assert "note" in kinds and "status" in kinds
    assert list(zaak.links.values_list("other__identificatie", flat=True)) == [other.identificatie]


def test_bulk_assign_never_reaches_another_gemeente_or_team(gemeente_a, gemeente_b, adoption, zaak, zaaktype):
    lead = employee(gemeente=gemeente_a, username="lead", role=Role.TEAMLEIDER, team=adoption.team)
    foreign = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))

    count = services.assign_zaken(
        tenant=gemeente_a, zaak_ids=[zaak.pk, foreign.pk], assignee=lead, actor=SYSTEM
    )

    assert count == 1
    foreign.refresh_from_db()
    assert foreign.assignee is None


def test_a_behandelaar_cannot_change_a_zaak_of_another_team_and_nobody_crosses_gemeenten(
    gemeente_a, gemeente_b, adoption, zaak
):
    own = employee(gemeente=gemeente_a, username="anna", team=adoption.team)
    other_team = employee(gemeente=gemeente_a, username="bert")
    from plus1.accounts.models import Team

    Team.objects.create(tenant=gemeente_a, name="Burgerzaken").members.add(other_team)
    foreign = employee(gemeente=gemeente_b, username="carla")

    assert policies.can_change_zaak(own, zaak)
    assert not policies.can_assign(own, zaak), "a behandelaar claims, only the teamleider assigns"
    assert policies.can_view_zaak(other_team, zaak) and not policies.can_change_zaak(other_team, zaak)
    assert not policies.can_view_zaak(foreign, zaak) and not policies.can_change_zaak(foreign, zaak)


def test_inbox_filters_overdue_due_this_week_and_suspended(gemeente_a, adoption):
    handler = employee(gemeente=gemeente_a, username="anna", team=adoption.team)
    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC), tick=False):
        late = new_zaak(adoption)
    with time_machine.travel(datetime.datetime(2026, 1, 26, 9, tzinfo=datetime.UTC), tick=False):
        soon = new_zaak(adoption)
    with time_machine.travel(datetime.datetime(2026, 3, 16, 9, tzinfo=datetime.UTC), tick=False):
        waiting = new_zaak(adoption)
        services.request_information(
            zaak=waiting,
            question="?",
            answer_due_on=datetime.date(2026, 4, 1),
            actor=SYSTEM,
            expected_version=None,
        )
        services.claim_zaak(zaak=soon, user=handler, actor=SYSTEM, expected_version=None)

        def inbox(**filters):
            return {
                z.identificatie
                for z in inbox_for_employee(
                    tenant=gemeente_a, user=handler, filters=InboxFilters(**filters), purpose=PURPOSE
                )
            }

        assert inbox(due="overdue") == {late.identificatie}
        assert inbox(due="week") == {soon.identificatie}, "ends Monday 23 March"
        assert inbox(due="suspended") == {waiting.identificatie}
        assert inbox(assigned="me") == {soon.identificatie}
        assert inbox(query="Suzanne") == {late.identificatie, soon.identificatie, waiting.identificatie}
        assert inbox(query=late.identificatie) == {late.identificatie}


@time_machine.travel(datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize(
    ("afleidingswijze", "details", "expected"),
    [
        ("termijn", {"brondatum_procestermijn": "P5Y"}, datetime.date(2032, 4, 1)),
        ("eigenschap", {"brondatum_datumkenmerk": "vergunning_tot"}, datetime.date(2029, 7, 1)),
        ("hoofdzaak", {}, datetime.date(2027, 3, 1)),
        ("ander_datumkenmerk", {"brondatum_datumkenmerk": "overlijdensdatum"}, None),
    ],
)
def test_closing_derives_the_archive_date_from_the_rule_of_the_resultaattype(
    zaak, adoption, afleidingswijze, details, expected
):
    resultaattype = zaak.zaaktype.resultaattypen.get()
    for field, value in {"brondatum_afleidingswijze": afleidingswijze, **details}.items():
        setattr(resultaattype, field, value)
    resultaattype.save()
    hoofdzaak = new_zaak(adoption)
    vergunning_tot = Eigenschap.objects.create(
        zaaktype=zaak.zaaktype, order=9, name="vergunning_tot", label="Geldig tot", data_type="date", step="x"
    )
    ZaakEigenschap.objects.create(zaak=zaak, eigenschap=vergunning_tot, value="2028-07-01")
    Zaak.objects.filter(pk=hoofdzaak.pk).update(ended_on=datetime.date(2026, 3, 1))
    Zaak.objects.filter(pk=zaak.pk).update(hoofdzaak=hoofdzaak)
    zaak.refresh_from_db()

    closed = services.close_zaak(zaak=zaak, resultaattype=resultaattype, actor=SYSTEM, expected_version=None)

    # The archiefactietermijn (one year) runs from the brondatum the rule gives.
    assert closed.archive_action_on == expected
