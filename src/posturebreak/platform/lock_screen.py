"""Is the screen locked? The desktop's screen saver says so over D-Bus.

GNOME Shell serves ``org.gnome.ScreenSaver``; KDE Plasma, XFCE and others
``org.freedesktop.ScreenSaver``. Both send ``ActiveChanged(bool)`` when the
screen locks or unlocks, so this waits for signals and never polls. QtDBus
delivers them on the Qt thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, Slot
from PySide6.QtDBus import QDBusConnection

from posturebreak.core.clock import Clock
from posturebreak.platform.presence import PresenceDetector

log = logging.getLogger(__name__)

# (service, object path), in the order they are looked for; both use the service name
# as their interface name.
_SCREEN_SAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
)
# PySide6's stubs ask for bytes here, but at run time only the str SLOT() gives works.
_ACTIVE_CHANGED_SLOT = SLOT("_active_changed(bool)")


class LockScreenDetector(PresenceDetector):
    """Away while the screen is locked (or the screen saver is on)."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self._clock = clock
        self._bus = QDBusConnection.sessionBus()
        self._watching: tuple[str, str] | None = None
        self._locked = False
        self.name = "Lock detection"

    def start(self) -> bool:
        if not self._bus.isConnected():
            self.unavailable_reason = "no session bus"
            return False
        registered = self._bus.interface().isServiceRegistered
        for service, path in _SCREEN_SAVERS:
            if registered(service).value() and self._bus.connect(  # type: ignore[call-overload]
                service, path, service, "ActiveChanged", self, _ACTIVE_CHANGED_SLOT
            ):
                self._watching = (service, path)
                self.name = f"Lock detection: {service}"
                return True
        self.unavailable_reason = "no screen saver service on the session bus"
        return False

    def stop(self) -> None:
        if self._watching is not None:
            service, path = self._watching
            self._bus.disconnect(  # type: ignore[call-overload]  # see _ACTIVE_CHANGED_SLOT
                service, path, service, "ActiveChanged", self, _ACTIVE_CHANGED_SLOT
            )
            self._watching = None

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active == self._locked:
            return
        self._locked = active
        now = self._clock.now()
        log.info("Screen %s", "locked" if active else "unlocked")
        if active:
            self.went_away.emit(now)
        else:
            self.came_back.emit(now)
