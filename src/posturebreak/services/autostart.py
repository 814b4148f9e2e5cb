"""Starting the app at login, through the freedesktop.org autostart folder.

Linux and BSD desktops start every ``*.desktop`` file in
``$XDG_CONFIG_HOME/autostart`` at login. Windows and macOS need their own
mechanism, which this version does not have; :attr:`XdgAutostart.supported`
says so, and the dialog greys the option out with the reason.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from posturebreak import APP_ID, APP_NAME
from posturebreak.services.atomic_file import write_atomically

UNSUPPORTED_REASON = "Starting at login is not available on this system yet."


def _quote_exec_argument(argument: str) -> str:
    """Quotes one argument for a desktop entry's ``Exec`` key (Desktop Entry spec)."""
    if argument and not any(char in argument for char in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return f'"{escaped}"'


def exec_value(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's ``Exec`` key."""
    exec_line = " ".join(_quote_exec_argument(part) for part in command)
    # Desktop entry values escape backslashes once more on top of Exec quoting, and a
    # literal % is %% (a lone one starts a field code such as %f).
    return exec_line.replace("\\", "\\\\").replace("%", "%%")


class XdgAutostart:
    """Adds or removes ``posture-break.desktop`` in an autostart folder."""

    supported = sys.platform not in ("win32", "darwin")

    def __init__(self, folder: Path, command: Sequence[str]) -> None:
        self.entry = folder / f"{APP_ID}.desktop"
        self._command = list(command)

    def is_enabled(self) -> bool:
        return self.entry.exists()

    def set_enabled(self, enabled: bool) -> None:
        """Writes or removes the entry; raises OSError when the folder cannot be changed."""
        if not enabled:
            self.entry.unlink(missing_ok=True)
            return
        exec_line = exec_value(self._command)
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Reminders to stretch, sit evenly and move your feet\n"
            f"Exec={exec_line}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        write_atomically(self.entry, text.encode())


def launch_command() -> list[str]:
    """How to start this same installation of the app again (the current interpreter)."""
    return [os.path.abspath(sys.executable), "-m", "posturebreak"]
