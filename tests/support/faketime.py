"""libfaketime for the real app: its clocks set forward or back while it runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.support.private_bus import require_tools

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


def require_libfaketime() -> None:
    require_tools([] if LIBFAKETIME.exists() else [f"{LIBFAKETIME} (faketime)"])


@dataclass
class FakeTime:
    """The offset of a program's clocks from real time, read afresh at every clock call.

    ``monotonic`` False moves the wall clock alone (set by hand, NTP, a DST change
    seen from UTC): Qt's timers and the boot-time clock keep real time. True moves
    every clock, as waking from sleep does; never move those back, as that stalls
    Qt's timers.
    """

    stamp: Path
    monotonic: bool = False

    def set(self, offset: str) -> None:
        """``offset`` as libfaketime reads it: "+8h", "-1h", "+3600" (seconds)."""
        self.stamp.write_text(f"{offset}\n")

    def env(self, offset: str = "+0") -> dict[str, str]:
        """The environment that puts a program under this fake time, starting at ``offset``."""
        require_libfaketime()
        self.set(offset)
        env = {
            "LD_PRELOAD": str(LIBFAKETIME),
            "FAKETIME_TIMESTAMP_FILE": str(self.stamp),
            "FAKETIME_NO_CACHE": "1",
        }
        if not self.monotonic:
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        return env
