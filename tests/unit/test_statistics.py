"""Statistics: counts per period, completion rates, chart bars and streaks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from posturebreak.core.events import Outcome
from posturebreak.core.reminders import ReminderId
from posturebreak.core.settings import GeneralSettings, ScheduleSettings, Settings
from posturebreak.core.statistics import (
    DayBar,
    DayTally,
    OutcomeCounts,
    Period,
    Streaks,
    counts_by_kind,
    daily_bars,
    streaks,
    summarise,
    summary_start,
)
from posturebreak.core.weekdays import Weekday

STRETCH, SIT = "stretch", "uncross_legs"
MON = date(2026, 3, 2)  # a Monday
WEEKDAYS = range(5)


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def settings(goal: int, first_day: Weekday = Weekday.MON) -> Settings:
    return Settings(general=GeneralSettings(daily_goal=goal, first_day_of_week=first_day))


def tally(
    offset: int, outcome: Outcome, count: int = 1, kind: ReminderId = STRETCH, hand: bool = False
) -> DayTally:
    return DayTally(day(offset), kind, outcome, hand, count)


def test_empty_data_gives_zeros_no_rates_and_no_streaks() -> None:
    summary = summarise([], {}, MON, settings(goal=3))
    assert summary.done_today == 0
    assert summary.streaks == Streaks(0, 0)
    assert all(counts == OutcomeCounts() for counts in summary.period_counts.values())
    assert summary.week[STRETCH].completion_rate is None
    assert daily_bars([], Period.last_days(7, MON)) == [DayBar(day(n), 0, 0) for n in range(-6, 1)]


def test_completion_rate_counts_answerable_reminders_only() -> None:
    tallies = [
        tally(0, Outcome.DONE, 3),
        tally(0, Outcome.DONE, 5, hand=True),  # not a reminder
        tally(0, Outcome.SKIPPED),
        tally(0, Outcome.IGNORED),
        tally(0, Outcome.MISSED),
        tally(0, Outcome.SNOOZED, 4),  # comes back later
        tally(0, Outcome.NOTIFIED, 9, kind=SIT),  # cannot be answered
    ]
    counts = counts_by_kind(tallies, Period(MON, MON), [STRETCH, "foot_stool"])
    assert list(counts) == [STRETCH, "foot_stool", SIT]  # the given kinds first, then others
    assert counts[STRETCH] == OutcomeCounts(
        done=8, by_hand=5, skipped=1, ignored=1, missed=1, snoozed=4
    )
    assert counts[STRETCH].completion_rate == pytest.approx(0.5)
    assert counts[STRETCH].completion_text == "50%"
    assert counts[SIT].completion_text == "\N{EN DASH}"
    assert counts[STRETCH].not_done == 3
    assert counts[SIT].completion_rate is None
    assert counts["foot_stool"] == OutcomeCounts()


def test_today_this_week_and_last_30_days_are_calendar_periods() -> None:
    today = day(9)  # Wednesday of the second week
    tallies = [
        tally(9, Outcome.DONE),  # today
        tally(7, Outcome.DONE),  # this week's Monday
        tally(6, Outcome.DONE),  # last Sunday: not this week when weeks start on Monday
        tally(9 - 29, Outcome.DONE),  # 30th day back: in the last 30 days
        tally(9 - 30, Outcome.DONE),  # 31st day back: out
    ]
    summary = summarise(tallies, {today: 1}, today, settings(goal=1))
    assert summary.today_counts[STRETCH].done == 1
    assert summary.week[STRETCH].done == 2
    assert summary.period == Period(day(9 - 29), today)
    assert summary.period.length == 30
    assert summary.period_counts[STRETCH].done == 4
    assert summarise(tallies, {}, today, settings(1), days=3).period_counts[STRETCH].done == 2
    sunday_weeks = summarise(tallies, {}, today, settings(goal=1, first_day=Weekday.SUN))
    assert sunday_weeks.week[STRETCH].done == 3
    assert summary_start(today, settings(1), days=2) == day(7)
    assert summary_start(today, settings(1), days=30) == day(9 - 29)


def test_the_summary_takes_goal_and_working_week_from_the_settings() -> None:
    friday, monday = day(4), day(7)
    five_days = Settings(
        schedule=ScheduleSettings(working_days=tuple(Weekday)[:5]),
        general=GeneralSettings(daily_goal=2),
    )
    done = {friday: 2, monday: 1}
    summary = summarise([], done, monday, five_days)
    assert (summary.goal, summary.done_today, summary.streaks) == (2, 1, Streaks(1, 1))
    assert summarise([], {**done, monday: 2}, monday, five_days).streaks == Streaks(2, 2)


def test_the_chart_has_one_bar_per_day_with_done_against_not_done() -> None:
    tallies = [
        tally(0, Outcome.DONE, 2),
        tally(0, Outcome.SKIPPED),
        tally(0, Outcome.MISSED),
        tally(0, Outcome.SNOOZED),
        tally(2, Outcome.DONE, kind=SIT),
        tally(-1, Outcome.DONE, 7),  # before the period
    ]
    bars = daily_bars(tallies, Period(MON, day(2)))
    assert bars == [DayBar(day(0), 2, 2), DayBar(day(1), 0, 0), DayBar(day(2), 1, 0)]


def test_a_streak_counts_days_meeting_the_goal_and_today_only_adds() -> None:
    done = {day(0): 3, day(1): 4, day(2): 1, day(3): 3, day(4): 3}
    assert streaks(done, day(4), goal=3) == Streaks(current=2, best=2)
    # Today (day 5) has nothing yet: the run up to yesterday still stands.
    assert streaks(done, day(5), goal=3) == Streaks(current=2, best=2)
    # A whole day without the goal breaks it.
    assert streaks(done, day(6), goal=3) == Streaks(current=0, best=2)
    assert streaks(done, day(4), goal=1) == Streaks(current=5, best=5)


def test_days_off_never_break_a_streak_but_count_when_the_goal_is_met() -> None:
    friday, saturday, monday = day(4), day(5), day(7)
    done = {day(3): 2, friday: 2, monday: 2}
    assert streaks(done, monday, goal=2, working_weekdays=WEEKDAYS) == Streaks(3, 3)
    assert streaks(done, monday, goal=2) == Streaks(1, 2)  # every day a working day
    done[saturday] = 2
    assert streaks(done, monday, goal=2, working_weekdays=WEEKDAYS) == Streaks(4, 4)
    # A long holiday is not a weekend.
    assert streaks({friday: 2, day(21): 2}, day(21), goal=2, working_weekdays=WEEKDAYS) == (
        Streaks(1, 1)
    )


def test_streaks_follow_calendar_days_across_dst_and_midnight() -> None:
    # Europe and the US change their clocks on these days; days stay days.
    for changes in (date(2026, 3, 8), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)):
        done = {changes + timedelta(days=n): 1 for n in (-1, 0, 1)}
        assert streaks(done, changes + timedelta(days=1), goal=1) == Streaks(3, 3)
    # Breaks at 23:59 and 00:01 are on two days, which the log keeps as local days.
    assert streaks({day(0): 1, day(1): 1}, day(1), goal=1) == Streaks(2, 2)


def test_days_in_the_future_are_not_counted() -> None:
    assert streaks({day(1): 5}, day(0), goal=1) == Streaks(0, 0)


def test_a_period_needs_a_day() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        Period.last_days(0, MON)


def test_a_natural_break_counts_as_done_for_rates_goal_and_chart() -> None:
    tallies = [tally(0, Outcome.NATURAL_BREAK, 2), tally(0, Outcome.SKIPPED, 2)]
    counts = counts_by_kind(tallies, Period(MON, MON))[STRETCH]
    assert counts == OutcomeCounts(done=2, natural=2, skipped=2)
    assert counts.completion_rate == pytest.approx(0.5)
    assert daily_bars(tallies, Period(MON, MON)) == [DayBar(MON, 2, 2)]
