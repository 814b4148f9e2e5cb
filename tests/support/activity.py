"""A believable activity log for tests, screenshots and the benchmark."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.reminders import NotificationStyle, ReminderId
from posturebreak.services.activity_store import (
    INSERT_EVENT,
    event_row,
    open_database,
    transaction,
)

_STRETCHES = (
    "standing-back-extension",
    "seated-spinal-twist",
    "knee-to-chest",
    "hip-flexor-stretch",
    "side-bend",
)
_STRETCH_OUTCOMES = (
    [Outcome.DONE] * 14 + [Outcome.SKIPPED] * 3 + [Outcome.IGNORED] * 2 + [Outcome.SNOOZED]
)


def reminded(
    kind: ReminderId,
    exercise: str | None,
    at: datetime,
    shown_as: NotificationStyle,
    outcome: Outcome,
    *,
    answered_after: timedelta = timedelta(0),
) -> ReminderEvent:
    """A reminder given when it was due, at ``at``, and its outcome."""
    return ReminderEvent(kind, exercise, at, at, shown_as, outcome, at + answered_after)


def working_day_events(day_start: datetime, rng: random.Random) -> Iterator[ReminderEvent]:
    """One working day from ``day_start`` (local 09:00, say): stretches every 45 minutes
    with mostly done answers, sit-evenly and foot-stool notifications, now and then a
    reminder missed while away and a stretch logged by hand."""
    for slot in range(10):
        outcome = Outcome.MISSED if rng.random() < 0.03 else rng.choice(_STRETCH_OUTCOMES)
        yield reminded(
            "stretch",
            rng.choice(_STRETCHES),
            day_start + timedelta(minutes=45 * (slot + 1)),
            NotificationStyle.BOTH,
            outcome,
            answered_after=timedelta(seconds=rng.randint(20, 200)),
        )
    for slot in range(22):
        at = day_start + timedelta(minutes=20 * (slot + 1))
        yield reminded("uncross_legs", None, at, NotificationStyle.NOTIFICATION, Outcome.NOTIFIED)
    for slot in range(7):
        outcome = Outcome.DONE if rng.random() < 0.6 else Outcome.SKIPPED
        at = day_start + timedelta(minutes=60 * (slot + 1))
        yield reminded("foot_stool", "stool-height-distance", at, NotificationStyle.POPUP, outcome)
    if rng.random() < 0.3:
        yield ReminderEvent.logged_by_hand(
            "stretch", rng.choice(_STRETCHES), day_start + timedelta(hours=9)
        )


def seed_activity(path: Path, days: int, now: datetime, seed: int = 7) -> int:
    """Writes the working days (09:00 on, in ``now``'s zone) among the ``days`` days that
    end today, leaving out what is still to come, in one transaction; returns the count."""
    rng = random.Random(seed)
    nine = now.replace(hour=9, minute=0, second=0, microsecond=0)
    starts = (nine - timedelta(days=back) for back in range(days - 1, -1, -1))
    rows = [
        event_row(event)
        for start in starts
        if start.weekday() < 5
        for event in working_day_events(start, rng)
        if event.outcome_at <= now
    ]
    connection = open_database(path)
    try:
        with transaction(connection):
            connection.executemany(INSERT_EVENT, rows)
    finally:
        connection.close()
    return len(rows)


def natural_breaks(profile: Path) -> list[str]:
    """The kinds with a natural break in the app's log; none while it has no log yet."""
    path = profile / "data" / "activity.sqlite3"
    if not path.exists():
        return []
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = database.execute("SELECT kind FROM events WHERE outcome = 'natural_break'")
        return sorted(kind for (kind,) in rows)
    except sqlite3.OperationalError:  # the app has not created its table yet
        return []
    finally:
        database.close()
