"""The activity log: one SQLite row per reminder and what became of it.

WAL mode, foreign keys on, and ``PRAGMA user_version`` as the schema version
with forward migrations in :data:`MIGRATIONS` (each applied in its own
transaction). Times are stored in UTC together with the local UTC offset and
local day at the moment the reminder was shown, so "today" and streaks follow
the user's own days across DST changes and travel.

A failing disk (read-only, full) never crashes the app and never loses an
event already taken: events wait in memory (up to :data:`MAX_PENDING`, the
oldest give way after that), the failure is reported once and logged once,
and every later event (or :meth:`ActivityStore.retry`) tries again. Reading
is :mod:`posturebreak.services.activity_queries`.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.i18n import _
from posturebreak.services.comfort_schema import COMFORT_MIGRATION
from posturebreak.services.private_files import open_regular
from posturebreak.services.sit_stand_schema import SIT_STAND_MIGRATION
from posturebreak.services.workstation_schema import WORKSTATION_MIGRATION

if TYPE_CHECKING:  # sqlite3 loads with the first write or read, not at the app's start
    import sqlite3

log = logging.getLogger(__name__)

DATABASE_NAME = "activity.sqlite3"
# Events kept in memory while the disk fails: months of reminders, a few MB at most.
MAX_PENDING = 10_000

MIGRATIONS: tuple[str, ...] = (
    # Version 1: the events table and the indexes the history and statistics read by.
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        exercise_id TEXT,
        due_utc TEXT NOT NULL,
        shown_utc TEXT NOT NULL,
        utc_offset_minutes INTEGER NOT NULL,
        local_day TEXT NOT NULL,
        shown_as TEXT NOT NULL,
        outcome TEXT NOT NULL
            CHECK (outcome IN ('done', 'snoozed', 'skipped', 'ignored', 'notified', 'missed')),
        outcome_utc TEXT NOT NULL
    );
    CREATE INDEX events_by_day ON events (local_day, kind);
    CREATE INDEX events_by_kind ON events (kind, local_day);
    """,
    # Version 2: corrected outcomes keep their first value; indexes for streaks and recent events.
    """
    ALTER TABLE events ADD COLUMN corrected_from TEXT;
    ALTER TABLE events ADD COLUMN corrected_utc TEXT;
    CREATE INDEX events_by_outcome ON events (outcome, local_day);
    CREATE INDEX events_by_time ON events (shown_utc);
    """,
    # Version 3: the 'natural_break' outcome (away from the computer at least a break's
    # length). SQLite cannot change a CHECK constraint, so the table is rebuilt.
    """
    CREATE TABLE events_v3 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        exercise_id TEXT,
        due_utc TEXT NOT NULL,
        shown_utc TEXT NOT NULL,
        utc_offset_minutes INTEGER NOT NULL,
        local_day TEXT NOT NULL,
        shown_as TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN (
            'done', 'snoozed', 'skipped', 'ignored', 'notified', 'missed', 'natural_break'
        )),
        outcome_utc TEXT NOT NULL,
        corrected_from TEXT,
        corrected_utc TEXT
    );
    INSERT INTO events_v3 SELECT id, kind, exercise_id, due_utc, shown_utc,
        utc_offset_minutes, local_day, shown_as, outcome, outcome_utc,
        corrected_from, corrected_utc FROM events;
    DROP TABLE events;
    ALTER TABLE events_v3 RENAME TO events;
    CREATE INDEX events_by_day ON events (local_day, kind);
    CREATE INDEX events_by_kind ON events (kind, local_day);
    CREATE INDEX events_by_outcome ON events (outcome, local_day);
    CREATE INDEX events_by_time ON events (shown_utc);
    """,
    # Version 4: done breaks per local day, kept up to date by triggers, so streaks over a
    # century of events read one short row a day instead of grouping every event.
    """
    CREATE TABLE done_per_day (
        local_day TEXT PRIMARY KEY,
        done INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO done_per_day SELECT local_day, count(*) FROM events
        WHERE outcome IN ('done', 'natural_break') GROUP BY local_day;
    CREATE TRIGGER done_counted AFTER INSERT ON events
    WHEN NEW.outcome IN ('done', 'natural_break') BEGIN
        INSERT INTO done_per_day VALUES (NEW.local_day, 1)
            ON CONFLICT (local_day) DO UPDATE SET done = done + 1;
    END;
    CREATE TRIGGER done_uncounted AFTER DELETE ON events
    WHEN OLD.outcome IN ('done', 'natural_break') BEGIN
        UPDATE done_per_day SET done = done - 1 WHERE local_day = OLD.local_day;
        DELETE FROM done_per_day WHERE local_day = OLD.local_day AND done = 0;
    END;
    CREATE TRIGGER done_recounted AFTER UPDATE OF outcome, local_day ON events BEGIN
        UPDATE done_per_day SET done = done - 1
            WHERE local_day = OLD.local_day AND OLD.outcome IN ('done', 'natural_break');
        DELETE FROM done_per_day WHERE local_day = OLD.local_day AND done = 0;
        INSERT INTO done_per_day SELECT NEW.local_day, 1
            WHERE NEW.outcome IN ('done', 'natural_break')
            ON CONFLICT (local_day) DO UPDATE SET done = done + 1;
    END;
    """,
    SIT_STAND_MIGRATION,  # Version 5: sit/stand switches.
    COMFORT_MIGRATION,  # Version 6: comfort check-ins, one per local day.
    WORKSTATION_MIGRATION,  # Version 7: workstation checks and their answers.
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerDatabaseError(Exception):
    """The database was written by a newer app; it is left untouched."""


class ActivityLogError(Exception):
    """The activity log could not be read or changed; the message says why, for the user."""

    @classmethod
    def unreadable(cls, path: Path, error: Exception) -> ActivityLogError:
        return cls(
            _("Your activity log {path} cannot be read ({error}).").format(path=path, error=error)
        )


def database_errors() -> tuple[type[Exception], ...]:
    """What opening, reading or writing the log can raise when the disk or file is bad."""
    import sqlite3

    return (sqlite3.Error, OSError, NewerDatabaseError)


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so a second writer waits rather than fails."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def open_database(path: Path) -> sqlite3.Connection:
    """Opens (creating if needed, privately) and migrates the activity database.

    Raises :class:`NotRegularFileError` rather than letting SQLite wait forever
    on a FIFO or read a device in the database's place.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # SQLite gives its -wal and -shm files the database file's mode: 0600 here.
    os.close(open_regular(path, os.O_RDONLY | os.O_CREAT))
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)  # explicit transactions only
    try:
        connection.execute("PRAGMA busy_timeout = 2000")  # the CLI may read while the app writes
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")  # WAL keeps commits atomic with this
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def migrate(connection: sqlite3.Connection) -> None:
    """Brings the schema forward from whatever version it has, one step at a time."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        # Translators: why the activity log cannot be read; it follows "cannot be read (".
        newer = _(
            "the activity database has schema version {version}, newer than this app "
            "understands ({known})"
        )
        raise NewerDatabaseError(newer.format(version=version, known=SCHEMA_VERSION))
    for number in range(version, SCHEMA_VERSION):
        with transaction(connection):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
        log.info("Activity database migrated to version %d", number + 1)


def _statements(script: str) -> list[str]:
    """The script's statements; a trigger's body, with its own semicolons, stays whole."""
    import sqlite3

    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# Takes the parameters :func:`event_row` gives.
INSERT_EVENT = (
    "INSERT INTO events (kind, exercise_id, due_utc, shown_utc, utc_offset_minutes, "
    "local_day, shown_as, outcome, outcome_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def event_row(event: ReminderEvent) -> tuple[object, ...]:
    """An event as the columns of ``events`` (after ``id``)."""
    local = event.shown_at.astimezone()
    offset = local.utcoffset()
    return (
        event.kind,
        event.exercise_id,
        _iso_utc(event.due_at),
        _iso_utc(event.shown_at),
        round(offset.total_seconds() / 60) if offset is not None else 0,
        local.date().isoformat(),
        event.how_shown,
        event.outcome.value,
        _iso_utc(event.outcome_at),
    )


class ActivityStore:
    """Records reminder events; an :class:`~posturebreak.core.events.EventSink`."""

    def __init__(
        self, path: Path, on_failure: Callable[[str], None], *, max_pending: int = MAX_PENDING
    ) -> None:
        self.path = path
        self._on_failure = on_failure
        self._pending: deque[ReminderEvent] = deque(maxlen=max_pending)
        self._dropped = 0  # oldest waiting events given up since the disk last worked
        self._connection: sqlite3.Connection | None = None
        self._failing = False

    @property
    def pending(self) -> int:
        """Events taken but not yet written (the disk has been failing)."""
        return len(self._pending)

    def record(self, event: ReminderEvent) -> None:
        if len(self._pending) == self._pending.maxlen:
            if not self._dropped:
                log.error(
                    "%d events wait for the activity log; the oldest are given up from now on",
                    len(self._pending),
                )
            self._dropped += 1
        self._pending.append(event)
        self.retry()

    def retry(self) -> None:
        """Writes the events waiting in memory, in one transaction."""
        if not self._pending:
            return
        try:
            connection = self._connect()
            with transaction(connection):
                connection.executemany(INSERT_EVENT, [event_row(event) for event in self._pending])
        except database_errors() as error:
            self._report(error)
            return
        if self._failing:
            log.info(
                "Activity log writable again; %d waiting events saved, %d older ones given up",
                len(self._pending),
                self._dropped,
            )
        self._failing, self._dropped = False, 0
        self._pending.clear()

    def correct(self, event_id: int, outcome: Outcome, at: datetime) -> None:
        """Changes a logged outcome, keeping the first one (forgotten if changed back)."""
        try:
            connection = self._connect()
            with transaction(connection):
                connection.execute(
                    "UPDATE events SET "
                    "corrected_utc = CASE WHEN COALESCE(corrected_from, outcome) = :new "
                    "    THEN NULL ELSE :at END, "
                    "corrected_from = CASE WHEN COALESCE(corrected_from, outcome) = :new "
                    "    THEN NULL ELSE COALESCE(corrected_from, outcome) END, "
                    "outcome = :new WHERE id = :id",
                    {"new": outcome.value, "at": _iso_utc(at), "id": event_id},
                )
        except database_errors() as error:
            self.close()
            raise ActivityLogError(
                _("The change could not be saved to {path} ({error}).").format(
                    path=self.path, error=error
                )
            ) from error
        log.info("Event %d corrected to %s", event_id, outcome)

    def connection(self) -> sqlite3.Connection:
        """The open database, for reading; raises :class:`ActivityLogError`."""
        try:
            return self._connect()
        except database_errors() as error:
            raise ActivityLogError.unreadable(self.path, error) from error

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = open_database(self.path)
        return self._connection

    def _report(self, error: Exception) -> None:
        self.close()  # reopen on the next try: the disk may have come back
        if self._failing:  # said already; every retry would otherwise add a line
            log.debug("Activity log %s still not writable: %s", self.path, error)
            return
        self._failing = True
        log.error("Could not write the activity log %s: %s", self.path, error)
        self._on_failure(
            f"Your activity could not be saved to {self.path} ({error}). Posture Break "
            "keeps it in memory and saves it as soon as the disk takes it again."
        )
