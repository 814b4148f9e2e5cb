"""A headless GNOME compositor (Mutter) or GNOME Shell on a private session bus,
and a hand on it.

Mutter serves the real ``org.gnome.Mutter.IdleMonitor``; input goes in through its
RemoteDesktop API, whose session lives only as long as the D-Bus client that made it.
GNOME Shell adds the real lock screen; it wants logind and a display manager on the
system bus, which python-dbusmock stands in for on a private one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.desktop import wait_until
from tests.support.private_bus import OnPrivateBus, PrivateBus, missing_bus_tools, require_tools
from tests.support.system_bus import MockLogind
from tests.support.system_bus import missing_tools as missing_mock_tools

IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
REMOTE_DESKTOP = "org.gnome.Mutter.RemoteDesktop"
SCREEN_SHIELD = "org.gnome.Shell.ScreenShield"
# GNOME Shell offers a lock screen only where systemd keeps its seats here.
SYSTEMD_SEATS = Path("/run/systemd/seats")
SESSION_ID = "c1"  # the logind session the shell runs in
_STARTS = 10
_EXEC_TAKES_AT_MOST = 3.0  # seconds, on a busy machine
WAYLAND_DISPLAY = "posture-break"
NOTIFICATIONS = "org.freedesktop.Notifications"


def missing_tools(compositor: str = "mutter") -> list[str]:
    return ([] if shutil.which(compositor) else [compositor]) + missing_bus_tools()


@dataclass
class HeadlessMutter(OnPrivateBus):
    compositor = "mutter"
    serves: tuple[str, ...] = (IDLE_MONITOR, REMOTE_DESKTOP)
    log: Path = field(default=Path(os.devnull), init=False)  # the compositor's output

    def start(self) -> HeadlessMutter:
        self.bus = PrivateBus(self.workdir / "bus", self.processes).start()
        self.runtime.mkdir(mode=0o700, parents=True)
        self._start_compositor()
        return self

    @property
    def runtime(self) -> Path:
        """The session's XDG_RUNTIME_DIR: the Wayland socket, and PipeWire's if one runs."""
        return self.workdir / "runtime"

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
        self._spawn_compositor()
        for name in self.serves:
            self.bus.wait_for_name(name)

    def _spawn_compositor(self) -> None:
        env = self.env(XDG_RUNTIME_DIR=str(self.runtime))
        argv = [self.compositor, "--headless", "--wayland", "--no-x11"]
        argv += ["--virtual-monitor", "1280x800", f"--wayland-display={WAYLAND_DISPLAY}"]
        self.log = self.workdir / f"{self.compositor}{len(self.processes.started)}.log"
        self._mutter = self.processes.spawn(argv, env, self.log)

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

    def wayland_client_env(self, **extra: str) -> dict[str, str]:
        """A Qt program's environment as a real Wayland client of this compositor (the
        socket by its full path: the client keeps a runtime folder of its own)."""
        socket = str(self.runtime / WAYLAND_DISPLAY)
        runtime = self.workdir / "client-runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        wayland = dict(QT_QPA_PLATFORM="wayland", WAYLAND_DISPLAY=socket)
        return dict(**wayland, XDG_RUNTIME_DIR=str(runtime), **extra)

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


@dataclass
class HeadlessGnomeShell(HeadlessMutter):
    """GNOME Shell in a logind session of this user, with its real lock screen."""

    compositor = "gnome-shell"
    serves: tuple[str, ...] = (IDLE_MONITOR, SCREEN_SHIELD)
    logind: MockLogind | None = None
    session: str = ""  # the logind session's object path

    def start(self) -> HeadlessGnomeShell:
        if not SYSTEMD_SEATS.is_dir():  # a container without systemd; only root can add it
            SYSTEMD_SEATS.mkdir(parents=True)
        self.logind = MockLogind(self.workdir / "system", self.processes).start()
        self.session = self.logind.add_session(SESSION_ID)
        self.logind.serve_display_manager()
        super().start()
        return self

    def _spawn_compositor(self) -> None:
        """Starts the shell, and again whenever it hangs on its way up.

        GNOME Shell 43 spawns ibus-daemon with a JavaScript child-setup callback
        (unless it runs in a systemd user unit, which it cannot here); often the
        forked child deadlocks before it can exec, and the shell waits for it
        forever (about two starts in five here). Such a child is easy to see: it
        is still a copy of the shell seconds after the fork.
        """
        for _ in range(_STARTS):
            if self._start_once():
                return
        raise RuntimeError(f"GNOME Shell hung on each of {_STARTS} starts")

    def _start_once(self) -> bool:
        """True once the shell has started; False after ending one that hung."""
        super()._spawn_compositor()
        forks = _Forks(self._mutter.pid)
        if wait_until(lambda: self._started() or forks.stuck(), 120, "GNOME Shell") is True:
            return True
        self._mutter.kill()
        self._mutter.wait()
        self.processes.started.remove(self._mutter)
        forks.kill()
        return False

    def _started(self) -> bool:
        return "GNOME Shell started" in self.log.read_text(errors="replace")

    def env(self, **extra: str) -> dict[str, str]:
        assert self.logind is not None
        session = dict(XDG_SESSION_ID=SESSION_ID, XDG_SESSION_TYPE="wayland")
        session.update(XDG_CURRENT_DESKTOP="GNOME", DBUS_SYSTEM_BUS_ADDRESS=self.logind.address)
        return super().env(**session, **extra)

    def serve_notifications(self) -> None:
        """Starts what D-Bus activation would (our private bus activates nothing): GNOME's
        ``org.freedesktop.Notifications``, a small gjs service that hands them to the shell."""
        assert self.bus is not None
        service = ["gjs", "/usr/share/gnome-shell/org.gnome.Shell.Notifications"]
        self.processes.spawn(service, self.env(), self.workdir / "notifications.log")
        self.bus.wait_for_name(NOTIFICATIONS)

    def unlock(self) -> None:
        """What logind does when the user authenticates: the shell drops its lock screen."""
        assert self.logind is not None
        self.logind.session_signal(self.session, "Unlock")


@contextmanager
def headless_gnome_shell() -> Iterator[HeadlessGnomeShell]:
    """A started GNOME Shell for one test (skipped without its tools), ended afterwards."""
    require_tools(missing_tools("gnome-shell") + missing_mock_tools())
    # Bus sockets live in here: a Unix socket's path must stay under 108 bytes.
    with tempfile.TemporaryDirectory(prefix="pb-gnome-") as workdir:
        session = HeadlessGnomeShell(Path(workdir))
        try:
            yield session.start()
        finally:
            session.stop()


@dataclass
class _Forks:
    """The shell's children that are still copies of it (forked, not yet another program)."""

    parent: int
    first_seen: dict[int, float] = field(default_factory=dict)

    def stuck(self) -> str:
        """ "stuck" once a copy has stayed one for a few seconds (an exec takes milliseconds)."""
        now = time.monotonic()
        copies = [pid for pid in self._children() if _command(pid) == _command(self.parent)]
        self.first_seen = {pid: self.first_seen.get(pid, now) for pid in copies}
        return (
            "stuck"
            if any(now - seen > _EXEC_TAKES_AT_MOST for seen in self.first_seen.values())
            else ""
        )

    def kill(self) -> None:
        for pid in self.first_seen:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def _children(self) -> list[int]:
        try:
            tasks = Path(f"/proc/{self.parent}/task").iterdir()
            return [int(pid) for task in tasks for pid in (task / "children").read_text().split()]
        except OSError:  # the shell has just exited
            return []


def _command(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
