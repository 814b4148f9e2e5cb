"""When each reminder is next due, and what pause, resume and skip do to that.

Pausing freezes every countdown: a stretch due in 23 minutes when the user
pauses is due 23 minutes after they resume, so a meeting never produces a
burst of stale reminders. Being away (idle, asleep) freezes them too, from
the moment the absence began; coming back after an absence at least as long
as a kind's break counts as a natural break for that kind, whose countdown
then starts afresh. Skipping moves the earliest reminder on by one
interval, keeping its cadence. Changing an interval keeps the time already
waited, and outside working hours a due reminder stays quiet and starts its
countdown afresh when work begins.

Reminders at clock times (:mod:`posturebreak.core.wall_clock`) follow the
calendar instead: a pause or an absence does not move them, and one that
came due meanwhile comes once, on the return, never once per missed time.
Outside working hours such a reminder is dropped until its next time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from posturebreak.core.clock import local_datetime
from posturebreak.core.reminders import ReminderId
from posturebreak.core.wall_clock import WallClockSchedule, next_occurrence
from posturebreak.core.working_time import WorkingTime

_T = TypeVar("_T", datetime, timedelta)


class ReminderSchedule:
    """Next-due times per reminder; all times are timezone-aware.

    ``intervals``: the reminders counting active time; ``wall_clock``: those at clock
    times, in ``zone`` (default: the system's local zone).
    """

    def __init__(
        self,
        intervals: Mapping[ReminderId, timedelta],
        now: datetime,
        working_time: WorkingTime | None = None,
        wall_clock: Mapping[ReminderId, WallClockSchedule] | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        _check_intervals(intervals)
        self._intervals = dict(intervals)
        self._wall = dict(wall_clock or {})
        self._zone = zone
        self._due = {kind: now + interval for kind, interval in self._intervals.items()}
        self._due.update((kind, self._next_time(kind, now)) for kind in self._wall)
        # Time left per kind while the countdowns stand still (paused or away).
        self._frozen: dict[ReminderId, timedelta] | None = None
        self._paused_until: datetime | None = None
        self._away_since: datetime | None = None
        self.working_time = working_time

    @property
    def kinds(self) -> tuple[ReminderId, ...]:
        return (*self._intervals, *self._wall)

    def _next_time(self, kind: ReminderId, after: datetime) -> datetime:
        return next_occurrence(self._wall[kind], after, self._zone)

    def interval(self, kind: ReminderId) -> timedelta:
        return self._intervals[kind]

    @property
    def paused_until(self) -> datetime | None:
        """When a pause ends by itself, or None when reminders are running."""
        return self._paused_until

    @property
    def is_paused(self) -> bool:
        return self._paused_until is not None

    @property
    def away_since(self) -> datetime | None:
        """When the user's current absence began, or None while they are here."""
        return self._away_since

    def next_due(self, kind: ReminderId) -> datetime | None:
        """When ``kind`` is next due; None while paused or away, or when it is switched off."""
        return None if self._frozen is not None else self._due.get(kind)

    def upcoming(self) -> tuple[ReminderId, datetime] | None:
        """The reminder that comes first, or None while paused or with every kind off."""
        if self._frozen is not None or not self._due:
            return None
        kind = self._earliest(self._due)
        return kind, self._due[kind]

    def _earliest(self, times: Mapping[ReminderId, _T]) -> ReminderId:
        """The kind with the smallest time; ties go to the kind listed first."""
        return min(times, key=lambda kind: (times[kind], self.kinds.index(kind)))

    def mark_shown(self, kind: ReminderId, now: datetime) -> None:
        """A reminder of ``kind`` was given now; its next one is a full interval away."""
        if kind in self._intervals:  # else given by hand while switched off: nothing to restart
            self.snooze(kind, now, self._intervals[kind])
        elif kind in self._wall:
            self._due[kind] = self._next_time(kind, now)

    def come_due(self, kind: ReminderId, now: datetime) -> bool:
        """``kind``'s time has come: True means remind now.

        Outside working time the reminder stays quiet and its countdown starts
        again when the next shift begins.
        """
        work_starts = self.quiet_until(now)
        if work_starts is not None:
            if kind in self._wall:
                self._due[kind] = self._next_time(kind, now)
            else:
                self._due[kind] = work_starts + self._intervals[kind]
            return False
        self.mark_shown(kind, now)
        return True

    def due_with(self, kind: ReminderId, now: datetime, window: timedelta) -> list[ReminderId]:
        """The other kinds due within ``window`` of now, soonest first: they come together
        with ``kind`` as one reminder rather than one after the other."""
        if self._frozen is not None:
            return []
        near = [other for other, due in self._due.items() if other != kind and due <= now + window]
        return sorted(near, key=lambda other: (self._due[other], self.kinds.index(other)))

    def snooze(self, kind: ReminderId, now: datetime, length: timedelta) -> None:
        """Restarts ``kind``'s countdown from ``now`` with ``length`` to go (frozen if paused)."""
        if kind not in self._intervals and kind not in self._wall:
            return
        if self._frozen is not None and kind in self._intervals:
            self._frozen[kind] = length
        else:
            self._due[kind] = now + length

    def quiet_until(self, now: datetime) -> datetime | None:
        """When working time starts, if ``now`` is outside it; else None."""
        if self.working_time is None or self.working_time.contains(now):
            return None
        return self.working_time.next_start(now)

    def skip_next(self) -> ReminderId | None:
        """Moves the earliest reminder on by one interval and says which it was."""
        paused = self._frozen
        times: dict[ReminderId, Any] = self._due if paused is None else paused
        if not times:
            return None
        kind = self._earliest(times)
        if kind in self._wall:
            times[kind] = self._next_time(kind, times[kind])
        else:
            times[kind] += self._intervals[kind]
        return kind

    def set_intervals(
        self,
        intervals: Mapping[ReminderId, timedelta],
        now: datetime,
        wall_clock: Mapping[ReminderId, WallClockSchedule] | None = None,
    ) -> None:
        """New intervals, and kinds switched on or off, without losing time already waited.

        A kind whose interval changes keeps the time since its last reminder
        (due no earlier than now); a kind switched on starts a full interval
        from now; other kinds keep their due times. A clock-time reminder whose
        schedule is new or changed is next due at its next time after now.
        """
        _check_intervals(intervals)
        wall = dict(wall_clock or {})
        wall_due = {
            kind: self._due[kind]
            if kind in self._due and self._wall.get(kind) == schedule
            else next_occurrence(schedule, now, self._zone)
            for kind, schedule in wall.items()
        }
        paused = self._frozen
        if paused is not None:
            # While paused, "now" for the countdowns is frozen at zero elapsed.
            self._frozen = self._moved(paused, intervals, timedelta(0))
            self._due = wall_due
        else:
            self._due = {**self._moved(self._due, intervals, now), **wall_due}
        self._intervals = dict(intervals)
        self._wall = wall

    def _moved(
        self, times: Mapping[ReminderId, _T], intervals: Mapping[ReminderId, timedelta], now: _T
    ) -> dict[ReminderId, _T]:
        moved: dict[ReminderId, _T] = {}
        for kind, interval in intervals.items():
            if kind not in times:
                moved[kind] = now + interval
            elif interval == self._intervals[kind]:
                moved[kind] = times[kind]
            else:
                moved[kind] = max(times[kind] + (interval - self._intervals[kind]), now)
        return moved

    def shift(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``: every time here moves with it, so the
        countdowns keep the time they had left (they run on time passing, not on
        what the clock says)."""
        self._due = {
            kind: due if kind in self._wall else due + jump for kind, due in self._due.items()
        }
        if self._paused_until is not None:
            self._paused_until += jump
        if self._away_since is not None:
            self._away_since += jump

    def pause(self, now: datetime, until: datetime) -> None:
        """Freezes every countdown until ``until`` (or an earlier :meth:`resume`)."""
        if until <= now:
            raise ValueError("a pause must end in the future")
        self._freeze(now)
        self._paused_until = until

    def resume(self, now: datetime) -> None:
        """Ends a pause; the countdowns run again from ``now`` unless the user is away."""
        self._paused_until = None
        if self._away_since is None:
            self._thaw(now)

    def went_away(self, since: datetime) -> None:
        """The user has been away since ``since`` (their last input, or going to sleep).

        Countdowns stand still from then on, so time away is never counted as
        time sitting; a reminder that came due meanwhile waits for the return.
        """
        if self._away_since is not None:
            return
        self._freeze(since)
        self._away_since = since

    def came_back(
        self, now: datetime, break_lengths: Mapping[ReminderId, timedelta]
    ) -> list[ReminderId]:
        """The user is back; returns the kinds whose break they took while away.

        An absence at least as long as a kind's break is that kind's natural
        break: its countdown starts afresh from now. Every other kind carries on
        where it stood when the absence began, so it comes at most once, and
        only after the return.
        """
        if self._away_since is None:
            return []
        absence = now - self._away_since
        self._away_since = None
        natural = [
            kind for kind in self._intervals if absence >= break_lengths.get(kind, timedelta.max)
        ]
        assert self._frozen is not None  # went_away froze the countdowns
        for kind in natural:
            self._frozen[kind] = self._intervals[kind]
        if self._paused_until is None:
            self._thaw(now)
        return natural

    def _freeze(self, now: datetime) -> None:
        """Countdowns stand still; clock-time reminders keep their times."""
        if self._frozen is None:
            self._frozen = {
                kind: max(due - now, timedelta(0))
                for kind, due in self._due.items()
                if kind in self._intervals
            }
            self._due = {kind: due for kind, due in self._due.items() if kind in self._wall}

    def _thaw(self, now: datetime) -> None:
        """Countdowns run again; a clock-time reminder missed meanwhile comes now, once."""
        if self._frozen is not None:
            due = {kind: now + left for kind, left in self._frozen.items()}
            due.update((kind, max(at, now)) for kind, at in self._due.items())
            self._due = due
            self._frozen = None


def _check_intervals(intervals: Mapping[ReminderId, timedelta]) -> None:
    for kind, interval in intervals.items():
        if interval <= timedelta(0):
            raise ValueError(f"{kind} interval must be positive, got {interval}")


def start_of_tomorrow(
    now: datetime, working_time: WorkingTime | None = None, zone: tzinfo | None = None
) -> datetime:
    """When an "until tomorrow" pause ends.

    With working hours, the start of the next day's shift (a night shift's
    early hours still belong to the day it started); without, local midnight
    after ``now`` in ``zone`` (default: the system's local zone).
    """
    if working_time is not None:
        return working_time.next_day_start(now)
    return local_datetime(now.astimezone(zone).date() + timedelta(days=1), time(0), zone)
