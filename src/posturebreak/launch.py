"""The ``posture-break`` command: a plain start puts the tray icon up before the rest of
the app loads (see :mod:`posturebreak.ui.tray_first`); everything else is the
command line's.

Only the single-instance check comes before the icon, so that a second launch,
which hands over to the running instance, never flashes a second icon.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from posturebreak.start_words import profile_dir_named, starts_the_app

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    tray = _tray_first() if starts_the_app(words) and not _instance_running(words) else None
    from posturebreak.cli import main as command_line

    return command_line(words, tray)


def _instance_running(words: Sequence[str]) -> bool:
    """Whether an instance of the profile ``words`` name runs already. When the socket
    cannot be used, the app's own check says why, later."""
    from posturebreak.paths import AppPaths
    from posturebreak.services.control_socket import instance_listens, socket_path

    try:
        path = socket_path(AppPaths.resolve(profile_dir_named(words)).instance_name)
    except OSError:
        return False
    return instance_listens(path)


def _tray_first() -> QSystemTrayIcon:
    from posturebreak.ui.tray_first import tray_icon_shown

    return tray_icon_shown()
