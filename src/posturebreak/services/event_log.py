"""Where reminder events go until the activity database exists: the app's log file."""

from __future__ import annotations

import logging

from posturebreak.core.events import ReminderEvent

log = logging.getLogger(__name__)


class LogFileEventSink:
    """Writes each event as one line of the log file."""

    def record(self, event: ReminderEvent) -> None:
        log.info(
            "Reminder event: %s %s (%s) shown as %s: %s",
            event.kind,
            event.exercise_id,
            event.due_at.isoformat(timespec="seconds"),
            event.shown_as,
            event.outcome,
        )
