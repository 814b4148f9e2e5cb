"""Where "now" comes from, and how fast time runs.

Every rule takes its time from a :class:`Clock` so tests can move time by hand.
:class:`TimeScale` shrinks durations for demos and end-to-end tests
(``POSTURE_BREAK_TIME_SCALE=60`` makes a minute pass in a second) without
touching the real defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Source of the current time, always timezone-aware."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class TimeScale:
    """Divides every configured duration by ``factor`` (1 = real time)."""

    factor: float = 1.0

    def __post_init__(self) -> None:
        if not self.factor > 0:
            raise ValueError(f"time scale must be a positive number, got {self.factor}")

    @classmethod
    def parse(cls, text: str | None) -> TimeScale:
        """Reads the scale from an environment variable's text; empty means real time."""
        if text is None or not text.strip():
            return cls()
        try:
            factor = float(text)
        except ValueError:
            raise ValueError(f"time scale must be a positive number, got {text!r}") from None
        return cls(factor)

    def apply(self, duration: timedelta) -> timedelta:
        return duration / self.factor


def local_datetime(day: date, clock_time: time, zone: tzinfo | None = None) -> datetime:
    """``clock_time`` on ``day`` in ``zone`` (default: the system's local zone), aware."""
    if zone is None:
        # A naive local time; astimezone() resolves it with the system's DST rules.
        return datetime.combine(day, clock_time).astimezone()
    return datetime.combine(day, clock_time, zone)
