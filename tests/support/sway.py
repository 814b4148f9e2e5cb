"""A headless sway (wlroots) session, and a keyboard to type into it; optionally with
waybar's tray, a StatusNotifierItem host, on a session bus of its own.

sway refuses to run as root, so it runs as the second local user (nobody); our
programs, as root, may still connect to its Wayland socket, given by its full
path in ``WAYLAND_DISPLAY``. They keep a runtime folder of their own. The session
bus lets both users in: waybar (nobody) watches for the items our programs (root)
register there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.desktop import start_bus_daemon, wait_until
from tests.support.other_user import OTHER_UID
from tests.support.private_bus import PrivateBus, Processes, require_tools

STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"
# waybar with nothing but its tray, along the top of the screen.
_WAYBAR_CONFIG = """{
    "layer": "top", "position": "top", "height": 28,
    "modules-right": ["tray"],
    "tray": {"icon-size": 22, "spacing": 8}
}
"""


def missing_tools(*, tray: bool = False) -> list[str]:
    tools = ("sway", "swayidle", "swaymsg", "wtype", "setpriv")
    tools += ("waybar", "grim", "dbus-daemon") if tray else ()
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return missing + ([] if os.geteuid() == 0 else ["root (to run sway as another user)"])


@dataclass
class HeadlessSway:
    workdir: Path
    processes: Processes = field(default_factory=Processes)
    socket: Path | None = None  # Wayland's
    ipc: Path | None = None  # sway's own, for swaymsg
    tray: bool = False  # run waybar, its tray the StatusNotifierItem host, on a session bus
    bus: PrivateBus | None = None  # with ``tray``

    def start(self) -> HeadlessSway:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.workdir.chmod(0o755)  # sway, as nobody, reads its config and runtime folder here
        runtime = self.workdir / "sway-runtime"
        runtime.mkdir(mode=0o700)
        os.chown(runtime, OTHER_UID, OTHER_UID)
        (self.workdir / "client-runtime").mkdir(mode=0o700)
        env = dict(PATH=os.environ["PATH"], HOME=str(self.workdir), XDG_RUNTIME_DIR=str(runtime))
        env.update(WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1", WLR_RENDERER="pixman")
        config = self.workdir / "sway.config"
        if self.tray:
            env.update(DBUS_SESSION_BUS_ADDRESS=self._start_bus())
            waybar = self.workdir / "waybar.json"
            waybar.write_text(_WAYBAR_CONFIG)
            waybar.chmod(0o644)
            # A bar { swaybar_command } block does not start waybar; exec does.
            config.write_text(f"exec waybar -c {waybar}\n")
        else:
            config.write_text("")
        config.chmod(0o644)
        argv = ["setpriv", f"--reuid={OTHER_UID}", f"--regid={OTHER_UID}", "--clear-groups"]
        self.processes.spawn([*argv, "sway", "-c", str(config)], env, self.workdir / "sway.log")
        self.socket = wait_until(lambda: next(runtime.glob("wayland-[0-9]"), None), 20, "sway")
        self.ipc = wait_until(lambda: next(runtime.glob("sway-ipc.*.sock"), None), 20, "sway IPC")
        if self.bus is not None:
            self.bus.wait_for_name(STATUS_NOTIFIER_WATCHER, 30)
        return self

    def _start_bus(self) -> str:
        folder = self.workdir / "bus"
        folder.mkdir()
        folder.chmod(0o755)  # nobody's programs reach the socket through it
        self.bus = PrivateBus(folder, self.processes)
        self.bus.address = start_bus_daemon(folder, self.processes.started, every_user=True)
        return self.bus.address

    def env(self, **extra: str) -> dict[str, str]:
        """A program's environment in this session: Wayland, Qt off-screen, and the
        session bus only with ``tray``."""
        assert self.socket is not None and self.ipc is not None, "start() first"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("QT_", "WAYLAND", "DISPLAY", "DBUS_SESSION", "XDG_RUNTIME"))
        }
        env.update(WAYLAND_DISPLAY=str(self.socket), SWAYSOCK=str(self.ipc))
        env.update(QT_QPA_PLATFORM="offscreen")
        env.update(XDG_RUNTIME_DIR=str(self.workdir / "client-runtime"), XDG_SESSION_TYPE="wayland")
        if self.bus is not None:
            env.update(DBUS_SESSION_BUS_ADDRESS=self.bus.address)
        env.update(extra)
        return env

    def screenshot(self, path: Path) -> Path:
        """The whole screen, as grim takes it."""
        subprocess.run(["grim", str(path)], env=self.env(), check=True, capture_output=True)
        return path

    def type_key(self) -> None:
        """A key press through the virtual-keyboard protocol: input, for the idle timers."""
        subprocess.run(["wtype", "a"], env=self.env(), check=True, capture_output=True, timeout=20)

    def stop(self) -> None:
        self.processes.stop()


@contextmanager
def headless_sway(*, tray: bool = False) -> Iterator[HeadlessSway]:
    """A started sway (with waybar's tray if asked) for one test, skipped without its
    tools, ended afterwards."""
    require_tools(missing_tools(tray=tray))
    # Its sockets live in here: a Unix socket's path must stay under 108 bytes.
    with tempfile.TemporaryDirectory(prefix="pb-sway-") as workdir:
        session = HeadlessSway(Path(workdir), tray=tray)
        try:
            yield session.start()
        finally:
            session.stop()
