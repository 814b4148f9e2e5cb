"""Idle time on X11 from the MIT-SCREEN-SAVER extension, polled adaptively.

The extension only reports the idle time when asked (its notify events need the
server's screensaver timeout, which belongs to the user), so one single-shot timer
asks again exactly when the threshold could first be reached: with nobody moving,
that is once per threshold. Only while the user is away does it ask every second,
to notice the return.
"""

from __future__ import annotations

import ctypes
import functools
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer

from posturebreak.core.clock import Clock
from posturebreak.platform.presence import IdleDetector

AWAY_POLL = timedelta(seconds=1)
# Two readings of the same last input differ by the time between the server's answer
# and reading the clock; a later last input than that means the user came back.
SAME_INPUT = timedelta(milliseconds=250)
# Checking a little after the threshold could be reached finds it reached.
MARGIN = timedelta(milliseconds=100)
# A QTimer counts in int milliseconds; no threshold may overflow it.
LONGEST_WAIT = timedelta(days=1)


class IdleSourceUnavailableError(RuntimeError):
    """The idle time cannot be read here; the message says why."""


class IdleSource(Protocol):
    """Time since the last input, from wherever the platform keeps it."""

    def idle(self) -> timedelta: ...

    def close(self) -> None: ...


class _ScreenSaverInfo(ctypes.Structure):
    # XScreenSaverInfo from <X11/extensions/scrnsaver.h>
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("eventMask", ctypes.c_ulong),
    ]


def _load(name: str) -> ctypes.CDLL:
    try:
        return ctypes.CDLL(name)
    except OSError:
        raise IdleSourceUnavailableError(f"{name} is not installed") from None


@functools.cache
def _xlib() -> ctypes.CDLL:
    x11 = _load("libX11.so.6")
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.restype = ctypes.c_int
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XFree.restype = ctypes.c_int
    return x11


@functools.cache
def _xss() -> ctypes.CDLL:
    xss = _load("libXss.so.1")
    int_pointer = ctypes.POINTER(ctypes.c_int)
    xss.XScreenSaverQueryExtension.argtypes = [ctypes.c_void_p, int_pointer, int_pointer]
    xss.XScreenSaverQueryExtension.restype = ctypes.c_int
    xss.XScreenSaverAllocInfo.argtypes = []
    xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_ScreenSaverInfo)
    info_pointer = ctypes.POINTER(_ScreenSaverInfo)
    xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, info_pointer]
    xss.XScreenSaverQueryInfo.restype = ctypes.c_int
    return xss


class XScreenSaverIdle:
    """Its own connection to the X server (``$DISPLAY``), asking the extension."""

    def __init__(self) -> None:
        self._x11 = _xlib()
        self._info = ctypes.POINTER(_ScreenSaverInfo)()
        self._display = self._x11.XOpenDisplay(None)
        if not self._display:
            raise IdleSourceUnavailableError("cannot open the X display ($DISPLAY)")
        try:
            self._xss = _xss()
            event_base, error_base = ctypes.c_int(), ctypes.c_int()
            if not self._xss.XScreenSaverQueryExtension(
                self._display, ctypes.byref(event_base), ctypes.byref(error_base)
            ):
                raise IdleSourceUnavailableError("the X server has no MIT-SCREEN-SAVER extension")
            self._root = self._x11.XDefaultRootWindow(self._display)
            self._info = self._xss.XScreenSaverAllocInfo()
            if not self._info:
                raise IdleSourceUnavailableError("out of memory for XScreenSaverInfo")
        except IdleSourceUnavailableError:
            self.close()
            raise

    def idle(self) -> timedelta:
        if not self._display or not self._xss.XScreenSaverQueryInfo(
            self._display, self._root, self._info
        ):
            return timedelta(0)
        return timedelta(milliseconds=self._info.contents.idle)

    def close(self) -> None:
        if self._info:
            self._x11.XFree(self._info)
            self._info = ctypes.POINTER(_ScreenSaverInfo)()
        if self._display:
            self._x11.XCloseDisplay(self._display)
            self._display = None


def next_check(idle: timedelta, threshold: timedelta, away: bool) -> timedelta:
    """How long to wait before asking for the idle time again."""
    if away:
        return AWAY_POLL
    return min(max(threshold - idle, timedelta(0)) + MARGIN, LONGEST_WAIT)


class X11IdleDetector(IdleDetector):
    """Away after ``threshold`` without X input; back once the last input is a new one."""

    name = "Idle detection: X11 screen saver extension"

    def __init__(
        self,
        clock: Clock,
        threshold: timedelta,
        open_source: Callable[[], IdleSource] = XScreenSaverIdle,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, threshold, parent)
        self._open_source = open_source
        self._source: IdleSource | None = None
        self._absence_began = 0.0  # monotonic seconds: the last input before the absence
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check)

    def start(self) -> bool:
        if self._source is not None:
            return True
        try:
            self._source = self._open_source()
        except IdleSourceUnavailableError as error:
            return self._unavailable(str(error))
        self._timer.start(0)  # from the event loop, once the caller has connected
        return True

    def stop(self) -> None:
        self._timer.stop()
        if self._source is not None:
            self._source.close()
            self._source = None
        self._forget_absence()

    def set_threshold(self, threshold: timedelta) -> None:
        self._threshold = threshold
        if self._source is not None and not self.away:
            self._timer.start(0)  # like start(): no signal from inside the caller's call

    def _check(self) -> None:
        if self._source is None:
            return
        idle = self._source.idle()
        # The monotonic clock tells a new input from the passing of time, even when the
        # wall clock is set meanwhile; the injected clock only dates the reports.
        last_input = time.monotonic() - idle.total_seconds()
        now = self._clock.now()
        if not self.away and idle >= self._threshold:
            self._absence_began = last_input
            self._report_away(now - idle)
        elif self.away and last_input > self._absence_began + SAME_INPUT.total_seconds():
            self._report_back(now - idle)
        wait = next_check(idle, self._threshold, self.away)
        self._timer.start(max(1, round(wait / timedelta(milliseconds=1))))
