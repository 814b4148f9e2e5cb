"""A private system bus with python-dbusmock's logind on it, to announce sleep.

Debian's python3-dbusmock lives under the system Python, so the mock runs there.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from tests.support.private_bus import OnPrivateBus, PrivateBus, missing_bus_tools

LOGIND = "org.freedesktop.login1"
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

    def prepare_for_sleep(self, going_to_sleep: bool) -> None:
        """What logind says just before the machine sleeps (True) and after it wakes."""
        import dbus

        assert self.bus is not None
        with self.bus.connection() as connection:
            manager = connection.get_object(LOGIND, "/org/freedesktop/login1")
            manager.EmitSignal(
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "b",
                [dbus.Boolean(going_to_sleep)],
                dbus_interface="org.freedesktop.DBus.Mock",
            )
