"""Sleep and wake-up from systemd-logind's ``PrepareForSleep`` signal on the system bus.

logind announces both edges, so the process only wakes when the machine does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection

from posturebreak.core.clock import Clock
from posturebreak.i18n import N_
from posturebreak.platform.presence import PresenceDetector
from posturebreak.platform.qtdbus import DBusSignal, service_on_bus

SERVICE = "org.freedesktop.login1"
PATH = "/org/freedesktop/login1"
INTERFACE = "org.freedesktop.login1.Manager"


class LogindSleepDetector(PresenceDetector):
    """Away from the moment the machine goes to sleep until it wakes up."""

    name = N_("Sleep detection: systemd-logind")

    def __init__(
        self,
        clock: Clock,
        connection: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._connection = connection if connection is not None else QDBusConnection.systemBus()
        self._signal = DBusSignal(
            self._connection, (SERVICE, PATH, INTERFACE, "PrepareForSleep"), self._on_sleep, self
        )

    def start(self) -> bool:
        if not self._connection.isConnected():
            return self._unavailable("no system bus")
        if not service_on_bus(self._connection, SERVICE):
            return self._unavailable(f"no {SERVICE} (systemd-logind) on the system bus")
        if not self._signal.listen():
            return self._unavailable(f"cannot listen to {INTERFACE}.PrepareForSleep")
        return True

    def stop(self) -> None:
        self._signal.stop_listening()
        self._forget_absence()

    def _on_sleep(self, arguments: list[Any]) -> None:
        if not arguments:
            return
        if arguments[0]:
            self._report_away(self._clock.now())
        else:
            self._report_back(self._clock.now())
