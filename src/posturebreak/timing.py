"""When reminders come: the one place that turns the settings into times.

It owns the app's clock (which notices the wall clock being set), the
schedule on APScheduler, do-not-disturb, and the watch on whether the user
is at the computer; it pauses, holds and reports status. Durations from the
settings pass through the demo time scale here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from posturebreak.core.clock import Clock, ClockJumps, TimeScale
from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.core.reminders import EveryActiveMinutes, ReminderId
from posturebreak.core.schedule import ReminderSchedule, start_of_tomorrow
from posturebreak.core.settings import Settings
from posturebreak.core.status import describe_moment, status_line
from posturebreak.core.wall_clock import WallClockSchedule
from posturebreak.core.working_time import WorkingTime
from posturebreak.i18n import _, pgettext
from posturebreak.platform.desktop import DesktopDetectors
from posturebreak.services.busy_watch import BusyWatch
from posturebreak.services.clock_watch import ClockWatch
from posturebreak.services.presence_watch import PresenceWatch
from posturebreak.services.scheduler import ReminderScheduler

# Reminders due this close to each other come together as one.
_TOGETHER_WITHIN = timedelta(minutes=1)
# How often to ask again whether the user is still busy while a reminder is held.
_BUSY_RECHECK = timedelta(seconds=30)


class ReminderTiming(QObject):
    """The schedule, the clock it runs on, and do-not-disturb, following the settings."""

    def __init__(
        self,
        clock: Clock,
        time_scale: TimeScale,
        settings: Callable[[], Settings],
        *,
        clock_jumps: ClockJumps | None,
        detectors: DesktopDetectors,
        parent: QObject | None = None,
    ) -> None:
        """``clock_jumps``: tells the wall clock being set from time passing (None: it is
        never set); ``detectors``: tell the user is away (no input, asleep, locked) or busy."""
        super().__init__(parent)
        self._time_scale = time_scale
        self._settings = settings
        # Everything that counts down reads this clock, which notices the clock being set.
        self.clock = ClockWatch(clock, clock_jumps, self)
        current = settings()
        schedule = ReminderSchedule(
            self._intervals(current),
            self.clock.now(),
            WorkingTime.quiet_hours_of(current.schedule),
            _wall_clock(current),
        )
        self.scheduler = ReminderScheduler(
            schedule,
            self.clock,
            lambda: self._break_lengths(self._settings()),
            together_within=self.scaled(_TOGETHER_WITHIN),
            parent=self,
        )
        self.busy = BusyWatch(self.clock, detectors.busy, self.scaled(_BUSY_RECHECK), self)
        self._missing = list(detectors.missing)
        self.presence = PresenceWatch(
            self.clock, self.scheduler, detectors.idle, detectors.presence, self
        )
        self.clock.jumped.connect(self.scheduler.clock_set)

    def start(self) -> None:
        self.scheduler.start()
        self.presence.start(self._idle_threshold(self._settings()))

    def stop(self) -> None:
        self.presence.stop()
        self.scheduler.shutdown()

    def scaled(self, duration: timedelta) -> timedelta:
        """A configured duration, shortened by the demo time scale."""
        return self._time_scale.apply(duration)

    def apply(self, settings: Settings) -> None:
        """New settings take effect at once, keeping time already waited."""
        self.scheduler.reschedule(
            self._intervals(settings),
            WorkingTime.quiet_hours_of(settings.schedule),
            _wall_clock(settings),
        )
        self.presence.set_idle_threshold(self._idle_threshold(settings))

    def pause(self, minutes: float | None) -> None:
        """Pauses for ``minutes`` (time-scaled), or until tomorrow when None."""
        now = self.clock.now()
        if minutes is None:
            until = start_of_tomorrow(now, self.scheduler.schedule.working_time)
        else:
            until = now + self.scaled(timedelta(minutes=minutes))
        self.scheduler.pause(until)

    def do_not_disturb(self, minutes: float | None, *, until_tomorrow: bool = False) -> None:
        """Holds reminders for ``minutes`` (time-scaled), until tomorrow, or (neither)
        until turned off."""
        now = self.clock.now()
        if until_tomorrow:
            until: datetime | None = start_of_tomorrow(now, self.scheduler.schedule.working_time)
        elif minutes is not None:
            until = now + self.scaled(timedelta(minutes=minutes))
        else:
            until = None
        self.busy.turn_on(until)

    def status(self, *, relative: bool = True) -> str:
        """What comes next, or why nothing does: for the tray and ``posture-break status``.

        ``relative=False`` (the tray) names clock times, so the line stays true as time
        passes and nothing has to wake up to refresh it.
        """
        now = self.clock.now()
        holding_for = self.busy.holding_for()
        schedule = self.scheduler.schedule
        line = status_line(
            schedule,
            now,
            holding_for=holding_for,
            relative=relative,
            reminders=self._settings().reminders,
        )
        until = self.busy.rules.until
        if until is not None and holding_for is BusyReason.TURNED_ON:
            # Translators: {status} says reminders are held for do not disturb; {time} is a
            # clock time, with the weekday when not today: "… until 14:30".
            line = _("{status} until {time}").format(status=line, time=describe_moment(until, now))
        return line

    def detection(self) -> dict[str, str]:
        """What each way of telling the user is away or busy does on this desktop."""
        states = dict(self.presence.states)
        # Translators: whether a way of telling the user is away or busy works, in About.
        states.update((name, pgettext("detection", "on")) for name in self.busy.detector_names)
        states.update((name, _("off, not available here")) for name in self._missing)
        return states

    def _idle_threshold(self, settings: Settings) -> timedelta | None:
        """No input this long is an absence ("Natural break after"); None when off."""
        minutes = settings.schedule.idle_threshold_minutes
        return self.scaled(timedelta(minutes=minutes)) if minutes else None

    def _intervals(self, settings: Settings) -> dict[ReminderId, timedelta]:
        """Each enabled reminder's interval of active time."""
        return {
            reminder.id: self.scaled(timedelta(minutes=reminder.schedule.minutes))
            for reminder in settings.enabled_reminders
            if isinstance(reminder.schedule, EveryActiveMinutes)
        }

    def _break_lengths(self, settings: Settings) -> dict[ReminderId, timedelta]:
        """Each reminder's break: an absence that long is a natural break."""
        return {
            reminder.id: self.scaled(timedelta(seconds=reminder.break_seconds))
            for reminder in settings.reminders
        }


def _wall_clock(settings: Settings) -> dict[ReminderId, WallClockSchedule]:
    """Each enabled reminder at clock times (these follow the calendar: never time-scaled)."""
    return {
        reminder.id: reminder.schedule
        for reminder in settings.enabled_reminders
        if not isinstance(reminder.schedule, EveryActiveMinutes)
    }
