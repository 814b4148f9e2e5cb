"""Lock, unlock, sleep and wake-up on Windows, from the messages Windows sends a window.

A window registered with ``WTSRegisterSessionNotification`` is told when the
session locks and unlocks (``WM_WTSSESSION_CHANGE``), and every top-level
window when the machine suspends and resumes (``WM_POWERBROADCAST``). A hidden
Qt window receives both, and a native event filter reads them as Qt hands them
over: nothing polls. The user is away while the session is locked or the
machine asleep, so waking up to a locked screen is still away until unlock.

This cannot run here (Linux): it is unit-tested with real ``MSG`` structures
and a fake of the wtsapi32 calls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from ctypes import wintypes
from datetime import timedelta
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, QTimer
from PySide6.QtGui import QWindow

from posturebreak.core.clock import Clock
from posturebreak.core.do_not_disturb import BusyDetector
from posturebreak.i18n import N_
from posturebreak.platform.presence import PresenceDetector
from posturebreak.platform.windows_busy import busy_detectors_here
from posturebreak.platform.windows_dll import WindowsApiUnavailableError, windows_dll

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 7
WTS_SESSION_UNLOCK = 8
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 4
PBT_APMRESUMESUSPEND = 7  # woken by the user
PBT_APMRESUMEAUTOMATIC = 0x12  # woken by anything (always sent)
NOTIFY_FOR_THIS_SESSION = 0
# What Qt names the messages it passes to native event filters on Windows.
WINDOWS_MESSAGE = b"windows_generic_MSG"

# Windows refuses the registration while Remote Desktop Services are still
# starting (RPC_S_INVALID_BINDING, at login): it is tried again for a while.
REGISTER_RETRY = timedelta(seconds=10)
REGISTER_ATTEMPTS = 30


class Absence(StrEnum):
    """Why Windows says the user cannot be at the computer."""

    LOCKED = "locked"
    ASLEEP = "asleep"


_CHANGES = {
    (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK): (Absence.LOCKED, True),
    (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK): (Absence.LOCKED, False),
    (WM_POWERBROADCAST, PBT_APMSUSPEND): (Absence.ASLEEP, True),
    (WM_POWERBROADCAST, PBT_APMRESUMESUSPEND): (Absence.ASLEEP, False),
    (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC): (Absence.ASLEEP, False),
}


def session_change(message: int, wparam: int) -> tuple[Absence, bool] | None:
    """What a window message says: an absence that begins (True) or ends (False), or None."""
    return _CHANGES.get((message, wparam))


class WtsApi32(Protocol):
    """The two wtsapi32 calls used, as ctypes gives them (or a test's fake)."""

    def WTSRegisterSessionNotification(self, hwnd: int, flags: int) -> int: ...  # noqa: N802  (Win32 name)

    def WTSUnRegisterSessionNotification(self, hwnd: int) -> int: ...  # noqa: N802  (Win32 name)


def _wtsapi32() -> WtsApi32:
    wtsapi32 = windows_dll("wtsapi32")
    wtsapi32.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
    wtsapi32.WTSRegisterSessionNotification.restype = wintypes.BOOL
    wtsapi32.WTSUnRegisterSessionNotification.argtypes = [wintypes.HWND]
    wtsapi32.WTSUnRegisterSessionNotification.restype = wintypes.BOOL
    return wtsapi32  # type: ignore[no-any-return]


class WindowMessages(QAbstractNativeEventFilter):
    """Hands (window, message, wParam) of every Windows message Qt receives to a callback."""

    def __init__(self, received: Callable[[int, int, int], None]) -> None:
        super().__init__()
        self._received = received

    def nativeEventFilter(  # noqa: N802  (Qt's name)
        self,
        event_type: QByteArray | bytes | bytearray | memoryview,
        message: int,
    ) -> tuple[bool, int]:
        # PySide6 passes the MSG's address as a shiboken VoidPtr: int() reads it, but
        # its truth value raises (it has no size).
        address = int(message)
        if address and QByteArray(event_type).data() == WINDOWS_MESSAGE:
            msg = wintypes.MSG.from_address(address)
            self._received(msg.hWnd or 0, msg.message, msg.wParam)
        return False, 0  # never swallows a message: Qt handles it as usual


class WindowsSessionDetector(PresenceDetector):
    """Away while the Windows session is locked or the machine asleep."""

    name = N_("Lock and sleep detection: Windows session notifications")

    def __init__(
        self,
        clock: Clock,
        calls: Callable[[], WtsApi32] = _wtsapi32,
        retry: timedelta = REGISTER_RETRY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._calls = calls
        self._wts: WtsApi32 | None = None
        self._window: QWindow | None = None
        self._hwnd = 0
        # Installed on the application while running; Qt calls it with every message.
        self.message_filter = WindowMessages(self._received)
        self._absences: set[Absence] = set()
        self._registered = False
        self._attempts = 0
        self._retry = QTimer(self)
        self._retry.setInterval(int(retry.total_seconds() * 1000))
        self._retry.timeout.connect(self._register)

    @property
    def hwnd(self) -> int:
        """The hidden window's handle, where the messages arrive (0 when stopped)."""
        return self._hwnd

    def start(self) -> bool:
        if self._window is not None:
            return True
        app = QCoreApplication.instance()
        if app is None:
            return self._unavailable("no Qt application")
        try:
            self._wts = self._calls()
        except WindowsApiUnavailableError as error:
            return self._unavailable(str(error))
        self._window = QWindow()  # never shown: winId() makes its native window
        self._hwnd = int(self._window.winId())
        app.installNativeEventFilter(self.message_filter)
        self._attempts = 0
        self._register()
        return True

    def stop(self) -> None:
        self._retry.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self.message_filter)
        if self._window is not None:
            if self._registered and self._wts is not None:
                self._wts.WTSUnRegisterSessionNotification(self.hwnd)
            self._window.destroy()
            self._window, self._hwnd = None, 0
        self._registered = False
        self._absences.clear()
        self._forget_absence()

    def _register(self) -> None:
        """Asks for lock and unlock messages; sleep and wake-up come to every window anyway."""
        if self._wts is None or self._window is None:
            return
        self._attempts += 1
        if self._wts.WTSRegisterSessionNotification(self.hwnd, NOTIFY_FOR_THIS_SESSION):
            self._registered = True
            self._retry.stop()
        elif self._attempts >= REGISTER_ATTEMPTS:
            self._retry.stop()
            log.warning("%s: Windows refused lock notifications; sleep only", self.name)
        elif not self._retry.isActive():
            log.info("%s: lock notifications refused, trying again", self.name)
            self._retry.start()

    def _received(self, hwnd: int, message: int, wparam: int) -> None:
        change = session_change(message, wparam) if hwnd and hwnd == self._hwnd else None
        if change is None:
            return
        absence, begins = change
        now = self._clock.now()
        if begins:
            self._absences.add(absence)
            self._report_away(now)
        else:
            self._absences.discard(absence)
            if not self._absences:
                self._report_back(now)


def windows_detectors(
    clock: Clock,
) -> tuple[list[PresenceDetector], list[BusyDetector]]:
    """Lock and sleep detection (it says itself if it cannot start), and the busy
    detectors whose calls Windows offers here (none elsewhere)."""
    return [WindowsSessionDetector(clock)], busy_detectors_here()
