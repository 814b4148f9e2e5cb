"""Reminder definitions in the settings file: ``[[reminder]]`` tables, read forgivingly.

Each entry stands on its own: one without a usable id (or repeating one) is
dropped with a sentence saying so, and a bad field is reset to the shipped
reminder's value (or the default for the user's own) while the rest of the
entry is kept. The schedule is one small inline table whose keys say which
kind it is::

    schedule = { every_minutes = 45 }
    schedule = { at = ["09:15"], days = ["mon", "tue", "wed", "thu", "fri"] }
    schedule = { every_days = 14, start = 2026-01-05, at = "09:00" }
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from posturebreak.core.categories import Category
from posturebreak.core.choice import parse_choice, short_repr
from posturebreak.core.reminders import (
    MAX_TIMES_A_DAY,
    REMINDER_ID,
    SHIPPED_REMINDERS,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    InvalidReminderError,
    NotificationStyle,
    ReminderAction,
    ReminderDefinition,
    Schedule,
    reminder_name,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import _

_CLOCK_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_E = TypeVar("_E", bound=StrEnum)


class ReminderFieldError(ValueError):
    """One field of a reminder entry is wrong; the message names it and the value."""


def parse_clock_time(value: object) -> time | None:
    """A clock time from a file ("09:15" or a TOML time), to the minute; None if it is not."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    match = _CLOCK_TIME.fullmatch(value) if isinstance(value, str) else None
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    return None


def reminders_from_list(raw: object, problems: list[str]) -> tuple[ReminderDefinition, ...]:
    """The ``reminder`` array of a version 2 file; no array at all means the shipped ones."""
    if raw is None:
        return tuple(SHIPPED_REMINDERS.values())
    if not isinstance(raw, list):
        problems.append(
            _(
                "{key} must be an array of tables ({example}), got {value}; "
                "using the shipped reminders"
            ).format(key="reminder", example="[[reminder]]", value=short_repr(raw))
        )
        return tuple(SHIPPED_REMINDERS.values())
    reminders: dict[str, ReminderDefinition] = {}
    for number, entry in enumerate(raw, start=1):
        reminder = _reminder(entry, number, problems)
        if reminder is None:
            continue
        if reminder.id in reminders:
            problems.append(
                _("reminder {number}: id {id} is repeated; dropped").format(
                    number=number, id=repr(reminder.id)
                )
            )
            continue
        reminders[reminder.id] = reminder
    return tuple(reminders.values())


def reminder_to_dict(reminder: ReminderDefinition) -> dict[str, Any]:
    """One reminder as a ``[[reminder]]`` table; :func:`reminders_from_list` reads it back."""
    return {
        "id": reminder.id,
        "name": reminder.name,
        "message": reminder.message,
        "schedule": schedule_to_dict(reminder.schedule),
        "categories": [category.value for category in reminder.categories],
        "style": reminder.style.value,
        "break_seconds": reminder.break_seconds,
        "snooze_minutes": reminder.snooze_minutes,
        "enabled": reminder.enabled,
        "action": reminder.action.value,
    }


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    if isinstance(schedule, EveryActiveMinutes):
        return {"every_minutes": schedule.minutes}
    if isinstance(schedule, AtTimesOfDay):
        return {
            "at": [format_clock_time(at) for at in schedule.times],
            "days": [d.value for d in schedule.days],
        }
    return {
        "every_days": schedule.days,
        "start": schedule.start,
        "at": format_clock_time(schedule.at),
    }


def format_clock_time(value: time) -> str:
    """A clock time as the settings file writes it, "09:05"."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _reminder(entry: object, number: int, problems: list[str]) -> ReminderDefinition | None:
    if not isinstance(entry, Mapping):
        problems.append(
            _("reminder {number} must be a table, got {value}; dropped").format(
                number=number, value=short_repr(entry)
            )
        )
        return None
    ident = entry.get("id")
    if not isinstance(ident, str) or not REMINDER_ID.fullmatch(ident):
        problems.append(
            _(
                "reminder {number}: id must be lower-case letters, digits, - or _ "
                "(up to 40), got {value}; dropped"
            ).format(number=number, value=short_repr(ident))
        )
        return None
    where = f"reminder {ident}"
    reminder = SHIPPED_REMINDERS.get(ident) or ReminderDefinition(ident, reminder_name(ident), "")
    readers: dict[str, Callable[[object], Any]] = {
        "name": _text,
        "message": _text,
        "schedule": _schedule,
        "categories": lambda value: _choices(Category, value, allow_empty=True),
        "style": lambda value: _one(NotificationStyle, value),
        "break_seconds": lambda value: _whole(value, 5, 1800),
        "snooze_minutes": lambda value: _whole(value, 1, 120),
        "enabled": _flag,
        "action": lambda value: _one(ReminderAction, value),
    }
    for key, read in readers.items():
        if key not in entry:
            continue
        try:
            reminder = dataclasses.replace(reminder, **{key: read(entry[key])})
        except (ReminderFieldError, InvalidReminderError) as error:
            problems.append(
                # Translators: {problem} says what is wrong, e.g. "must be text, got 3".
                _("{key} {problem}; kept {value}").format(
                    key=f"{where}.{key}", problem=_reason(error), value=_shown(reminder, key)
                )
            )
    problems.extend(
        _("unknown setting {key} ignored").format(key=f"{where}.{key}")
        for key in sorted(map(str, set(entry) - set(readers) - {"id"}))
    )
    return reminder


def _reason(error: Exception) -> str:
    text = str(error)
    return text.split(": ", 1)[1] if isinstance(error, InvalidReminderError) else text


def _shown(reminder: ReminderDefinition, key: str) -> str:
    value = reminder_to_dict(reminder)[key]
    return short_repr(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ReminderFieldError(_("must be text, got {value}").format(value=short_repr(value)))
    return value.strip()


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ReminderFieldError(
            _("must be true or false, got {value}").format(value=short_repr(value))
        )
    return value


def _whole(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ReminderFieldError(
            _("must be a whole number from {low} to {high}, got {value}").format(
                low=low, high=high, value=short_repr(value)
            )
        )
    return value


def _one(choices: type[_E], value: object) -> _E:
    try:
        return parse_choice(choices, value)
    except ValueError as error:
        raise ReminderFieldError(str(error)) from None


def _choices(choices: type[_E], value: object, *, allow_empty: bool) -> tuple[_E, ...]:
    if not isinstance(value, list) or (not value and not allow_empty):
        raise ReminderFieldError(_("must be a list, got {value}").format(value=short_repr(value)))
    chosen = {_one(choices, item) for item in value}
    return tuple(choice for choice in choices if choice in chosen)


def _time(value: object) -> time:
    parsed = parse_clock_time(value)
    if parsed is None:
        raise ReminderFieldError(
            _("must hold times like {example}, got {value}").format(
                example='"09:15"', value=short_repr(value)
            )
        )
    return parsed


def _schedule(value: object) -> Schedule:
    """``{every_minutes}``, ``{at, days}`` or ``{every_days, start, at}``."""
    if not isinstance(value, Mapping):
        raise ReminderFieldError(_("must be a table, got {value}").format(value=short_repr(value)))
    keys = set(value)
    if keys == {"every_minutes"}:
        return EveryActiveMinutes(_whole(value["every_minutes"], 1, 480))
    if "at" in keys and keys <= {"at", "days"}:
        times = value["at"]
        if not isinstance(times, list) or not 1 <= len(times) <= MAX_TIMES_A_DAY:
            raise ReminderFieldError(
                _("{key} must list 1 to {most} times, got {value}").format(
                    key="at", most=MAX_TIMES_A_DAY, value=short_repr(times)
                )
            )
        days = value.get("days", [day.value for day in AtTimesOfDay().days])
        return AtTimesOfDay(
            tuple(sorted({_time(at) for at in times})),
            _choices(Weekday, days, allow_empty=False),
        )
    if "every_days" in keys and keys <= {"every_days", "start", "at"}:
        start = value.get("start", EveryNDays().start)
        if not isinstance(start, date):
            raise ReminderFieldError(
                _("{key} must be a date like {example}, got {value}").format(
                    key="start", example="2026-01-05", value=repr(start)
                )
            )
        return EveryNDays(
            _whole(value["every_days"], 1, 366),
            start.date() if isinstance(start, datetime) else start,  # a date-time: its day
            _time(value.get("at", "09:00")),
        )
    raise ReminderFieldError(
        _("must be {first}, {second} or {third}, got {value}").format(
            first="{ every_minutes = N }",
            second="{ at = [times], days = [days] }",
            third="{ every_days = N, start = date, at = time }",
            value=short_repr(dict(value)),
        )
    )
