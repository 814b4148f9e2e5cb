"""Reading the activity log back: tallies, recent events, corrections, local days, export."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.events import LoggedEvent, Outcome, ReminderEvent
from posturebreak.core.export import ExportFormat, spreadsheet_safe, write_export
from posturebreak.core.reminders import NotificationStyle, ReminderId
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import DayTally, Streaks, streaks
from posturebreak.services.activity_export import export_to_file
from posturebreak.services.activity_queries import ActivityReader
from posturebreak.services.activity_store import ActivityLogError, ActivityStore

STRETCH, SIT = "stretch", "uncross_legs"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system's local zone is New York for the test (DST starts 8 March 2026)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ActivityStore]:
    activity = ActivityStore(tmp_path / "activity.sqlite3", on_failure=pytest.fail)
    yield activity
    activity.close()


def reminder(
    at: datetime,
    outcome: Outcome = Outcome.DONE,
    kind: ReminderId = STRETCH,
    exercise: str | None = "side-bend",
) -> ReminderEvent:
    return ReminderEvent(kind, exercise, at, at, NotificationStyle.BOTH, outcome, at)


def reader(store: ActivityStore) -> ActivityReader:
    return ActivityReader(store.connection())


def test_local_days_and_offsets_follow_dst_and_make_streaks_of_calendar_days(
    new_york: None, store: ActivityStore
) -> None:
    before_change = datetime(2026, 3, 8, 6, 30, tzinfo=UTC)  # 01:30 EST on the 8th
    late_that_day = datetime(2026, 3, 9, 3, 30, tzinfo=UTC)  # 23:30 EDT, still the 8th
    just_after_midnight = datetime(2026, 3, 9, 4, 1, tzinfo=UTC)  # 00:01 EDT on the 9th
    for moment in (datetime(2026, 3, 7, 15, 0, tzinfo=UTC), before_change, late_that_day):
        store.record(reminder(moment))
    store.record(reminder(just_after_midnight))

    events = list(reader(store).since())
    assert [e.local_day.day for e in events] == [7, 8, 8, 9]
    assert [e.event.shown_at.utcoffset() for e in events[1:3]] == [
        timedelta(hours=-5),
        timedelta(hours=-4),
    ]
    assert events[2].event.shown_at.isoformat() == "2026-03-08T23:30:00-04:00"
    done = reader(store).done_per_day()
    assert done == {date(2026, 3, 7): 1, date(2026, 3, 8): 2, date(2026, 3, 9): 1}
    assert streaks(done, date(2026, 3, 9), goal=1) == Streaks(3, 3)


def test_tallies_group_by_day_kind_outcome_and_hand(store: ActivityStore) -> None:
    store.record(reminder(T0))
    store.record(reminder(T0 + timedelta(minutes=5)))
    store.record(reminder(T0, Outcome.SKIPPED, kind=SIT))
    store.record(ReminderEvent.logged_by_hand(STRETCH, None, T0))
    store.record(reminder(T0 + timedelta(days=3)))
    day = T0.astimezone().date()
    assert sorted(reader(store).tallies(day, day), key=str) == sorted(
        [
            DayTally(day, STRETCH, Outcome.DONE, False, 2),
            DayTally(day, STRETCH, Outcome.DONE, True, 1),
            DayTally(day, SIT, Outcome.SKIPPED, False, 1),
        ],
        key=str,
    )


def test_an_exercise_logged_by_hand_reads_back_as_such(store: ActivityStore) -> None:
    store.record(ReminderEvent.logged_by_hand(STRETCH, "knee-hug", T0))
    (logged,) = reader(store).recent(10)
    assert logged.event.by_hand and logged.event.how_shown == "manual"
    assert logged.event.exercise_id == "knee-hug" and logged.event.outcome is Outcome.DONE


def test_recent_events_come_newest_first_and_filter_by_kind(store: ActivityStore) -> None:
    for minutes, kind in ((0, STRETCH), (20, SIT), (40, STRETCH), (60, SIT)):
        store.record(reminder(T0 + timedelta(minutes=minutes), kind=kind))
    # Logged later, but happened first: order follows when things happened.
    store.record(ReminderEvent.logged_by_hand(STRETCH, None, T0 - timedelta(hours=1)))
    newest = reader(store).recent(3)
    assert [(e.event.kind, e.event.shown_at) for e in newest] == [
        (SIT, T0 + timedelta(minutes=60)),
        (STRETCH, T0 + timedelta(minutes=40)),
        (SIT, T0 + timedelta(minutes=20)),
    ]
    stretches = reader(store).recent(10, STRETCH)
    assert [e.event.shown_at for e in stretches] == [
        T0 + timedelta(minutes=40),
        T0,
        T0 - timedelta(hours=1),
    ]


def test_an_outcome_is_corrected_keeping_the_first_one_until_changed_back(
    store: ActivityStore,
) -> None:
    store.record(reminder(T0, Outcome.SKIPPED))
    (logged,) = reader(store).recent(1)
    store.correct(logged.id, Outcome.DONE, T0 + timedelta(hours=1))
    (corrected,) = reader(store).recent(1)
    assert corrected.event.outcome is Outcome.DONE
    assert corrected.corrected_from is Outcome.SKIPPED
    assert reader(store).done_per_day() == {T0.astimezone().date(): 1}
    store.correct(logged.id, Outcome.SKIPPED, T0 + timedelta(hours=2))
    (back,) = reader(store).recent(1)
    assert back.event.outcome is Outcome.SKIPPED and back.corrected_from is None


def test_a_correction_that_cannot_be_saved_says_so(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    store = ActivityStore(blocked / "a.sqlite3", on_failure=lambda _: None)
    with pytest.raises(ActivityLogError, match="could not be saved"):
        store.correct(1, Outcome.DONE, T0)
    with pytest.raises(ActivityLogError, match="cannot be read"):
        store.connection()


def test_rows_of_any_kind_are_read_even_of_reminders_no_longer_defined(
    store: ActivityStore,
) -> None:
    store.record(reminder(T0))
    store.record(reminder(T0 + timedelta(minutes=1), kind="eye_rest"))
    assert len(list(reader(store).since())) == 2
    assert [logged.event.kind for logged in reader(store).recent(10)] == ["eye_rest", STRETCH]
    assert len(reader(store).recent(10, "eye_rest")) == 1
    day = T0.astimezone().date()
    assert sorted(t.kind for t in reader(store).tallies(day, day)) == ["eye_rest", STRETCH]


def test_the_last_suggestions_per_reminder_seed_the_rotation(store: ActivityStore) -> None:
    for minute, exercise in enumerate(["a", "b", "c", "d"]):
        store.record(reminder(T0 + timedelta(minutes=minute), exercise=exercise))
    store.record(ReminderEvent.logged_by_hand(STRETCH, "by-hand", T0 + timedelta(minutes=9)))
    store.record(reminder(T0, kind=SIT, exercise="feet-flat"))
    assert reader(store).suggested_last(3) == {STRETCH: ["b", "c", "d"], SIT: ["feet-flat"]}


def test_export_since_a_day_in_csv_neutralises_formulas(store: ActivityStore) -> None:
    store.record(reminder(T0 - timedelta(days=2), exercise="=HYPERLINK(evil)"))
    store.record(reminder(T0, exercise="=1+2"))
    store.record(reminder(T0 + timedelta(minutes=1), Outcome.SKIPPED, exercise="-cmd"))
    store.record(ReminderEvent.logged_by_hand(SIT, "@SUM(A1)", T0 + timedelta(minutes=2)))
    out = io.StringIO()
    count = write_export(reader(store).since(T0.astimezone().date()), out, ExportFormat.CSV)
    assert count == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["exercise"] for row in rows] == ["'=1+2", "'-cmd", "'@SUM(A1)"]
    assert [row["outcome"] for row in rows] == ["done", "skipped", "done"]
    assert rows[2]["shown_as"] == "manual"
    assert rows[0]["shown"] == T0.astimezone().isoformat()
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_export_in_json_keeps_values_as_they_are(store: ActivityStore) -> None:
    store.record(reminder(T0, exercise="=1+2"))
    out = io.StringIO()
    assert write_export(reader(store).since(), out, ExportFormat.JSON) == 1
    document = json.loads(out.getvalue())
    assert document["format"] == "posture-break-activity" and document["version"] == 1
    (record,) = document["events"]
    assert record["exercise"] == "=1+2" and record["kind"] == "stretch"
    assert record["corrected_from"] is None


def test_an_empty_export_is_still_a_valid_file() -> None:
    empty: list[LoggedEvent] = []
    out = io.StringIO()
    assert write_export(empty, out, ExportFormat.JSON) == 0
    assert json.loads(out.getvalue())["events"] == []
    out = io.StringIO()
    assert write_export(empty, out, ExportFormat.CSV) == 0
    assert out.getvalue().startswith("id,kind,exercise")


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1", "'=1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("a=1", "a=1")],
)
def test_spreadsheet_safe(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


def test_an_export_that_fails_midway_leaves_the_earlier_file_and_no_litter(
    store: ActivityStore, tmp_path: Path
) -> None:
    store.record(reminder(T0))
    target = tmp_path / "exports" / "activity.csv"
    assert export_to_file(reader(store).since(), target, ExportFormat.CSV) == 1
    before = target.read_bytes()

    def failing() -> Iterator[LoggedEvent]:
        yield from reader(store).since()
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        export_to_file(failing(), target, ExportFormat.CSV)
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["activity.csv"]


def test_every_query_the_window_and_commands_run_is_served_by_an_index(
    store: ActivityStore,
) -> None:
    store.record(reminder(T0))
    connection = store.connection()
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    log = reader(store)
    log.summary(T0.date(), Settings())
    log.recent(200)
    log.recent(200, SIT)
    list(log.since(T0.date()))
    connection.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 5
    for statement in selects:
        plan = " | ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement))
        whole_per_day_table = plan == "SCAN done_per_day"  # one short row a day, by design
        assert whole_per_day_table or ("USING" in plan and "SCAN events |" not in plan + " |"), (
            statement,
            plan,
        )
