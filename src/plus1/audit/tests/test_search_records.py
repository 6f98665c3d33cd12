"""The privacy officer's search of the processing log, and the thresholds of the report."""

import datetime
import zoneinfo

import pytest
import time_machine

from plus1.audit.exceptions import InvalidAccessReviewSettings
from plus1.audit.models import AccessReviewSettings, AuditEntry
from plus1.audit.selectors import access_review_settings, search_records
from plus1.audit.services import Activity, Actor, ObjectRef, Subject, record_processing, subject_for

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
HANDLING = Activity("zaakbehandeling", "Behandelen van zaken", "Zaken behandelen", "AVG 6.1.e", 730)
BRP = Activity("brp-vooraf-invullen", "Vooraf invullen", "Formulier invullen", "AVG 6.1.e", 730)
ANNA = Actor(type="employee", id="7", label="anna", unit="Team Wmo")
BOB = Actor(type="employee", id="8", label="bob", unit="Team Vergunningen")
SUZANNE, LUKAS = "999993653", "999991723"


def _at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMSTERDAM)


def _record(tenant, *, at: datetime.datetime, bsn: str = SUZANNE, **kwargs):
    defaults = dict(
        tenant=tenant,
        actor=ANNA,
        activity=HANDLING,
        action="read",
        channel="backoffice",
        obj=ObjectRef("cases.zaak", "1", "ZAAK-2026-0000001"),
        subject=subject_for(bsn=bsn),
    )
    with time_machine.travel(at, tick=False):
        return record_processing(**(defaults | kwargs))


DAY = datetime.date(2026, 11, 16)


def test_search_finds_a_persons_records_newest_first_and_only_in_this_gemeente(gemeente_a, gemeente_b):
    older = _record(gemeente_a, at=_at(DAY))
    newer = _record(gemeente_a, at=_at(DAY, 15))
    _record(gemeente_a, at=_at(DAY), bsn=LUKAS)
    _record(gemeente_b, at=_at(DAY))

    found = search_records(tenant=gemeente_a, since=DAY, until=DAY, subject=Subject("bsn", SUZANNE))

    assert list(found) == [newer, older]


def test_search_narrows_by_employee_activity_and_kind(gemeente_a):
    anna_read = _record(gemeente_a, at=_at(DAY))
    bob_read = _record(gemeente_a, at=_at(DAY), actor=BOB)
    anna_brp = _record(gemeente_a, at=_at(DAY), activity=BRP)
    anna_change = _record(gemeente_a, at=_at(DAY), action="update")

    def search(**filters):
        return set(search_records(tenant=gemeente_a, since=DAY, until=DAY, **filters))

    assert search() == {anna_read, bob_read, anna_brp, anna_change}
    assert search(actor_id="8") == {bob_read}
    assert search(activity_code="brp-vooraf-invullen") == {anna_brp}
    assert search(action="update") == {anna_change}
    assert search(actor_id="7", action="read", activity_code="zaakbehandeling") == {anna_read}


def test_the_period_counts_in_dutch_days_from_and_to_included(gemeente_a):
    # 00:30 in Utrecht on the 16th is still the 15th in UTC: it belongs to the 16th.
    just_after_midnight = _record(gemeente_a, at=_at(DAY, 0).replace(minute=30))
    late_that_day = _record(gemeente_a, at=_at(DAY, 23))
    _record(gemeente_a, at=_at(DAY - datetime.timedelta(days=1), 23))
    _record(gemeente_a, at=_at(DAY + datetime.timedelta(days=1), 0))

    found = search_records(tenant=gemeente_a, since=DAY, until=DAY)

    assert set(found) == {just_after_midnight, late_that_day}


def test_search_finds_a_business_by_its_kvk_number(gemeente_a):
    business = _record(gemeente_a, at=_at(DAY), subject=subject_for(kvk_number="69599084"))
    _record(gemeente_a, at=_at(DAY))

    found = search_records(tenant=gemeente_a, since=DAY, until=DAY, subject=Subject("kvk", "69599084"))

    assert list(found) == [business]


def test_a_search_spans_at_most_a_year_and_runs_forwards(gemeente_a):
    with pytest.raises(ValueError):
        search_records(tenant=gemeente_a, since=DAY - datetime.timedelta(days=366), until=DAY)
    with pytest.raises(ValueError):
        search_records(tenant=gemeente_a, since=DAY, until=DAY - datetime.timedelta(days=1))
    assert not search_records(tenant=gemeente_a, since=DAY - datetime.timedelta(days=365), until=DAY).exists()


def test_without_settings_the_report_uses_the_defaults(gemeente_a):
    settings = access_review_settings(tenant=gemeente_a)

    assert settings.pk is None
    assert settings.distinct_subjects_per_day == 25
    assert (settings.office_start, settings.office_end) == (datetime.time(7), datetime.time(19))
    assert settings.weekends_are_outside is True


def test_changing_the_thresholds_is_in_the_audit_trail_and_per_gemeente(gemeente_a, gemeente_b):
    from plus1.audit.services import update_access_review_settings

    for limit in (10, 12):
        update_access_review_settings(
            tenant=gemeente_a,
            actor=ANNA,
            distinct_subjects_per_day=limit,
            office_start=datetime.time(8),
            office_end=datetime.time(18),
            weekends_are_outside=False,
        )

    assert access_review_settings(tenant=gemeente_a).distinct_subjects_per_day == 12
    assert access_review_settings(tenant=gemeente_b).pk is None
    entries = AuditEntry.objects.for_tenant(gemeente_a).filter(action="update_access_review_settings")
    assert entries.count() == 2
    last = entries.first()
    assert last.before["distinct_subjects_per_day"] == 10 and last.after["distinct_subjects_per_day"] == 12
    assert last.after["office_start"] == "08:00" and last.actor_label == "anna"
    assert AccessReviewSettings.objects.count() == 1


@pytest.mark.parametrize(
    ("limit", "start", "end", "message"),
    [
        (0, 7, 19, "minstens 1"),
        (25, 19, 7, "eindigen na het begin"),
        (25, 9, 9, "eindigen na het begin"),
    ],
)
def test_thresholds_that_make_no_sense_are_refused(gemeente_a, limit, start, end, message):
    from plus1.audit.services import update_access_review_settings

    with pytest.raises(InvalidAccessReviewSettings, match=message):
        update_access_review_settings(
            tenant=gemeente_a,
            actor=ANNA,
            distinct_subjects_per_day=limit,
            office_start=datetime.time(start),
            office_end=datetime.time(end),
            weekends_are_outside=True,
        )
    assert not AccessReviewSettings.objects.exists()
