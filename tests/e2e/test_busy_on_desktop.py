"""Telling the user is busy, against real parts: a PulseAudio recording, a full-screen
window under a real window manager, GNOME's do-not-disturb setting; and the real app
holding a reminder through a call."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from posturebreak.platform.calls import CallDetector
from posturebreak.platform.desktop_dnd import GnomeDoNotDisturb
from posturebreak.platform.full_screen_x11 import FullScreenDetector
from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support import sound_server
from tests.support.desktop import FULL_SCREEN_WINDOW, wait_until
from tests.support.private_bus import require_tools

pytestmark = pytest.mark.e2e


def _require(reason: str | None) -> None:
    require_tools([] if reason is None else [reason])


def _tool(name: str, package: str) -> str | None:
    return None if shutil.which(name) else f"{name} ({package})"


def test_a_recording_program_means_a_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _require(sound_server.missing())
    with sound_server.sound_server(tmp_path / "pulse") as sound:
        monkeypatch.setenv("PULSE_SERVER", sound.address)
        calls = CallDetector.here()
        assert not calls.busy()
        with sound.recording():
            assert calls.busy()
        assert not calls.busy()


def test_a_full_screen_window_under_a_window_manager_is_seen(
    make_desktop: DesktopFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _require(_tool("openbox", "openbox"))
    desktop = make_desktop()
    window_manager = subprocess.Popen(
        ["openbox", "--sm-disable"], env=desktop.env(), stderr=subprocess.DEVNULL
    )
    window = None
    try:
        monkeypatch.setenv("DISPLAY", desktop.display)
        detector = FullScreenDetector.open()
        assert detector is not None
        assert not detector.busy()
        window = subprocess.Popen(
            [sys.executable, "-c", FULL_SCREEN_WINDOW], env=desktop.env(), stdout=subprocess.DEVNULL
        )
        wait_until(detector.busy, 20, "the full-screen window to be active")
        window.terminate()
        window.wait(10)
        wait_until(lambda: not detector.busy(), 20, "no full-screen window")
    finally:
        if window is not None and window.poll() is None:
            window.kill()
        window_manager.terminate()
        window_manager.wait(10)


def test_gnome_do_not_disturb_is_read_from_its_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _require(_tool("gsettings", "libglib2.0-bin gsettings-desktop-schemas"))
    # GLib's keyfile back end: the real gsettings, without a dconf service.
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    detector = GnomeDoNotDisturb.here("ubuntu:GNOME")
    assert detector is not None and not detector.busy()
    subprocess.run(
        ["gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "false"],
        check=True,
    )
    assert detector.busy()


def test_the_app_holds_a_reminder_through_a_call_and_gives_it_after(
    make_desktop: DesktopFactory, start_app: AppFactory, tmp_path: Path
) -> None:
    _require(sound_server.missing())
    desktop = make_desktop()
    with sound_server.sound_server(tmp_path / "pulse") as sound:
        app = start_app(desktop, 600.0, PULSE_SERVER=sound.address)
        with sound.recording():
            assert app.command("break-now").returncode == 0
            wait_until(lambda: "held: you are in a call" in app.log_text(), 20, "a held reminder")
            status = app.command("status").stdout
            assert status.startswith("Holding reminders: you are in a call"), status
            notified = len(desktop.notifications())
        wait_until(lambda: "No longer busy; giving" in app.log_text(), 20, "the call to end")
        wait_until(lambda: len(desktop.notifications()) > notified, 20, "the held reminder")
