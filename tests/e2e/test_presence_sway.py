"""wlroots Wayland for real: a headless sway, swayidle for idle time with wtype's input,
and sway's IPC for full-screen windows."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from posturebreak.platform.full_screen_sway import SwayFullScreen
from posturebreak.platform.idle_swayidle import SwayidleDetector
from tests.support.activity import natural_breaks
from tests.support.app_process import AppProcess
from tests.support.desktop import FULL_SCREEN_WINDOW, wait_until
from tests.support.presence_probe import Probe
from tests.support.private_bus import Processes
from tests.support.sway import HeadlessSway, headless_sway

pytestmark = pytest.mark.e2e

# "Natural break after" 1 minute; at 60x time that is one second without input.
IDLE_AFTER_A_MINUTE = "version = 1\n\n[schedule]\nidle_threshold_minutes = 1\n"


@pytest.fixture
def sway() -> Iterator[HeadlessSway]:
    with headless_sway() as session:
        yield session


def test_no_input_is_away_and_a_key_press_is_back(sway: HeadlessSway, tmp_path: Path) -> None:
    processes = Processes()
    try:
        probe = Probe.start(processes, "idle", 1.0, sway.env(), tmp_path / "probe.log")
        assert probe.wait_for("started")["name"] == SwayidleDetector.name
        probe.wait_for("went_away")
        sway.type_key()
        probe.wait_for("came_back")
        probe.wait_for("went_away", 2)  # swayidle stays armed for the next absence
        sway.type_key()
        probe.wait_for("came_back", 2)
        assert probe.at("went_away") < probe.at("came_back") < probe.at("went_away", 2)
        assert swayidle_running()
    finally:
        processes.stop()  # SIGTERM: the probe dies at once, as on a crash
    wait_until(lambda: not swayidle_running(), 10, "swayidle to end with the process")


def test_the_app_on_sway_logs_time_away_as_a_natural_break(
    sway: HeadlessSway, tmp_path: Path
) -> None:
    app = AppProcess(sway, tmp_path / "profile", 60.0, settings=IDLE_AFTER_A_MINUTE)
    try:
        app.start()
        assert SwayidleDetector.name in app.log_text()
        wait_until(lambda: app.command("status").stdout.startswith("Away since"), 30, "away")
        sway.type_key()
        wait_until(lambda: natural_breaks(app.profile_dir), 30, "natural breaks in the log")
        assert set(natural_breaks(app.profile_dir)) <= {"foot_stool", "stretch", "uncross_legs"}
    finally:
        app.stop()
    wait_until(lambda: not swayidle_running(), 10, "swayidle to end with the app")


def swayidle_running() -> bool:
    """Whether a swayidle process of ours runs (ours: it echoes our markers)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"echo posture-break-idle" in cmdline.read_bytes():
                return True
        except OSError:
            continue
    return False


def test_a_full_screen_window_on_sway_is_seen(sway: HeadlessSway) -> None:
    assert sway.ipc is not None
    detector = SwayFullScreen("swaymsg", str(sway.ipc))
    assert not detector.busy()
    window = subprocess.Popen(
        [sys.executable, "-c", FULL_SCREEN_WINDOW],
        env=sway.env(QT_QPA_PLATFORM="wayland"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(detector.busy, 20, "the full-screen window")
    finally:
        window.terminate()
        window.wait(10)
    wait_until(lambda: not detector.busy(), 20, "no full-screen window")
