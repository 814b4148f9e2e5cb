"""Runs a presence detector in its own process and writes what it reports as JSON lines.

End-to-end tests need this because Qt picks its platform (xcb, offscreen) and its
D-Bus buses once per process, while the test process runs off-screen.

Usage: python -m tests.support.presence_probe {idle,sleep,lock,x11} THRESHOLD_SECONDS
``x11`` builds the X11 detector directly and also writes a ``check`` line each time it
asks the X server for the idle time, so tests can count its wake-ups.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from posturebreak.core.clock import SystemClock
from posturebreak.platform.detectors import idle_detector, sleep_detector
from posturebreak.platform.idle_x11 import X11IdleDetector, XScreenSaverIdle
from posturebreak.platform.lock_screen import LockScreenDetector
from posturebreak.platform.presence import PresenceDetector
from tests.support.desktop import wait_until
from tests.support.private_bus import Processes

ROOT = Path(__file__).resolve().parents[2]
# Clock readings of one moment from two places (the X server, Python) differ this much.
TOLERANCE = timedelta(milliseconds=50)


@dataclass(frozen=True)
class Span:
    """When something a test did happened: between ``start`` and ``end``."""

    start: datetime
    end: datetime

    @classmethod
    def of(cls, action: Callable[[], object]) -> Span:
        start = datetime.now(UTC)
        action()
        return cls(start, datetime.now(UTC))

    def holds(self, moment: datetime, delivery: timedelta = timedelta(0)) -> bool:
        """``moment`` is this span's, or up to ``delivery`` later (a signal on its way)."""
        return self.start - TOLERANCE <= moment <= self.end + TOLERANCE + delivery


def emit(event: str, **fields: object) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


class CountingIdle(XScreenSaverIdle):
    def idle(self) -> timedelta:
        emit("check")
        return super().idle()


def main() -> int:
    kind, threshold = sys.argv[1], timedelta(seconds=float(sys.argv[2]))
    logging.basicConfig(level=logging.INFO)  # to stderr: the reasons a detector is missing
    app = QGuiApplication(sys.argv[:1])
    clock = SystemClock()
    detector: PresenceDetector | None
    if kind == "x11":
        detector = X11IdleDetector(clock, threshold, CountingIdle)
        detector = detector if detector.start() else None
    elif kind == "idle":
        detector = idle_detector(clock, threshold)
    elif kind == "lock":
        detector = LockScreenDetector(clock)
        if not detector.start():
            emit("unavailable", reason=detector.unavailable_reason)
            return 1
    else:
        detector = sleep_detector(clock)
    if detector is None:
        emit("unavailable")
        return 1

    def report(event: str) -> object:
        return lambda at: emit(event, at=datetime.isoformat(at))

    detector.went_away.connect(report("went_away"))
    detector.came_back.connect(report("came_back"))
    emit("started", name=detector.name)
    return app.exec()  # until the test terminates it


@dataclass
class Probe:
    """This script running as a test's subprocess; reads back what it wrote."""

    log: Path
    process: subprocess.Popen[bytes]

    @classmethod
    def start(
        cls, processes: Processes, kind: str, threshold: float, env: dict[str, str], log: Path
    ) -> Probe:
        argv = [sys.executable, "-m", "tests.support.presence_probe", kind, str(threshold)]
        env = dict(env, PYTHONPATH=str(ROOT))
        return cls(log, processes.spawn(argv, env, log))

    def events(self, kind: str) -> list[dict[str, Any]]:
        lines = self.log.read_text().splitlines()
        events = [json.loads(line) for line in lines if line.startswith("{")]
        return [event for event in events if event["event"] == kind]

    def wait_for(self, kind: str, count: int = 1, timeout: float = 20.0) -> dict[str, Any]:
        """The ``count``-th event of this kind, once written; fails if the probe exits."""

        def arrived() -> dict[str, Any] | None:
            events = self.events(kind)
            if len(events) >= count:
                return events[count - 1]
            if self.process.poll() is not None:
                raise AssertionError(f"the probe exited early:\n{self.log.read_text()}")
            return None

        found: dict[str, Any] = wait_until(arrived, timeout, f"{kind} #{count} from the probe")
        return found

    def at(self, kind: str, count: int = 1) -> datetime:
        return datetime.fromisoformat(self.wait_for(kind, count)["at"])


if __name__ == "__main__":
    sys.exit(main())
