"""Deadline arithmetic: Awb terms, suspension (Awb 4:15), extension, weekends and holidays (Atw)."""

import datetime

from plus1.cases import deadlines

D = datetime.date


def test_public_holidays_follow_the_algemene_termijnenwet():
    holidays = deadlines.public_holidays(2026)
    assert D(2026, 4, 6) in holidays, "tweede paasdag"
    assert D(2026, 4, 27) in holidays, "Koningsdag"
    assert D(2026, 5, 14) in holidays, "Hemelvaartsdag"
    assert D(2026, 5, 25) in holidays, "tweede pinksterdag"
    assert D(2026, 5, 5) in holidays, "Bevrijdingsdag counts every year under the Atw"
    assert D(2026, 4, 3) not in holidays, "Goede Vrijdag is not a general holiday"


def test_kings_day_on_a_sunday_moves_to_saturday():
    assert D(2025, 4, 26) in deadlines.public_holidays(2025)
    assert D(2025, 4, 27) not in deadlines.public_holidays(2025)


def test_a_term_ending_on_a_saturday_ends_on_monday():
    # Thursday 1 January 2026 is a holiday itself, but the term counts from the start date.
    end = deadlines.legal_end_date(started_on=D(2026, 1, 3), lead_time="P2W")
    assert end == D(2026, 1, 19), "17 January is a Saturday, so Monday 19 January"


def test_a_term_ending_on_a_holiday_ends_on_the_next_working_day():
    # 24 December + 2 days = 26 December (tweede kerstdag), then the weekend: Monday 28th.
    assert deadlines.legal_end_date(started_on=D(2026, 12, 24), lead_time="P2D") == D(2026, 12, 28)


def test_suspension_runs_from_the_day_after_the_question_to_the_day_of_the_answer():
    assert deadlines.suspended_days(D(2026, 3, 2), D(2026, 3, 3)) == 0, "answered the next day"
    assert deadlines.suspended_days(D(2026, 3, 2), D(2026, 3, 9)) == 6, "answered a week later"
    assert deadlines.suspended_days(D(2026, 3, 2), D(2026, 3, 2)) == 0, "answered the same day"


def test_suspensions_and_extension_move_the_legal_end_date():
    start = D(2026, 3, 2)  # Monday
    plain = deadlines.legal_end_date(started_on=start, lead_time="P8W")
    paused = deadlines.legal_end_date(
        started_on=start, lead_time="P8W", suspensions=[(D(2026, 3, 10), D(2026, 3, 20))]
    )
    both = deadlines.legal_end_date(
        started_on=start,
        lead_time="P8W",
        suspensions=[(D(2026, 3, 10), D(2026, 3, 20)), (D(2026, 4, 1), D(2026, 4, 4))],
        extended_by="P6W",
    )
    assert plain == D(2026, 4, 28), "27 April is Koningsdag"
    assert paused == D(2026, 5, 6), "27 April plus the nine days of 11-19 March"
    assert both == D(2026, 6, 19), "27 April + 6 weeks = 8 June, plus 9 + 2 paused days"


def test_a_running_suspension_counts_up_to_today_only_when_asked():
    running = [(D(2026, 3, 10), None)]
    assert deadlines.legal_end_date(started_on=D(2026, 3, 2), lead_time="P8W", suspensions=running) == D(
        2026, 4, 28
    )
    expected_if_answered_today = deadlines.legal_end_date(
        started_on=D(2026, 3, 2), lead_time="P8W", suspensions=running, today=D(2026, 3, 15)
    )
    assert expected_if_answered_today == D(2026, 5, 1), "27 April plus the 4 days of 11-14 March"


def test_working_days_left_skip_weekends_and_holidays():
    friday = D(2026, 4, 24)
    assert deadlines.working_days_left(today=friday, end=D(2026, 4, 28)) == 1, "weekend and Koningsdag"
    assert deadlines.working_days_left(today=D(2026, 4, 29), end=D(2026, 4, 28)) == -1
    assert deadlines.add_working_days(friday, 5) == D(2026, 5, 4)


def test_a_deadline_past_the_end_of_the_calendar_stays_on_its_last_day():
    # Before: 9999-12-31 plus a term raised OverflowError, a 500 on registering such a zaak.
    last = datetime.date.max
    assert deadlines.legal_end_date(started_on=D(9999, 12, 31), lead_time="P8W") == last
    assert deadlines.legal_end_date(started_on=D(9999, 6, 1), lead_time="P1Y") == last
    assert deadlines.legal_end_date(started_on=D(9999, 12, 1), lead_time="P2W", extended_by="P6W") == last
    paused = [(D(9999, 12, 2), D(9999, 12, 31))]
    assert deadlines.legal_end_date(started_on=D(9999, 12, 1), lead_time="P2W", suspensions=paused) == last
    assert deadlines.add_working_days(D(9999, 12, 30), 10) == last


def test_working_days_left_agree_with_counting_day_by_day():
    def walked(today, end):
        step, count, day = (1, 0, today) if end >= today else (-1, 0, end)
        target = end if end >= today else today
        while day < target:
            day += datetime.timedelta(days=1)
            count += deadlines.is_working_day(day)
        return count * step

    today = D(2026, 12, 20)
    for offset in (-400, -30, -8, -1, 0, 1, 5, 6, 12, 15, 40, 130, 366, 800):
        end = today + datetime.timedelta(days=offset)
        assert deadlines.working_days_left(today=today, end=end) == walked(today, end), offset


def test_working_days_left_to_a_far_date_is_answered_at_once():
    # A zaak with a stored end date in the year 9999 showed in the inbox after a walk over
    # almost three million days.
    left = deadlines.working_days_left(today=D(2026, 12, 7), end=datetime.date.max)
    assert 2_000_000 < left < 2_100_000
