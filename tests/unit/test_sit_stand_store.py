"""Sit/stand switches in the activity database: written, read back, and kept through a
failing disk."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.sit_stand import Posture, PostureSwitch
from posturebreak.services.activity_queries import reading
from posturebreak.services.activity_store import ActivityStore, open_database
from posturebreak.services.sit_stand_store import (
    SwitchLog,
    read_switches,
    standing_days,
    write_switches,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_switches_round_trip_with_the_last_one_before_the_start(tmp_path: Path) -> None:
    switches = [
        PostureSwitch(Posture.STANDING, T0 - 30 * MIN),
        PostureSwitch(Posture.SITTING, T0 - 20 * MIN),
        PostureSwitch(Posture.STANDING, T0 + 10 * MIN),
        PostureSwitch(Posture.SITTING, T0 + 25 * MIN),
    ]
    with closing(open_database(tmp_path / "a.sqlite3")) as connection:
        write_switches(connection, switches)
        assert read_switches(connection, T0) == switches[1:]
        assert read_switches(connection, T0 - 60 * MIN) == switches
        assert standing_days(connection, T0.date(), T0.date(), T0 + 60 * MIN, UTC) == {
            T0.date(): 15 * MIN + 10 * MIN  # 08:30-08:40 and 09:10-09:25
        }


def test_an_empty_log_reads_as_no_standing(tmp_path: Path) -> None:
    with reading(tmp_path / "missing.sqlite3") as reader:
        days = standing_days(reader.connection, date(2026, 3, 1), date(2026, 3, 2), T0, UTC)
    assert days == {date(2026, 3, 1): timedelta(0), date(2026, 3, 2): timedelta(0)}
    assert not (tmp_path / "missing.sqlite3").exists()


def test_a_failing_disk_keeps_switches_in_memory_and_reports_once(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    messages: list[str] = []
    store = ActivityStore(blocked / "a.sqlite3", on_failure=pytest.fail)
    switches = SwitchLog(store, messages.append)
    switches.record(PostureSwitch(Posture.STANDING, T0))
    switches.record(PostureSwitch(Posture.SITTING, T0 + 15 * MIN))
    assert len(messages) == 1 and "could not be saved" in messages[0]
    assert switches.pending == 2

    blocked.unlink()  # the disk comes back
    switches.record(PostureSwitch(Posture.STANDING, T0 + 60 * MIN))
    assert switches.pending == 0
    store.close()
    with closing(open_database(blocked / "a.sqlite3")) as connection:
        assert [switch.posture for switch in read_switches(connection, T0)] == [
            Posture.STANDING,
            Posture.SITTING,
            Posture.STANDING,
        ]
