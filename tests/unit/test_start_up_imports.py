"""Start-up loads only what the tray needs: windows, reports and their libraries wait,
and the tray icon is shown before the rest of the app loads.

The app runs as ``posture-break`` would, in a fresh interpreter, until its tray
is up and the scheduler started; then it lists what it imported and which
shared libraries it mapped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from posturebreak.cli import build_parser

# Loaded when the user first opens a window, reads or exports the log, or sends a command.
NOT_AT_START = (
    "posturebreak.ui.history_window",
    "posturebreak.ui.history_chart",
    "posturebreak.ui.settings_dialog",
    "posturebreak.ui.log_dialog",
    "posturebreak.ui.breathing_pacer",
    "posturebreak.ui.standing_history",
    "posturebreak.ui.sit_stand_window",
    "posturebreak.ui.workstation_history",
    "posturebreak.services.activity_history",
    "posturebreak.services.activity_queries",
    "posturebreak.services.activity_export",
    "posturebreak.core.statistics",
    "posturebreak.reports",
    "posturebreak.platform.windows_session",
    "posturebreak.platform.macos_session",
    "posturebreak.platform.idle_windows",
    "posturebreak.platform.idle_macos",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "sqlite3",
    "json",
)

# Runs the real command line; once the app has started, quits and reports.
# The app's own modules load only after the tray icon is shown, so the probe patches
# them on import (the probe's own early import of PySide6 changes nothing it reports).
_PROBE = """
import linecache
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from posturebreak import launch

loaded_when_shown = []
shown = QSystemTrayIcon.show

def show_and_note(tray):
    loaded_when_shown.append(set(sys.modules))
    shown(tray)

QSystemTrayIcon.show = show_and_note
run = QApplication.exec

def run_then_quit():
    QTimer.singleShot(0, QApplication.quit)
    return run()

QApplication.exec = staticmethod(run_then_quit)
code = launch.main(["--profile-dir", sys.argv[1]])
with open("/proc/self/maps") as maps:
    libraries = {line.split()[-1] for line in maps if ".so" in line}
print("exit", code)
print("\\n".join(sorted(sys.modules)))
print("\\n".join(f"library {path}" for path in sorted(libraries)))
print("\\n".join(f"at first show {name}" for name in sorted(loaded_when_shown[0])))
print("\\n".join(f"source read {name}" for name in sorted(linecache.cache)))
"""


def start_up(profile: Path) -> list[str]:
    """What a started app has imported and mapped, one name per line."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(profile)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "exit 0" in lines, result.stdout + result.stderr
    return lines


def test_start_up_imports_no_window_report_or_database_module(tmp_path: Path) -> None:
    loaded = set(start_up(tmp_path))
    assert "posturebreak.ui.tray" in loaded  # the probe did reach the tray
    assert sorted(loaded.intersection(NOT_AT_START)) == []


def test_start_up_maps_no_svg_library(tmp_path: Path) -> None:
    libraries = [line for line in start_up(tmp_path) if line.startswith("library ")]
    assert any("libQt6Widgets" in library for library in libraries)
    # Qt6Svg, and the SVG icon engine plugin (libqsvgicon) that loads it for an SVG icon.
    assert [library for library in libraries if "svg" in library.lower()] == []


def test_starting_the_app_parses_like_the_whole_command_line() -> None:
    without, whole = build_parser(with_commands=False), build_parser()
    assert without.format_usage() == whole.format_usage()
    for words in ([], ["--verbose"], ["--profile-dir", "stats", "--verbose"]):
        assert without.parse_args(words) == whole.parse_args(words)


def test_the_tray_icon_is_shown_before_the_app_loads(tmp_path: Path) -> None:
    shown_with = {
        line.removeprefix("at first show ")
        for line in start_up(tmp_path)
        if line.startswith("at first show ")
    }
    assert "PySide6.QtWidgets" in shown_with
    # The command line, the settings, the scheduler and the tray menu come after it.
    for later in (
        "posturebreak.cli",
        "posturebreak.app",
        "posturebreak.core.settings",
        "posturebreak.ui.tray",
        "apscheduler",
    ):
        assert later not in shown_with


def test_start_up_reads_no_module_source(tmp_path: Path) -> None:
    """PySide6's import hook would read every module's source into linecache."""
    read = [line for line in start_up(tmp_path) if line.startswith("source read ")]
    # (The probe imports PySide6 before the launcher, which the hook reads as it would.)
    for loaded_after_qt in ("/posturebreak/app.py", "/posturebreak/core/", "/apscheduler/"):
        assert not [line for line in read if loaded_after_qt in line]
