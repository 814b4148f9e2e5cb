"""A private D-Bus daemon (session or system type), and tools tests may lack.

Real services (Mutter, a mocked logind) run on it, so tests never touch the
machine's own buses.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.desktop import (
    bus_connection,
    start_bus_daemon,
    stop_processes,
    wait_until,
)


def missing_bus_tools() -> list[str]:
    return [] if shutil.which("dbus-daemon") else ["dbus-daemon"]


def require_tools(missing: list[str]) -> None:
    """Skips the test without ``missing`` tools; under ``CI=true`` fails instead."""
    if not missing:
        return
    reason = f"tools missing: {', '.join(missing)} (run scripts/setup)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class Processes:
    """Processes a test started; ``stop`` ends them all, newest first."""

    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def spawn(self, argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("wb") as output:
            process = subprocess.Popen(argv, env=env, stdout=output, stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def stop(self) -> None:
        stop_processes(self.started)


@dataclass
class PrivateBus:
    """A dbus-daemon of its own; ``kind`` is "session" or "system"."""

    workdir: Path
    processes: Processes
    kind: str = "session"
    address: str = ""

    def start(self) -> PrivateBus:
        self.address = start_bus_daemon(self.workdir, self.processes.started, self.kind)
        return self

    def connection(self) -> AbstractContextManager[Any]:
        """A dbus-python connection to this bus, closed afterwards."""
        return bus_connection(self.address)

    def has_name(self, name: str) -> bool:
        with self.connection() as connection:
            return bool(connection.name_has_owner(name))

    def wait_for_name(self, name: str, timeout: float = 20.0) -> None:
        with self.connection() as connection:
            wait_until(lambda: connection.name_has_owner(name), timeout, f"{name} on the bus")


@dataclass
class OnPrivateBus:
    """A service a test runs on a bus of its own; ``stop`` ends both."""

    workdir: Path
    processes: Processes = field(default_factory=Processes)
    bus: PrivateBus | None = None

    @property
    def address(self) -> str:
        assert self.bus is not None, "start() first"
        return self.bus.address

    def stop(self) -> None:
        self.processes.stop()
