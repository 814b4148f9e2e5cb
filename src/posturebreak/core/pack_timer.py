"""The heat/cold pack timer: the pack on for a while, then a rest for the skin."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class PackPhase(StrEnum):
    IDLE = "idle"
    ON = "on"
    REST = "rest"


class PackTimer:
    """Counts the pack's time on and the rest after it; time comes from the caller."""

    def __init__(self) -> None:
        self.phase = PackPhase.IDLE
        self.ends_at: datetime | None = None
        self._rest = timedelta(0)

    def start(self, now: datetime, on: timedelta, rest: timedelta) -> None:
        """Pack on now, off after ``on``; then a rest of ``rest`` (none when zero)."""
        if on <= timedelta(0) or rest < timedelta(0):
            raise ValueError("the pack needs a positive time on and a rest of zero or more")
        self.phase, self.ends_at, self._rest = PackPhase.ON, now + on, rest

    def shift(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``: the phase keeps the time it had left."""
        if self.ends_at is not None:
            self.ends_at += jump

    def stop(self) -> None:
        self.phase, self.ends_at = PackPhase.IDLE, None

    def advance(self, now: datetime) -> PackPhase:
        """Moves on when the current phase has ended; returns the phase now running."""
        if self.ends_at is None or now < self.ends_at:
            return self.phase
        if self.phase is PackPhase.ON and self._rest > timedelta(0):
            self.phase, self.ends_at = PackPhase.REST, self.ends_at + self._rest
        else:
            self.stop()
        return self.phase
