"""Idle time on X11 from the MIT-SCREEN-SAVER extension, polled adaptively.

The extension only reports the idle time when asked (its notify events need the
server's screensaver timeout, which belongs to the user): see
:mod:`posturebreak.platform.idle_polled`.
"""

from __future__ import annotations

import ctypes
import functools
from datetime import timedelta

from posturebreak.i18n import N_
from posturebreak.platform.idle_polled import (
    IdleSourceUnavailableError,
    PolledIdleDetector,
)


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


class X11IdleDetector(PolledIdleDetector):
    """Idle time from the X server's MIT-SCREEN-SAVER extension."""

    name = N_("Idle detection: X11 screen saver extension")
    source = XScreenSaverIdle
