"""The user's working hours and days, for keeping reminders quiet outside them.

A shift belongs to the day it starts: 22:00-06:00 on Friday covers Friday
night and the early hours of Saturday. Equal start and end mean the whole day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from posturebreak.core.clock import local_datetime
from posturebreak.core.settings import OutsideWorkingHours, ScheduleSettings


@dataclass(frozen=True)
class WorkingTime:
    """Working hours on a set of weekdays (0 = Monday), in ``zone`` (None: local time)."""

    start: time
    end: time
    weekdays: frozenset[int]
    zone: tzinfo | None = None

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError(f"weekdays must be some of 0..6, got {sorted(self.weekdays)}")

    @classmethod
    def quiet_hours_of(
        cls, settings: ScheduleSettings, zone: tzinfo | None = None
    ) -> WorkingTime | None:
        """The working time reminders keep to, or None when they come at any time."""
        if settings.outside_working_hours is OutsideWorkingHours.REMIND:
            return None
        return cls(
            settings.working_hours_start,
            settings.working_hours_end,
            frozenset(day.number for day in settings.working_days),
            zone,
        )

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(self.zone)
        weekday, clock = local.weekday(), local.time()
        if self.start == self.end:
            return weekday in self.weekdays
        if self.start < self.end:
            return weekday in self.weekdays and self.start <= clock < self.end
        return (clock >= self.start and weekday in self.weekdays) or (
            clock < self.end and (weekday - 1) % 7 in self.weekdays
        )

    def next_start(self, moment: datetime) -> datetime:
        """The first start of a shift at or after ``moment``."""
        today = moment.astimezone(self.zone).date()
        for offset in range(8):
            day = today + timedelta(days=offset)
            if day.weekday() in self.weekdays:
                start = local_datetime(day, self.start, self.zone)
                if start >= moment:
                    return start
        raise AssertionError("a week always holds a working day")  # weekdays is non-empty

    def working_day_of(self, moment: datetime) -> date:
        """The day whose shift ``moment`` belongs to: early hours of a night shift
        belong to the day before, every other moment to its own day."""
        local = moment.astimezone(self.zone)
        if self.start > self.end and local.time() < self.end and self.contains(moment):
            return local.date() - timedelta(days=1)
        return local.date()

    def next_day_start(self, moment: datetime) -> datetime:
        """The first shift that starts on a later day than ``moment``'s working day.

        This is "tomorrow" for someone at work: at 04:59 in a Friday night shift
        it is Saturday's shift, not Sunday's; before Monday's shift starts it is
        Tuesday's.
        """
        day_after = self.working_day_of(moment) + timedelta(days=1)
        return self.next_start(local_datetime(day_after, time(0), self.zone))
