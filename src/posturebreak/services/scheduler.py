"""Turns the core :class:`ReminderSchedule` into APScheduler jobs on the Qt event loop.

APScheduler 3.x's ``QtScheduler`` has two defects under PySide6, both fixed here:

* it runs jobs in a thread pool, so a job touching Qt would do so from a
  foreign thread; :class:`~apscheduler.executors.debug.DebugExecutor` runs them
  on the Qt thread instead;
* PySide6's ``QTimer.singleShot`` returns ``None``, so the stock scheduler can
  never cancel its wake-up timer and every reschedule leaves an extra timer
  chain running; :class:`QtThreadScheduler` keeps one persistent ``QTimer``.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from posturebreak.core.clock import Clock
from posturebreak.core.reminders import ReminderId
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.wall_clock import WallClockSchedule
from posturebreak.core.working_time import WorkingTime

log = logging.getLogger(__name__)

_RESUME_JOB_ID = "resume"
# A reminder's job is this and its id: a user's reminder may be called "resume" too.
_REMINDER_JOB = "reminder:"
# A reminder that runs this late came due while the computer slept (or the app was
# stopped): the user was away from when it was due until now.
AWAY_AFTER = timedelta(minutes=5)
_MAX_TIMER_MS = 2_147_483_647


class QtThreadScheduler(QtScheduler):  # type: ignore[misc]  # APScheduler ships no types
    """A ``QtScheduler`` with one reusable wake-up timer that runs jobs on the Qt thread."""

    def __init__(self, **options: Any) -> None:
        # Called at every wake-up before due jobs are looked for.
        self.on_wake: Callable[[], object] | None = None
        self._wakeup_timer = QTimer()
        self._wakeup_timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early, which would wake the scheduler
        # before the job is due and make it poll its way up to the due time.
        self._wakeup_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._wakeup_timer.timeout.connect(self._process_jobs)
        options.setdefault("executors", {"default": DebugExecutor()})
        options.setdefault("timezone", UTC)
        options.setdefault(
            "job_defaults",
            # Run a reminder however late (e.g. after a suspend), but only once.
            {"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._wakeup_timer.stop()
        if wait_seconds is not None:
            self._wakeup_timer.start(min(math.ceil(wait_seconds * 1000), _MAX_TIMER_MS))

    def _stop_timer(self) -> None:
        self._wakeup_timer.stop()

    def _process_jobs(self) -> None:
        if self.on_wake is not None:
            self.on_wake()
        super()._process_jobs()


class ReminderScheduler(QObject):
    """Owns the schedule's jobs: fires reminders when due and applies pause/resume/skip."""

    # Reminders to give now, together: a list of (ReminderId, when it was due).
    reminders_due = Signal(object)
    # The user was away at least this kind's break: ReminderId, away since, back at.
    natural_break = Signal(object, object, object)
    changed = Signal()
    # Jobs only emit this; the queued connection runs the work after APScheduler has
    # finished its bookkeeping, which would otherwise delete the jobs we re-add.
    _job_ran = Signal(str)

    def __init__(
        self,
        schedule: ReminderSchedule,
        clock: Clock,
        break_lengths: Callable[[], Mapping[ReminderId, timedelta]],
        *,
        together_within: timedelta = timedelta(minutes=1),
        scheduler: QtThreadScheduler | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``break_lengths``: each kind's break as now configured (an absence that long
        is a natural break); ``together_within``: reminders due this close come as one."""
        super().__init__(parent)
        self.schedule = schedule
        self._clock = clock
        self._break_lengths = break_lengths
        self._together_within = together_within
        self._scheduler = scheduler or QtThreadScheduler()
        # Reading the clock lets a ClockWatch notice a jump before due jobs are looked for.
        self._scheduler.on_wake = clock.now
        self._job_ran.connect(self._on_job_ran, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._scheduler.start()
        self._sync_jobs()

    def shutdown(self) -> None:
        self._scheduler.remove_all_jobs()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def job_run_times(self) -> dict[str, datetime]:
        """When each pending job will run: by reminder id, and "resume" (for tests)."""
        return {
            job.id.removeprefix(_REMINDER_JOB): job.next_run_time
            for job in self._scheduler.get_jobs()
        }

    def remind_now(self, kind: ReminderId) -> None:
        """Gives a reminder at once (e.g. "Take a break now") and restarts its countdown."""
        now = self._clock.now()
        self.schedule.mark_shown(kind, now)
        self._update()
        self.reminders_due.emit([(kind, now)])

    def pause(self, until: datetime) -> None:
        self.schedule.pause(self._clock.now(), until)
        log.info("Reminders paused until %s", until.isoformat())
        self._update()

    def resume(self) -> None:
        if self.schedule.is_paused:
            self.schedule.resume(self._clock.now())
            log.info("Reminders resumed")
        self._update()

    def skip_next(self) -> ReminderId | None:
        kind = self.schedule.skip_next()
        log.info("Skipped the next %s reminder", kind)
        self._update()
        return kind

    def went_away(self, since: datetime) -> None:
        """The user has been away since ``since``: the countdowns stand still."""
        if self.schedule.away_since is None:
            self.schedule.went_away(since)
            log.info("Away since %s; reminders wait", since.isoformat())
            self._update()

    def came_back(self) -> None:
        """The user is back: natural breaks for every kind whose break the absence covered."""
        since = self.schedule.away_since
        if since is None:
            return
        now = self._clock.now()
        natural = self.schedule.came_back(now, self._break_lengths())
        log.info("Back after %s; natural break for %s", now - since, ", ".join(natural) or "none")
        self._update()
        for kind in natural:
            self.natural_break.emit(kind, since, now)

    def snooze(self, kind: ReminderId, length: timedelta) -> None:
        self.schedule.snooze(kind, self._clock.now(), length)
        log.info("Snoozed the %s reminder for %s", kind, length)
        self._update()

    def reschedule(
        self,
        intervals: Mapping[ReminderId, timedelta],
        working_time: WorkingTime | None,
        wall_clock: Mapping[ReminderId, WallClockSchedule] | None = None,
    ) -> None:
        """Applies changed settings to the running schedule, keeping time already waited."""
        self.schedule.set_intervals(intervals, self._clock.now(), wall_clock)
        self.schedule.working_time = working_time
        self._update()

    def _on_job_ran(self, job_id: str) -> None:
        if job_id == _RESUME_JOB_ID:
            self.resume()
            return
        kind = job_id.removeprefix(_REMINDER_JOB)
        now = self._clock.now()
        due_at = self.schedule.next_due(kind)
        if due_at is None or due_at > now:
            # Queued before an absence or a reschedule moved this kind on: not due now.
            self._update()
            return
        if now - due_at > AWAY_AFTER:
            log.info("%s reminder ran %s late: the computer slept", kind, now - due_at)
            upcoming = self.schedule.upcoming()  # the absence began with the first reminder missed
            self.went_away(min(due_at, upcoming[1]) if upcoming else due_at)
            self.came_back()
            return
        if not self.schedule.come_due(kind, now):
            log.info("%s reminder held back: outside working hours", kind)
            self._update()
            return
        together = [(kind, due_at)]
        for other in self.schedule.due_with(kind, now, self._together_within):
            together.append((other, self.schedule.next_due(other) or now))
            self.schedule.mark_shown(other, now)
        self._update()
        for due_kind, due in together:  # scripts/benchmark reads these to measure lateness
            log.debug("%s reminder due at %s", due_kind, due.isoformat())
        self.reminders_due.emit(together)

    def clock_set(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``; the countdowns keep what they had left."""
        self.schedule.shift(jump)
        self._update()

    def _update(self) -> None:
        self._sync_jobs()
        self.changed.emit()

    def _sync_jobs(self) -> None:
        kinds = set(self.schedule.kinds)
        for job in self._scheduler.get_jobs():  # reminders deleted or switched off
            if job.id.startswith(_REMINDER_JOB) and job.id[len(_REMINDER_JOB) :] not in kinds:
                self._remove_job(job.id)
        for kind in self.schedule.kinds:
            due = self.schedule.next_due(kind)
            if due is None:
                self._remove_job(_REMINDER_JOB + kind)
            else:
                self._put_job(_REMINDER_JOB + kind, due)
        paused_until = self.schedule.paused_until
        if paused_until is None:
            self._remove_job(_RESUME_JOB_ID)
        else:
            self._put_job(_RESUME_JOB_ID, paused_until)

    def _put_job(self, job_id: str, when: datetime) -> None:
        self._scheduler.add_job(
            self._job_ran.emit,
            DateTrigger(run_date=when),
            args=(job_id,),
            id=job_id,
            replace_existing=True,
        )

    def _remove_job(self, job_id: str) -> None:
        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(job_id)
