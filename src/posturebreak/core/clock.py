"""Where "now" comes from, and how fast time runs.

Every rule takes its time from a :class:`Clock` so tests can move time by hand.
:class:`TimeScale` shrinks durations for demos and end-to-end tests
(``POSTURE_BREAK_TIME_SCALE=60`` makes a minute pass in a second) without
touching the real defaults.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol

from posturebreak.i18n import _


class Clock(Protocol):
    """Source of the current time, always timezone-aware."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def _not_positive(value: str) -> ValueError:
    """The error for a time scale that is not a positive number."""
    return ValueError(_("time scale must be a positive number, got {value}").format(value=value))


@dataclass(frozen=True)
class TimeScale:
    """Divides every configured duration by ``factor`` (1 = real time)."""

    factor: float = 1.0

    def __post_init__(self) -> None:
        if not self.factor > 0:
            raise _not_positive(str(self.factor))

    @classmethod
    def parse(cls, text: str | None) -> TimeScale:
        """Reads the scale from an environment variable's text; empty means real time."""
        if text is None or not text.strip():
            return cls()
        try:
            factor = float(text)
        except ValueError:
            raise _not_positive(repr(text)) from None
        return cls(factor)

    def apply(self, duration: timedelta) -> timedelta:
        return duration / self.factor


def boot_seconds() -> float:
    """Seconds that only time passing moves: not the wall clock being set, but sleep
    counts (CLOCK_BOOTTIME on Linux; the monotonic clock elsewhere)."""
    if hasattr(_time, "CLOCK_BOOTTIME"):
        return _time.clock_gettime(_time.CLOCK_BOOTTIME)
    return _time.monotonic()


class ClockJumps:
    """Tells the wall clock being set (by hand, by NTP stepping it) from time passing.

    Each :meth:`check` compares how far the wall clock moved since the last
    one with how much time really passed; the difference is a jump. A sleep
    moves both alike, so it is no jump.
    """

    TOLERANCE = timedelta(seconds=2)

    def __init__(self, wall: Clock, elapsed: Callable[[], float]) -> None:
        self._wall = wall
        self._elapsed = elapsed
        self._anchor = (wall.now(), elapsed())

    def check(self) -> timedelta:
        """How far the wall clock was set since the last check (zero when it was not)."""
        wall, elapsed = self._wall.now(), self._elapsed()
        then_wall, then_elapsed = self._anchor
        self._anchor = (wall, elapsed)
        jump = (wall - then_wall) - timedelta(seconds=elapsed - then_elapsed)
        return jump if abs(jump) > self.TOLERANCE else timedelta(0)


def local_datetime(day: date, clock_time: time, zone: tzinfo | None = None) -> datetime:
    """``clock_time`` on ``day`` in ``zone`` (default: the system's local zone), aware."""
    if zone is None:
        # A naive local time; astimezone() resolves it with the system's DST rules.
        return datetime.combine(day, clock_time).astimezone()
    return datetime.combine(day, clock_time, zone)
