"""Working hours and days: inside or outside, and when the next shift starts."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from posturebreak.core.settings import OutsideWorkingHours, ScheduleSettings
from posturebreak.core.weekdays import Weekday
from posturebreak.core.working_time import WorkingTime

WEEKDAYS = frozenset(range(5))
# 2 March 2026 is a Monday.


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_office_hours_hold_weekday_daytimes_only() -> None:
    office = WorkingTime(time(9), time(17, 30), WEEKDAYS, UTC)
    assert office.contains(at(2, 9))
    assert office.contains(at(2, 17, 29))
    assert not office.contains(at(2, 17, 30))
    assert not office.contains(at(2, 8, 59))
    assert not office.contains(at(7, 12))  # Saturday


def test_a_night_shift_belongs_to_the_day_it_starts() -> None:
    nights = WorkingTime(time(22), time(6), frozenset({4}), UTC)  # Friday night
    assert nights.contains(at(6, 23))  # Friday 23:00
    assert nights.contains(at(7, 5, 59))  # early Saturday
    assert not nights.contains(at(7, 23))  # Saturday night is not a shift
    assert not nights.contains(at(6, 5))  # early Friday belongs to Thursday's night
    assert nights.next_start(at(7, 6)) == at(13, 22)


def test_equal_start_and_end_mean_the_whole_day() -> None:
    all_day = WorkingTime(time(0), time(0), frozenset({0}), UTC)
    assert all_day.contains(at(2, 0)) and all_day.contains(at(2, 23, 59))
    assert not all_day.contains(at(3, 0))


def test_the_next_shift_skips_the_weekend() -> None:
    office = WorkingTime(time(9), time(17), WEEKDAYS, UTC)
    assert office.next_start(at(6, 18)) == at(9, 9)
    assert office.next_start(at(2, 7)) == at(2, 9)
    assert office.next_start(at(2, 9)) == at(2, 9)


def test_hours_are_local_clock_times_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    office = WorkingTime(time(9), time(17), WEEKDAYS, berlin)
    # Clocks go forward on Sunday 29 March 2026; Monday 09:00 is then 07:00 UTC.
    assert office.next_start(datetime(2026, 3, 27, 18, tzinfo=berlin)) == datetime(
        2026, 3, 30, 9, tzinfo=berlin
    )
    assert office.contains(datetime(2026, 3, 30, 7, 0, tzinfo=UTC))


def test_settings_make_a_working_time_only_when_reminders_keep_to_it() -> None:
    assert WorkingTime.quiet_hours_of(ScheduleSettings()) is None
    silent = ScheduleSettings(
        outside_working_hours=OutsideWorkingHours.SILENT,
        working_days=(Weekday.SAT, Weekday.SUN),
    )
    working = WorkingTime.quiet_hours_of(silent, UTC)
    assert working == WorkingTime(time(9), time(17, 30), frozenset({5, 6}), UTC)


def test_a_week_without_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="weekdays"):
        WorkingTime(time(9), time(17), frozenset(), UTC)


def test_tomorrow_in_a_night_shift_is_the_next_nights_shift() -> None:
    nights = WorkingTime(time(22), time(6), WEEKDAYS | {5, 6}, UTC)  # every night
    # 04:59 on Saturday is still Friday's shift: tomorrow is Saturday night, not Sunday's.
    assert nights.next_day_start(at(7, 4, 59)) == at(7, 22)
    assert nights.next_day_start(at(6, 23)) == at(7, 22)  # Friday 23:00
    assert nights.next_day_start(at(7, 6)) == at(8, 22)  # Saturday, after the shift
    assert nights.next_day_start(at(7, 21, 59)) == at(8, 22)  # before tonight's shift


def test_tomorrow_skips_days_off_and_todays_shift_not_yet_begun() -> None:
    office = WorkingTime(time(9), time(17, 30), WEEKDAYS, UTC)
    assert office.next_day_start(at(2, 10)) == at(3, 9)  # Monday at work
    assert office.next_day_start(at(2, 7)) == at(3, 9)  # Monday before work
    assert office.next_day_start(at(6, 16)) == at(9, 9)  # Friday: Monday next
    friday_nights = WorkingTime(time(22), time(6), frozenset({4}), UTC)
    assert friday_nights.next_day_start(at(7, 5)) == at(13, 22)  # Saturday 05:00


def test_tomorrows_shift_keeps_its_local_time_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    nights = WorkingTime(time(22), time(6), frozenset(range(7)), berlin)
    # Clocks go forward at 02:00 on Sunday 29 March 2026, inside Saturday's shift.
    inside = datetime(2026, 3, 29, 4, 30, tzinfo=berlin)
    assert nights.next_day_start(inside) == datetime(2026, 3, 29, 22, tzinfo=berlin)
