"""The history window on a 200,000-event log (two decades): the right figures, and an
export that runs on its own thread while the window keeps answering, with progress
and a way to cancel."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.export import ExportFormat
from posturebreak.core.statistics import days_text, streaks
from posturebreak.services.activity_store import DATABASE_NAME, open_database
from posturebreak.services.export_job import PROGRESS_EVERY, ExportJob
from posturebreak.ui.history_window import HistoryWindow
from tests.gui.conftest import FakeClock
from tests.unit.test_big_log import BIG_LOG_EVENTS, counted_done_per_day, write_big_log

App = tuple[PostureBreakApp, FakeClock]
EXPORT_SECONDS = 120  # a bound for a slow, shared machine, not an expectation


@pytest.fixture(scope="module")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / DATABASE_NAME
    with closing(open_database(path)) as connection:
        write_big_log(connection, BIG_LOG_EVENTS, FakeClock().now().astimezone().date())
    return path


@pytest.fixture
def copied_log(tmp_path: Path, big_log: Path) -> Path:
    """The big log in the profile, before the app opens it."""
    path = tmp_path / "data" / DATABASE_NAME
    path.parent.mkdir()
    shutil.copy2(big_log, path)
    return path


@pytest.fixture
def big_app(copied_log: Path, app: App) -> PostureBreakApp:
    return app[0]


def opened(posture_app: PostureBreakApp, qtbot: QtBot) -> HistoryWindow:
    window = posture_app.show_history()
    qtbot.addWidget(window)
    return window


def held_partway(job: ExportJob) -> threading.Event:
    """Makes ``job``'s thread wait at its second progress report (its first reached the
    window) until the returned event is set: what the window does meanwhile cannot
    depend on the machine's speed. Connected before the window's own slot, so this
    one runs first, on the job's thread."""
    release = threading.Event()

    def hold(written: int, _total: int) -> None:
        if written == 2 * PROGRESS_EVERY:
            release.wait(EXPORT_SECONDS)

    job.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    return release


@contextmanager
def partway_through_export(
    posture_app: PostureBreakApp, qtbot: QtBot, target: Path
) -> Iterator[tuple[HistoryWindow, ExportJob]]:
    """An export of the big log to ``target`` from the window, held for the block once the
    window has shown its first progress report; it goes on afterwards."""
    window = opened(posture_app, qtbot)
    job = posture_app.history.export(target, ExportFormat.CSV)
    release = held_partway(job)
    window.run_export(job)
    try:
        qtbot.waitUntil(lambda: window.export_progress.value() == PROGRESS_EVERY, timeout=60_000)
        yield window, job
    finally:
        release.set()


def wait_ended(window: HistoryWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.export_job is None, timeout=EXPORT_SECONDS * 1000)


def test_the_window_shows_the_figures_of_a_big_log(
    big_app: PostureBreakApp, copied_log: Path, qtbot: QtBot
) -> None:
    window = opened(big_app, qtbot)
    window.chart_range.setCurrentIndex(window.chart_range.findData(90))
    today = big_app.history.today()
    general = big_app.settings.general
    working = [day.number for day in big_app.settings.schedule.working_days]
    with closing(open_database(copied_log)) as connection:
        done = counted_done_per_day(connection)
        not_done = dict(
            connection.execute(
                "SELECT local_day, count(*) FROM events "
                "WHERE outcome IN ('skipped', 'ignored', 'missed') GROUP BY local_day"
            ).fetchall()
        )
    expected = streaks(done, today, general.daily_goal, working)

    assert window.today_label.text() == f"Today: {done[today]} of {general.daily_goal} done breaks"
    assert window.streak_label.text() == (
        f"Streak: <b>{days_text(expected.current)}</b> · best {days_text(expected.best)}"
    )
    bars = window.chart.bars
    assert [bar.day for bar in bars] == [today - timedelta(days=back) for back in range(89, -1, -1)]
    for bar in bars:
        assert (bar.done, bar.not_done) == (
            done.get(bar.day, 0),
            not_done.get(bar.day.isoformat(), 0),
        )
    assert window.events.topLevelItemCount() == 200


def test_an_export_runs_on_its_own_thread_while_the_window_answers(
    big_app: PostureBreakApp, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    with partway_through_export(big_app, qtbot, target) as (window, job):
        assert window.export_job is job and window.export_progress.isVisible()
        assert not window.export_button.isEnabled()
        assert job.running and window.export_progress.maximum() == BIG_LOG_EVENTS
    wait_ended(window, qtbot)
    assert window.export_job is None and not window.export_progress.isVisible()
    assert window.export_button.isEnabled()
    assert window.message.text() == f"Exported {BIG_LOG_EVENTS} events to {target}."
    with target.open(newline="") as exported:
        assert sum(1 for _ in exported) == BIG_LOG_EVENTS + 1  # and the header


def test_a_cancelled_export_leaves_the_old_file_as_it_was(
    big_app: PostureBreakApp, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    target.write_text("an earlier export\n")
    with partway_through_export(big_app, qtbot, target) as (window, job):
        qtbot.mouseClick(window.cancel_export_button, Qt.MouseButton.LeftButton)
    wait_ended(window, qtbot)
    qtbot.waitUntil(lambda: not job.running)
    assert window.message.text() == f"Export to {target} cancelled."
    assert target.read_text() == "an earlier export\n"
    assert list(tmp_path.glob(".all.csv*")) == []  # no temporary file left behind
    assert window.export_button.isEnabled() and not window.cancel_export_button.isVisible()


def test_quitting_during_an_export_stops_it_and_removes_its_unfinished_file(
    big_app: PostureBreakApp, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    with partway_through_export(big_app, qtbot, target) as (_, job):
        quitting = threading.Thread(target=job.stop)  # as the app's aboutToQuit does
        quitting.start()
        qtbot.waitUntil(lambda: job.cancelled)
    qtbot.waitUntil(lambda: not job.running and not quitting.is_alive())
    assert not target.exists() and list(tmp_path.glob(".all.csv*")) == []
