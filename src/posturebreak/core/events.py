"""What happened to each reminder: the events the activity log records.

The app builds a :class:`BreakRequest` when a reminder is given and turns it
into a :class:`ReminderEvent` once the user has answered (or not). Anything
that wants the events implements :class:`EventSink`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from posturebreak.core.catalogue import Exercise
from posturebreak.core.reminders import ReminderKind
from posturebreak.core.settings import NotificationStyle


class Outcome(StrEnum):
    DONE = "done"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    IGNORED = "ignored"  # the break window closed itself unanswered
    NOTIFIED = "notified"  # shown as a notification only, which cannot be answered


@dataclass(frozen=True)
class BreakRequest:
    """One reminder as given: what it suggests and how long its break and snooze are."""

    kind: ReminderKind
    exercise: Exercise | None
    due_at: datetime
    shown_at: datetime
    shown_as: NotificationStyle
    break_length: timedelta
    snooze_length: timedelta

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
    """One reminder and what became of it."""

    kind: ReminderKind
    exercise_id: str | None
    due_at: datetime
    shown_at: datetime
    shown_as: NotificationStyle
    outcome: Outcome
    outcome_at: datetime


class EventSink(Protocol):
    def record(self, event: ReminderEvent) -> None: ...
