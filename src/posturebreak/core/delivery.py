"""How a due reminder reaches the user: notification, break window, both, or not again.

A reminder whose break window is already on screen or waiting its turn is not
given a second time: a second notification would suggest another exercise
that never gets a window or a log row.
"""

from __future__ import annotations

from dataclasses import dataclass

from posturebreak.core.catalogue import Exercise
from posturebreak.core.reminders import Reminder
from posturebreak.core.settings import NotificationStyle


@dataclass(frozen=True)
class Delivery:
    """What to show for one reminder."""

    notification: bool
    window: bool


def plan_delivery(style: NotificationStyle, window_already_open: bool) -> Delivery | None:
    """What to show for a reminder in ``style``; None when its window is already open."""
    if window_already_open:
        return None
    return Delivery(notification=style.shows_notification, window=style.shows_popup)


def notification_text(reminder: Reminder, exercise: Exercise | None) -> tuple[str, str]:
    """The notification's title and body, which always speak of the same thing:
    the suggested exercise when there is one, else the reminder's own instruction."""
    if exercise is None:
        return reminder.title, reminder.instruction
    return exercise.title, exercise.instruction
