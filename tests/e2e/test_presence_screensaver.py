"""Idle time from org.freedesktop.ScreenSaver (as KDE Plasma serves it), over real D-Bus.

KDE Plasma cannot run here, so python-dbusmock plays its screen saver service on
a private session bus: ``GetSessionIdleTime`` answers the milliseconds the test
sets. The detector under test is the real one, in its own process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.presence_probe import Probe
from tests.support.private_bus import PrivateBus, Processes, missing_bus_tools, require_tools
from tests.support.system_bus import SYSTEM_PYTHON
from tests.support.system_bus import missing_tools as missing_dbusmock

pytestmark = pytest.mark.e2e

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


@pytest.fixture
def processes() -> Iterator[Processes]:
    started = Processes()
    yield started
    started.stop()


def set_idle(bus: PrivateBus, milliseconds: int) -> None:
    import dbus

    with bus.connection() as connection:
        mock = connection.get_object(SERVICE, PATH)
        mock.Set(SERVICE, "IdleMs", dbus.UInt32(milliseconds), dbus_interface=dbus.PROPERTIES_IFACE)


def test_the_screen_savers_idle_time_gives_away_and_back(
    processes: Processes, tmp_path: Path
) -> None:
    require_tools(missing_bus_tools() + missing_dbusmock())
    bus = PrivateBus(tmp_path / "bus", processes).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY"))}
    env.update(DBUS_SESSION_BUS_ADDRESS=bus.address, QT_QPA_PLATFORM="offscreen")
    mock = [SYSTEM_PYTHON, "-m", "dbusmock", SERVICE, PATH, SERVICE]
    processes.spawn(mock, env, tmp_path / "dbusmock.log")
    bus.wait_for_name(SERVICE)
    with bus.connection() as connection:
        mock_object = connection.get_object(SERVICE, PATH)
        mock_object.AddProperty(SERVICE, "IdleMs", 0, dbus_interface="org.freedesktop.DBus.Mock")
        mock_object.AddMethod(
            SERVICE,
            "GetSessionIdleTime",
            "",
            "u",
            f"ret = self.Get('{SERVICE}', 'IdleMs')",
            dbus_interface="org.freedesktop.DBus.Mock",
        )

    probe = Probe.start(processes, "idle", 1.0, env, tmp_path / "probe.log")
    started = probe.wait_for("started")
    assert started["name"] == "Idle detection: org.freedesktop.ScreenSaver"
    set_idle(bus, 5_000)  # nobody has touched anything for 5 s
    probe.wait_for("went_away")
    set_idle(bus, 0)  # input just now
    probe.wait_for("came_back")
