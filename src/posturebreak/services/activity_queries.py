"""Reads the activity log: per-day tallies for statistics, recent events, and export.

Every query reads only what it shows: a range of days through an index, the
newest events through the time index, or the per-day done counts the store
keeps (see the migrations in :mod:`~posturebreak.services.activity_store`),
so a century of events stays quick to summarise. Rows of kinds this version
does not know are left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from posturebreak.core.events import BY_HAND, LoggedEvent, Outcome, ReminderEvent
from posturebreak.core.reminders import NotificationStyle, ReminderKind
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import ActivitySummary, DayTally, summarise, summary_start
from posturebreak.services.activity_store import (
    ActivityLogError,
    database_errors,
    migrate,
    open_database,
)

_KNOWN_KINDS = "kind IN ({})".format(", ".join(f"'{kind.value}'" for kind in ReminderKind))
CHUNK_EVENTS = 1000  # rows an export reads from SQLite at a time
_EVENT_COLUMNS = (
    "id, kind, exercise_id, due_utc, shown_utc, utc_offset_minutes, local_day, shown_as, "
    "outcome, outcome_utc, corrected_from"
)


class ActivityReader:
    """Queries over one open activity database."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection  # also for feature tables with queries of their own

    def tallies(self, first_day: date, last_day: date) -> list[DayTally]:
        """How many events of each kind and outcome each day, from ``first_day`` to ``last_day``."""
        rows = self.connection.execute(
            "SELECT local_day, kind, outcome, shown_as = ?, count(*) FROM events "
            f"WHERE local_day BETWEEN ? AND ? AND {_KNOWN_KINDS} "
            "GROUP BY local_day, kind, outcome, shown_as = ?",
            (BY_HAND, first_day.isoformat(), last_day.isoformat(), BY_HAND),
        )
        return [
            DayTally(date.fromisoformat(day), ReminderKind(kind), Outcome(outcome), bool(hand), n)
            for day, kind, outcome, hand, n in rows
        ]

    def done_per_day(self) -> dict[date, int]:
        """Done events per local day over the whole log, for streaks: one row a day, which
        the store's triggers keep counted, rather than every event grouped again."""
        rows = self.connection.execute("SELECT local_day, done FROM done_per_day WHERE done > 0")
        return {date.fromisoformat(day): count for day, count in rows}

    def summary(self, today: date, settings: Settings, days: int = 30) -> ActivitySummary:
        """Today, this week and the last ``days`` days, with the goal and streaks."""
        tallies = self.tallies(summary_start(today, settings, days), today)
        return summarise(tallies, self.done_per_day(), today, settings, days)

    def recent(self, limit: int, kind: ReminderKind | None = None) -> list[LoggedEvent]:
        """The newest ``limit`` events, of one kind or all, newest first."""
        # "+kind" keeps SQLite on the time index: walking it newest first beats sorting.
        where, parameters = (
            (f"+{_KNOWN_KINDS}", ()) if kind is None else ("+kind = ?", (kind.value,))
        )
        rows = self.connection.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} "
            "ORDER BY shown_utc DESC, id DESC LIMIT ?",
            (*parameters, limit),
        )
        return [_logged_event(row) for row in rows]

    def count_since(self, first_day: date | None = None) -> int:
        """How many events :meth:`since` gives, for an export's progress."""
        row = self.connection.execute(
            f"SELECT count(*) FROM events WHERE local_day >= ? AND {_KNOWN_KINDS}",
            ((first_day or date.min).isoformat(),),
        ).fetchone()
        return int(row[0])

    def since(self, first_day: date | None = None) -> Iterator[LoggedEvent]:
        """Every event from ``first_day`` on (or all), oldest first, read a chunk at a time.

        The time index gives the order, so the first event comes at once and the
        log is never sorted or held whole: no local day starts more than a day
        before its UTC date, which bounds the walk from below.
        """
        earliest = "" if first_day is None else _day_before(first_day).isoformat()
        cursor = self.connection.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events "
            f"WHERE shown_utc >= ? AND +local_day >= ? AND +{_KNOWN_KINDS} "
            "ORDER BY shown_utc, id",
            (earliest, (first_day or date.min).isoformat()),
        )
        while rows := cursor.fetchmany(CHUNK_EVENTS):
            yield from (_logged_event(row) for row in rows)


@contextmanager
def reading(path: Path) -> Iterator[ActivityReader]:
    """The log at ``path`` to read; an empty one if there is none yet (nothing is created).

    Raises :class:`ActivityLogError` when the file cannot be opened or read.
    """
    try:
        connection = open_database(path) if path.exists() else _empty_database()
    except database_errors() as error:
        raise ActivityLogError.unreadable(path, error) from error
    with closing(connection), reading_from(connection, path) as reader:
        yield reader


@contextmanager
def reading_from(connection: sqlite3.Connection, path: Path) -> Iterator[ActivityReader]:
    """Reads an open log; a failing query comes out as :class:`ActivityLogError`."""
    try:
        yield ActivityReader(connection)
    except sqlite3.Error as error:
        raise ActivityLogError.unreadable(path, error) from error


def _empty_database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    migrate(connection)
    return connection


def _day_before(day: date) -> date:
    return day - timedelta(days=1) if day > date.min else day


def _logged_event(row: tuple[Any, ...]) -> LoggedEvent:
    (event_id, kind, exercise_id, due, shown, offset, day, shown_as, outcome, at, before) = row
    zone = timezone(timedelta(minutes=offset))

    def local(text: str) -> datetime:
        return datetime.fromisoformat(text).astimezone(zone)

    return LoggedEvent(
        id=event_id,
        event=ReminderEvent(
            kind=ReminderKind(kind),
            exercise_id=exercise_id,
            due_at=local(due),
            shown_at=local(shown),
            shown_as=None if shown_as == BY_HAND else NotificationStyle(shown_as),
            outcome=Outcome(outcome),
            outcome_at=local(at),
        ),
        local_day=date.fromisoformat(day),
        corrected_from=None if before is None else Outcome(before),
    )
