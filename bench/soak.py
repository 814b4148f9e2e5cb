"""Memory after a simulated working day and over a simulated week, time-scaled.

At 2,400x a day passes in 36 s: every kind comes due again and again, break
windows open and close themselves, and each reminder is logged. Nobody sits at
the virtual desktop, so idle detection is off (or every reminder would wait).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_process import NOBODY_AT_THE_KEYBOARD, AppProcess
from tests.support.desktop import VirtualDesktop

from bench.measure import memory_mb

TIME_SCALE = 2400.0
HOUR_S = 3600 / TIME_SCALE  # one simulated hour, in real seconds


@dataclass(frozen=True)
class Soak:
    pss_after_day_mb: float
    pss_after_week_mb: float

    @property
    def growth_mb(self) -> float:
        """What the six days after the first added."""
        return self.pss_after_week_mb - self.pss_after_day_mb


def soak() -> Soak:
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as work:
        desktop = VirtualDesktop(Path(work) / "desktop").start()
        profile = Path(work) / "profile"
        app = AppProcess(desktop, profile, TIME_SCALE, settings=NOBODY_AT_THE_KEYBOARD)
        try:
            app.start()
            assert app.process is not None
            time.sleep(8 * HOUR_S)  # simulated time passes only as real time does
            _, after_day = memory_mb(app.process.pid)
            time.sleep(6 * 24 * HOUR_S)
            _, after_week = memory_mb(app.process.pid)
            return Soak(after_day, after_week)
        finally:
            app.stop()
            desktop.stop()
