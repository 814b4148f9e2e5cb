"""Starting the app at login: the mechanism each system has, behind one small interface.

Linux and BSD desktops start every ``*.desktop`` file in
``$XDG_CONFIG_HOME/autostart``; Windows runs the commands under the user's
``Run`` registry key; macOS starts the user's LaunchAgents. Each way adds one
entry of its own and, switched off, removes exactly that entry and nothing
else. A separate profile (``--profile-dir``) keeps its Linux entry inside the
profile; on Windows and macOS, whose login lists are per user, it offers no
start at login, so that a trial profile never changes the user's login.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from posturebreak import APP_ID, APP_NAME, DESKTOP_ID
from posturebreak.i18n import N_, _
from posturebreak.services.atomic_file import write_atomically

PROFILE_REASON = N_("A separate profile does not start at login on this system.")


class Autostart(Protocol):
    """Switches the app's start at login on and off."""

    @property
    def unsupported_reason(self) -> str | None:
        """Why start at login cannot be changed here, or None when it can."""
        ...

    def is_enabled(self) -> bool: ...

    def set_enabled(self, enabled: bool) -> None:
        """Adds or removes the app's entry; raises OSError when that fails."""
        ...


class NoAutostart:
    """Start at login that cannot be changed, with the reason the settings dialog shows."""

    def __init__(self, reason: str) -> None:
        self.unsupported_reason: str | None = reason

    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool) -> None:
        raise OSError(self.unsupported_reason)


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

    unsupported_reason: str | None = None

    def __init__(self, folder: Path, command: Sequence[str]) -> None:
        self.entry = folder / f"{APP_ID}.desktop"
        self._command = list(command)

    def is_enabled(self) -> bool:
        return self.entry.exists()

    def set_enabled(self, enabled: bool) -> None:
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
            f"Icon={DESKTOP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        write_atomically(self.entry, text.encode())


def autostart_here(
    autostart_dir: Path, command: Sequence[str], *, separate_profile: bool, platform: str = ""
) -> Autostart:
    """The way to start at login on this system (``platform`` as in ``sys.platform``)."""
    platform = platform or sys.platform
    if platform not in ("win32", "darwin"):
        return XdgAutostart(autostart_dir, command)
    if separate_profile:
        return NoAutostart(_(PROFILE_REASON))
    if platform == "win32":
        from posturebreak.services.autostart_windows import RunKeyAutostart, user_run_key

        return RunKeyAutostart(user_run_key(), command)
    from posturebreak.services.autostart_macos import LaunchAgentAutostart

    return LaunchAgentAutostart(autostart_dir, command)


def launch_command() -> list[str]:
    """How to start this same installation of the app again: a frozen bundle's own
    executable, else the current interpreter with this package."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    return [os.path.abspath(sys.executable), "-m", "posturebreak"]
