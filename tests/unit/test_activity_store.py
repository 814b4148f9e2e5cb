"""The SQLite activity log: schema and migrations, rows, failing disks, and kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.reminders import NotificationStyle
from posturebreak.services.activity_store import (
    INSERT_EVENT,
    MIGRATIONS,
    SCHEMA_VERSION,
    ActivityStore,
    NewerDatabaseError,
    event_row,
    migrate,
    open_database,
)
from tests.support.special_files import SPECIAL_KINDS, make_special, promptly

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_open: list[sqlite3.Connection] = []


def request_close(connection: sqlite3.Connection) -> None:
    """Closes ``connection`` when the module's tests are done."""
    _open.append(connection)


@pytest.fixture(autouse=True)
def _close_connections() -> Iterator[None]:
    yield
    while _open:
        _open.pop().close()


def event(outcome: Outcome = Outcome.DONE, at: datetime = T0) -> ReminderEvent:
    return ReminderEvent(
        kind="stretch",
        exercise_id="side-bend",
        due_at=at,
        shown_at=at,
        shown_as=NotificationStyle.BOTH,
        outcome=outcome,
        outcome_at=at + timedelta(seconds=40),
    )


def test_a_new_database_has_the_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    connection = open_database(tmp_path / "a.sqlite3")
    request_close(connection)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    plan = connection.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM events WHERE local_day >= '2026-03-01'"
    ).fetchall()
    assert "USING INDEX events_by_day" in str(plan)


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_migrations_run_forward_from_every_older_version(tmp_path: Path, start: int) -> None:
    connection = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    for script in MIGRATIONS[:start]:
        connection.executescript(script)
    connection.execute(f"PRAGMA user_version = {start}")
    request_close(connection)
    migrate(connection)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_rows_written_by_version_1_survive_the_migration(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "v1.sqlite3", isolation_level=None)
    request_close(connection)
    connection.executescript(MIGRATIONS[0])
    connection.execute("PRAGMA user_version = 1")
    connection.execute(INSERT_EVENT, event_row(event(Outcome.SKIPPED)))
    migrate(connection)
    assert connection.execute("SELECT outcome, corrected_from FROM events").fetchall() == [
        ("skipped", None)
    ]


def test_a_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(NewerDatabaseError, match="newer than this app"):
        open_database(path)


def test_events_are_stored_in_utc_with_the_local_day_and_offset(tmp_path: Path) -> None:
    store = ActivityStore(tmp_path / "a.sqlite3", on_failure=pytest.fail)
    store.record(event(Outcome.SKIPPED))
    store.close()
    with closing(open_database(tmp_path / "a.sqlite3")) as connection:
        row = connection.execute("SELECT * FROM events").fetchone()
    local = T0.astimezone()
    assert row[1:4] == ("stretch", "side-bend", "2026-03-02T09:00:00+00:00")
    assert row[5] == round(local.utcoffset().total_seconds() / 60)  # type: ignore[union-attr]
    assert row[6] == local.date().isoformat()
    assert row[8:] == ("skipped", "2026-03-02T09:00:40+00:00", None, None)


def test_a_failing_disk_is_reported_once_and_nothing_is_lost(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    messages: list[str] = []
    store = ActivityStore(blocked / "a.sqlite3", on_failure=messages.append)
    store.record(event(Outcome.DONE))
    store.record(event(Outcome.SKIPPED))
    assert len(messages) == 1 and "could not be saved" in messages[0]
    assert store.pending == 2

    blocked.unlink()  # the disk comes back
    store.retry()
    assert store.pending == 0
    store.close()
    with closing(open_database(blocked / "a.sqlite3")) as connection:
        rows = connection.execute("SELECT outcome FROM events").fetchall()
    assert rows == [("done",), ("skipped",)]


WRITER = """
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
sys.path[:0] = [{src!r}, {root!r}]
from posturebreak.services.activity_store import ActivityStore
from tests.unit.test_activity_store import event
store = ActivityStore(__import__("pathlib").Path({path!r}), on_failure=print)
for number in range(1, 100_000):
    store.record(event())
    print(number, flush=True)
"""


def test_killing_a_writer_mid_transaction_never_corrupts_or_loses_committed_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "killed.sqlite3"
    root = Path(__file__).resolve().parents[2]
    script = WRITER.format(src=str(root / "src"), root=str(root), path=str(path))
    for round_number in range(5):
        before = _count(path) if path.exists() else 0
        writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        acknowledged = 0
        for line in writer.stdout:
            acknowledged = int(line)
            if acknowledged >= 50 + 37 * round_number:
                break
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        assert _count(path) >= before + acknowledged


def _count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        connection.close()


def test_every_outcome_fits_the_table(tmp_path: Path) -> None:
    store = ActivityStore(tmp_path / "a.sqlite3", on_failure=pytest.fail)
    for outcome in Outcome:
        store.record(event(outcome))
    assert store.pending == 0
    store.close()
    assert len(event_row(event())) == 9


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_a_fifo_folder_or_device_in_place_of_the_log_is_reported_at_once(
    tmp_path: Path, kind: str
) -> None:
    make_special(tmp_path / "a.sqlite3", kind)
    messages: list[str] = []
    store = ActivityStore(tmp_path / "a.sqlite3", on_failure=messages.append)
    promptly(lambda: store.record(event()))
    assert len(messages) == 1 and "not a file" in messages[0], messages
    assert store.pending == 1  # kept for when the file is put right
    store.close()


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_the_log_and_its_wal_files_are_private_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    previous = os.umask(umask)
    try:
        store = ActivityStore(tmp_path / "a.sqlite3", on_failure=pytest.fail)
        store.record(event())
        files = sorted(path.name for path in tmp_path.iterdir())
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
        store.close()
    finally:
        os.umask(previous)
    assert files == ["a.sqlite3", "a.sqlite3-shm", "a.sqlite3-wal"]
    assert set(modes.values()) == {0o600}, modes
