"""Start-up loads only what the tray needs: windows, reports and their libraries wait.

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
_PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from posturebreak import app, cli

started = app.PostureBreakApp.start

def start_then_quit(self):
    started(self)
    QTimer.singleShot(0, QApplication.quit)

app.PostureBreakApp.start = start_then_quit
code = cli.main(["--profile-dir", sys.argv[1]])
with open("/proc/self/maps") as maps:
    libraries = {line.split()[-1] for line in maps if ".so" in line}
print("exit", code)
print("\\n".join(sorted(sys.modules)))
print("\\n".join(f"library {path}" for path in sorted(libraries)))
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


def test_what_loads_before_qt_needs_no_qt() -> None:
    probe = "import sys; from posturebreak.preload import load_before_qt; load_before_qt(); "
    probe += "print(sorted(name for name in sys.modules if name.startswith('PySide6')))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
