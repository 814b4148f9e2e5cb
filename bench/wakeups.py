"""Wake-ups per minute with idle detection on and nothing due, on each kind of desktop.

X11 (Xvfb with dunst and trayer: libXss idle time, polled once per threshold),
headless Mutter (its IdleMonitor watches) and headless GNOME Shell (which adds
the real lock screen). A wake-up is a context switch, voluntary or not, of any
of the app's threads; they are counted once start-up is over.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tests.support import gnome, system_bus
from tests.support.app_process import AppProcess, Session
from tests.support.desktop import VirtualDesktop, wait_until
from tests.support.desktop import missing_tools as missing_x11_tools

from bench.measure import cpu_seconds, settled, thread_switches

WAKEUP_SECONDS = 60
# Default settings but for the intervals (the longest allowed, 8 hours), so nothing
# comes due while wake-ups are counted; idle detection stays on at its 5 minutes.
NOTHING_DUE = "version = 1\n" + "".join(
    f"\n[reminders.{kind}]\ninterval_minutes = 480\n"
    for kind in ("stretch", "uncross_legs", "foot_stool")
)
# The app's log line that says which idle detector runs (or why none does).
IDLE_DETECTION = re.compile(
    r"((?<=Idle detection: ).+ is (?:on|off: .+)|no idle detection: .+)$", re.MULTILINE
)


class StartableSession(Session, Protocol):
    """A desktop the benchmark starts for the app and stops afterwards."""

    def start(self) -> Session: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Desktop:
    """One desktop to measure on: how to make it, and what it needs installed."""

    name: str
    make: Callable[[Path], StartableSession]
    missing: Callable[[], list[str]]


DESKTOPS = (
    Desktop("X11 (Xvfb, dunst, trayer)", VirtualDesktop, missing_x11_tools),
    Desktop("headless Mutter", gnome.HeadlessMutter, gnome.missing_tools),
    Desktop(
        "headless GNOME Shell",
        gnome.HeadlessGnomeShell,
        lambda: gnome.missing_tools("gnome-shell") + system_bus.missing_tools(),
    ),
)


@dataclass(frozen=True)
class Wakeups:
    """What the app did while idle: its idle detector, context switches and CPU time."""

    idle_detection: str
    by_thread: Counter[str]  # context switches per thread name
    cpu_s: float
    threads_ended: int  # threads gone during the window: their switches are not counted

    def per_minute(self) -> str:
        total = sum(self.by_thread.values()) * 60 / WAKEUP_SECONDS
        ended = f" ({self.threads_ended} threads ended)" if self.threads_ended else ""
        return f"{total:.1f}{ended}"

    def threads(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.by_thread.most_common()) or "-"


def wakeups_on_each_desktop() -> list[dict[str, str]]:
    """Wake-ups per minute with idle detection on and nothing due, on each desktop; prints
    a table and returns its rows."""
    print(
        f"wake-ups with idle detection on (5 min) and nothing due, over {WAKEUP_SECONDS} s idle"
        " (context switches, voluntary and not, of all the app's threads):"
    )
    rows = [("desktop", "idle detection", "wake-ups/min", "CPU s", "by thread")]
    for desktop in DESKTOPS:
        missing = desktop.missing()
        if missing:
            rows.append((desktop.name, f"skipped, missing {', '.join(missing)}", "", "", ""))
            continue
        # Bus sockets live in here: a Unix socket's path must stay under 108 bytes.
        with (
            tempfile.TemporaryDirectory(prefix="pb-bench-") as work,
            running(desktop.make(Path(work) / "desktop")) as session,
        ):
            figures = idle_wakeups(session, Path(work) / "profile")
        rows.append(
            (desktop.name, figures.idle_detection, figures.per_minute(), f"{figures.cpu_s:.2f}",
             figures.threads())
        )  # fmt: skip
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  " + " | ".join(cells).rstrip())
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@contextmanager
def running(session: StartableSession) -> Iterator[Session]:
    """``session`` started, and stopped afterwards even if it failed half-way."""
    try:
        yield session.start()
    finally:
        session.stop()


def idle_wakeups(session: Session, profile: Path) -> Wakeups:
    """Runs the app in ``session`` and counts its wake-ups once its start-up is over."""
    app = AppProcess(session, profile, settings=NOTHING_DUE)
    try:
        app.start()
        assert app.process is not None
        pid = app.process.pid
        detection = wait_until(
            lambda: IDLE_DETECTION.findall(app.log_text()), 30, "the idle detector's log line"
        )[-1]
        settled(pid)
        cpu, before = cpu_seconds(pid), thread_switches(pid)
        time.sleep(WAKEUP_SECONDS)  # measuring idle behaviour needs idle time
        cpu, after = cpu_seconds(pid) - cpu, thread_switches(pid)
    finally:
        app.stop()
    by_thread: Counter[str] = Counter()
    for thread, (name, count) in after.items():
        by_thread[name] += count - before.get(thread, (name, 0))[1]
    return Wakeups(detection, +by_thread, cpu, len(before.keys() - after.keys()))
