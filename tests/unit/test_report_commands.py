"""``posture-break stats`` and ``export``: no GUI, no display, and never a change to the files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from posturebreak.core.events import Outcome
from posturebreak.core.reminders import NotificationStyle
from posturebreak.services.activity_store import DATABASE_NAME, ActivityStore
from tests.support.activity import reminded
from tests.support.special_files import SPECIAL_KINDS, make_special

STRETCH, SIT = "stretch", "uncross_legs"
Completed = subprocess.CompletedProcess[str]

# Runs the command in a fresh interpreter with no display, and fails if Qt was loaded.
RUN_WITHOUT_QT = """
import sys
from posturebreak.cli import main
code = main(sys.argv[1:])
assert not any(name.startswith("PySide6") for name in sys.modules), "Qt was loaded"
sys.exit(code)
"""


def run(
    profile: Path, *args: str, stdout: int | IO[str] = subprocess.PIPE, cwd: Path | None = None
) -> Completed:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS")
    }
    return subprocess.run(
        [sys.executable, "-c", RUN_WITHOUT_QT, "--profile-dir", str(profile), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env=env,
        cwd=cwd,
        timeout=60,  # also the watchdog for anything that would wait forever
    )


def seed(profile: Path, days: int = 3) -> None:
    """Per day: 3 stretches done, 1 skipped, and a sit-evenly reminder shown as a notification."""
    store = ActivityStore(profile / "data" / DATABASE_NAME, on_failure=pytest.fail)
    noon_today = datetime.now(UTC).astimezone().replace(hour=12, minute=0, second=0)
    for day in range(days):
        at = noon_today - timedelta(days=day)
        for n, outcome in enumerate([Outcome.DONE] * 3 + [Outcome.SKIPPED]):
            moment = at + timedelta(minutes=n)
            store.record(reminded(STRETCH, "+knee-hug", moment, NotificationStyle.BOTH, outcome))
        store.record(reminded(SIT, None, at, NotificationStyle.NOTIFICATION, Outcome.NOTIFIED))
    store.close()


def write_goal(profile: Path, goal: int) -> None:
    (profile / "config").mkdir(parents=True, exist_ok=True)
    (profile / "config" / "settings.toml").write_text(f"[general]\ndaily_goal = {goal}\n")


def test_stats_without_any_log_reports_zeros_and_creates_nothing(tmp_path: Path) -> None:
    result = run(tmp_path / "profile", "stats")
    assert result.returncode == 0, result.stderr
    assert "the last 7 days" in result.stdout
    assert "Today: 0 of 6 done breaks" in result.stdout
    assert not (tmp_path / "profile").exists()


def test_stats_counts_per_kind_with_rate_goal_and_streak(tmp_path: Path) -> None:
    seed(tmp_path)
    write_goal(tmp_path, 3)
    result = run(tmp_path, "stats", "--days", "2")
    assert result.returncode == 0, result.stderr
    stretch = next(line for line in result.stdout.splitlines() if line.startswith("Stretch"))
    assert stretch.split() == ["Stretch", "6", "2", "0", "0", "0", "0", "75%"]
    sit = next(line for line in result.stdout.splitlines() if line.startswith("Sit evenly"))
    assert sit.split()[-2:] == ["2", "\N{EN DASH}"]  # notified twice in 2 days: not zeros
    assert "Today: 3 of 3 done breaks" in result.stdout
    assert "Streak: 3 days (best 3 days)" in result.stdout


def test_stats_as_json(tmp_path: Path) -> None:
    seed(tmp_path)
    document = json.loads(run(tmp_path, "stats", "--json", "--days", "30").stdout)
    assert document["days"] == 30 and document["daily_goal"] == 6
    assert document["kinds"]["stretch"]["done"] == 9
    assert document["kinds"]["stretch"]["completion_rate"] == 0.75
    assert document["kinds"]["uncross_legs"] == {
        "name": "Sit evenly",
        "done": 0,
        "by_hand": 0,
        "natural": 0,
        "skipped": 0,
        "ignored": 0,
        "missed": 0,
        "snoozed": 0,
        "notified": 3,
        "completion_rate": None,
    }
    assert document["streak"] == {"current": 0, "best": 0}  # 3 a day, goal 6


def test_export_csv_to_standard_output_since_a_day(tmp_path: Path) -> None:
    seed(tmp_path)
    since = (datetime.now(UTC).astimezone() - timedelta(days=1)).date().isoformat()
    result = run(tmp_path, "export", "--since", since)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10
    assert {row["local_day"] for row in rows} <= {
        since,
        datetime.now(UTC).astimezone().date().isoformat(),
    }
    assert rows[0]["exercise"] == "'+knee-hug"


def test_export_json_to_a_file(tmp_path: Path) -> None:
    seed(tmp_path)
    out = tmp_path / "out" / "activity.json"
    result = run(tmp_path, "export", "--format", "json", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "15 events written" in result.stderr
    assert len(json.loads(out.read_text())["events"]) == 15


def test_a_log_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / DATABASE_NAME).write_bytes(b"this is not sqlite" * 100)
    result = run(tmp_path, "stats")
    assert result.returncode == 1
    assert "cannot be read" in result.stderr and "Traceback" not in result.stderr


def test_an_export_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    seed(tmp_path)
    (tmp_path / "a-file").write_text("not a folder")
    result = run(tmp_path, "export", "--output", str(tmp_path / "a-file" / "out.csv"))
    assert result.returncode == 1
    assert "could not write the export" in result.stderr and "a-file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [["stats", "--days", "0"], ["export", "--since", "yesterday"], ["export", "--format", "xlsx"]],
)
def test_bad_arguments_are_refused(tmp_path: Path, args: list[str]) -> None:
    assert run(tmp_path, *args).returncode == 2


def _csv_rows(text: str) -> int:
    return len(list(csv.DictReader(io.StringIO(text))))


def test_export_writes_into_a_fifo_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    seed(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the export
    try:
        result = run(tmp_path, "export", "--output", str(fifo))
        received = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _csv_rows(received.decode()) == 15


def test_export_through_a_symlink_replaces_the_file_it_names_keeping_its_mode(
    tmp_path: Path,
) -> None:
    seed(tmp_path)
    target = tmp_path / "kept" / "real.csv"
    target.parent.mkdir()
    target.write_text("old export\n")
    target.chmod(0o644)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = run(tmp_path, "export", "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert _csv_rows(target.read_text()) == 15
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(path.name for path in target.parent.iterdir()) == ["real.csv"]


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_a_new_export_file_is_private(tmp_path: Path, umask: int) -> None:
    seed(tmp_path)
    out = tmp_path / "new.csv"
    previous = os.umask(umask)  # the command inherits it
    try:
        assert run(tmp_path, "export", "--output", str(out)).returncode == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_through_a_symlink_to_standard_output_writes_there(tmp_path: Path) -> None:
    seed(tmp_path)
    link = tmp_path / "out.csv"
    link.symlink_to("/proc/self/fd/1")
    result = run(tmp_path, "export", "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert _csv_rows(result.stdout) == 15
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_export_to_dash_writes_to_standard_output(tmp_path: Path) -> None:
    seed(tmp_path)
    result = run(tmp_path, "export", "--output", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _csv_rows(result.stdout) == 15
    assert not (tmp_path / "-").exists() and "written to" not in result.stderr


@pytest.fixture
def dev_full() -> Iterator[Path]:
    """``/dev/full``; remade if a broken export replaced it (as root, the old code did)."""
    full = Path("/dev/full")
    if not stat.S_ISCHR(full.lstat().st_mode):
        pytest.skip("/dev/full is not a device here")
    yield full
    if not stat.S_ISCHR(full.lstat().st_mode) and os.geteuid() == 0:
        full.unlink()
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        full.chmod(0o666)


def test_export_to_a_full_device_fails_and_leaves_the_device(
    tmp_path: Path, dev_full: Path
) -> None:
    seed(tmp_path)
    result = run(tmp_path, "export", "--output", str(dev_full))
    assert result.returncode == 1
    assert "/dev/full" in result.stderr and "No space left on device" in result.stderr
    assert "events written" not in result.stderr and "Traceback" not in result.stderr
    assert stat.S_ISCHR(dev_full.lstat().st_mode)


def test_export_to_standard_output_on_a_full_device_fails(tmp_path: Path, dev_full: Path) -> None:
    seed(tmp_path)
    with dev_full.open("w") as full:
        result = run(tmp_path, "export", stdout=full)
    assert result.returncode == 1
    assert "standard output: No space left on device" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_to_a_folder_names_the_folder(tmp_path: Path) -> None:
    seed(tmp_path)
    folder = tmp_path / "exports"
    folder.mkdir()
    result = run(tmp_path, "export", "--output", str(folder))
    assert result.returncode == 1
    assert f"to {folder}: is a folder" in result.stderr, result.stderr
    assert ".tmp" not in result.stderr and list(folder.iterdir()) == []


@pytest.mark.parametrize("make", SPECIAL_KINDS)
def test_stats_refuses_a_log_database_that_is_not_a_file_without_waiting(
    tmp_path: Path, make: str
) -> None:
    database = tmp_path / "data" / DATABASE_NAME
    database.parent.mkdir()
    make_special(database, make)
    result = run(tmp_path, "stats")
    assert result.returncode == 1
    assert "cannot be read" in result.stderr and "not a file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("make", SPECIAL_KINDS)
def test_stats_reads_past_settings_that_are_not_a_file_without_waiting(
    tmp_path: Path, make: str
) -> None:
    seed(tmp_path)
    (tmp_path / "config").mkdir()
    make_special(tmp_path / "config" / "settings.toml", make)
    result = run(tmp_path, "stats")
    assert result.returncode == 0, result.stderr
    assert "of 6 done breaks" in result.stdout  # the default goal
