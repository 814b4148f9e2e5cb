"""Start at login on Windows: one value under the user's ``Run`` registry key.

``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` holds a
command line per value; Explorer runs them at login. The app owns exactly the
value named after it. The registry sits behind :class:`RunKey`, so the rules
are tested here with a fake and only :class:`WinregRunKey` needs Windows.
"""

from __future__ import annotations

import importlib
import subprocess
from collections.abc import Sequence
from typing import Any, Protocol

from posturebreak import APP_NAME

RUN_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"


class RunKey(Protocol):
    """String values of the user's Run key, by name."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None:
        """Removes the value; no error when it is not there."""
        ...


def _winreg() -> Any:
    """:mod:`winreg`, typed loosely: its stubs exist only when checking for Windows."""
    return importlib.import_module("winreg")


class WinregRunKey:
    """The real Run key, through :mod:`winreg` (Windows only)."""

    def get(self, name: str) -> str | None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:
                value, kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value) if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) else None

    def set(self, name: str, value: str) -> None:
        winreg = _winreg()
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = _winreg()
        try:
            access = winreg.KEY_SET_VALUE
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH, 0, access) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


def user_run_key() -> RunKey:
    return WinregRunKey()


class RunKeyAutostart:
    """Adds or removes the app's value under the Run key."""

    unsupported_reason: str | None = None

    def __init__(self, run_key: RunKey, command: Sequence[str], name: str = APP_NAME) -> None:
        self._run_key = run_key
        self._name = name
        # Windows' own quoting rules for a command line (those of CommandLineToArgvW).
        self.command_line = subprocess.list2cmdline(list(command))

    def is_enabled(self) -> bool:
        return self._run_key.get(self._name) is not None

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self._run_key.set(self._name, self.command_line)
        else:
            self._run_key.delete(self._name)
