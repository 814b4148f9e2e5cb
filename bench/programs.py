"""The tray programs measured side by side: the two floors, Posture Break and its peers.

Each runs on a private virtual desktop of its own (Xvfb, dunst, trayer, a private
session bus and, since Safe Eyes insists on one, a private system bus), with a
home folder of its own, and is known in the tray by its window class.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_process import APP_WM_CLASS

ROOT = Path(__file__).resolve().parents[1]
# Posture Break at its defaults: idle, lock, sleep and busy detection on.
DEFAULT_SETTINGS = "version = 1\n"


@dataclass(frozen=True)
class Program:
    """One program to start: ``argv`` given its home folder; found in the tray by ``wm_class``."""

    label: str
    argv: Callable[[Path], list[str]]
    wm_class: str
    installed: Callable[[], bool] = lambda: True
    log: Callable[[Path], Path] | None = None  # its log file, given its home folder


def _reference(kind: str) -> Callable[[Path], list[str]]:
    return lambda home: [sys.executable, "-m", "bench.reference_trays", kind]


def _posture_break(home: Path) -> list[str]:
    profile = home / "profile"
    (profile / "config").mkdir(parents=True, exist_ok=True)
    (profile / "config" / "settings.toml").write_text(DEFAULT_SETTINGS)
    return [sys.executable, "-m", "posturebreak", "--profile-dir", str(profile)]


def _peer(command: str) -> Program:
    return Program(
        command.title().replace("eyes", "Eyes"),
        lambda home: [command],
        {"workrave": "Workrave", "safeeyes": "safeeyes_2"}[command],
        lambda: shutil.which(command) is not None,
    )


BARE_TRAY = Program("bare PySide6 tray", _reference("bare"), "bare-tray")
FLOOR = Program("floor (tray + QtScheduler + 1 job)", _reference("floor"), "floor-tray")
POSTURE_BREAK = Program(
    "Posture Break",
    _posture_break,
    APP_WM_CLASS,
    log=lambda home: home / "profile" / "log" / "posture-break.log",
)
PEERS = (_peer("workrave"), _peer("safeeyes"))
ALL = (BARE_TRAY, FLOOR, POSTURE_BREAK, *PEERS)
