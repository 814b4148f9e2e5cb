"""Finds a Windows system DLL through ctypes, only when asked, so Linux and macOS import us.

``ctypes.windll`` exists only on Windows; looking it up lazily keeps every
Windows detector importable (and testable against fakes) everywhere.
"""

from __future__ import annotations

import ctypes
from typing import Any


class WindowsApiUnavailableError(RuntimeError):
    """The Windows calls a detector needs are not there (not Windows, or a DLL missing)."""


def windows_dll(name: str) -> Any:
    """The loaded DLL ``name`` (e.g. "shell32"); raises WindowsApiUnavailableError elsewhere."""
    windll: Any = getattr(ctypes, "windll", None)
    if windll is None:
        raise WindowsApiUnavailableError("not Windows")
    try:
        return getattr(windll, name)
    except OSError as error:  # a DLL this edition of Windows lacks
        raise WindowsApiUnavailableError(f"no {name}.dll: {error}") from error
