"""Reminders at clock times: next times across weekdays, DST, pauses, absences and
working hours, with times given by hand (Europe/Berlin: DST starts 29 March 2026 at
02:00 and ends 25 October 2026 at 03:00)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.reminders import AtTimesOfDay, EveryNDays
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.wall_clock import next_occurrence
from posturebreak.core.weekdays import Weekday
from posturebreak.core.working_time import WorkingTime

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
MORNING = AtTimesOfDay((time(9, 15),), WEEKDAYS)
MIN = timedelta(minutes=1)


def berlin(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, BERLIN)


def test_a_time_of_day_comes_on_the_chosen_weekdays_only() -> None:
    friday = berlin(date(2026, 3, 6), time(10))  # after Friday's 09:15
    assert next_occurrence(MORNING, friday, BERLIN) == berlin(date(2026, 3, 9), time(9, 15))
    before = berlin(date(2026, 3, 6), time(9, 14))
    assert next_occurrence(MORNING, before, BERLIN) == berlin(date(2026, 3, 6), time(9, 15))
    exactly = berlin(date(2026, 3, 6), time(9, 15))  # strictly after: not the same moment
    assert next_occurrence(MORNING, exactly, BERLIN) == berlin(date(2026, 3, 9), time(9, 15))


def test_several_times_a_day_come_in_order() -> None:
    twice = AtTimesOfDay((time(15), time(9)), (Weekday.WED,))
    wednesday = date(2026, 3, 4)
    assert next_occurrence(twice, berlin(wednesday, time(8)), BERLIN) == berlin(wednesday, time(9))
    assert next_occurrence(twice, berlin(wednesday, time(9, 1)), BERLIN) == berlin(
        wednesday, time(15)
    )
    assert next_occurrence(twice, berlin(wednesday, time(16)), BERLIN) == berlin(
        date(2026, 3, 11), time(9)
    )


def test_a_time_of_day_keeps_its_clock_time_across_dst() -> None:
    daily = AtTimesOfDay((time(9, 15),), tuple(Weekday))
    before_spring = next_occurrence(daily, berlin(date(2026, 3, 28), time(10)), BERLIN)
    assert before_spring == berlin(date(2026, 3, 29), time(9, 15))
    assert before_spring.astimezone(UTC).hour == 7  # summer time: UTC+2
    before_autumn = next_occurrence(daily, berlin(date(2026, 10, 24), time(10)), BERLIN)
    assert before_autumn.astimezone(UTC) == datetime(2026, 10, 25, 8, 15, tzinfo=UTC)


def test_a_time_that_does_not_exist_comes_an_hour_later_and_a_repeated_one_once() -> None:
    night = AtTimesOfDay((time(2, 30),), tuple(Weekday))
    spring = next_occurrence(night, berlin(date(2026, 3, 29), time(0)), BERLIN)
    assert spring.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    autumn = next_occurrence(night, berlin(date(2026, 10, 25), time(0)), BERLIN)
    assert autumn.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # first 02:30
    after = next_occurrence(night, autumn, BERLIN)
    assert after.astimezone(BERLIN).date() == date(2026, 10, 26)  # not the second 02:30


def test_every_n_days_counts_from_its_start_in_calendar_days_across_dst() -> None:
    fortnightly = EveryNDays(14, date(2026, 3, 16), time(9))
    assert next_occurrence(fortnightly, berlin(date(2026, 1, 1), time(0)), BERLIN) == berlin(
        date(2026, 3, 16), time(9)
    )
    second = next_occurrence(fortnightly, berlin(date(2026, 3, 16), time(9)), BERLIN)
    assert second == berlin(date(2026, 3, 30), time(9))  # after the change: still 09:00
    first = berlin(date(2026, 3, 16), time(9))
    # 14 calendar days, one hour shorter in real time
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(days=14, hours=-1)
    late = next_occurrence(fortnightly, berlin(date(2026, 11, 2), time(12)), BERLIN)
    assert late == berlin(date(2026, 11, 9), time(9))  # 2026-03-16 + 17 * 14 days


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(
    every=st.integers(1, 366),
    start=st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    at=st.times(),
    after=st.datetimes(datetime(2025, 1, 1), datetime(2028, 12, 31)),
)
def test_every_n_days_is_next_strictly_after_on_a_day_of_its_cycle(
    every: int, start: date, at: time, after: datetime
) -> None:
    schedule = EveryNDays(every, start, at.replace(second=0, microsecond=0))
    moment = after.replace(tzinfo=BERLIN)
    due = next_occurrence(schedule, moment, BERLIN)
    day = due.astimezone(BERLIN).date()
    assert due > moment and day >= start
    assert (day - start).days % every == 0
    previous = day - timedelta(days=every)
    if previous >= start:  # the one before was not yet after ``moment``
        assert datetime.combine(previous, schedule.at, BERLIN) <= moment


T0 = berlin(date(2026, 3, 2), time(8))  # a Monday


def test_a_time_of_day_reminder_missed_during_a_pause_comes_once_on_resume() -> None:
    schedule = ReminderSchedule({}, T0, wall_clock={"morning": MORNING}, zone=BERLIN)
    assert schedule.next_due("morning") == berlin(date(2026, 3, 2), time(9, 15))
    schedule.pause(T0, until=T0 + timedelta(days=3))  # Monday to Thursday: three missed
    assert schedule.next_due("morning") is None
    back = berlin(date(2026, 3, 4), time(12))
    schedule.resume(back)
    assert schedule.next_due("morning") == back  # once, now
    schedule.mark_shown("morning", back)
    assert schedule.next_due("morning") == berlin(date(2026, 3, 5), time(9, 15))


def test_an_absence_does_not_move_a_time_of_day_and_is_no_natural_break_for_it() -> None:
    schedule = ReminderSchedule(
        {"stretch": 45 * MIN}, T0, wall_clock={"morning": MORNING}, zone=BERLIN
    )
    schedule.went_away(T0 + 10 * MIN)
    natural = schedule.came_back(T0 + 20 * MIN, {"stretch": MIN, "morning": MIN})
    assert natural == ["stretch"]
    assert schedule.next_due("morning") == berlin(date(2026, 3, 2), time(9, 15))


def test_outside_working_hours_a_time_of_day_waits_for_its_next_time() -> None:
    working = WorkingTime(time(10), time(18), frozenset(range(5)), BERLIN)
    schedule = ReminderSchedule({}, T0, working, {"morning": MORNING}, BERLIN)
    due = berlin(date(2026, 3, 2), time(9, 15))  # before work starts
    assert schedule.come_due("morning", due) is False
    assert schedule.next_due("morning") == berlin(date(2026, 3, 3), time(9, 15))


def test_clock_time_reminders_join_the_others_due_within_the_window() -> None:
    schedule = ReminderSchedule(
        {"stretch": 75 * MIN + 30 * timedelta(seconds=1)},
        T0,
        wall_clock={"morning": MORNING},
        zone=BERLIN,
    )
    due = berlin(date(2026, 3, 2), time(9, 15))
    assert schedule.upcoming() == ("morning", due)
    assert schedule.due_with("morning", due, MIN) == ["stretch"]


def test_skip_moves_a_time_of_day_to_its_next_time() -> None:
    schedule = ReminderSchedule({}, T0, wall_clock={"morning": MORNING}, zone=BERLIN)
    assert schedule.skip_next() == "morning"
    assert schedule.next_due("morning") == berlin(date(2026, 3, 3), time(9, 15))


def test_a_clock_jump_leaves_clock_times_where_they_are() -> None:
    schedule = ReminderSchedule(
        {"stretch": 45 * MIN}, T0, wall_clock={"morning": MORNING}, zone=BERLIN
    )
    schedule.shift(timedelta(hours=2))
    assert schedule.next_due("stretch") == T0 + 2 * timedelta(hours=1) + 45 * MIN
    assert schedule.next_due("morning") == berlin(date(2026, 3, 2), time(9, 15))


def test_changing_settings_keeps_an_unchanged_time_and_starts_a_changed_one_afresh() -> None:
    schedule = ReminderSchedule({}, T0, wall_clock={"morning": MORNING}, zone=BERLIN)
    schedule.skip_next()  # Tuesday now
    schedule.set_intervals({}, T0 + MIN, {"morning": MORNING})
    assert schedule.next_due("morning") == berlin(date(2026, 3, 3), time(9, 15))
    later = AtTimesOfDay((time(11),), WEEKDAYS)
    schedule.set_intervals({"stretch": 45 * MIN}, T0 + MIN, {"morning": later})
    assert schedule.next_due("morning") == berlin(date(2026, 3, 2), time(11))
    assert schedule.kinds == ("stretch", "morning")
    schedule.set_intervals({}, T0 + MIN)
    assert schedule.kinds == () and schedule.upcoming() is None
