"""How a due reminder reaches the user: notification, break window, both, or not again.

A reminder whose break window is already on screen or waiting its turn is not
given a second time: a second notification would suggest another exercise
that never gets a window or a log row. Reminders due together share one
notification.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from posturebreak.core.catalogue import Exercise
from posturebreak.core.reminders import (
    NotificationStyle,
    ReminderDefinition,
    display_name,
    reminder_message,
)
from posturebreak.i18n import _


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


def notification_text(
    suggestions: Sequence[tuple[ReminderDefinition, Exercise | None]],
) -> tuple[str, str]:
    """The notification's title and body for reminders given together.

    One reminder: its suggested exercise as the title and that exercise's
    instruction as the body (else the reminder's own words), so the two always
    speak of the same thing. Several: their names as the title, and a line
    for each in the body.
    """
    if len(suggestions) == 1:
        ((reminder, exercise),) = suggestions
        if exercise is None:
            return display_name(reminder), reminder_message(reminder) or display_name(reminder)
        return exercise.title, exercise.instruction
    title = " · ".join(display_name(reminder) for reminder, _exercise in suggestions)
    lines = [
        # Translators: one exercise in a notification for several reminders.
        _("{title}: {instruction}").format(title=exercise.title, instruction=exercise.instruction)
        if exercise
        else reminder_message(reminder) or display_name(reminder)
        for reminder, exercise in suggestions
    ]
    return title, "\n".join(lines)
