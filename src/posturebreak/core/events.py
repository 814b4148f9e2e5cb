"""What happened to each reminder: the events the activity log records.

The app builds a :class:`BreakRequest` when a reminder is given and turns it
into a :class:`ReminderEvent` once the user has answered (or not). Anything
that wants the events implements :class:`EventSink`. Events the user logs by
hand have no ``shown_as``; events read back from the log are
:class:`LoggedEvent`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from posturebreak.core.catalogue import Exercise
from posturebreak.core.reminders import (
    NotificationStyle,
    ReminderAction,
    ReminderId,
    reminder_name,
)


class Outcome(StrEnum):
    DONE = "done"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    IGNORED = "ignored"  # the break window closed itself unanswered
    NOTIFIED = "notified"  # shown as a notification only, which cannot be answered
    MISSED = "missed"  # came due while the computer slept (logs from before natural breaks)
    NATURAL_BREAK = "natural_break"  # away from the computer at least the break's length


# How the log and exports name an entry the user logged by hand.
BY_HAND = "manual"
# What the user can turn an outcome into from the history window.
CORRECTABLE_TO = (Outcome.DONE, Outcome.SKIPPED)


@dataclass(frozen=True)
class BreakRequest:
    """One reminder as given: what it suggests and how long its break and snooze are."""

    kind: ReminderId
    exercise: Exercise | None
    due_at: datetime
    shown_at: datetime
    shown_as: NotificationStyle
    break_length: timedelta
    snooze_length: timedelta
    # The reminder's own words, as its definition had them when it was given.
    name: str = ""
    message: str = ""
    action: ReminderAction = ReminderAction.BREAK

    @property
    def title(self) -> str:
        return self.name or reminder_name(self.kind)

    def answered(self, outcome: Outcome, at: datetime) -> ReminderEvent:
        return ReminderEvent(
            kind=self.kind,
            exercise_id=self.exercise.id if self.exercise else None,
            due_at=self.due_at,
            shown_at=self.shown_at,
            shown_as=self.shown_as,
            outcome=outcome,
            outcome_at=at,
        )


@dataclass(frozen=True)
class ReminderEvent:
    """One reminder and what became of it; ``shown_as`` is None for an entry logged by hand."""

    kind: ReminderId
    exercise_id: str | None
    due_at: datetime
    shown_at: datetime
    shown_as: NotificationStyle | None
    outcome: Outcome
    outcome_at: datetime

    @classmethod
    def logged_by_hand(
        cls, kind: ReminderId, exercise_id: str | None, at: datetime
    ) -> ReminderEvent:
        """An exercise the user did on their own and logged."""
        return cls(kind, exercise_id, at, at, None, Outcome.DONE, at)

    @property
    def by_hand(self) -> bool:
        return self.shown_as is None

    @property
    def how_shown(self) -> str:
        """The style's value, or :data:`BY_HAND`."""
        return BY_HAND if self.shown_as is None else self.shown_as.value


@dataclass(frozen=True)
class LoggedEvent:
    """An event as the log holds it: its row id, the user's local day, any correction.

    The event's times carry the UTC offset the user had when it happened.
    """

    id: int
    event: ReminderEvent
    local_day: date
    corrected_from: Outcome | None = None


class EventSink(Protocol):
    def record(self, event: ReminderEvent) -> None: ...
