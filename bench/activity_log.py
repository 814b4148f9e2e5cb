"""The activity log with years of events: what the user waits for.

Writing one event, the history window's queries and opening it, ``posture-break
stats`` as a whole process, and a full CSV export.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from tests.support.activity import working_day_events

from bench.programs import ROOT
from posturebreak.core.events import ReminderEvent
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.core.settings import Settings
from posturebreak.services.activity_queries import ActivityReader
from posturebreak.services.activity_store import (
    DATABASE_NAME,
    INSERT_EVENT,
    ActivityStore,
    event_row,
    open_database,
    transaction,
)


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    """The best of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def log_benchmark(events: int) -> None:
    """Feeds ``events`` events (years of use) and times what the user waits for."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work)
        path = profile / "data" / DATABASE_NAME
        now = datetime.now().astimezone()
        rng = random.Random(1)
        rows: list[tuple[object, ...]] = []
        day = now.replace(hour=9, minute=0, second=0, microsecond=0)
        while len(rows) < events:
            if day.weekday() < 5:
                rows.extend(event_row(event) for event in working_day_events(day, rng))
            day -= timedelta(days=1)
        del rows[events:]
        started = time.perf_counter()
        connection = open_database(path)
        with transaction(connection):
            connection.executemany(INSERT_EVENT, rows)
        insert_seconds = time.perf_counter() - started
        years = (now - day).days / 365
        print(
            f"activity log: {len(rows):,} events over {years:.1f} years, inserted in "
            f"{insert_seconds:.2f} s; file {path.stat().st_size / 2**20:.1f} MB"
        )

        reader = ActivityReader(connection)
        today = now.date()
        report("summary (today, week, 30 days, streaks)", lambda: reader.summary(today, Settings()))
        report("chart tallies, 90 days", lambda: reader.tallies(today - timedelta(days=89), today))
        report("recent 200 events", lambda: reader.recent(200))
        report("recent 200 stretches", lambda: reader.recent(200, "stretch"))
        report(
            "full CSV export",
            lambda: write_export(reader.since(), io.StringIO(), ExportFormat.CSV),
            repeat=1,
        )
        connection.close()

        store = ActivityStore(path, on_failure=print)
        one = ReminderEvent.logged_by_hand("stretch", None, now)
        store.record(one)  # opens the database
        report("writing one event (on the UI thread)", lambda: store.record(one), repeat=50)
        store.close()
        print(f"  history window opened and filled: {history_window_ms(profile):.0f} ms")

        cli = [sys.executable, "-m", "posturebreak", "--profile-dir", str(profile), "stats"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        report(
            "posture-break stats (whole process)",
            lambda: subprocess.run(cli, env=env, capture_output=True, check=True),
            repeat=3,
        )


def report(label: str, action: Callable[[], object], repeat: int = 5) -> None:
    """Prints the best of ``repeat`` runs of ``action``."""
    print(f"  {label}: {timed(action, repeat):.2f} ms")


def history_window_ms(profile: Path) -> float:
    """Builds the app off-screen on the log and times opening the history window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posturebreak.app import PostureBreakApp
    from posturebreak.core.clock import SystemClock, TimeScale
    from posturebreak.paths import AppPaths

    qt_app = QApplication.instance() or QApplication([])
    app = PostureBreakApp(AppPaths.under(profile), SystemClock(), TimeScale())
    started = time.perf_counter()
    window = app.show_history()
    qt_app.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    window.close()
    app.stop()
    return elapsed
