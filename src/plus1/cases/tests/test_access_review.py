"""The report of unusual access: many persons in a day, outside office hours, another team's zaken."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from plus1.accounts.constants import Role
from plus1.accounts.services import add_team_member, create_team, grant_role
from plus1.audit.models import AccessReviewSettings
from plus1.audit.services import Activity, Actor, ObjectRef, record_processing, subject_for
from plus1.cases import access_review
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
HANDLING = Activity("zaakbehandeling", "Behandelen van zaken", "Zaken behandelen", "AVG 6.1.e", 730)
MONDAY = datetime.date(2026, 11, 16)
SATURDAY = datetime.date(2026, 11, 21)
WEEK = (MONDAY, MONDAY + datetime.timedelta(days=6))
# Fictitious numbers that pass the eleven test: 100000009 + 11 * n.
PERSONS = [str(100000009 + 11 * n) for n in range(40)]


def _user(username, *, gemeente=None):
    user = get_user_model().objects.create_user(username=username, password="x")
    if gemeente is not None:
        grant_role(tenant=gemeente, user=user, role=Role.BEHANDELAAR, actor=SYSTEM)
    return user


def _read(tenant, user, *, at, bsn="999993653", obj=None, actor_type="employee"):
    actor = Actor(type=actor_type, id=str(user.pk), label=user.username, unit="Team")
    with time_machine.travel(at, tick=False):
        return record_processing(
            tenant=tenant,
            actor=actor,
            activity=HANDLING,
            action="read",
            channel="backoffice",
            obj=obj or ObjectRef("brp.persoon", "", "Persoonsgegevens"),
            subject=subject_for(bsn=bsn),
        )


def _at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def _settings(tenant, **changes):
    return AccessReviewSettings(tenant=tenant, **changes)


# --- many persons in one day ----------------------------------------------------------------


def test_an_employee_who_reads_more_persons_in_a_day_than_the_threshold_stands_out(gemeente_a):
    anna, bob = _user("anna"), _user("bob")
    for bsn in PERSONS[:26]:
        _read(gemeente_a, anna, at=_at(MONDAY, 10), bsn=bsn)
    for bsn in PERSONS[:25]:  # exactly the threshold: not more
        _read(gemeente_a, bob, at=_at(MONDAY, 10), bsn=bsn)

    findings = access_review.many_subjects(tenant=gemeente_a, since=MONDAY, until=MONDAY, threshold=25)

    assert [(f.actor_label, f.count, f.day) for f in findings] == [("anna", 26, MONDAY)]
    assert len(findings[0].examples) == access_review.MAX_EXAMPLES


def test_the_same_person_read_often_counts_once_and_each_day_counts_apart(gemeente_a):
    anna = _user("anna")
    for _ in range(30):
        _read(gemeente_a, anna, at=_at(MONDAY, 10), bsn=PERSONS[0])
    for bsn in PERSONS[:3]:
        _read(gemeente_a, anna, at=_at(MONDAY, 11), bsn=bsn)
    for bsn in PERSONS[3:6]:
        _read(gemeente_a, anna, at=_at(MONDAY + datetime.timedelta(days=1), 11), bsn=bsn)

    assert access_review.many_subjects(tenant=gemeente_a, since=WEEK[0], until=WEEK[1], threshold=3) == []
    findings = access_review.many_subjects(tenant=gemeente_a, since=WEEK[0], until=WEEK[1], threshold=2)
    assert [(f.count, f.day) for f in findings] == [(3, MONDAY), (3, MONDAY + datetime.timedelta(days=1))]


def test_reads_by_residents_or_of_another_gemeente_do_not_count(gemeente_a, gemeente_b):
    anna = _user("anna")
    for bsn in PERSONS[:5]:
        _read(gemeente_a, anna, at=_at(MONDAY, 10), bsn=bsn, actor_type="resident")
        _read(gemeente_b, anna, at=_at(MONDAY, 10), bsn=bsn)

    assert access_review.many_subjects(tenant=gemeente_a, since=MONDAY, until=MONDAY, threshold=1) == []


# --- outside office hours -------------------------------------------------------------------


def test_reads_before_seven_from_seven_in_the_evening_and_in_the_weekend_are_outside_office_hours(gemeente_a):
    anna = _user("anna")
    _read(gemeente_a, anna, at=_at(MONDAY, 6, 59))
    _read(gemeente_a, anna, at=_at(MONDAY, 7, 0))
    _read(gemeente_a, anna, at=_at(MONDAY, 18, 59))
    _read(gemeente_a, anna, at=_at(MONDAY, 19, 0))
    _read(gemeente_a, anna, at=_at(SATURDAY, 11, 0))

    findings = access_review.outside_office_hours(
        tenant=gemeente_a, since=WEEK[0], until=WEEK[1], settings=_settings(gemeente_a)
    )

    assert [(f.actor_label, f.count) for f in findings] == [("anna", 3)]
    assert [r.started_at.astimezone(AMSTERDAM).strftime("%a %H:%M") for r in findings[0].examples] == [
        "Sat 11:00",
        "Mon 19:00",
        "Mon 06:59",
    ]


def test_office_hours_are_the_gemeentes_own_and_weekends_may_count_as_office_days(gemeente_a):
    anna = _user("anna")
    _read(gemeente_a, anna, at=_at(MONDAY, 7, 30))
    _read(gemeente_a, anna, at=_at(MONDAY, 17, 30))
    _read(gemeente_a, anna, at=_at(SATURDAY, 11, 0))
    settings = _settings(
        gemeente_a, office_start=datetime.time(8), office_end=datetime.time(17), weekends_are_outside=False
    )

    findings = access_review.outside_office_hours(
        tenant=gemeente_a, since=WEEK[0], until=WEEK[1], settings=settings
    )

    assert [f.count for f in findings] == [2]


def test_office_hours_are_dutch_time_also_in_summer(gemeente_a):
    anna = _user("anna")
    june_monday = datetime.date(2026, 6, 15)
    _read(gemeente_a, anna, at=_at(june_monday, 7, 30))  # 05:30 UTC: inside office hours

    findings = access_review.outside_office_hours(
        tenant=gemeente_a, since=june_monday, until=june_monday, settings=_settings(gemeente_a)
    )

    assert findings == []


def test_system_tasks_at_night_are_no_finding(gemeente_a):
    _read(gemeente_a, _user("plus1"), at=_at(MONDAY, 3), actor_type="system")

    assert (
        access_review.outside_office_hours(
            tenant=gemeente_a, since=MONDAY, until=MONDAY, settings=_settings(gemeente_a)
        )
        == []
    )


# --- zaken of another team ------------------------------------------------------------------


@pytest.fixture
def teams(gemeente_a):
    vergunningen = create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)
    wmo = create_team(tenant=gemeente_a, name="Wmo", actor=SYSTEM)
    return vergunningen, wmo


def _zaak(gemeente, team, name):
    return zaak_on(adopted(gemeente, team=team, omschrijving=f"Zaaktype {name}"), MONDAY, name=name)


def _read_zaak(gemeente, user, zaak, at):
    return _read(gemeente, user, at=at, obj=ObjectRef.of(zaak, label=zaak.identificatie))


def test_an_employee_who_opens_zaken_of_a_team_they_are_not_in_stands_out(gemeente_a, teams):
    vergunningen, wmo = teams
    anna = _user("anna", gemeente=gemeente_a)
    add_team_member(team=vergunningen, user=anna, actor=SYSTEM)
    own = _zaak(gemeente_a, vergunningen, "Eigen Zaak")
    foreign = _zaak(gemeente_a, wmo, "Andere Zaak")
    _read_zaak(gemeente_a, anna, own, _at(MONDAY, 10))
    _read_zaak(gemeente_a, anna, foreign, _at(MONDAY, 10))
    _read_zaak(gemeente_a, anna, foreign, _at(MONDAY, 11))

    findings = access_review.other_team(tenant=gemeente_a, since=WEEK[0], until=WEEK[1])

    assert [(f.actor_label, f.count, f.teams) for f in findings] == [("anna", 2, ("Wmo",))]
    assert {r.object_label for r in findings[0].examples} == {foreign.identificatie}


def test_a_teamleiders_own_teams_are_their_own_and_a_zaak_without_team_is_no_ones(gemeente_a, teams):
    vergunningen, wmo = teams
    lead = _user("tessa", gemeente=gemeente_a)
    for team in teams:
        add_team_member(team=team, user=lead, actor=SYSTEM)
    for team, name in ((vergunningen, "Een"), (wmo, "Twee"), (None, "Drie")):
        _read_zaak(gemeente_a, lead, _zaak(gemeente_a, team, name), _at(MONDAY, 10))

    assert access_review.other_team(tenant=gemeente_a, since=WEEK[0], until=WEEK[1]) == []


def test_an_employee_without_a_team_who_opens_a_zaak_stands_out(gemeente_a, teams):
    beheerder = _user("beheer")
    _read_zaak(gemeente_a, beheerder, _zaak(gemeente_a, teams[1], "Een"), _at(MONDAY, 10))

    findings = access_review.other_team(tenant=gemeente_a, since=WEEK[0], until=WEEK[1])

    assert [(f.actor_label, f.count) for f in findings] == [("beheer", 1)]


# --- the whole report -----------------------------------------------------------------------


def test_the_report_uses_the_gemeentes_thresholds_and_a_bounded_period(gemeente_a):
    anna = _user("anna")
    for bsn in PERSONS[:4]:
        _read(gemeente_a, anna, at=_at(MONDAY, 10), bsn=bsn)
    AccessReviewSettings.objects.create(tenant=gemeente_a, distinct_subjects_per_day=3)

    report = access_review.unusual_access(tenant=gemeente_a, since=WEEK[0], until=WEEK[1])

    assert [f.count for f in report.many_subjects] == [4]
    assert report.outside_office_hours == [] and report.other_team == []
    assert report.total == 1
    with pytest.raises(ValueError):
        access_review.unusual_access(
            tenant=gemeente_a,
            since=MONDAY - datetime.timedelta(days=access_review.MAX_REPORT_DAYS),
            until=MONDAY,
        )


def test_the_report_takes_a_fixed_number_of_queries(gemeente_a, teams, django_assert_max_num_queries):
    vergunningen, wmo = teams
    zaken = [_zaak(gemeente_a, wmo, f"Zaak {n}") for n in range(3)]
    for n in range(5):
        user = _user(f"medewerker-{n}", gemeente=gemeente_a)
        add_team_member(team=vergunningen, user=user, actor=SYSTEM)
        for zaak in zaken:
            _read_zaak(gemeente_a, user, zaak, _at(SATURDAY, 22))

    # settings 1, many persons 1, outside hours 1 + 5 examples, other team 4 + 5 examples
    with django_assert_max_num_queries(17):
        report = access_review.unusual_access(tenant=gemeente_a, since=WEEK[0], until=WEEK[1])

    assert len(report.outside_office_hours) == len(report.other_team) == 5
