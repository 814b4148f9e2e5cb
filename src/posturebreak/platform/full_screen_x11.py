"""Is the active window full screen? (X11, through Xlib and the EWMH hints.)

Window managers that follow the Extended Window Manager Hints name the active
window on the root window (``_NET_ACTIVE_WINDOW``) and mark a full-screen one
with ``_NET_WM_STATE_FULLSCREEN``. A presentation, a video or a game shows
that way. Asked only when a reminder is due, so it costs nothing otherwise.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_

log = logging.getLogger(__name__)

_SUCCESS = 0
_ANY_PROPERTY_TYPE = 0
_MAX_ITEMS = 64


class _Xlib:
    """The few Xlib calls needed, with their C types declared."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        lib = ctypes.CDLL(name)
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,  # display
            ctypes.c_ulong,  # window
            ctypes.c_ulong,  # property
            ctypes.c_long,  # offset
            ctypes.c_long,  # length
            ctypes.c_int,  # delete
            ctypes.c_ulong,  # requested type
            ctypes.POINTER(ctypes.c_ulong),  # actual type
            ctypes.POINTER(ctypes.c_int),  # actual format
            ctypes.POINTER(ctypes.c_ulong),  # items
            ctypes.POINTER(ctypes.c_ulong),  # bytes after
            ctypes.POINTER(ctypes.c_void_p),  # data
        ]
        lib.XGetWindowProperty.restype = ctypes.c_int
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.lib = lib
        # A window that closes between two calls must not end the app: Xlib's default
        # error handler exits the process.
        self._ignore_errors = _ERROR_HANDLER(lambda _display, _event: 0)
        lib.XSetErrorHandler(self._ignore_errors)

    def longs(self, display: int, window: int, atom: int) -> list[int]:
        """A 32-bit-format property (windows, atoms) as a list; empty when missing."""
        kind, form = ctypes.c_ulong(), ctypes.c_int()
        items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self.lib.XGetWindowProperty(
            display, window, atom, 0, _MAX_ITEMS, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(kind), ctypes.byref(form), ctypes.byref(items),
            ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        if status != _SUCCESS or not data.value:
            return []
        try:
            if form.value != 32:
                return []
            # Format 32 comes as C longs, whatever their size.
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [values[index] for index in range(items.value)]
        finally:
            self.lib.XFree(data)


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class FullScreenDetector:
    """Busy while the active window on the X display is full screen."""

    reason = BusyReason.FULL_SCREEN
    name = N_("Full-screen windows: X11 window manager hints")

    def __init__(self, xlib: _Xlib, display: int) -> None:
        self._xlib = xlib
        self._display = display
        intern = xlib.lib.XInternAtom
        self._active = intern(display, b"_NET_ACTIVE_WINDOW", 0)
        self._state = intern(display, b"_NET_WM_STATE", 0)
        self._full_screen = intern(display, b"_NET_WM_STATE_FULLSCREEN", 0)
        self._root = xlib.lib.XDefaultRootWindow(display)

    @classmethod
    def open(cls) -> FullScreenDetector | None:
        """Connects to the X display in ``DISPLAY``; None (and a log line) where there is none."""
        if not os.environ.get("DISPLAY"):
            return None
        try:
            xlib = _Xlib()
        except (OSError, AttributeError) as error:
            log.info("Full-screen detection is off: no Xlib (%s)", error)
            return None
        display = xlib.lib.XOpenDisplay(None)
        if not display:
            log.info("Full-screen detection is off: cannot open display %s", os.environ["DISPLAY"])
            return None
        return cls(xlib, display)

    def busy(self) -> bool:
        active = self._xlib.longs(self._display, self._root, self._active)
        if not active or not active[0]:
            return False
        return self._full_screen in self._xlib.longs(self._display, active[0], self._state)
