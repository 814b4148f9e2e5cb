"""The few QtDBus moves the adapters share: is a service there, and hear a signal.

QtDBus delivers signals on the Qt thread, so no extra thread or GLib loop is needed.
PySide6 can only hand a D-Bus signal to a registered slot, hence the small QObject.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage


def service_on_bus(connection: QDBusConnection, service: str) -> bool:
    """True when ``service`` has an owner on ``connection``'s bus right now."""
    if not connection.isConnected():
        return False
    reply = connection.interface().isServiceRegistered(service)
    return bool(reply.isValid() and reply.value())


class DBusSignal(QObject):
    """Passes one D-Bus signal's arguments to ``callback`` while listening."""

    # PySide6 takes the slot as the str SLOT() returns (its stubs say bytes, which fails).
    _SLOT: Any = SLOT("_deliver(QDBusMessage)")

    def __init__(
        self,
        connection: QDBusConnection,
        address: tuple[str, str, str, str],
        callback: Callable[[list[Any]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._service, self._path, self._interface, self._name = address
        self._callback = callback
        self._listening = False

    def listen(self) -> bool:
        if not self._listening:
            self._listening = self._connection.connect(
                self._service, self._path, self._interface, self._name, self, self._SLOT
            )
        return self._listening

    def stop_listening(self) -> None:
        if self._listening:
            self._connection.disconnect(
                self._service, self._path, self._interface, self._name, self, self._SLOT
            )
            self._listening = False

    @Slot(QDBusMessage)
    def _deliver(self, message: QDBusMessage) -> None:
        self._callback(message.arguments())
