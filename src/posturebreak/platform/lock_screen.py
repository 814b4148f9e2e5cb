"""Is the screen locked? The desktop's screen saver says so over D-Bus.

GNOME Shell serves the ``org.gnome.ScreenSaver`` interface under its own name
``org.gnome.Shell.ScreenShield``; the name ``org.gnome.ScreenSaver`` belongs to a
small proxy that D-Bus starts only when somebody calls it, so it is the second
choice. KDE Plasma, XFCE and others serve ``org.freedesktop.ScreenSaver``. All
send ``ActiveChanged(bool)`` when the screen locks or unlocks, so this waits for
signals and never polls. QtDBus delivers them on the Qt thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection

from posturebreak.core.clock import Clock
from posturebreak.i18n import N_, _
from posturebreak.platform.presence import PresenceDetector
from posturebreak.platform.qtdbus import DBusSignal, service_on_bus

# (service, object path, interface), in the order they are looked for.
_SCREEN_SAVERS = (
    ("org.gnome.Shell.ScreenShield", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
)


class LockScreenDetector(PresenceDetector):
    """Away while the screen is locked (or the screen saver is on)."""

    name = N_("Lock detection")

    def __init__(
        self,
        clock: Clock,
        connection: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._bus = connection if connection is not None else QDBusConnection.sessionBus()
        self._signal: DBusSignal | None = None

    def start(self) -> bool:
        if self._signal is not None:
            return True
        if not self._bus.isConnected():
            return self._unavailable("no session bus")
        for service, path, interface in _SCREEN_SAVERS:
            if not service_on_bus(self._bus, service):
                continue
            address = (service, path, interface, "ActiveChanged")
            signal = DBusSignal(self._bus, address, self._active_changed, self)
            if signal.listen():
                self._signal = signal
                # Translators: {service} is a D-Bus name such as org.gnome.ScreenSaver.
                self.name = _("Lock detection: {service}").format(service=service)
                return True
        return self._unavailable("no screen saver service on the session bus")

    def stop(self) -> None:
        if self._signal is not None:
            self._signal.stop_listening()
            self._signal = None
        self._forget_absence()

    def _active_changed(self, arguments: list[Any]) -> None:
        now = self._clock.now()
        if arguments and arguments[0]:
            self._report_away(now)
        else:
            self._report_back(now)
