"""Is the screen locked? The desktop's screen saver says so over D-Bus.

GNOME Shell serves ``org.gnome.ScreenSaver``; KDE Plasma, XFCE and others
``org.freedesktop.ScreenSaver``. Both send ``ActiveChanged(bool)`` when the
screen locks or unlocks, so this waits for signals and never polls. QtDBus
delivers them on the Qt thread.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection

from posturebreak.core.clock import Clock
from posturebreak.platform.presence import PresenceDetector

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

    name = "Lock detection"

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(clock, parent)
        self._bus = QDBusConnection.sessionBus()
        self._watching: tuple[str, str] | None = None

    def start(self) -> bool:
        if self._watching is not None:
            return True
        if not self._bus.isConnected():
            return self._unavailable("no session bus")
        registered = self._bus.interface().isServiceRegistered
        for service, path in _SCREEN_SAVERS:
            if registered(service).value() and self._bus.connect(  # type: ignore[call-overload]
                service, path, service, "ActiveChanged", self, _ACTIVE_CHANGED_SLOT
            ):
                self._watching = (service, path)
                self.name = f"Lock detection: {service}"
                return True
        return self._unavailable("no screen saver service on the session bus")

    def stop(self) -> None:
        if self._watching is not None:
            service, path = self._watching
            self._bus.disconnect(  # type: ignore[call-overload]  # see _ACTIVE_CHANGED_SLOT
                service, path, service, "ActiveChanged", self, _ACTIVE_CHANGED_SLOT
            )
            self._watching = None
        self._forget_absence()

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        now = self._clock.now()
        if active:
            self._report_away(now)
        else:
            self._report_back(now)
