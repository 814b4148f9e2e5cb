"""A full and a read-only data folder under the real app on a virtual desktop: reminders
go on, the user is told once, and every event is written once the disk takes it again.

The data folder is a small tmpfs (see :mod:`tests.support.small_disk`), filled to the
last byte while the app runs, or mounted read-only before it starts; reminders come
every second (a one-minute sit-evenly reminder at 60x), as notifications only, so
each one is one event in the log.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.reminders import SHIPPED_REMINDERS, NotificationStyle, ReminderId
from posturebreak.services.activity_store import DATABASE_NAME, ActivityStore
from posturebreak.services.catalogue_files import load_catalogue
from tests.conftest import ReportFigure
from tests.e2e.conftest import DesktopFactory, make_desktop  # noqa: F401 - a fixture
from tests.support.app_process import NOBODY_AT_THE_KEYBOARD, AppProcess
from tests.support.desktop import VirtualDesktop, wait_until
from tests.support.small_disk import small_disk

SHIPPED_THREE = ("stretch", "uncross_legs", "foot_stool")

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

FAILURE_TITLE = "Your activity is not being saved"
SIT_EVENLY_EVERY_SECOND = NOBODY_AT_THE_KEYBOARD + (
    "\n[reminders.uncross_legs]\ninterval_minutes = 1\nstyle = 'notification'\n"
    "\n[reminders.stretch]\nenabled = false\n\n[reminders.foot_stool]\nenabled = false\n"
)
CATALOGUE, _ = load_catalogue(Path("/nonexistent"))
SIT_EVENLY_TITLES = {
    e.title for e in CATALOGUE.in_categories(SHIPPED_REMINDERS["uncross_legs"].categories)
}


def _titles(desktop: VirtualDesktop) -> list[Any]:
    return [item["summary"] for item in desktop.notifications()]


def _reminders(desktop: VirtualDesktop) -> int:
    return sum(title in SIT_EVENLY_TITLES for title in _titles(desktop))


def _rows(data: Path) -> int:
    """Events in the log, read as the app leaves it (0 before it has made the table)."""
    uri = f"{(data / DATABASE_NAME).as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return int(connection.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _event(kind: ReminderId, at: datetime) -> ReminderEvent:
    return ReminderEvent(kind, None, at, at, NotificationStyle.NOTIFICATION, Outcome.NOTIFIED, at)


def test_a_full_data_disk_loses_no_event_and_is_reported_once(
    make_desktop: DesktopFactory,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    report_figure: ReportFigure,
) -> None:
    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile", 60.0, settings=SIT_EVENLY_EVERY_SECOND)
    data = app.profile_dir / "data"
    with small_disk(data, size_kib=2048) as disk:
        app.start()
        try:
            wait_until(lambda: _rows(data) >= 2, 30, "two events written")
            disk.fill()
            _reminders_go_on_and_the_user_is_told_once(desktop)
            disk.free()  # the next reminder writes what waited
            wait_until(lambda: "Activity log writable again" in app.log_text(), 30, "a save")
            assert app.command("pause", "--minutes", "60").returncode == 0
            shown, written = _reminders(desktop), _rows(data)
        finally:
            app.stop()
    assert written == shown  # every reminder the user saw is in the log
    _told_once(desktop, app)
    report_figure("full data disk: reminders shown / events written", f"{shown} / {written}")


def test_a_read_only_data_disk_loses_no_event_and_is_reported_once(
    make_desktop: DesktopFactory,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    report_figure: ReportFigure,
) -> None:
    """Read-only from the start: Linux refuses to remount a disk read-only while a file on
    it is open for writing, as the app's log is once it has written."""
    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile", 60.0, settings=SIT_EVENLY_EVERY_SECOND)
    data = app.profile_dir / "data"
    with small_disk(data, size_kib=2048) as disk:
        earlier = ActivityStore(data / DATABASE_NAME, on_failure=pytest.fail)
        for kind in SHIPPED_THREE:
            earlier.record(_event(kind, datetime(2026, 3, 2, 9, 0, tzinfo=UTC)))
        earlier.close()
        disk.read_only(True)
        app.start()
        try:
            _reminders_go_on_and_the_user_is_told_once(desktop)
            assert app.command("pause", "--minutes", "60").returncode == 0
            disk.read_only(False)  # nothing more comes: the app's own retry (30 s) saves
            wait_until(lambda: "Activity log writable again" in app.log_text(), 45, "a save")
            shown, written = _reminders(desktop), _rows(data) - len(SHIPPED_THREE)
        finally:
            app.stop()
    assert written == shown
    _told_once(desktop, app)
    report_figure("read-only data disk: reminders shown / events written", f"{shown} / {written}")


def _reminders_go_on_and_the_user_is_told_once(desktop: VirtualDesktop) -> None:
    shown_before = _reminders(desktop)
    wait_until(lambda: FAILURE_TITLE in _titles(desktop), 30, "the user to be told")
    wait_until(lambda: _reminders(desktop) >= shown_before + 5, 30, "5 more reminders")
    assert _titles(desktop).count(FAILURE_TITLE) == 1


def _told_once(desktop: VirtualDesktop, app: AppProcess) -> None:
    assert _titles(desktop).count(FAILURE_TITLE) == 1
    assert app.log_text().count("Could not write the activity log") == 1


def test_events_waiting_in_memory_are_bounded_and_the_oldest_give_way(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    messages: list[str] = []
    store = ActivityStore(blocked / DATABASE_NAME, messages.append, max_pending=100)
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for second in range(250):
        store.record(_event("uncross_legs", moment + timedelta(seconds=second)))
    assert store.pending == 100 and len(messages) == 1

    blocked.unlink()
    store.retry()
    store.close()
    with closing(sqlite3.connect(blocked / DATABASE_NAME)) as connection:
        first, count = connection.execute("SELECT min(due_utc), count(*) FROM events").fetchone()
    assert count == 100 and first == moment.replace(minute=2, second=30).isoformat()
