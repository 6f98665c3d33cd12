"""The privacy officer's pages: who gets in, what the search shows, and that it is logged itself."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.audit.models import AccessReviewSettings, AuditEntry, ProcessingRecord
from plus1.audit.services import Activity, Actor, ObjectRef, hash_subject, record_processing, subject_for
from plus1.backoffice.tests.conftest import log_in, make_employee, make_partner_employee
from plus1.cases.tests.sharing import ggd

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
HANDLING = Activity("zaakbehandeling", "Behandelen van zaken", "Zaken behandelen", "AVG 6.1.e", 730)
NOW = datetime.datetime(2026, 11, 20, 12, tzinfo=AMSTERDAM)  # a Friday
SUZANNE = "999993653"
LOG = reverse("backoffice:processing-log")
REPORT = reverse("backoffice:access-review")


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def privacy_a(gemeente_a, actor):
    return make_employee("privacy-a", gemeente=gemeente_a, role=Role.PRIVACY_OFFICER, actor=actor)


def _read(tenant, user, *, at=NOW, bsn=SUZANNE, label="ZAAK-2026-0000001"):
    with time_machine.travel(at, tick=False):
        return record_processing(
            tenant=tenant,
            actor=Actor.from_user(user, unit="Vergunningen (Utrecht)"),
            activity=HANDLING,
            action="read",
            channel="backoffice",
            obj=ObjectRef("cases.zaak", "1", label),
            subject=subject_for(bsn=bsn),
        )


# --- who gets in ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LOG, REPORT])
def test_behandelaar_and_teamleider_get_no_access_to_the_processing_log(
    client, url, behandelaar_a, teamleider_a
):
    for person in (behandelaar_a, teamleider_a):
        response = log_in(client, person).get(url)

        assert response.status_code == 403
        assert "U heeft geen toegang tot deze pagina" in response.content.decode()


@pytest.mark.parametrize("url", [LOG, REPORT])
def test_a_chain_partners_employee_gets_no_access_to_the_processing_log(client, url, actor):
    response = log_in(client, make_partner_employee("ggd", partner=ggd(), actor=actor)).get(url)

    assert response.status_code == 403


def test_a_privacy_officer_lands_on_the_log_and_sees_no_inbox(client, privacy_a):
    response = log_in(client, privacy_a).get(LOG)

    text = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="page">Verwerkingslog</a>' in text
    assert "Werkvoorraad" not in text
    assert client.get(reverse("backoffice:inbox")).status_code == 403


def test_a_privacy_officer_who_is_also_behandelaar_keeps_the_inbox(
    client, privacy_a, gemeente_a, team_a, actor
):
    from plus1.accounts.services import add_team_member, grant_role

    grant_role(tenant=gemeente_a, user=privacy_a, role=Role.BEHANDELAAR, actor=actor)
    add_team_member(team=team_a, user=privacy_a, actor=actor)

    response = log_in(client, privacy_a).get(reverse("backoffice:inbox"))

    assert response.status_code == 200
    assert "Verwerkingslog" in response.content.decode()


def test_the_log_in_sends_a_privacy_officer_to_the_log(client, privacy_a):
    from plus1.backoffice.access import back_office_home

    assert back_office_home(privacy_a) == LOG


def test_other_employees_see_no_verwerkingslog_in_the_menu(client, behandelaar_a):
    response = log_in(client, behandelaar_a).get(reverse("backoffice:inbox"))

    assert "Verwerkingslog" not in response.content.decode()


# --- the search -----------------------------------------------------------------------------


def test_the_search_shows_the_last_30_days_newest_first(client, privacy_a, behandelaar_a, gemeente_a):
    old = _read(gemeente_a, behandelaar_a, at=NOW - datetime.timedelta(days=30), label="ZAAK-OUD")
    recent = _read(gemeente_a, behandelaar_a, at=NOW - datetime.timedelta(days=29), label="ZAAK-RECENT")
    newest = _read(gemeente_a, behandelaar_a, at=NOW - datetime.timedelta(hours=1), label="ZAAK-NIEUW")

    response = log_in(client, privacy_a).get(LOG)

    assert list(response.context["page"].object_list) == [newest, recent]
    text = response.content.decode()
    assert "ZAAK-NIEUW" in text and "behandelaar-a" in text and "Vergunningen (Utrecht)" in text
    assert newest.trace_id in text and "Behandelen van zaken" in text and "ZAAK-OUD" not in text
    assert old.pk


def test_the_search_by_bsn_shows_only_that_persons_records(client, privacy_a, behandelaar_a, gemeente_a):
    mine = _read(gemeente_a, behandelaar_a, label="ZAAK-SUZANNE")
    _read(gemeente_a, behandelaar_a, bsn="999991723", label="ZAAK-LUKAS")

    response = log_in(client, privacy_a).get(LOG, {"betrokkene": SUZANNE})

    assert list(response.context["page"].object_list) == [mine]


def test_the_search_by_employee_takes_a_user_name_of_this_gemeente(
    client, privacy_a, behandelaar_a, teamleider_a, gemeente_a
):
    anna = _read(gemeente_a, behandelaar_a)
    _read(gemeente_a, teamleider_a)

    response = log_in(client, privacy_a).get(LOG, {"medewerker": "behandelaar-a"})

    assert list(response.context["page"].object_list) == [anna]
    assert '<option value="teamleider-a">' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"betrokkene": "123456789"}, "Vul een geldig BSN (9 cijfers, volgens de elfproef)"),
        ({"betrokkene": "1234"}, "KvK-nummer (8 cijfers)"),
        ({"medewerker": "niemand"}, "Er is geen medewerker met deze gebruikersnaam."),
        ({"van": "2025-11-01", "tot": "2026-11-20"}, "Kies een periode van hoogstens 366 dagen."),
        ({"van": "2026-11-20", "tot": "2026-11-01"}, "De begindatum moet voor de einddatum liggen."),
    ],
)
def test_a_wrong_search_says_what_to_fix_in_dutch(client, privacy_a, params, message):
    response = log_in(client, privacy_a).get(LOG, params)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["page"] is None
    assert not ProcessingRecord.objects.exists(), "nothing shown, nothing read"


def test_a_kvk_number_is_accepted(client, privacy_a):
    response = log_in(client, privacy_a).get(LOG, {"betrokkene": "69599084"})

    assert response.context["page"].paginator.count == 0


def test_the_results_come_in_pages_of_50(client, privacy_a, behandelaar_a, gemeente_a):
    for minute in range(51):
        _read(gemeente_a, behandelaar_a, at=NOW - datetime.timedelta(minutes=minute + 1))

    response = log_in(client, privacy_a).get(LOG, {"medewerker": "behandelaar-a"})
    second = client.get(LOG, {"medewerker": "behandelaar-a", "pagina": 2})

    assert len(response.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 1
    assert "medewerker=behandelaar-a&amp;pagina=2" in response.content.decode()


def test_every_search_of_the_privacy_officer_is_logged_with_the_person_searched(
    client, privacy_a, gemeente_a
):
    log_in(client, privacy_a).get(LOG, {"betrokkene": SUZANNE})

    record = ProcessingRecord.objects.for_tenant(gemeente_a).get()
    assert record.activity_code == "inzage-verwerkingslog"
    assert record.action == "search" and record.channel == "backoffice"
    assert record.actor_label == "privacy-a" and record.actor_type == "employee"
    assert record.subject_type == "bsn" and record.subject_hash == hash_subject(SUZANNE)
    assert record.operation == "backoffice:processing-log"
    assert SUZANNE not in record.object_label


def test_the_search_shows_the_officers_own_earlier_searches_too(client, privacy_a, gemeente_a):
    log_in(client, privacy_a).get(LOG, {"betrokkene": SUZANNE})

    response = client.get(LOG, {"betrokkene": SUZANNE})

    assert [r.activity_code for r in response.context["page"].object_list] == ["inzage-verwerkingslog"]


# --- the report and its thresholds ----------------------------------------------------------


def test_the_report_lists_findings_with_a_link_to_the_search_and_is_logged(
    client, privacy_a, behandelaar_a, gemeente_a
):
    _read(gemeente_a, behandelaar_a, at=NOW.replace(hour=22))  # Friday evening, last week's view

    response = log_in(client, privacy_a).get(REPORT)

    text = response.content.decode()
    assert response.status_code == 200
    assert [f.actor_label for f in response.context["report"].outside_office_hours] == ["behandelaar-a"]
    assert "?medewerker=behandelaar-a&amp;van=2026-11-14&amp;tot=2026-11-20" in text
    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(actor_label="privacy-a")
    assert record.activity_code == "inzage-verwerkingslog" and record.action == "read"


def test_the_privacy_officer_sets_the_thresholds_and_the_change_is_audited(client, privacy_a, gemeente_a):
    response = log_in(client, privacy_a).post(
        REPORT,
        {"distinct_subjects_per_day": "10", "office_start": "08:00", "office_end": "17:30"},
        follow=True,
    )

    settings = AccessReviewSettings.objects.for_tenant(gemeente_a).get()
    assert settings.distinct_subjects_per_day == 10
    assert settings.office_end == datetime.time(17, 30) and settings.weekends_are_outside is False
    assert "De drempels zijn opgeslagen." in response.content.decode()
    entry = AuditEntry.objects.for_tenant(gemeente_a).get(action="update_access_review_settings")
    assert entry.actor_label == "privacy-a"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"distinct_subjects_per_day": "0", "office_start": "07:00", "office_end": "19:00"}, "minstens 1"),
        ({"distinct_subjects_per_day": "veel", "office_start": "07:00", "office_end": "19:00"}, "heel getal"),
        ({"distinct_subjects_per_day": "5", "office_start": "19:00", "office_end": "07:00"}, "eindigen na"),
        (
            {"distinct_subjects_per_day": "5", "office_start": "laat", "office_end": "19:00"},
            "bijvoorbeeld 07:00",
        ),
    ],
)
def test_wrong_thresholds_are_refused_in_dutch(client, privacy_a, data, message):
    response = log_in(client, privacy_a).post(REPORT, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AccessReviewSettings.objects.exists()


def test_a_post_without_csrf_token_is_refused(privacy_a):
    from django.test import Client

    client = log_in(Client(enforce_csrf_checks=True), privacy_a)

    response = client.post(
        REPORT, {"distinct_subjects_per_day": "5", "office_start": "07:00", "office_end": "19:00"}
    )

    assert response.status_code == 403
    assert not AccessReviewSettings.objects.exists()


def test_a_teamleider_cannot_change_the_thresholds(client, teamleider_a):
    response = log_in(client, teamleider_a).post(
        REPORT, {"distinct_subjects_per_day": "5000", "office_start": "00:00", "office_end": "23:59"}
    )

    assert response.status_code == 403
    assert not AccessReviewSettings.objects.exists()
