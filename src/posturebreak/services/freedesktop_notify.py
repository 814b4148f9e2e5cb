"""Desktop notifications on Linux, spoken to the freedesktop notification server directly.

plyer (used elsewhere) sends the same ``Notify`` call but throws away the id
it returns and sets no urgency, so a notification could never be withdrawn
once its break window was answered, and a skin-safety alert could not ask to
stay on screen. Here we keep the id and send the urgency hint ourselves, over
dbus-python, which plyer would use on Linux anyway.

Specification: https://specifications.freedesktop.org/notification-spec/latest/
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from posturebreak import APP_ID, APP_NAME
from posturebreak.services.notify import Notification, NotificationError, Urgency, Withdraw

log = logging.getLogger(__name__)

_BUS_NAME = "org.freedesktop.Notifications"
_OBJECT_PATH = "/org/freedesktop/Notifications"
_CALL_TIMEOUT_S = 5.0  # a hung server must not freeze the tray for dbus-python's 25 s


class FreedesktopNotifier:
    """Shows notifications through ``org.freedesktop.Notifications`` and can close them."""

    name = "desktop notification"

    def __init__(self, icon: Path | None, timeout_seconds: int = 15) -> None:
        self._icon = str(icon) if icon else ""
        self._timeout_ms = timeout_seconds * 1000
        self._server: Any = None  # the server's interface on a private bus connection
        self._bus: Any = None
        self._escapes_markup = False

    def show(self, notification: Notification) -> Withdraw:
        try:
            import dbus

            server = self._connect()
            title, message = notification.title, notification.message
            if self._escapes_markup:
                message = html.escape(message, quote=False)
            hints = {
                "urgency": dbus.Byte(notification.urgency),
                "desktop-entry": APP_ID,
            }
            notification_id = server.Notify(
                APP_NAME,
                dbus.UInt32(0),
                self._icon,
                title,
                message,
                dbus.Array([], signature="s"),
                dbus.Dictionary(hints, signature="sv"),
                # 0: never expires
                dbus.Int32(0 if notification.urgency is Urgency.CRITICAL else self._timeout_ms),
                timeout=_CALL_TIMEOUT_S,
            )
        except Exception as error:
            self._disconnect()  # the bus or the server may be back next time
            raise NotificationError(f"{type(error).__name__}: {error}") from error
        return lambda: self._close(int(notification_id))

    def _connect(self) -> Any:
        if self._server is None:
            import dbus

            self._bus = dbus.SessionBus(private=True)
            proxy = self._bus.get_object(_BUS_NAME, _OBJECT_PATH, introspect=False)
            self._server = dbus.Interface(proxy, dbus_interface=_BUS_NAME)
            capabilities = self._server.GetCapabilities(timeout=_CALL_TIMEOUT_S)
            self._escapes_markup = "body-markup" in capabilities
        return self._server

    def _disconnect(self) -> None:
        if self._bus is not None:
            self._bus.close()
        self._bus = self._server = None

    def _close(self, notification_id: int) -> None:
        """Takes the notification off the screen; one already gone is no error."""
        if self._server is None:
            return
        try:
            import dbus

            self._server.CloseNotification(dbus.UInt32(notification_id), timeout=_CALL_TIMEOUT_S)
        except Exception as error:
            log.debug("Notification %d could not be closed: %s", notification_id, error)
