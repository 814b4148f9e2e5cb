"""The real GNOME Shell lock screen: locking is an absence, unlocking ends it.

GNOME Shell runs headless in a logind session that python-dbusmock plays on a
private system bus; the shell locks through its own ``org.gnome.ScreenSaver.Lock``
and unlocks when logind tells the session ``Unlock``, as after a password.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from posturebreak.core.clock import SystemClock
from posturebreak.platform.lock_screen import LockScreenDetector
from tests.support.activity import natural_breaks
from tests.support.app_process import AppProcess
from tests.support.desktop import wait_until
from tests.support.gnome import SCREEN_SHIELD, HeadlessGnomeShell, headless_gnome_shell

pytestmark = pytest.mark.e2e

# The longest break of the shipped reminders (60 s) at the app's 60x time: one second.
LONGEST_BREAK_AT_60X = 1.0


@pytest.fixture
def shell() -> Iterator[HeadlessGnomeShell]:
    with headless_gnome_shell() as session:
        yield session


def lock(shell: HeadlessGnomeShell) -> None:
    """What Super+L does: the shell's own Lock call, answered once the lock screen shows."""
    subprocess.run(
        ["gdbus", "call", "--session", "-d", SCREEN_SHIELD, "-o", "/org/gnome/ScreenSaver",
         "-m", "org.gnome.ScreenSaver.Lock"],
        env=shell.env(), check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def test_the_lock_screen_is_away_and_unlocking_is_back(
    qtbot: QtBot, shell: HeadlessGnomeShell
) -> None:
    name = f"gnome-shell-test-{id(shell)}"
    connection = QDBusConnection.connectToBus(shell.address, name)
    try:
        detector = LockScreenDetector(SystemClock(), connection)
        assert detector.start()
        assert detector.name == f"Lock detection: {SCREEN_SHIELD}"
        events: list[tuple[str, datetime]] = []
        detector.went_away.connect(lambda at: events.append(("away", at)))
        detector.came_back.connect(lambda at: events.append(("back", at)))
        with qtbot.waitSignal(detector.went_away, timeout=30_000):
            lock(shell)
        with qtbot.waitSignal(detector.came_back, timeout=30_000):
            shell.unlock()
        assert [kind for kind, _ in events] == ["away", "back"]
        assert events[0][1] <= events[1][1]
        detector.stop()
    finally:
        QDBusConnection.disconnectFromBus(name)


def test_the_app_on_gnome_counts_time_locked_as_a_natural_break(
    shell: HeadlessGnomeShell, tmp_path: Path
) -> None:
    app = AppProcess(shell, tmp_path / "profile", 60.0)
    try:
        app.start()
        assert f"Lock detection: {SCREEN_SHIELD}" in app.log_text()
        assert natural_breaks(app.profile_dir) == []
        lock(shell)
        locked_at = time.monotonic()
        wait_until(lambda: app.command("status").stdout.startswith("Away since"), 30, "away")
        # The lock must outlast every break, or it is no natural break for that kind.
        wait_until(lambda: time.monotonic() - locked_at > 1.5 * LONGEST_BREAK_AT_60X, 10, "")
        shell.unlock()
        wait_until(lambda: natural_breaks(app.profile_dir), 30, "natural breaks in the log")
        assert set(natural_breaks(app.profile_dir)) <= {"foot_stool", "stretch", "uncross_legs"}
        assert not app.command("status").stdout.startswith("Away")
    finally:
        app.stop()
