"""A real, private desktop for end-to-end tests and screenshots.

Xvfb for the screen, a private D-Bus session bus (no service activation, so
nothing starts behind a test's back), dunst as the notification server and
trayer as an XEmbed system tray. Tests assert against what dunst received.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

NOTIFICATIONS = "org.freedesktop.Notifications"
REQUIRED_TOOLS = ("Xvfb", "dbus-daemon", "dunst", "trayer", "xwininfo", "xdotool", "import")

_SESSION_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

_DUNSTRC = """[global]
    history_length = 500
    sticky_history = yes
    font = DejaVu Sans 10
"""


class DesktopUnavailableError(RuntimeError):
    """The tools for a virtual desktop are not installed here."""


# A program that shows a full-screen window (a presentation, say) on the desktop it is given.
FULL_SCREEN_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("A presentation")
label.showFullScreen()
print("shown", flush=True)
app.exec()
"""


def missing_tools() -> list[str]:
    return [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]


def wait_until(
    condition: Callable[[], Any],
    timeout: float = 20.0,
    what: str = "condition",
    every: float = 0.05,
) -> Any:
    """Polls ``condition`` every ``every`` seconds until it returns something truthy; fails
    after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def start_bus_daemon(
    workdir: Path,
    processes: list[subprocess.Popen[bytes]],
    kind: str = "session",
    *,
    every_user: bool = False,
) -> str:
    """Starts a private dbus-daemon (``kind`` "session" or "system") without service
    activation; returns its address once it listens. With ``every_user``, programs of
    other local users may connect too (a session whose parts run as different users)."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / f"{kind}-bus.conf"
    text = _SESSION_BUS_CONFIG.replace("<type>session</type>", f"<type>{kind}</type>")
    if every_user:
        text = text.replace('<allow own="*"/>', '<allow own="*"/>\n    <allow user="*"/>')
    config.write_text(text.format(dir=workdir))
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    processes.append(bus)
    assert bus.stdout is not None
    return _read_line(bus.stdout, 20, f"the {kind} dbus-daemon")


@contextmanager
def bus_connection(address: str) -> Iterator[Any]:
    """A dbus-python connection to the bus at ``address``, closed afterwards."""
    import dbus.bus

    connection = dbus.bus.BusConnection(address)
    try:
        yield connection
    finally:
        connection.close()


def stop_processes(processes: list[subprocess.Popen[bytes]]) -> None:
    """Ends ``processes`` (started last, ended first), killing any that linger; empties it."""
    for process in reversed(processes):
        process.terminate()
    for process in reversed(processes):
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
    processes.clear()


@contextmanager
def watch_notify_calls(address: str) -> Iterator[MonitorOutput]:
    """Records every ``Notify`` call on the bus at ``address`` as ``dbus-monitor`` prints it."""
    monitor = subprocess.Popen(
        ["dbus-monitor", "--address", address, f"interface='{NOTIFICATIONS}',member='Notify'"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert monitor.stdout is not None
    output = MonitorOutput(monitor.stdout)
    try:
        wait_until(lambda: "NameAcquired" in output.text(), 10, "dbus-monitor to listen")
        yield output
    finally:
        monitor.terminate()
        monitor.wait(10)
        monitor.stdout.close()


def _read_line(stream: IO[bytes] | int, timeout: float, what: str) -> str:
    fd = stream if isinstance(stream, int) else stream.fileno()
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError(f"{what} did not start within {timeout} s")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise RuntimeError(f"{what} exited before it was ready")
        data += chunk
    return data.decode().strip()


AT_SPI_BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


@dataclass
class VirtualDesktop:
    """Starts and stops the parts of a desktop; each part is optional."""

    workdir: Path
    notification_server: bool = True
    tray: bool = True
    display: str = ""
    bus_address: str = ""
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> VirtualDesktop:
        missing = missing_tools()
        if missing:
            raise DesktopUnavailableError(f"missing tools: {', '.join(missing)}")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._start_xvfb()
        self._start_bus()
        if self.notification_server:
            (self.workdir / "dunstrc").write_text(_DUNSTRC)
            self._spawn("dunst", ["dunst", "-config", str(self.workdir / "dunstrc")])
            wait_until(self.notification_server_ready, 15, "dunst on the bus")
        if self.tray:
            self._start_tray()
        return self

    def _start_tray(self) -> None:
        """Starts trayer; on a loaded machine it now and then exits before showing its
        panel, so a trayer that has exited is started again (three times at most)."""
        argv = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"]
        argv += ["--height", "24", "--SetDockType", "true", "--transparent", "false"]
        for _ in range(3):
            trayer = self._spawn("trayer", argv)
            panel_or_exit = wait_until(
                lambda t=trayer: self.tray_window_id() or t.poll() is not None, 60, "trayer's panel"
            )
            if panel_or_exit is not True:
                return
            self._processes.remove(trayer)
        log = (self.workdir / "trayer.log").read_text(errors="replace")
        raise DesktopUnavailableError(f"trayer exited three times without a panel:\n{log}")

    def start_accessibility_bus(self) -> None:
        """Starts at-spi2-core's bus launcher: it owns ``org.a11y.Bus`` on this desktop's
        session bus and runs the accessibility bus that Qt and screen readers share (the
        private bus has no service files to activate it). Start it before the app."""
        self._spawn("at-spi-bus-launcher", [AT_SPI_BUS_LAUNCHER, "--launch-immediately"])
        with bus_connection(self.bus_address) as connection:
            wait_until(lambda: connection.name_has_owner("org.a11y.Bus"), 20, "the AT-SPI bus")

    def _start_xvfb(self) -> None:
        read_fd, write_fd = os.pipe()
        self._processes.append(
            subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_fd),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        os.close(write_fd)
        try:
            self.display = ":" + _read_line(read_fd, 20, "Xvfb")
        finally:
            os.close(read_fd)

    def _start_bus(self) -> None:
        self.bus_address = start_bus_daemon(self.workdir, self._processes)

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        with (self.workdir / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(argv, env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        self._processes.append(process)
        return process

    def env(self, **extra: str) -> dict[str, str]:
        """The environment for a program on this desktop."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
        env.update(
            DISPLAY=self.display,
            DBUS_SESSION_BUS_ADDRESS=self.bus_address,
            QT_QPA_PLATFORM="xcb",
            XDG_SESSION_TYPE="x11",
        )
        env.update(extra)
        return env

    def stop(self) -> None:
        stop_processes(self._processes)

    # --- what is on the desktop -------------------------------------------------------

    def bus(self) -> AbstractContextManager[Any]:
        """A dbus-python connection to this desktop's session bus."""
        return bus_connection(self.bus_address)

    def _dunst(self, method: str) -> Any:
        with self.bus() as bus:
            proxy = bus.get_object(NOTIFICATIONS, "/org/freedesktop/Notifications")
            return getattr(proxy, method)(dbus_interface="org.dunstproject.cmd0")

    def watch_notify_calls(self) -> AbstractContextManager[MonitorOutput]:
        """Records every ``Notify`` call on the bus as ``dbus-monitor`` prints it."""
        return watch_notify_calls(self.bus_address)

    def notification_server_ready(self) -> bool:
        return self.has_bus_name(NOTIFICATIONS)

    def has_bus_name(self, name: str) -> bool:
        with self.bus() as bus:
            return bool(bus.name_has_owner(name))

    def notifications(self) -> list[dict[str, Any]]:
        """Every notification dunst has received, oldest first."""
        self._dunst("NotificationCloseAll")
        history = self._dunst("NotificationListHistory")
        items = [{str(key): _plain(value) for key, value in entry.items()} for entry in history]
        return sorted(items, key=lambda item: item.get("timestamp", 0))

    def window_tree(self, window: str = "-root") -> str:
        """xwininfo's window tree; empty when a window vanished while it walked the tree
        (BadWindow, as when a program starts or quits meanwhile): callers look again."""
        target = ["-root"] if window == "-root" else ["-id", window]
        walk = subprocess.run(
            ["xwininfo", "-tree", *target],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        return walk.stdout if walk.returncode == 0 else ""

    def tray_window_id(self) -> str | None:
        match = re.search(r'(0x[0-9a-f]+) "panel": \("panel" "trayer"\)', self.window_tree())
        return match.group(1) if match else None

    def tray_holds(self, wm_class: str) -> bool:
        """True when a window of ``wm_class`` is embedded in the tray."""
        panel = self.tray_window_id()
        return panel is not None and f' "{wm_class}")' in self.window_tree(panel)

    def tray_icon_centre(self, wm_class: str) -> tuple[int, int] | None:
        """Screen position of the middle of ``wm_class``'s icon in the tray, if embedded."""
        panel = self.tray_window_id()
        if panel is None:
            return None
        pattern = rf'"{re.escape(wm_class)}"\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)'
        match = re.search(pattern, self.window_tree(panel))
        if match is None:
            return None
        width, height, x, y = map(int, match.groups())
        return x + width // 2, y + height // 2

    def click(self, x: int, y: int, button: int = 1) -> None:
        subprocess.run(
            ["xdotool", "mousemove", str(x), str(y), "click", str(button)],
            env=self.env(),
            check=True,
        )

    def screenshot(self, path: Path, crop: str | None = None) -> Path:
        """Saves the screen as PNG; ``crop`` is ImageMagick geometry such as 520x420+760+0."""
        options = ["-crop", crop] if crop else []
        subprocess.run(
            ["import", "-window", "root", *options, str(path)], env=self.env(), check=True
        )
        return path


@dataclass
class MonitorOutput:
    """What a monitor process has printed so far, read without blocking."""

    stream: IO[bytes]
    _seen: bytearray = field(default_factory=bytearray)

    def text(self) -> str:
        while select.select([self.stream], [], [], 0)[0]:
            chunk = os.read(self.stream.fileno(), 65536)
            if not chunk:
                break
            self._seen += chunk
        return self._seen.decode(errors="replace")


def _plain(value: Any) -> Any:
    """dbus-python's variant types as plain Python values."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value
