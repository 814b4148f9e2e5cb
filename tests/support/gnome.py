"""A headless GNOME compositor (Mutter) on a private session bus, and a hand on it.

Mutter serves the real ``org.gnome.Mutter.IdleMonitor``; input goes in through its
RemoteDesktop API, whose session lives only as long as the D-Bus client that made it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tests.support.desktop import wait_until
from tests.support.private_bus import OnPrivateBus, PrivateBus, missing_bus_tools

IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
REMOTE_DESKTOP = "org.gnome.Mutter.RemoteDesktop"


def missing_tools() -> list[str]:
    return ([] if shutil.which("mutter") else ["mutter"]) + missing_bus_tools()


@dataclass
class HeadlessMutter(OnPrivateBus):
    def start(self) -> HeadlessMutter:
        self.bus = PrivateBus(self.workdir / "bus", self.processes).start()
        (self.workdir / "runtime").mkdir(mode=0o700, parents=True)
        self._start_compositor()
        return self

    def restart(self) -> None:
        """Mutter quits and a new one takes its names, as when GNOME Shell restarts."""
        assert self.bus is not None
        self._mutter.terminate()
        self._mutter.wait(10)
        self.processes.started.remove(self._mutter)
        with self.bus.connection() as connection:
            wait_until(lambda: not connection.name_has_owner(IDLE_MONITOR), 10, "Mutter gone")
        self._start_compositor()

    def _start_compositor(self) -> None:
        assert self.bus is not None
        env = self.env(XDG_RUNTIME_DIR=str(self.workdir / "runtime"))
        argv = ["mutter", "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800"]
        argv.append("--wayland-display=posture-break")
        log = self.workdir / f"mutter{len(self.processes.started)}.log"
        self._mutter = self.processes.spawn(argv, env, log)
        for name in (IDLE_MONITOR, REMOTE_DESKTOP):
            self.bus.wait_for_name(name)

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program in this session (no X11, no Wayland socket)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("QT_", "WAYLAND", "DISPLAY", "DBUS_SESSION"))
        }
        env.update(DBUS_SESSION_BUS_ADDRESS=self.address, QT_QPA_PLATFORM="offscreen")
        env.update(extra)
        return env

    @contextmanager
    def hand(self) -> Iterator[RemoteHand]:
        """A RemoteDesktop session that moves the pointer while the block runs."""
        assert self.bus is not None
        with self.bus.connection() as connection:
            desktop = connection.get_object(REMOTE_DESKTOP, "/org/gnome/Mutter/RemoteDesktop")
            path = desktop.CreateSession(dbus_interface=REMOTE_DESKTOP)
            session = connection.get_object(REMOTE_DESKTOP, path)
            session.Start(dbus_interface=f"{REMOTE_DESKTOP}.Session")
            try:
                yield RemoteHand(session)
            finally:
                session.Stop(dbus_interface=f"{REMOTE_DESKTOP}.Session")


@dataclass
class RemoteHand:
    session: Any

    def move(self) -> None:
        """Moves the pointer a little: input, as far as Mutter's idle time is concerned."""
        self.session.NotifyPointerMotionRelative(
            4.0, 3.0, dbus_interface=f"{REMOTE_DESKTOP}.Session"
        )
