"""The words the reminder list and editor show, and what Restore shipped does."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.reminder_text import (
    days_text,
    name_problem,
    new_reminder_id,
    no_exercise_reason,
    schedule_problem,
    schedule_summary,
)
from posturebreak.core.reminders import (
    REMINDER_ID,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    ReminderAction,
    ReminderDefinition,
    changed_shipped,
    missing_shipped,
    restore_shipped,
)
from posturebreak.core.weekdays import Weekday

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("schedule", "summary"),
    [
        (EveryActiveMinutes(45), "Every 45 min at the computer"),
        (AtTimesOfDay((time(9, 15),), (MON, TUE, WED, THU, FRI)), "09:15 Mon\u2013Fri"),
        (AtTimesOfDay((time(13, 0), time(9, 5)), tuple(Weekday)), "09:05, 13:00 every day"),
        (AtTimesOfDay((time(10, 0),), (SAT, SUN)), "10:00 Sat, Sun"),
        (AtTimesOfDay((time(10, 0),), (MON, WED, FRI)), "10:00 Mon, Wed, Fri"),
        (AtTimesOfDay((time(10, 0),), (MON, TUE, WED, FRI)), "10:00 Mon\u2013Wed, Fri"),
        (EveryNDays(14, date(2026, 1, 5), time(9, 0)), "Every 2 weeks from 5 Jan, 09:00"),
        (EveryNDays(7, date(2026, 11, 30), time(8, 30)), "Every week from 30 Nov, 08:30"),
        (EveryNDays(1, date(2026, 3, 1), time(18, 0)), "Every day from 1 Mar, 18:00"),
        (EveryNDays(10, date(2025, 12, 1), time(9, 0)), "Every 10 days from 1 Dec 2025, 09:00"),
    ],
)
def test_schedule_summary_fits_on_one_line(schedule: object, summary: str) -> None:
    assert schedule_summary(schedule, TODAY) == summary  # type: ignore[arg-type]


def test_day_ranges_follow_the_users_first_day_of_the_week() -> None:
    weekend_and_monday = (SAT, SUN, MON)
    assert days_text(weekend_and_monday) == "Mon, Sat, Sun"
    assert days_text(weekend_and_monday, first_day=SAT) == "Sat\u2013Mon"
    assert days_text(()) == "on no day"


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Morning stretch", set(), "morning_stretch"),
        ("Morning stretch", {"morning_stretch"}, "morning_stretch_2"),
        ("Morning stretch", {"morning_stretch", "morning_stretch_2"}, "morning_stretch_3"),
        ("Café à Zürich!", set(), "cafe_a_zurich"),
        ("10 push-ups", set(), "reminder_10_push_ups"),
        ("☕☕", set(), "reminder"),
        ("x" * 80, {"x" * 40}, "x" * 38 + "_2"),
    ],
)
def test_a_new_id_comes_from_the_name_and_is_unique(
    name: str, taken: set[str], expected: str
) -> None:
    assert new_reminder_id(name, taken) == expected


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.text(max_size=80), st.sets(st.from_regex(REMINDER_ID, fullmatch=True), max_size=5))
def test_any_name_gives_a_valid_unused_id(name: str, taken: set[str]) -> None:
    made = new_reminder_id(name, taken)
    assert REMINDER_ID.fullmatch(made)
    assert made not in taken


def test_a_draft_says_why_it_cannot_be_saved() -> None:
    assert name_problem("  ") == "Give the reminder a name."
    assert name_problem("y" * 61) == "A name has at most 60 characters."
    assert name_problem("Morning stretch") is None
    assert schedule_problem(AtTimesOfDay((), (MON,))) == "Add at least one time of day."
    assert schedule_problem(AtTimesOfDay((time(9, 0),), ())) == (
        "Choose at least one day of the week."
    )
    too_many = tuple(time(hour, 0) for hour in range(13))
    assert schedule_problem(AtTimesOfDay(too_many, (MON,))) == (
        "A reminder can come at most 12 times a day."
    )
    assert schedule_problem(EveryActiveMinutes(20)) is None
    assert schedule_problem(EveryNDays()) is None


STRETCH = ReminderDefinition("stretch", "Stretch", "Stand up and lean back.")
LEGS = ReminderDefinition("uncross_legs", "Sit evenly", "Feet flat.", EveryActiveMinutes(20))
SHIPPED = (STRETCH, LEGS)
MINE = ReminderDefinition("massage", "Book a massage", "", EveryNDays(14))


def test_restore_brings_back_removed_shipped_reminders_and_keeps_the_users_own() -> None:
    longer = ReminderDefinition("stretch", "Stretch", "Stand up.", EveryActiveMinutes(60))
    reminders = (MINE, longer)

    assert missing_shipped(reminders, SHIPPED) == (LEGS,)
    assert changed_shipped(reminders, SHIPPED) == (longer,)
    assert restore_shipped(reminders, SHIPPED, reset_changed=False) == (MINE, longer, LEGS)
    assert restore_shipped(reminders, SHIPPED, reset_changed=True) == (MINE, STRETCH, LEGS)


def test_nothing_to_restore_when_the_shipped_reminders_are_untouched() -> None:
    reminders = (STRETCH, MINE, LEGS)
    assert missing_shipped(reminders, SHIPPED) == ()
    assert changed_shipped(reminders, SHIPPED) == ()
    assert restore_shipped(reminders, SHIPPED, reset_changed=True) == reminders


def test_only_a_break_suggests_exercises() -> None:
    assert no_exercise_reason(ReminderAction.BREAK) is None
    assert no_exercise_reason(ReminderAction.COMFORT_CHECK_IN) == (
        "Answering this reminder opens the comfort check-in, not an exercise."
    )
    assert "workstation checklist" in str(no_exercise_reason(ReminderAction.WORKSTATION_CHECK))
