"""Comfort check-ins in the activity database: one a day, read back as they were saved,
exported with the events, and a failing disk reported in words."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.comfort import CheckIn
from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.core.reminders import NotificationStyle
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import Period
from posturebreak.core.stool_trial import StoolTrialSettings
from posturebreak.services.activity_queries import ActivityReader
from posturebreak.services.activity_store import ActivityLogError, ActivityStore
from posturebreak.services.comfort_history import ComfortHistory
from posturebreak.services.comfort_store import ComfortLog

# Local days are the machine's; noon UTC keeps each on its UTC date in any usual zone.
NOON = datetime(2037, 3, 2, 12, 0, tzinfo=UTC)
DAY = NOON.astimezone().date()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ActivityStore]:
    activity = ActivityStore(tmp_path / "activity.sqlite3", on_failure=pytest.fail)
    yield activity
    activity.close()


@pytest.fixture
def comfort(store: ActivityStore) -> ComfortLog:
    return ComfortLog(store.connection, store.path)


def answer(days_later: int, comfort: int, setting: str | None = None, note: str = "") -> CheckIn:
    at = NOON + timedelta(days=days_later)
    return CheckIn(at.astimezone().date(), comfort, at, note, setting)


def test_an_answer_reads_back_as_saved_with_its_local_time(comfort: ComfortLog) -> None:
    saved = answer(0, 7, "high", "long meeting")
    comfort.save(saved)
    (read,) = comfort.since()
    assert read == saved
    assert read.answered_at.utcoffset() == NOON.astimezone().utcoffset()


def test_a_second_answer_the_same_day_replaces_the_first(comfort: ComfortLog) -> None:
    comfort.save(answer(0, 3, note="first"))
    comfort.save(answer(0, 8, note="second"))
    assert comfort.on(DAY) == answer(0, 8, note="second")
    assert len(comfort.since()) == 1


def test_reads_by_period_from_a_day_and_the_settings_each_day_used(comfort: ComfortLog) -> None:
    for days_later, score, setting in ((0, 5, "low"), (1, 6, None), (2, 7, "high")):
        comfort.save(answer(days_later, score, setting))
    second = DAY + timedelta(days=1)
    assert [a.comfort for a in comfort.between(Period(second, second + timedelta(days=5)))] == [
        6,
        7,
    ]
    assert [a.comfort for a in comfort.since(second + timedelta(days=1))] == [7]
    assert comfort.stool_settings_used() == {DAY: "low", DAY + timedelta(days=2): "high"}
    assert comfort.on(DAY - timedelta(days=1)) is None


def test_breaks_done_per_day_come_from_the_log(store: ActivityStore, comfort: ComfortLog) -> None:
    for minutes, outcome in ((0, Outcome.DONE), (5, Outcome.SKIPPED), (9, Outcome.NATURAL_BREAK)):
        at = NOON + timedelta(minutes=minutes)
        store.record(ReminderEvent("stretch", None, at, at, NotificationStyle.BOTH, outcome, at))
    assert comfort.done_per_day(Period(DAY, DAY)) == {DAY: 2}


def test_the_history_joins_comfort_breaks_average_and_todays_setting(
    store: ActivityStore, comfort: ComfortLog
) -> None:
    comfort.save(answer(0, 4, "low"))
    comfort.save(answer(2, 8, "middle"))
    today = DAY + timedelta(days=2)
    settings = Settings(stool_trial=StoolTrialSettings(True))
    history = ComfortHistory(comfort, lambda: today, lambda: settings)
    assert [(d.comfort, d.done) for d in history.days(3)] == [(4, 0), (None, 0), (8, 0)]
    assert history.average(3).text == "Comfort: 6.0 average over 2 days"
    assert history.todays_setting() == "middle"  # answered today: the answer's setting
    per_setting = history.per_setting()
    assert per_setting is not None and [s.days_missing for s in per_setting] == [2, 2, 3]
    off = ComfortHistory(comfort, lambda: today, Settings)
    assert off.todays_setting() is None and off.per_setting() is None


def test_a_failing_disk_is_reported_in_words(tmp_path: Path) -> None:
    def broken() -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    comfort = ComfortLog(broken, tmp_path / "activity.sqlite3")
    with pytest.raises(ActivityLogError, match=r"check-in could not be saved .*disk I/O error"):
        comfort.save(answer(0, 5))
    with pytest.raises(ActivityLogError, match="cannot be read"):
        comfort.since()


def test_exports_carry_the_check_ins_after_the_events(
    store: ActivityStore, comfort: ComfortLog
) -> None:
    store.record(
        ReminderEvent("stretch", None, NOON, NOON, NotificationStyle.BOTH, Outcome.DONE, NOON)
    )
    comfort.save(answer(0, 6, "high", "=cmd"))
    events = list(ActivityReader(store.connection()).since())
    out = io.StringIO()
    assert write_export(events, out, ExportFormat.CSV, comfort.since()) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["kind"] for row in rows] == ["stretch", "comfort_check_in"]
    assert rows[0]["comfort"] == ""
    assert (rows[1]["comfort"], rows[1]["comfort_note"], rows[1]["stool_setting"]) == (
        "6",
        "'=cmd",
        "high",
    )
    assert rows[1]["local_day"] == DAY.isoformat() and rows[1]["outcome"] == "answered"
    out = io.StringIO()
    write_export(events, out, ExportFormat.JSON, comfort.since())
    document = json.loads(out.getvalue())
    assert len(document["events"]) == 1
    assert document["comfort"] == [
        {
            "local_day": DAY.isoformat(),
            "comfort": 6,
            "note": "=cmd",
            "stool_setting": "high",
            "answered_at": NOON.astimezone().isoformat(),
        }
    ]
    out = io.StringIO()
    write_export([], out, ExportFormat.JSON)
    assert json.loads(out.getvalue()) == {
        "format": "posture-break-activity",
        "version": 1,
        "events": [],
        "comfort": [],
    }


def test_a_log_from_before_check_ins_gains_the_table_and_keeps_its_events(
    tmp_path: Path,
) -> None:
    from posturebreak.services.activity_store import MIGRATIONS, migrate

    with closing(sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)) as connection:
        for script in MIGRATIONS[:4]:
            connection.executescript(script)
        connection.execute("PRAGMA user_version = 4")
        connection.execute(
            "INSERT INTO events (kind, due_utc, shown_utc, utc_offset_minutes, local_day, "
            "shown_as, outcome, outcome_utc) VALUES ('stretch', 'a', 'b', 0, '2037-03-02', "
            "'both', 'done', 'c')"
        )
        migrate(connection)
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (1,)
        log = ComfortLog(lambda: connection, tmp_path / "old.sqlite3")
        log.save(answer(0, 5))
        assert [a.comfort for a in log.since()] == [5]
