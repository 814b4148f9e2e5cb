"""Is the desktop's own do-not-disturb on?

GNOME keeps it as ``show-banners = false`` in ``org.gnome.desktop.notifications``
(read with ``gsettings``); KDE Plasma and other notification servers that
support it expose an ``Inhibited`` property on ``org.freedesktop.Notifications``.
Asked only when a reminder is due.
"""

from __future__ import annotations

import logging
import shutil
from typing import Any

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_
from posturebreak.platform.tool_output import tool_output

log = logging.getLogger(__name__)

_TIMEOUT_S = 2.0


class GnomeDoNotDisturb:
    """Busy while GNOME shows no notification banners."""

    reason = BusyReason.DESKTOP
    name = N_("Desktop do not disturb: GNOME")

    def __init__(self, gsettings: str) -> None:
        self._gsettings = gsettings

    @classmethod
    def here(cls, desktop: str) -> GnomeDoNotDisturb | None:
        gsettings = shutil.which("gsettings")
        return cls(gsettings) if gsettings and "GNOME" in desktop.upper() else None

    def busy(self) -> bool:
        banners = tool_output(
            [self._gsettings, "get", "org.gnome.desktop.notifications", "show-banners"]
        )
        return banners is not None and banners.strip() == "false"


class InhibitedNotifications:
    """Busy while the notification server says it is inhibited (KDE's do not disturb)."""

    reason = BusyReason.DESKTOP
    name = N_("Desktop do not disturb: notification server")

    def busy(self) -> bool:
        try:
            import dbus

            bus: Any = dbus.SessionBus(private=True)
            try:
                server = bus.get_object(
                    "org.freedesktop.Notifications",
                    "/org/freedesktop/Notifications",
                    introspect=False,
                )
                inhibited = server.Get(
                    "org.freedesktop.Notifications",
                    "Inhibited",
                    dbus_interface="org.freedesktop.DBus.Properties",
                    timeout=_TIMEOUT_S,
                )
            finally:
                bus.close()
        except Exception as error:  # no such property (most servers), no bus, no dbus-python
            log.debug("No inhibition state from the notification server: %s", error)
            return False
        return bool(inhibited)
