"""When each reminder is next due, and what pause, resume and skip do to that.

Pausing freezes every countdown: a stretch due in 23 minutes when the user
pauses is due 23 minutes after they resume, so a meeting never produces a
burst of stale reminders. Skipping moves the earliest reminder on by one
interval, keeping its cadence.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from posturebreak.core.reminders import ReminderKind

_T = TypeVar("_T", datetime, timedelta)


class ReminderSchedule:
    """Next-due times per reminder kind; all times are timezone-aware."""

    def __init__(self, intervals: Mapping[ReminderKind, timedelta], now: datetime) -> None:
        if not intervals:
            raise ValueError("a schedule needs at least one reminder kind")
        for kind, interval in intervals.items():
            if interval <= timedelta(0):
                raise ValueError(f"{kind} interval must be positive, got {interval}")
        self._intervals = dict(intervals)
        self._due = {kind: now + interval for kind, interval in self._intervals.items()}
        self._remaining_while_paused: dict[ReminderKind, timedelta] | None = None
        self._paused_until: datetime | None = None

    @property
    def kinds(self) -> tuple[ReminderKind, ...]:
        return tuple(self._intervals)

    def interval(self, kind: ReminderKind) -> timedelta:
        return self._intervals[kind]

    @property
    def paused_until(self) -> datetime | None:
        """When a pause ends by itself, or None when reminders are running."""
        return self._paused_until

    @property
    def is_paused(self) -> bool:
        return self._paused_until is not None

    def next_due(self, kind: ReminderKind) -> datetime | None:
        """When ``kind`` is next due, or None while paused."""
        return None if self.is_paused else self._due[kind]

    def upcoming(self) -> tuple[ReminderKind, datetime] | None:
        """The reminder that comes first, or None while paused."""
        if self.is_paused:
            return None
        kind = self._earliest(self._due)
        return kind, self._due[kind]

    def _earliest(self, times: Mapping[ReminderKind, _T]) -> ReminderKind:
        """The kind with the smallest time; ties go to the kind listed first."""
        return min(times, key=lambda kind: (times[kind], self.kinds.index(kind)))

    def mark_shown(self, kind: ReminderKind, now: datetime) -> None:
        """A reminder of ``kind`` was given now; its next one is a full interval away."""
        if self._remaining_while_paused is not None:
            self._remaining_while_paused[kind] = self._intervals[kind]
        else:
            self._due[kind] = now + self._intervals[kind]

    def skip_next(self) -> ReminderKind:
        """Moves the earliest reminder on by one interval and says which it was."""
        paused = self._remaining_while_paused
        times: dict[ReminderKind, Any] = self._due if paused is None else paused
        kind = self._earliest(times)
        times[kind] += self._intervals[kind]
        return kind

    def pause(self, now: datetime, until: datetime) -> None:
        """Freezes every countdown until ``until`` (or an earlier :meth:`resume`)."""
        if until <= now:
            raise ValueError("a pause must end in the future")
        if self._remaining_while_paused is None:
            self._remaining_while_paused = {
                kind: max(due - now, timedelta(0)) for kind, due in self._due.items()
            }
        self._paused_until = until

    def resume(self, now: datetime) -> None:
        """Restarts the frozen countdowns from ``now``; does nothing when running."""
        if self._remaining_while_paused is None:
            return
        self._due = {kind: now + left for kind, left in self._remaining_while_paused.items()}
        self._remaining_while_paused = None
        self._paused_until = None


def start_of_tomorrow(now: datetime, zone: tzinfo | None = None) -> datetime:
    """Midnight after ``now`` in ``zone`` (default: the system's local zone).

    This is when an "until tomorrow" pause ends.
    """
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    if zone is None:
        # A naive local time; astimezone() resolves it with the system's DST rules.
        return datetime.combine(tomorrow, time(0)).astimezone()
    return datetime.combine(tomorrow, time(0), zone)
