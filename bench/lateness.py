"""How late reminders reach the notification server: due time against receipt.

The app runs time-scaled with one kind every (scaled) minute; it logs each due
time (``--verbose``), and ``dbus-monitor`` stamps each ``Notify`` call as the bus
delivers it.
"""

from __future__ import annotations

import re
import statistics
import tempfile
from datetime import datetime
from pathlib import Path

from tests.support.app_process import AppProcess
from tests.support.desktop import VirtualDesktop, wait_until

# One kind, as a notification every minute; at 120x a reminder every half second.
EVERY_MINUTE = """version = 1
[schedule]
idle_threshold_minutes = 0
[reminders.uncross_legs]
interval_minutes = 1
style = "notification"
[reminders.stretch]
enabled = false
[reminders.foot_stool]
enabled = false
"""
TIME_SCALE = 120.0
_DUE = re.compile(r"uncross_legs reminder due at (\S+)")
_RECEIVED = re.compile(r"method call time=(\d+\.\d+) .*member=Notify")


def lateness_ms(reminders: int) -> list[float]:
    """Milliseconds from each reminder's due time to the server receiving it."""
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as work:
        desktop = VirtualDesktop(Path(work) / "desktop").start()
        app = AppProcess(desktop, Path(work) / "profile", TIME_SCALE, settings=EVERY_MINUTE)
        try:
            with desktop.watch_notify_calls() as calls:
                app.start()
                wait_until(
                    lambda: len(_RECEIVED.findall(calls.text())) >= reminders,
                    reminders,  # seconds: twice what the reminders take at this scale
                    f"{reminders} reminders",
                )
                received = [float(stamp) for stamp in _RECEIVED.findall(calls.text())]
        finally:
            app.stop()
            desktop.stop()
        log = (app.profile_dir / "stderr.log").read_text()
        due = [datetime.fromisoformat(stamp).timestamp() for stamp in _DUE.findall(log)]
    return [(got - wanted) * 1000 for wanted, got in zip(due, received, strict=False)][:reminders]


def describe(late: list[float]) -> str:
    quartiles = statistics.quantiles(late, n=4)
    return (
        f"reminder lateness over {len(late)} reminders: median {statistics.median(late):.1f} ms "
        f"(quartiles {quartiles[0]:.1f}-{quartiles[2]:.1f} ms, max {max(late):.1f} ms)"
    )
