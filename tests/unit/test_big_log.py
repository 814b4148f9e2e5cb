"""A log of 200,000 events (two decades): the per-day done counts the store keeps,
figures that match counting every event, and an export that reads a chunk at a time."""

from __future__ import annotations

import io
import itertools
import sqlite3
import tracemalloc
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.core.reminders import NotificationStyle, ReminderKind
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import summarise, summary_start
from posturebreak.services.activity_queries import CHUNK_EVENTS, ActivityReader
from posturebreak.services.activity_store import (
    INSERT_EVENT,
    MIGRATIONS,
    SCHEMA_VERSION,
    ActivityStore,
    event_row,
    migrate,
    open_database,
    transaction,
)

BIG_LOG_EVENTS = 200_000
PER_DAY = 40
LAST_DAY = date(2037, 3, 2)
SETTINGS = Settings()

# Forty reminders a day from 09:00 UTC: ten stretches (both), twenty-two sit-evenly
# notifications and eight foot-stool windows; every eleventh day all are skipped, which
# breaks the streak. SQLite writes them itself: a million take seconds, not minutes.
_BIG_LOG = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :events),
slot(i, at) AS (
    SELECT i, strftime('%Y-%m-%dT%H:%M:%S+00:00', :first,
        '+' || (i / 40) || ' days', '+' || (540 + i % 40 * 10) || ' minutes') FROM n
)
INSERT INTO events (kind, exercise_id, due_utc, shown_utc, utc_offset_minutes, local_day,
    shown_as, outcome, outcome_utc)
SELECT
    CASE WHEN i % 40 < 10 THEN 'stretch' WHEN i % 40 < 32 THEN 'uncross_legs'
        ELSE 'foot_stool' END,
    CASE WHEN i % 40 < 10 THEN 'side-bend' END,
    at, at, 0, substr(at, 1, 10),
    CASE WHEN i % 40 < 10 THEN 'both' WHEN i % 40 < 32 THEN 'notification' ELSE 'popup' END,
    CASE WHEN i % 40 BETWEEN 10 AND 31 THEN 'notified' WHEN i / 40 % 11 = 3 THEN 'skipped'
        WHEN i % 7 = 0 THEN 'ignored' WHEN i % 5 = 0 THEN 'skipped' ELSE 'done' END,
    at
FROM slot
"""


def write_big_log(connection: sqlite3.Connection, events: int, last_day: date) -> None:
    """``events`` reminders, forty a day on consecutive days up to ``last_day``."""
    first = last_day - timedelta(days=(events - 1) // PER_DAY)
    with transaction(connection):
        connection.execute(_BIG_LOG, {"events": events, "first": first.isoformat()})


def counted_done_per_day(connection: sqlite3.Connection) -> dict[date, int]:
    """Done breaks per day the slow way: every event grouped again."""
    rows = connection.execute(
        "SELECT local_day, count(*) FROM events "
        "WHERE outcome IN ('done', 'natural_break') GROUP BY local_day"
    )
    return {date.fromisoformat(day): count for day, count in rows}


def kept_done_per_day(connection: sqlite3.Connection) -> dict[date, int]:
    rows = connection.execute("SELECT local_day, done FROM done_per_day")
    return {date.fromisoformat(day): count for day, count in rows}


@pytest.fixture(scope="module")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "activity.sqlite3"
    with closing(open_database(path)) as connection:
        write_big_log(connection, BIG_LOG_EVENTS, LAST_DAY)
    return path


@pytest.fixture
def big(big_log: Path) -> Iterator[sqlite3.Connection]:
    with closing(open_database(big_log)) as connection:
        yield connection


def test_a_version_3_log_keeps_every_event_and_gets_its_done_days_counted(
    tmp_path: Path,
) -> None:
    with closing(sqlite3.connect(tmp_path / "v3.sqlite3", isolation_level=None)) as connection:
        for script in MIGRATIONS[:3]:
            connection.executescript(script)
        connection.execute("PRAGMA user_version = 3")
        write_big_log(connection, 20_000, LAST_DAY)
        connection.execute(
            "UPDATE events SET outcome = 'done', corrected_from = 'skipped', "
            "corrected_utc = '2037-03-02T10:00:00+00:00' WHERE id % 97 = 0 AND outcome = 'skipped'"
        )
        before = connection.execute("SELECT * FROM events ORDER BY id").fetchall()

        migrate(connection)

        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT * FROM events ORDER BY id").fetchall() == before
        assert len(before) == 20_000
        assert kept_done_per_day(connection) == counted_done_per_day(connection)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_done_days_follow_new_events_corrections_and_deletions(tmp_path: Path) -> None:
    store = ActivityStore(tmp_path / "a.sqlite3", on_failure=pytest.fail)
    at = datetime(2037, 3, 2, 9, 0, tzinfo=UTC)
    for minutes, outcome in enumerate((Outcome.DONE, Outcome.SKIPPED, Outcome.NATURAL_BREAK)):
        shown = at + timedelta(minutes=minutes)
        store.record(ReminderEvent(ReminderKind.STRETCH, None, shown, shown, None, outcome, shown))
    connection = store.connection()
    try:
        assert kept_done_per_day(connection) == {date(2037, 3, 2): 2}
        store.correct(2, Outcome.DONE, at)
        assert kept_done_per_day(connection) == {date(2037, 3, 2): 3}
        store.correct(1, Outcome.SKIPPED, at)
        store.correct(3, Outcome.SKIPPED, at)
        assert kept_done_per_day(connection) == {date(2037, 3, 2): 1}
        with transaction(connection):
            connection.execute("UPDATE events SET local_day = '2037-03-01' WHERE id = 2")
        assert kept_done_per_day(connection) == {date(2037, 3, 1): 1}
        with transaction(connection):
            connection.execute("DELETE FROM events WHERE id = 2")
        assert kept_done_per_day(connection) == counted_done_per_day(connection) == {}
    finally:
        store.close()


def test_the_summary_of_a_big_log_matches_counting_every_event(
    big: sqlite3.Connection,
) -> None:
    reader = ActivityReader(big)
    done = counted_done_per_day(big)
    days = BIG_LOG_EVENTS // PER_DAY
    assert reader.done_per_day() == done
    assert len(done) == sum(1 for day in range(days) if day % 11 != 3)  # skipped days: none

    summary = reader.summary(LAST_DAY, SETTINGS)

    tallies = reader.tallies(summary_start(LAST_DAY, SETTINGS, 30), LAST_DAY)
    assert summary == summarise(tallies, done, LAST_DAY, SETTINGS)
    assert summary.done_today == done[LAST_DAY] > 0
    assert 0 < summary.streaks.current <= summary.streaks.best < len(done)


def test_since_a_day_gives_what_filtering_every_event_gives_whatever_the_offset(
    tmp_path: Path,
) -> None:
    store = ActivityStore(tmp_path / "a.sqlite3", on_failure=pytest.fail)
    for hours in (14, -12, 0, 5, -3):  # the farthest offsets a local day can have
        zone = timezone(timedelta(hours=hours))
        for minutes in range(0, 48 * 60, 45):
            shown = datetime(2037, 3, 1, tzinfo=zone) + timedelta(minutes=minutes)
            kind = ReminderKind.STRETCH
            event = ReminderEvent(
                kind, None, shown, shown, NotificationStyle.BOTH, Outcome.DONE, shown
            )
            row = list(event_row(event))
            row[4], row[5] = hours * 60, shown.date().isoformat()  # the day it was there
            connection = store.connection()
            connection.execute(INSERT_EVENT, row)
    reader = ActivityReader(store.connection())
    everything = list(reader.since())
    for day in (date(2037, 3, 1), date(2037, 3, 2), date(2037, 3, 3), date.min):
        expected = [logged.id for logged in everything if logged.local_day >= day]
        assert [logged.id for logged in reader.since(day)] == expected
        assert reader.count_since(day) == len(expected)
    store.close()


def test_the_export_reads_the_log_in_order_without_sorting_it(big: sqlite3.Connection) -> None:
    statements: list[str] = []
    big.set_trace_callback(statements.append)
    first = next(ActivityReader(big).since())
    big.set_trace_callback(None)
    plan = " | ".join(row[3] for row in big.execute("EXPLAIN QUERY PLAN " + statements[-1]))
    assert "USING INDEX events_by_time" in plan and "TEMP B-TREE" not in plan, plan
    assert first.id == 1 and first.local_day == LAST_DAY - timedelta(days=4999)


def test_an_export_of_a_big_log_holds_a_chunk_not_the_log(big: sqlite3.Connection) -> None:
    """Python's own allocations while 50,000 events are written: a chunk's worth, where
    the events in a list would take tens of megabytes."""
    events = itertools.islice(ActivityReader(big).since(), 50_000)
    tracemalloc.start()
    try:
        written = write_export(events, _Discard(), ExportFormat.CSV)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written == 50_000
    assert peak < CHUNK_EVENTS * 4_000, f"peak {peak / 2**20:.1f} MB"  # a chunk: 1.4 MB


class _Discard(io.StringIO):
    """A stream that keeps nothing, so only the export's own memory is measured."""

    def write(self, text: str) -> int:
        return len(text)
