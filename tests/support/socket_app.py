"""The real app as a subprocess with its own profile and runtime folder, for tests of its
control socket.

It runs on Qt's offscreen platform (no desktop needed: these tests are about
the socket), with at most :data:`FD_LIMIT` open files, as a low desktop limit
would allow, and a private ``XDG_RUNTIME_DIR``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from posturebreak.paths import AppPaths
from posturebreak.services.control_socket import send_command, socket_path
from tests.support.desktop import wait_until

FD_LIMIT = 256


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    profile_dir: Path
    env: dict[str, str]
    socket: Path

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "posturebreak", "--profile-dir", str(self.profile_dir), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def ask(self, request: dict[str, object]) -> dict[str, object] | None:
        return send_command(self.socket, request)

    def answers_status(self) -> bool:
        reply = self.ask({"command": "status"})
        return reply is not None and reply["ok"] is True

    def open_fds(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def log_text(self) -> str:
        log = self.profile_dir / "log" / "posture-break.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""


def _limit_fds() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, FD_LIMIT))


@contextmanager
def running_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningApp]:
    """The real app with at most ``FD_LIMIT`` open files, as a low desktop limit would allow;
    stopped after."""
    runtime = Path(tempfile.mkdtemp(prefix="pbrt-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    profile = tmp_path / "profile"
    profile.mkdir()
    output = (tmp_path / "stderr.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "posturebreak", "--profile-dir", str(profile)],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        preexec_fn=_limit_fds,  # noqa: PLW1509 - no threads in the test process here
    )
    running = RunningApp(process, profile, env, socket_path(AppPaths.under(profile).instance_name))
    try:
        wait_until(lambda: running.ask({"command": "ping"}), 30, "the app to answer")
        yield running
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(20)
        output.close()
        shutil.rmtree(runtime)


def raw_request(path: Path, line: bytes) -> dict[str, object]:
    """Sends ``line`` and a newline as it is; the app's decoded reply."""
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(10)
        client.connect(os.fspath(path))
        client.sendall(line + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            part = client.recv(4096)
            assert part, f"no reply to {line[:60]!r}"
            data += part
    reply: dict[str, object] = json.loads(data)
    return reply


def connect_nonblocking(path: Path) -> socket.socket | None:
    """A connection to ``path``, or None while the listen backlog is full."""
    client = socket.socket(socket.AF_UNIX)
    client.setblocking(False)
    try:
        client.connect(os.fspath(path))
    except BlockingIOError:
        client.close()
        return None
    return client
