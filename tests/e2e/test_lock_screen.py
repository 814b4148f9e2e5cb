"""Lock detection over D-Bus: the screen saver's ActiveChanged signal, received by QtDBus.

The screen saver here is python-dbusmock's org.gnome.ScreenSaver template; a
real gnome-shell lock screen is still to be tested (it needs a mocked logind
and display manager on a private system bus).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory
from tests.support.desktop import MonitorOutput, VirtualDesktop, wait_until
from tests.support.private_bus import require_tools

pytestmark = pytest.mark.e2e

PROBE = [sys.executable, "-m", "tests.support.presence_probe", "lock", "0"]


@contextmanager
def running(argv: list[str], desktop: VirtualDesktop) -> Iterator[MonitorOutput]:
    process = subprocess.Popen(
        argv, env=desktop.env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    try:
        yield MonitorOutput(process.stdout)
    finally:
        process.terminate()
        process.wait(10)
        process.stdout.close()


def set_active(desktop: VirtualDesktop, active: bool) -> None:
    subprocess.run(
        ["gdbus", "call", "--session", "-d", "org.gnome.ScreenSaver",
         "-o", "/org/gnome/ScreenSaver", "-m", "org.gnome.ScreenSaver.SetActive",
         "true" if active else "false"],
        env=desktop.env(), check=True, capture_output=True, timeout=10,
    )  # fmt: skip


def test_locking_and_unlocking_the_screen_is_away_and_back(make_desktop: DesktopFactory) -> None:
    dbusmock = Path("/usr/lib/python3/dist-packages/dbusmock")
    missing = [] if shutil.which("gdbus") and dbusmock.exists() else ["gdbus and dbusmock"]
    require_tools(missing)
    desktop = make_desktop(notification_server=False, tray=False)
    mock = ["/usr/bin/python3", "-m", "dbusmock", "--template", "gnome_screensaver"]
    with running(mock, desktop):
        wait_until(lambda: desktop.has_bus_name("org.gnome.ScreenSaver"), 20, "the screen saver")
        with running(PROBE, desktop) as probe:
            wait_until(lambda: "started" in probe.text(), 20, "the detector")
            set_active(desktop, True)
            wait_until(lambda: "went_away" in probe.text(), 10, "the lock")
            set_active(desktop, False)
            wait_until(lambda: "came_back" in probe.text(), 10, "the unlock")
            events = [json.loads(line)["event"] for line in probe.text().splitlines()]
            assert events == ["started", "went_away", "came_back"]


def test_without_a_screen_saver_lock_detection_says_why(make_desktop: DesktopFactory) -> None:
    desktop = make_desktop(notification_server=False, tray=False)
    with running(PROBE, desktop) as probe:
        wait_until(lambda: "unavailable" in probe.text(), 20, "the detector to give up")
        assert "no screen saver service on the session bus" in probe.text()
