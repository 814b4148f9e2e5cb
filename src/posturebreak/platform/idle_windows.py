"""Idle time on Windows: ``GetLastInputInfo`` against ``GetTickCount``, polled adaptively.

Both count milliseconds since boot in 32 bits, wrapping after 49.7 days; the
difference is taken modulo 2**32, so a wrap between the two readings is no
jump. This cannot run here: it is unit-tested against a fake of the two calls.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Protocol

from posturebreak.i18n import N_
from posturebreak.platform.idle_polled import (
    IdleSourceUnavailableError,
    PolledIdleDetector,
)

_WRAP = 2**32


class LastInputInfo(ctypes.Structure):
    """LASTINPUTINFO from <winuser.h>."""

    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


class User32(Protocol):
    """The two calls used, as ctypes gives them (or a test's fake)."""

    def GetLastInputInfo(self, info: LastInputInfo) -> int: ...  # noqa: N802  (Win32 name)

    def GetTickCount(self) -> int: ...  # noqa: N802  (Win32 name)


def _user32() -> User32:
    windll: Any = getattr(ctypes, "windll", None)
    if windll is None:
        raise IdleSourceUnavailableError("not Windows")
    user32, kernel32 = windll.user32, windll.kernel32
    user32.GetLastInputInfo.argtypes = [ctypes.POINTER(LastInputInfo)]
    user32.GetLastInputInfo.restype = ctypes.c_int
    kernel32.GetTickCount.restype = ctypes.c_uint32

    class _Calls:
        GetLastInputInfo = user32.GetLastInputInfo
        GetTickCount = kernel32.GetTickCount

    return _Calls()


class WindowsIdle:
    """Time since the last keyboard or mouse input in this session."""

    def __init__(self, calls: Callable[[], User32] = _user32) -> None:
        self._calls = calls()

    def idle(self) -> timedelta:
        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        if not self._calls.GetLastInputInfo(info):
            return timedelta(0)
        elapsed = (self._calls.GetTickCount() - info.dwTime) % _WRAP
        return timedelta(milliseconds=elapsed)

    def close(self) -> None:
        """Nothing to release: the calls need no connection."""


class WindowsIdleDetector(PolledIdleDetector):
    name = N_("Idle detection: Windows (GetLastInputInfo)")
    source = WindowsIdle
