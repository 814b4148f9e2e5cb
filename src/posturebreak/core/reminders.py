"""The reminders the app gives: what each says, when it comes and how it is shown.

Reminders are becoming data (issue 13): the shipped ones and any the user
adds are :class:`ReminderDefinition` values. ``id`` is the stable key in
settings, the activity log and the CLI; ``name`` is the one name shown
everywhere. :class:`ReminderKind` and :data:`REMINDERS` are the fixed set of
three that the rest of the app still uses until it moves over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from posturebreak.core.categories import Category
from posturebreak.core.weekdays import Weekday


class NotificationStyle(StrEnum):
    """How a reminder reaches the user."""

    NOTIFICATION = "notification"
    POPUP = "popup"
    BOTH = "both"

    @property
    def shows_notification(self) -> bool:
        return self is not NotificationStyle.POPUP

    @property
    def shows_popup(self) -> bool:
        return self is not NotificationStyle.NOTIFICATION


class ReminderKind(StrEnum):
    """A kind of reminder; its value is the stable id used in files and logs."""

    STRETCH = "stretch"
    UNCROSS_LEGS = "uncross_legs"
    FOOT_STOOL = "foot_stool"


@dataclass(frozen=True)
class Reminder:
    """What a reminder of one kind says."""

    kind: ReminderKind
    title: str
    short_name: str
    instruction: str


REMINDERS: dict[ReminderKind, Reminder] = {
    reminder.kind: reminder
    for reminder in (
        Reminder(
            ReminderKind.STRETCH,
            title="Stretch break",
            short_name="Stretch",
            instruction="Stand up and lean back gently with hands on your hips; stop if it hurts.",
        ),
        Reminder(
            ReminderKind.UNCROSS_LEGS,
            title="Uncross your legs",
            short_name="Sit evenly",
            instruction="Feet flat, weight even on both sit bones, hips back in the chair.",
        ),
        Reminder(
            ReminderKind.FOOT_STOOL,
            title="Foot stool check",
            short_name="Foot stool",
            instruction="Change the stool's height or distance and move your feet to a new spot.",
        ),
    )
}


class InvalidReminderError(ValueError):
    """A reminder definition breaks a rule; the message says which."""


def _limits(low: int, high: int) -> dict[str, tuple[int, int]]:
    """Field metadata read by ``settings.limits_of`` and the settings machinery."""
    return {"limits": (low, high)}


REMINDER_ID = re.compile(r"[a-z][a-z0-9_-]{0,39}")
MAX_NAME_LENGTH = 60
MAX_MESSAGE_LENGTH = 200
MAX_TIMES_A_DAY = 12


@dataclass(frozen=True)
class EveryActiveMinutes:
    """Every N minutes of time at the computer: pauses and absences stop the count
    (today's behaviour of the three shipped reminders)."""

    minutes: int = field(default=45, metadata=_limits(1, 480))


@dataclass(frozen=True)
class AtTimesOfDay:
    """At clock times on chosen weekdays, e.g. "Morning stretch 09:15 Mon-Fri"."""

    times: tuple[time, ...] = (time(9, 15),)
    days: tuple[Weekday, ...] = (
        Weekday.MON,
        Weekday.TUE,
        Weekday.WED,
        Weekday.THU,
        Weekday.FRI,
    )


@dataclass(frozen=True)
class EveryNDays:
    """Every N days from a start date at a clock time; weeks are multiples of 7, e.g.
    "Book a massage every 2 weeks" or "Try a new stool height every Monday"."""

    days: int = field(default=7, metadata=_limits(1, 366))
    start: date = date(2026, 1, 5)
    at: time = time(9, 0)


Schedule = EveryActiveMinutes | AtTimesOfDay | EveryNDays


class ReminderAction(StrEnum):
    """What answering a reminder opens: a break with an exercise, or one of the
    back-care dialogs (the daily comfort check-in, the workstation checklist)."""

    BREAK = "break"
    COMFORT_CHECK_IN = "comfort_check_in"
    WORKSTATION_CHECK = "workstation_check"


@dataclass(frozen=True)
class ReminderDefinition:
    """One reminder, shipped or the user's own."""

    id: str
    name: str
    message: str
    schedule: Schedule = field(default_factory=EveryActiveMinutes)
    # Exercise categories its break suggests from; none gives a plain reminder.
    categories: tuple[Category, ...] = ()
    style: NotificationStyle = NotificationStyle.NOTIFICATION
    break_seconds: int = field(default=30, metadata=_limits(5, 1800))
    snooze_minutes: int = field(default=5, metadata=_limits(1, 120))
    enabled: bool = True
    action: ReminderAction = ReminderAction.BREAK

    def __post_init__(self) -> None:
        if not REMINDER_ID.fullmatch(self.id):
            raise InvalidReminderError(
                f"a reminder id must be lower-case letters, digits, - or _, got {self.id!r}"
            )
        if not self.name.strip() or len(self.name) > MAX_NAME_LENGTH:
            raise InvalidReminderError(f"{self.id}: the name must have 1 to 60 characters")
        if len(self.message) > MAX_MESSAGE_LENGTH:
            raise InvalidReminderError(f"{self.id}: the message may have at most 200 characters")
