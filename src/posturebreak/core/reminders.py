"""The reminders the app gives: what each says, when it comes and how it is shown.

Reminders are becoming data (issue 13): the shipped ones and any the user
adds are :class:`ReminderDefinition` values. ``id`` is the stable key in
settings, the activity log and the CLI; ``name`` is the one name shown
everywhere. :data:`SHIPPED_REMINDERS` are the ones the app comes with; a user
may disable or delete them and restore them later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from posturebreak.core.categories import Category
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import N_, _


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


# A reminder's stable id in settings, the activity log, the CLI and the control socket.
ReminderId = str


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
                _("a reminder id must be lower-case letters, digits, - or _, got {id}").format(
                    id=repr(self.id)
                )
            )
        # "id: " leads, untranslated: reading the settings file names the field by it.
        if not self.name.strip() or len(self.name) > MAX_NAME_LENGTH:
            raise InvalidReminderError(
                f"{self.id}: "
                + _("the name must have 1 to {count} characters").format(count=MAX_NAME_LENGTH)
            )
        if len(self.message) > MAX_MESSAGE_LENGTH:
            raise InvalidReminderError(
                f"{self.id}: "
                + _("the message may have at most {count} characters").format(
                    count=MAX_MESSAGE_LENGTH
                )
            )


# The reminders the app ships, in the order the menus list them. Their English name and
# message go into the settings file; they are translated where shown (reminder_name,
# reminder_message), so a user's own text, which has no translation, stays as written.
_SHIPPED = (
    ReminderDefinition(
        "stretch",
        N_("Stretch"),
        N_("Stand up and lean back gently with hands on your hips; stop if it hurts."),
        EveryActiveMinutes(45),
        (Category.STRETCH, Category.MOVEMENT, Category.BREATHING, Category.MASSAGE),
        NotificationStyle.BOTH,
        break_seconds=60,
    ),
    ReminderDefinition(
        "uncross_legs",
        N_("Sit evenly"),
        N_("Feet flat, weight even on both sit bones, hips back in the chair."),
        EveryActiveMinutes(20),
        (Category.SITTING, Category.POSTURE),
        break_seconds=15,
    ),
    ReminderDefinition(
        "foot_stool",
        N_("Foot stool"),
        N_("Change the stool's height or distance and move your feet to a new spot."),
        EveryActiveMinutes(60),
        (Category.FOOT_STOOL,),
        snooze_minutes=10,
    ),
    ReminderDefinition(
        "breathing",
        N_("Breathing"),
        N_("Sit back, let your shoulders drop and breathe slowly for a minute."),
        EveryActiveMinutes(90),
        (Category.BREATHING,),
        NotificationStyle.BOTH,
        break_seconds=60,
        enabled=False,
    ),
    ReminderDefinition(
        "comfort_check_in",
        N_("Comfort check-in"),
        N_("How did your lower back feel today? Note it from 0 to 10."),
        AtTimesOfDay((time(17, 15),)),
        enabled=False,
        action=ReminderAction.COMFORT_CHECK_IN,
    ),
    ReminderDefinition(
        "workstation_check",
        N_("Workstation check"),
        N_("Go through your chair, desk, monitor and foot rest once more."),
        EveryNDays(28),
        enabled=False,
        action=ReminderAction.WORKSTATION_CHECK,
    ),
)
SHIPPED_REMINDERS: dict[ReminderId, ReminderDefinition] = {item.id: item for item in _SHIPPED}


def reminder_name(reminder_id: ReminderId, definitions: Iterable[ReminderDefinition] = ()) -> str:
    """The one name a reminder goes by: its definition's, else the shipped one's, else
    the id made readable (old log rows of a reminder since deleted), in the user's
    language when it is a shipped name."""
    for definition in definitions:
        if definition.id == reminder_id:
            return display_name(definition)
    shipped = SHIPPED_REMINDERS.get(reminder_id)
    if shipped is not None:
        return display_name(shipped)
    return reminder_id.replace("_", " ").replace("-", " ").capitalize()


def display_name(definition: ReminderDefinition) -> str:
    """A reminder's name, in the user's language when it is a shipped name (the user's
    own words stay as written: the catalogue does not know them)."""
    return _(definition.name)


def reminder_message(definition: ReminderDefinition) -> str:
    """What a reminder says, in the user's language when it is a shipped message."""
    return _(definition.message)


def changed_shipped(
    reminders: Sequence[ReminderDefinition], shipped: Sequence[ReminderDefinition]
) -> tuple[ReminderDefinition, ...]:
    """The shipped reminders (as they are now in ``reminders``) that the user changed."""
    originals = {reminder.id: reminder for reminder in shipped}
    return tuple(
        reminder
        for reminder in reminders
        if reminder.id in originals and reminder != originals[reminder.id]
    )


def missing_shipped(
    reminders: Sequence[ReminderDefinition], shipped: Sequence[ReminderDefinition]
) -> tuple[ReminderDefinition, ...]:
    """The shipped reminders the user removed."""
    present = {reminder.id for reminder in reminders}
    return tuple(reminder for reminder in shipped if reminder.id not in present)


def restore_shipped(
    reminders: Sequence[ReminderDefinition],
    shipped: Sequence[ReminderDefinition],
    *,
    reset_changed: bool,
) -> tuple[ReminderDefinition, ...]:
    """``reminders`` with the removed shipped ones back at the end, and, with
    ``reset_changed``, the changed shipped ones as shipped; the user's own stay."""
    originals = {reminder.id: reminder for reminder in shipped}
    kept = tuple(
        originals[reminder.id] if reset_changed and reminder.id in originals else reminder
        for reminder in reminders
    )
    return kept + missing_shipped(reminders, shipped)
