"""Pause, resume, skip, settings changes and working hours, with times given by hand."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from posturebreak.core.schedule import ReminderSchedule, start_of_tomorrow
from posturebreak.core.working_time import WorkingTime

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRETCH, LEGS, STOOL = "stretch", "uncross_legs", "foot_stool"
MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


def make_schedule() -> ReminderSchedule:
    return ReminderSchedule({STRETCH: 45 * MIN, LEGS: 20 * MIN, STOOL: 60 * MIN}, T0)


def test_each_kind_is_first_due_one_interval_after_start() -> None:
    schedule = make_schedule()
    assert schedule.next_due(STRETCH) == T0 + 45 * MIN
    assert schedule.next_due(LEGS) == T0 + 20 * MIN
    assert schedule.upcoming() == (LEGS, T0 + 20 * MIN)


def test_showing_a_reminder_restarts_only_its_own_countdown() -> None:
    schedule = make_schedule()
    schedule.mark_shown(LEGS, T0 + 21 * MIN)
    assert schedule.next_due(LEGS) == T0 + 41 * MIN
    assert schedule.next_due(STRETCH) == T0 + 45 * MIN


def test_pause_freezes_countdowns_and_resume_restarts_them_where_they_stopped() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 5 * MIN, until=T0 + 65 * MIN)
    assert schedule.is_paused and schedule.upcoming() is None
    assert schedule.next_due(STRETCH) is None

    schedule.resume(T0 + 35 * MIN)  # resumed early, after 30 minutes away
    assert not schedule.is_paused and schedule.paused_until is None
    assert schedule.next_due(LEGS) == T0 + 35 * MIN + 15 * MIN
    assert schedule.next_due(STRETCH) == T0 + 35 * MIN + 40 * MIN
    assert schedule.next_due(STOOL) == T0 + 35 * MIN + 55 * MIN


def test_pausing_again_changes_the_end_but_keeps_the_frozen_countdowns() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 5 * MIN, until=T0 + 35 * MIN)
    schedule.pause(T0 + 10 * MIN, until=T0 + 70 * MIN)
    assert schedule.paused_until == T0 + 70 * MIN
    schedule.resume(T0 + 70 * MIN)
    assert schedule.next_due(LEGS) == T0 + 70 * MIN + 15 * MIN


def test_resume_when_running_changes_nothing() -> None:
    schedule = make_schedule()
    schedule.resume(T0 + 10 * MIN)
    assert schedule.next_due(LEGS) == T0 + 20 * MIN


def test_a_pause_must_end_in_the_future() -> None:
    with pytest.raises(ValueError, match="future"):
        make_schedule().pause(T0, until=T0)


def test_skip_moves_the_earliest_reminder_on_by_one_interval() -> None:
    schedule = make_schedule()
    assert schedule.skip_next() == LEGS
    assert schedule.next_due(LEGS) == T0 + 40 * MIN
    assert schedule.upcoming() == (LEGS, T0 + 40 * MIN)
    assert schedule.skip_next() == LEGS
    assert schedule.upcoming() == (STRETCH, T0 + 45 * MIN)


def test_skip_while_paused_applies_to_the_frozen_countdown() -> None:
    schedule = make_schedule()
    schedule.pause(T0, until=T0 + 60 * MIN)
    assert schedule.skip_next() == LEGS
    schedule.resume(T0 + 60 * MIN)
    assert schedule.next_due(LEGS) == T0 + 60 * MIN + 40 * MIN


def test_taking_a_break_while_paused_restarts_its_countdown_after_resume() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 40 * MIN, until=T0 + 60 * MIN)
    schedule.mark_shown(STRETCH, T0 + 50 * MIN)
    schedule.resume(T0 + 60 * MIN)
    assert schedule.next_due(STRETCH) == T0 + 60 * MIN + 45 * MIN


def test_equal_due_times_follow_the_order_kinds_were_given() -> None:
    schedule = ReminderSchedule({STOOL: 10 * MIN, STRETCH: 10 * MIN}, T0)
    assert schedule.upcoming() == (STOOL, T0 + 10 * MIN)


@pytest.mark.parametrize("interval", [timedelta(0), -MIN])
def test_intervals_must_be_positive(interval: timedelta) -> None:
    with pytest.raises(ValueError, match="positive"):
        ReminderSchedule({STRETCH: interval}, T0)


def test_with_every_kind_switched_off_nothing_is_upcoming_and_skip_does_nothing() -> None:
    schedule = ReminderSchedule({}, T0)
    assert schedule.upcoming() is None
    assert schedule.skip_next() is None
    schedule.mark_shown(STRETCH, T0)  # "take a break now" while stretches are off
    assert schedule.next_due(STRETCH) is None


def test_a_longer_interval_keeps_the_time_already_waited() -> None:
    schedule = make_schedule()
    now = T0 + 30 * MIN
    schedule.set_intervals({STRETCH: 60 * MIN, LEGS: 20 * MIN, STOOL: 60 * MIN}, now)
    assert schedule.next_due(STRETCH) == T0 + 60 * MIN  # 30 waited, 30 to go
    assert schedule.next_due(STOOL) == T0 + 60 * MIN  # untouched
    assert schedule.next_due(LEGS) == T0 + 20 * MIN


def test_a_shorter_interval_that_has_already_passed_is_due_now() -> None:
    schedule = make_schedule()
    now = T0 + 30 * MIN
    schedule.set_intervals({STRETCH: 10 * MIN, LEGS: 20 * MIN, STOOL: 60 * MIN}, now)
    assert schedule.next_due(STRETCH) == now


def test_switching_kinds_off_and_on() -> None:
    schedule = make_schedule()
    schedule.set_intervals({STRETCH: 45 * MIN}, T0 + 5 * MIN)
    assert schedule.kinds == (STRETCH,)
    assert schedule.next_due(LEGS) is None
    schedule.set_intervals({STRETCH: 45 * MIN, LEGS: 20 * MIN}, T0 + 10 * MIN)
    assert schedule.next_due(LEGS) == T0 + 30 * MIN  # a fresh countdown
    assert schedule.next_due(STRETCH) == T0 + 45 * MIN


def test_changing_intervals_while_paused_moves_the_frozen_countdowns() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 10 * MIN, T0 + 120 * MIN)
    schedule.set_intervals({STRETCH: 55 * MIN, STOOL: 60 * MIN}, T0 + 20 * MIN)
    schedule.resume(T0 + 30 * MIN)
    assert schedule.next_due(STRETCH) == T0 + 30 * MIN + 45 * MIN  # 35 left + 10 more
    assert schedule.next_due(STOOL) == T0 + 30 * MIN + 50 * MIN
    assert schedule.next_due(LEGS) is None


def test_outside_working_hours_a_due_reminder_waits_for_the_next_shift() -> None:
    # 2 March 2026 is a Monday; work is 09:00-17:00 UTC on weekdays.
    working = WorkingTime(time(9), time(17), frozenset(range(5)), UTC)
    schedule = ReminderSchedule({STRETCH: 45 * MIN}, T0, working)
    evening = datetime(2026, 3, 6, 17, 20, tzinfo=UTC)  # Friday after work
    assert schedule.quiet_until(evening) == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
    assert schedule.come_due(STRETCH, evening) is False
    assert schedule.next_due(STRETCH) == datetime(2026, 3, 9, 9, 45, tzinfo=UTC)
    assert schedule.come_due(STRETCH, datetime(2026, 3, 9, 9, 45, tzinfo=UTC)) is True
    assert schedule.next_due(STRETCH) == datetime(2026, 3, 9, 10, 30, tzinfo=UTC)
    assert schedule.quiet_until(datetime(2026, 3, 9, 10, 0, tzinfo=UTC)) is None


def test_tomorrow_starts_at_local_midnight_even_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 28 March 2026 is the day before clocks go forward in Berlin.
    now = datetime(2026, 3, 28, 22, 30, tzinfo=berlin)
    end = start_of_tomorrow(now, zone=berlin)
    assert end == datetime(2026, 3, 29, 0, 0, tzinfo=berlin)
    assert end - now == timedelta(hours=1, minutes=30)


def test_tomorrow_in_the_system_zone_is_aware_and_in_the_future() -> None:
    end = start_of_tomorrow(T0)
    assert end.tzinfo is not None
    assert timedelta(0) < end - T0 <= timedelta(hours=25)
    assert end.astimezone().time().hour == 0


def test_tomorrow_with_working_hours_is_the_next_days_shift() -> None:
    nights = WorkingTime(time(22), time(6), frozenset(range(7)), UTC)
    saturday_early = datetime(2026, 3, 7, 4, 59, tzinfo=UTC)  # still Friday's night shift
    assert start_of_tomorrow(saturday_early, nights) == datetime(2026, 3, 7, 22, tzinfo=UTC)
    office = WorkingTime(time(9), time(17), frozenset(range(5)), UTC)
    assert start_of_tomorrow(T0, office) == datetime(2026, 3, 3, 9, tzinfo=UTC)


BREAKS = {STRETCH: 2 * MIN, LEGS: timedelta(seconds=15), STOOL: 10 * MIN}


def test_an_absence_as_long_as_a_break_is_that_kinds_natural_break() -> None:
    schedule = make_schedule()
    schedule.went_away(T0 + 10 * MIN)  # last input at 09:10
    assert schedule.away_since == T0 + 10 * MIN and schedule.upcoming() is None
    back = T0 + 15 * MIN
    assert schedule.came_back(back, BREAKS) == [STRETCH, LEGS]  # 5 min away: not the stool's 10
    assert schedule.away_since is None
    assert schedule.next_due(STRETCH) == back + 45 * MIN  # afresh from the return
    assert schedule.next_due(LEGS) == back + 20 * MIN
    assert schedule.next_due(STOOL) == back + 50 * MIN  # frozen while away: 50 min were left


def test_a_reminder_due_during_a_short_absence_comes_once_after_the_return() -> None:
    schedule = make_schedule()
    schedule.went_away(T0 + 44 * MIN)  # the stretch was due at 09:45
    back = T0 + 45 * MIN + 30 * timedelta(seconds=1)
    assert STRETCH not in schedule.came_back(back, BREAKS)  # 90 s is shorter than its 2 min
    assert schedule.next_due(STRETCH) == back + MIN  # the minute that was left, after the return


def test_a_long_absence_leaves_no_backlog_of_reminders() -> None:
    schedule = make_schedule()
    schedule.went_away(T0 + 10 * MIN)
    back = T0 + 10 * 60 * MIN  # ten hours: every kind came due many times over
    assert schedule.came_back(back, BREAKS) == [STRETCH, LEGS, STOOL]
    assert [schedule.next_due(kind) for kind in (STRETCH, LEGS, STOOL)] == [
        back + 45 * MIN,
        back + 20 * MIN,
        back + 60 * MIN,
    ]


def test_going_away_twice_keeps_the_first_start_and_coming_back_twice_does_nothing() -> None:
    schedule = make_schedule()
    schedule.went_away(T0 + 10 * MIN)
    schedule.went_away(T0 + 12 * MIN)
    assert schedule.away_since == T0 + 10 * MIN
    assert schedule.came_back(T0 + 11 * MIN, BREAKS) == [LEGS]
    assert schedule.came_back(T0 + 30 * MIN, BREAKS) == []
    assert schedule.next_due(STRETCH) == T0 + 11 * MIN + 35 * MIN


def test_away_during_a_pause_resets_natural_breaks_but_the_pause_holds() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 5 * MIN, until=T0 + 120 * MIN)
    schedule.went_away(T0 + 30 * MIN)
    assert schedule.came_back(T0 + 60 * MIN, BREAKS) == [STRETCH, LEGS, STOOL]
    assert schedule.is_paused and schedule.upcoming() is None
    schedule.resume(T0 + 70 * MIN)
    assert schedule.next_due(STOOL) == T0 + 130 * MIN  # a full interval after the pause


def test_a_pause_that_ends_while_away_keeps_the_countdowns_frozen_until_the_return() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + 5 * MIN, until=T0 + 35 * MIN)
    schedule.went_away(T0 + 30 * MIN)  # last input at 09:30, during the pause
    schedule.resume(T0 + 35 * MIN)  # the pause ends while nobody is there
    assert not schedule.is_paused and schedule.upcoming() is None
    back = T0 + 31 * MIN + 5 * MIN
    assert schedule.came_back(back, BREAKS) == [STRETCH, LEGS]  # 6 min away
    assert schedule.next_due(STOOL) == back + 55 * MIN  # frozen at the pause's start


def test_kinds_due_within_the_window_come_with_the_due_one_soonest_first() -> None:
    schedule = ReminderSchedule({STRETCH: 45 * MIN, LEGS: 20 * MIN, STOOL: 20 * MIN + 30 * SEC}, T0)
    now = T0 + 20 * MIN
    assert schedule.due_with(LEGS, now, MIN) == [STOOL]
    assert schedule.due_with(LEGS, now, 10 * SEC) == []
    schedule.pause(now, now + MIN)
    assert schedule.due_with(LEGS, now, MIN) == []


def test_setting_the_clock_moves_every_time_so_countdowns_keep_what_was_left() -> None:
    schedule = make_schedule()
    schedule.pause(T0 + MIN, until=T0 + 31 * MIN)
    schedule.resume(T0 + 2 * MIN)
    schedule.went_away(T0 + 3 * MIN)
    schedule.shift(timedelta(hours=8))
    assert schedule.away_since == T0 + 3 * MIN + timedelta(hours=8)
    assert schedule.came_back(T0 + 3 * MIN + timedelta(hours=8, seconds=5), BREAKS) == []
    later = timedelta(hours=8, seconds=5)
    assert schedule.next_due(LEGS) == T0 + 21 * MIN + later  # 18 min were left at 09:03
