"""Idle time from ``org.freedesktop.ScreenSaver.GetSessionIdleTime`` (KDE Plasma), polled.

KDE's screen saver service tells the session's idle time in milliseconds when
asked, on X11 and Wayland alike, so it is polled like X11's (see
:mod:`posturebreak.platform.idle_polled`). GNOME has no such service; Mutter's
own watches serve it better.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from posturebreak.i18n import N_
from posturebreak.platform.idle_polled import IdleSourceUnavailableError, PolledIdleDetector
from posturebreak.platform.qtdbus import service_on_bus

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
_CALL_TIMEOUT_MS = 1000  # a hung service must not freeze the tray


class ScreenSaverIdle:
    """Asks the session's screen saver service for the idle time."""

    def __init__(self) -> None:
        bus = QDBusConnection.sessionBus()
        if not service_on_bus(bus, SERVICE):
            raise IdleSourceUnavailableError(f"no {SERVICE} on the session bus")
        self._service = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        self._service.setTimeout(_CALL_TIMEOUT_MS)
        if self._ask() is None:
            raise IdleSourceUnavailableError(f"{SERVICE} does not answer GetSessionIdleTime")

    def idle(self) -> timedelta:
        milliseconds = self._ask()
        return timedelta(milliseconds=milliseconds or 0)

    def close(self) -> None:
        """Nothing to release: the session bus connection is shared."""

    def _ask(self) -> int | None:
        reply = self._service.call("GetSessionIdleTime")
        arguments = reply.arguments()
        if reply.type() is QDBusMessage.MessageType.ErrorMessage or not arguments:
            return None
        return int(arguments[0])


class ScreenSaverIdleDetector(PolledIdleDetector):
    name = N_("Idle detection: org.freedesktop.ScreenSaver")
    source = ScreenSaverIdle
