"""Schema version 3: the table is rebuilt for the natural-break outcome, losing nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from posturebreak.core.events import Outcome
from posturebreak.services.activity_store import (
    INSERT_EVENT,
    MIGRATIONS,
    SCHEMA_VERSION,
    event_row,
    migrate,
)
from tests.unit.test_activity_store import event


def test_version_2_rows_and_corrections_survive_and_natural_breaks_fit(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "v2.sqlite3", isolation_level=None)) as connection:
        for script in MIGRATIONS[:2]:
            connection.executescript(script)
        connection.execute("PRAGMA user_version = 2")
        for outcome in (Outcome.SKIPPED, Outcome.MISSED):
            connection.execute(INSERT_EVENT, event_row(event(outcome)))
        connection.execute(
            "UPDATE events SET outcome = 'done', corrected_from = 'skipped', "
            "corrected_utc = '2026-03-02T10:00:00+00:00' WHERE id = 1"
        )
        before = connection.execute("SELECT * FROM events ORDER BY id").fetchall()

        migrate(connection)

        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT * FROM events ORDER BY id").fetchall() == before
        connection.execute(INSERT_EVENT, event_row(event(Outcome.NATURAL_BREAK)))
        assert connection.execute("SELECT max(id), count(*) FROM events").fetchone() == (3, 3)
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(events)")}
        assert indexes == {"events_by_day", "events_by_kind", "events_by_outcome", "events_by_time"}
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
