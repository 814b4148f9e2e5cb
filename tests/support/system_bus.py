"""A private system bus with python-dbusmock's logind on it, to announce sleep and
lock sessions, and (for GNOME Shell) a stand-in for the display manager.

Debian's python3-dbusmock lives under the system Python, so the mock runs there.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from typing import Any

from tests.support.private_bus import OnPrivateBus, PrivateBus, missing_bus_tools

LOGIND = "org.freedesktop.login1"
DISPLAY_MANAGER = "org.gnome.DisplayManager"
MOCK = "org.freedesktop.DBus.Mock"
SYSTEM_PYTHON = "/usr/bin/python3"


def missing_tools() -> list[str]:
    """What the mock needs: dbus-daemon and dbusmock with dbus-python for /usr/bin/python3."""
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import dbus, dbusmock"], capture_output=True, check=False
    )
    missing = [] if check.returncode == 0 else ["python3-dbusmock (for /usr/bin/python3)"]
    return missing + missing_bus_tools()


@dataclass
class MockLogind(OnPrivateBus):
    def start(self) -> MockLogind:
        self.bus = PrivateBus(self.workdir / "system-bus", self.processes, "system").start()
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.bus.address)
        argv = [SYSTEM_PYTHON, "-m", "dbusmock", "--system", "--template", "logind"]
        self.processes.spawn(argv, env, self.workdir / "logind.log")
        self.bus.wait_for_name(LOGIND)
        return self

    def add_session(self, session_id: str) -> str:
        """A graphical session of this user on seat0; returns its object path."""
        import dbus

        assert self.bus is not None
        with self.bus.connection() as connection:
            manager = connection.get_object(LOGIND, "/org/freedesktop/login1")
            path: str = manager.AddSession(
                session_id, "seat0", dbus.UInt32(os.getuid()), "user", True,
                dbus_interface="org.freedesktop.DBus.Mock",
            )  # fmt: skip
        return path

    def session_signal(self, path: str, name: str) -> None:
        """What logind tells a session, e.g. "Lock" or "Unlock"."""
        self._emit(path, "org.freedesktop.login1.Session", name, "", [])

    def serve_display_manager(self) -> None:
        """A stand-in for GDM: GNOME Shell offers a lock screen only when one answers."""
        assert self.bus is not None
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.bus.address)
        manager = (
            DISPLAY_MANAGER,
            "/org/gnome/DisplayManager/Manager",
            f"{DISPLAY_MANAGER}.Manager",
        )
        argv = [SYSTEM_PYTHON, "-m", "dbusmock", "--system", *manager]
        self.processes.spawn(argv, env, self.workdir / "gdm.log")
        self.bus.wait_for_name(DISPLAY_MANAGER)
        with self.bus.connection() as connection:
            mock = connection.get_object(DISPLAY_MANAGER, manager[1])
            mock.AddProperty(manager[2], "Version", "43.0", dbus_interface=MOCK)
            mock.AddMethod(manager[2], "RegisterSession", "a{sv}", "", "", dbus_interface=MOCK)

    def prepare_for_sleep(self, going_to_sleep: bool) -> None:
        """What logind says just before the machine sleeps (True) and after it wakes."""
        import dbus

        manager = "org.freedesktop.login1.Manager"
        self._emit(
            "/org/freedesktop/login1",
            manager,
            "PrepareForSleep",
            "b",
            [dbus.Boolean(going_to_sleep)],
        )

    def _emit(self, path: str, interface: str, name: str, signature: str, args: list[Any]) -> None:
        assert self.bus is not None
        with self.bus.connection() as connection:
            mocked = connection.get_object(LOGIND, path)
            mocked.EmitSignal(interface, name, signature, args, dbus_interface=MOCK)
