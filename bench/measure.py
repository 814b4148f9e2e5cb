"""One measured run: start a program on a fresh desktop, wait for its tray icon, let it
settle, let it idle.

Figures come from ``/proc``: resident and proportional set size (PSS shares the
libraries a process maps with others fairly, so it compares programs better than
RSS), CPU ticks, and context switches of all its threads (each one a wake-up).
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.support.desktop import VirtualDesktop, wait_until
from tests.support.private_bus import PrivateBus, Processes

from bench.programs import ROOT, Program
from posturebreak import APP_NAME, __version__

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    """What one run of one program measured."""

    to_tray_s: float
    rss_mb: float
    pss_mb: float
    cpu_s: float
    wakeups: int  # context switches of all threads over the idle time
    # Posture Break only: start to ready (menu built, reminders scheduled), from its log.
    ready_s: float | None = None

    def as_dict(self) -> dict[str, float]:
        figures = {
            "to_tray_s": self.to_tray_s,
            "rss_mb": self.rss_mb,
            "pss_mb": self.pss_mb,
            "cpu_s": self.cpu_s,
            "wakeups": self.wakeups,
        }
        return figures if self.ready_s is None else figures | {"ready_s": self.ready_s}


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB, from ``smaps_rollup``."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"] / 1024, fields["Pss"] / 1024


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND  # utime + stime


def thread_switches(pid: int) -> dict[int, tuple[str, int]]:
    """Each of ``pid``'s threads: its name and its context switches so far, voluntary
    and not (a thread that sleeps until a timer or a message wakes it switches once)."""
    threads: dict[int, tuple[str, int]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name, status = (task / "comm").read_text().strip(), (task / "status").read_text()
        except OSError:  # the thread has just ended
            continue
        threads[int(task.name)] = (
            name,
            sum(
                int(line.split()[1])
                for line in status.splitlines()
                if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"))
            ),
        )
    return threads


def context_switches(pid: int) -> int:
    """All of ``pid``'s threads' context switches so far: how often it woke up."""
    return sum(count for _, count in thread_switches(pid).values())


def ready_time(log: Path, spawned: float) -> float | None:
    """Seconds from ``spawned`` (wall clock) to the "started" line of Posture Break's
    log, which it writes once the menu is built and the reminders are scheduled."""
    for line in log.read_text(errors="replace").splitlines():
        if f"{APP_NAME} {__version__} started" in line:
            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
            return stamp.timestamp() - spawned
    return None


def settled(pid: int) -> None:
    """Returns once ``pid`` used no CPU for a second: its start-up work is done."""

    def quiet_for_a_second() -> bool:
        cpu = cpu_seconds(pid)
        time.sleep(1)
        return cpu_seconds(pid) == cpu

    wait_until(quiet_for_a_second, 60, "the program to settle after start-up")


def measure(program: Program, idle_seconds: float) -> Run:
    """Starts ``program`` on a desktop of its own, and measures it once."""
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as work:
        home = Path(work)
        desktop = VirtualDesktop(home / "desktop").start()
        started_here = Processes()  # the system bus and the program, ended together
        system_bus = PrivateBus(home / "system-bus", started_here, "system").start()
        env = desktop.env(HOME=str(home), PYTHONPATH=str(ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run with byte-code caches written
        env["DBUS_SYSTEM_BUS_ADDRESS"] = system_bus.address
        spawned = time.time()
        process = started_here.spawn(program.argv(home), env, home / "program.log")
        try:
            started = time.monotonic()
            # Looked for often, so that start-up times are not rounded up to the next look.
            wait_until(lambda: desktop.tray_holds(program.wm_class), 60, program.label, 0.01)
            to_tray = time.monotonic() - started
            settled(process.pid)
            cpu, switches = cpu_seconds(process.pid), context_switches(process.pid)
            time.sleep(idle_seconds)  # idle behaviour needs idle time to show
            rss, pss = memory_mb(process.pid)
            return Run(
                to_tray,
                rss,
                pss,
                cpu_seconds(process.pid) - cpu,
                context_switches(process.pid) - switches,
                ready_time(program.log(home), spawned) if program.log else None,
            )
        finally:
            started_here.stop()
            desktop.stop()
