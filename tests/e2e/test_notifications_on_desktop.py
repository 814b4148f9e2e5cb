"""Notifications as the real notification server (dunst) sees them: urgency, withdrawal."""

from __future__ import annotations

import re
from typing import Any

import pytest

from posturebreak.services.freedesktop_notify import FreedesktopNotifier
from posturebreak.services.notify import Notification, NotificationError, Urgency
from tests.e2e.conftest import DesktopFactory
from tests.support.desktop import NOTIFICATIONS, VirtualDesktop, wait_until

pytestmark = pytest.mark.e2e


def on_screen(desktop: VirtualDesktop) -> int:
    """How many notifications dunst shows or has waiting to show."""
    with desktop.bus() as bus:
        server = bus.get_object(NOTIFICATIONS, "/org/freedesktop/Notifications")
        return sum(
            int(server.Get("org.dunstproject.cmd0", name, dbus_interface=PROPERTIES))
            for name in ("displayedLength", "waitingLength")
        )


PROPERTIES = "org.freedesktop.DBus.Properties"


def newest(desktop: VirtualDesktop) -> dict[str, Any]:
    return desktop.notifications()[-1]


def test_a_withdrawn_notification_leaves_the_screen_and_an_urgent_one_is_critical(
    make_desktop: DesktopFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = make_desktop()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
    notifier = FreedesktopNotifier(None)

    withdraw = notifier.show(Notification("Seated knee to chest", "Hug one knee gently."))
    wait_until(lambda: on_screen(desktop) == 1, 10, "the notification on screen")
    withdraw()  # its break window was answered
    wait_until(lambda: on_screen(desktop) == 0, 10, "the notification to be withdrawn")
    assert newest(desktop)["summary"] == "Seated knee to chest"
    assert newest(desktop)["timeout"] > 0  # an ordinary one expires

    with desktop.watch_notify_calls() as calls:
        notifier.show(Notification("Take the pack off now", "Time is up.", Urgency.CRITICAL))
        call = wait_until(lambda: calls.text() if "Take the pack off now" in calls.text() else "")
    wait_until(lambda: on_screen(desktop) == 1, 10, "the urgent notification on screen")
    urgent = newest(desktop)
    assert (urgent["summary"], urgent["appname"]) == ("Take the pack off now", "Posture Break")
    assert urgent["timeout"] == 0  # it stays until the user dismisses it
    assert re.search(r'string "urgency"\s+variant\s+byte 2', call)  # critical


def test_without_a_notification_server_showing_fails_so_the_next_notifier_can_try(
    make_desktop: DesktopFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = make_desktop(notification_server=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
    with pytest.raises(NotificationError, match="DBusException"):
        FreedesktopNotifier(None).show(Notification("Stretch", "Stand up."))
