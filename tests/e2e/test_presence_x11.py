"""X11 idle detection against a real X server (Xvfb) and real input (xdotool)."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory
from tests.support.desktop import VirtualDesktop
from tests.support.presence_probe import Probe, Span
from tests.support.private_bus import PrivateBus, Processes, missing_bus_tools, require_tools

pytestmark = pytest.mark.e2e


@pytest.fixture
def desktop(make_desktop: DesktopFactory) -> VirtualDesktop:
    require_tools([] if ctypes.util.find_library("Xss") else ["libxss1"])
    return make_desktop(notification_server=False, tray=False)


@pytest.fixture
def processes() -> Iterator[Processes]:
    started = Processes()
    yield started
    started.stop()


def touch(desktop: VirtualDesktop, x: int) -> Span:
    # --sync: xdotool returns once the server has moved the pointer, not before.
    argv = ["xdotool", "mousemove", "--sync", str(x), "300"]
    return Span.of(lambda: subprocess.run(argv, env=desktop.env(), check=True))


def test_x11_desktop_gets_x11_idle_detection_away_after_threshold_back_on_input(
    desktop: VirtualDesktop, processes: Processes, tmp_path: Path
) -> None:
    touch(desktop, 50)
    probe = Probe.start(processes, "idle", 2.0, desktop.env(), tmp_path / "probe.log")
    assert probe.wait_for("started")["name"] == "Idle detection: X11 screen saver extension"
    # Input after the probe's start: a starting X client may count as activity.
    last_input = touch(desktop, 100)

    since = probe.at("went_away")
    assert last_input.holds(since), f"the absence starts at the last input {last_input}: {since}"

    returned = touch(desktop, 200)
    back = probe.at("came_back")
    assert returned.holds(back), f"the return is dated by the input {returned}: {back}"
    subprocess.run(["xdotool", "key", "shift"], env=desktop.env(), check=True)
    assert probe.at("went_away", 2) > back, "away again after another quiet spell"
    assert len(probe.events("came_back")) == 1


def test_x11_detector_asks_the_server_once_while_the_user_is_present(
    desktop: VirtualDesktop, processes: Processes, tmp_path: Path
) -> None:
    touch(desktop, 100)
    probe = Probe.start(processes, "x11", 60.0, desktop.env(), tmp_path / "probe.log")
    probe.wait_for("started")
    # Nothing is due for a minute: proving it means letting time pass.
    time.sleep(3)
    assert len(probe.events("check")) == 1
    assert probe.events("went_away") == []


def test_without_gnome_kde_wlroots_or_x11_there_is_no_idle_detection_and_the_log_says_why(
    processes: Processes, tmp_path: Path
) -> None:
    require_tools(missing_bus_tools())
    bus = PrivateBus(tmp_path / "bus", processes).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND"))}
    env.update(DBUS_SESSION_BUS_ADDRESS=bus.address, QT_QPA_PLATFORM="offscreen")
    probe = Probe.start(processes, "idle", 1.0, env, tmp_path / "probe.log")
    assert probe.process.wait(20) == 1
    assert (
        "no idle detection: no org.gnome.Mutter.IdleMonitor on the session bus; "
        "no org.freedesktop.ScreenSaver on the session bus; "
        "not a Wayland session; "
        "Qt runs on 'offscreen', not X11" in probe.log.read_text()
    )
