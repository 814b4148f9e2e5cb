"""Words about reminder definitions, for the reminder list and its editor.

Kept apart from Qt so the one-line schedule summary, the ids made from names,
the reasons a draft cannot be saved and what "Restore shipped" does are plain,
unit-tested rules that the widgets only show.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date, time

from posturebreak.core.categories import Category
from posturebreak.core.reminders import (
    MAX_NAME_LENGTH,
    MAX_TIMES_A_DAY,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    ReminderAction,
    Schedule,
)
from posturebreak.core.weekdays import Weekday

CATEGORY_LABELS: dict[Category, str] = {
    Category.STRETCH: "Stretches",
    Category.SITTING: "Sitting evenly",
    Category.POSTURE: "Posture",
    Category.FOOT_STOOL: "Foot stool",
    Category.MOVEMENT: "Movement",
    Category.BREATHING: "Breathing",
    Category.MASSAGE: "Self-massage",
    Category.HEAT_COLD: "Heat/cold pack",
}

DAY_ABBREVIATIONS: dict[Weekday, str] = {
    Weekday.MON: "Mon",
    Weekday.TUE: "Tue",
    Weekday.WED: "Wed",
    Weekday.THU: "Thu",
    Weekday.FRI: "Fri",
    Weekday.SAT: "Sat",
    Weekday.SUN: "Sun",
}

# Fixed English names: strftime's %b follows the locale, the rest of the text does not.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ID_LENGTH = 40  # what REMINDER_ID allows
_NOT_ID = re.compile(r"[^a-z0-9]+")


def _clock(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _day_runs(days: Collection[Weekday], first_day: Weekday) -> list[list[Weekday]]:
    """The chosen days in week order, grouped into runs of consecutive days."""
    runs: list[list[Weekday]] = []
    previous_chosen = False
    for day in Weekday.week_from(first_day):
        chosen = day in days
        if chosen and previous_chosen:
            runs[-1].append(day)
        elif chosen:
            runs.append([day])
        previous_chosen = chosen
    return runs


def days_text(days: Collection[Weekday], first_day: Weekday = Weekday.MON) -> str:
    """ "every day", "Mon-Fri", "Sat, Sun" or "Mon-Wed, Fri": three or more days in a
    row become a range, in the order of the user's week."""
    if set(days) == set(Weekday):
        return "every day"
    if not days:
        return "on no day"
    parts: list[str] = []
    for run in _day_runs(days, first_day):
        if len(run) >= 3:
            parts.append(f"{DAY_ABBREVIATIONS[run[0]]}\u2013{DAY_ABBREVIATIONS[run[-1]]}")
        else:
            parts.extend(DAY_ABBREVIATIONS[day] for day in run)
    return ", ".join(parts)


def _date_text(day: date, today: date) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _period_text(days: int) -> str:
    if days == 1:
        return "Every day"
    if days == 7:
        return "Every week"
    if days % 7 == 0:
        return f"Every {days // 7} weeks"
    return f"Every {days} days"


def schedule_summary(schedule: Schedule, today: date, first_day: Weekday = Weekday.MON) -> str:
    """One line saying when a reminder comes, e.g. "Every 45 min at the computer",
    "09:15 Mon-Fri" or "Every 2 weeks from 5 Jan, 09:00" (the year only when it is
    not ``today``'s)."""
    match schedule:
        case EveryActiveMinutes(minutes=minutes):
            return f"Every {minutes} min at the computer"
        case AtTimesOfDay(times=times, days=days):
            clock_times = ", ".join(_clock(at) for at in sorted(times)) or "No time"
            return f"{clock_times} {days_text(days, first_day)}"
        case EveryNDays(days=days, start=start, at=at):
            return f"{_period_text(days)} from {_date_text(start, today)}, {_clock(at)}"


def new_reminder_id(name: str, taken: Collection[str]) -> str:
    """A valid id for a reminder called ``name`` that is not in ``taken``:
    "Morning stretch" gives "morning_stretch", then "morning_stretch_2"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _NOT_ID.sub("_", ascii_name.lower()).strip("_")
    if not base[:1].isalpha():
        base = f"reminder_{base}".rstrip("_")
    base = base[:_ID_LENGTH].rstrip("_")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"_{number}"
        candidate = base[: _ID_LENGTH - len(suffix)].rstrip("_") + suffix
    return candidate


def schedule_problem(schedule: Schedule) -> str | None:
    """Why a reminder on ``schedule`` would never come, or None when it would."""
    if isinstance(schedule, AtTimesOfDay):
        if not schedule.times:
            return "Add at least one time of day."
        if len(schedule.times) > MAX_TIMES_A_DAY:
            return f"A reminder can come at most {MAX_TIMES_A_DAY} times a day."
        if not schedule.days:
            return "Choose at least one day of the week."
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a reminder, or None when it can."""
    if not name.strip():
        return "Give the reminder a name."
    if len(name) > MAX_NAME_LENGTH:
        return f"A name has at most {MAX_NAME_LENGTH} characters."
    return None


_OPENS = {
    ReminderAction.COMFORT_CHECK_IN: "the comfort check-in",
    ReminderAction.WORKSTATION_CHECK: "the workstation checklist",
}


def no_exercise_reason(action: ReminderAction) -> str | None:
    """Why a reminder with ``action`` suggests no exercise, or None when it does."""
    opens = _OPENS.get(action)
    return None if opens is None else f"Answering this reminder opens {opens}, not an exercise."
