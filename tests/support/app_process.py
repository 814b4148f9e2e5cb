"""Runs the real app as a subprocess on a :class:`VirtualDesktop` and talks to it."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tests.support.desktop import wait_until

APP_WM_CLASS = "posture-break"
# Nobody sits at a virtual desktop's keyboard: without this, a time-scaled app would find
# the user away within a second and hold every reminder. Tests of idle time pass their own.
NOBODY_AT_THE_KEYBOARD = "version = 1\n\n[schedule]\nidle_threshold_minutes = 0\n"


class Session(Protocol):
    """Where the app runs: a virtual X11 desktop, or a headless GNOME session."""

    def env(self, **extra: str) -> dict[str, str]: ...


@dataclass
class AppProcess:
    desktop: Session
    profile_dir: Path
    time_scale: float = 1.0
    extra_env: dict[str, str] = field(default_factory=dict)  # e.g. libfaketime's
    settings: str = NOBODY_AT_THE_KEYBOARD  # written as settings.toml unless there is one
    # How to start the app: this checkout by default, or a frozen bundle or an installed package.
    program: tuple[str, ...] = (sys.executable, "-m", "posturebreak")
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    def env(self) -> dict[str, str]:
        return self.desktop.env(POSTURE_BREAK_TIME_SCALE=str(self.time_scale), **self.extra_env)

    def argv(self, *args: str) -> list[str]:
        return [*self.program, "--profile-dir", str(self.profile_dir), *args]

    def start(self) -> AppProcess:
        self.launch()
        wait_until(lambda: self.command("status").returncode == 0, 30, "the app to answer")
        return self

    def launch(self) -> subprocess.Popen[bytes]:
        """Starts the app without waiting for it to answer (a test may kill it at once)."""
        config = self.profile_dir / "config"
        config.mkdir(parents=True, exist_ok=True)
        if not (config / "settings.toml").exists():
            (config / "settings.toml").write_text(self.settings)
        with (self.profile_dir / "stderr.log").open("ab") as output:
            self.process = subprocess.Popen(
                self.argv("--verbose"), env=self.env(), stdout=output, stderr=subprocess.STDOUT
            )
        return self.process

    def command(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Runs ``posture-break ARGS`` against this app's profile."""
        return subprocess.run(
            self.argv(*args),
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def log_text(self) -> str:
        log = self.profile_dir / "log" / "posture-break.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
