"""The words the tray shows for what comes next."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.status import describe_moment, describe_wait, status_line
from posturebreak.core.working_time import WorkingTime

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "in less than a minute"),
        (30, "in less than a minute"),
        (31, "in 1 min"),
        (60, "in 1 min"),
        (61, "in 2 min"),
        (23 * 60, "in 23 min"),
        (60 * 60, "in 1 h"),
        (65 * 60, "in 1 h 5 min"),
    ],
)
def test_waits_round_up_to_whole_minutes(seconds: int, text: str) -> None:
    assert describe_wait(timedelta(seconds=seconds)) == text


def test_moments_today_show_the_time_and_later_ones_the_weekday() -> None:
    assert describe_moment(T0 + timedelta(hours=5), T0, UTC) == "14:00"
    assert describe_moment(T0 + timedelta(days=1), T0, UTC) == "Tue 09:00"


def test_status_names_the_next_reminder_and_when() -> None:
    schedule = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0)
    assert status_line(schedule, T0, UTC) == "Stretch in 23 min"


def test_the_tray_line_names_a_clock_time_that_stays_true_as_time_passes() -> None:
    schedule = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0)
    for minutes_later in (0, 10, 22):
        now = T0 + timedelta(minutes=minutes_later)
        assert status_line(schedule, now, UTC, relative=False) == "Stretch at 09:23"


def test_status_says_until_when_reminders_are_paused() -> None:
    schedule = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0)
    schedule.pause(T0, T0 + timedelta(minutes=90))
    assert status_line(schedule, T0, UTC) == "Paused until 10:30"


def test_status_says_when_every_reminder_is_off() -> None:
    assert status_line(ReminderSchedule({}, T0), T0, UTC) == "All reminders are switched off"


def test_status_says_when_working_hours_begin() -> None:
    working = WorkingTime(time(10), time(17), frozenset(range(7)), UTC)
    schedule = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0, working)
    assert status_line(schedule, T0, UTC) == "Outside working hours until 10:00"


def test_status_says_since_when_the_user_is_away() -> None:
    schedule = ReminderSchedule({"stretch": timedelta(minutes=45)}, T0)
    schedule.went_away(T0 + timedelta(minutes=3))
    assert status_line(schedule, T0 + timedelta(minutes=9), UTC) == (
        "Away since 09:03: reminders wait"
    )
