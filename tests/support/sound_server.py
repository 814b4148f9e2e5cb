"""A real PulseAudio server for tests, with a null sink whose monitor can be recorded.

Run as root, PulseAudio only starts in system mode, where it drops to the
``pulse`` user: its socket lives in a folder that user owns, and clients
reach it through ``PULSE_SERVER``. pipewire-pulse serves the same protocol,
so what ``pactl`` sees here it sees on a PipeWire desktop too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.desktop import wait_until


@dataclass
class SoundServer:
    address: str  # for PULSE_SERVER

    def env(self) -> dict[str, str]:
        return {**os.environ, "PULSE_SERVER": self.address}

    def answers(self) -> bool:
        probe = subprocess.run(
            ["pactl", "info"], env=self.env(), capture_output=True, timeout=10, check=False
        )
        return probe.returncode == 0

    @contextmanager
    def recording(self) -> Iterator[subprocess.Popen[bytes]]:
        """A program recording from the null sink's monitor, as a call would from a mic."""
        recorder = subprocess.Popen(
            ["parecord", "--device=nullsink.monitor", os.devnull],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until(self._has_recording, 10, "the recording stream")
            yield recorder
        finally:
            recorder.terminate()
            recorder.wait(10)
        wait_until(lambda: not self._has_recording(), 10, "the recording to end")

    def _has_recording(self) -> bool:
        listing = subprocess.run(
            ["pactl", "list", "short", "source-outputs"],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return bool(listing.stdout.strip())


def missing() -> str | None:
    """What is missing for a sound server here, or None."""
    for tool in ("pulseaudio", "pactl", "parecord"):
        if shutil.which(tool) is None:
            return f"{tool} missing (apt-get install pulseaudio pulseaudio-utils)"
    return None


@contextmanager
def sound_server(log_dir: Path) -> Iterator[SoundServer]:
    # Its own folder outside pytest's user-only ones: as root, PulseAudio runs as 'pulse'.
    workdir = Path(tempfile.mkdtemp(prefix="posture-break-pulse-"))
    if os.getuid() == 0:
        workdir.chmod(0o755)
        shutil.chown(workdir, user="pulse")
        mode = ["--system", "--disallow-exit"]
    else:
        mode = ["--exit-idle-time=-1"]
    log_dir.mkdir(parents=True, exist_ok=True)
    socket = workdir / "native"
    with (log_dir / "pulseaudio.log").open("wb") as log:
        server = subprocess.Popen(
            [
                "pulseaudio",
                *mode,
                "--daemonize=no",
                "--use-pid-file=no",
                "-n",  # no default configuration: only the modules below
                "--disable-shm=yes",
                "--log-target=stderr",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
                "-L",
                "module-null-sink sink_name=nullsink",
            ],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        sound = SoundServer(f"unix:{socket}")
        wait_until(lambda: server.poll() is None and sound.answers(), 20, "PulseAudio")
        yield sound
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)
