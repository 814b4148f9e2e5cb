"""When a clock-time reminder (at times of day, every N days) is next due.

Unlike the countdowns of active time, these follow the calendar: "09:15 on
weekdays" means 09:15 local time whatever happened before. Times are built
in the local zone day by day, so a change to or from summer time keeps the
clock time (a time that does not exist that night comes an hour later; one
that happens twice comes the first time).
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from posturebreak.core.clock import local_datetime
from posturebreak.core.reminders import AtTimesOfDay, EveryNDays

WallClockSchedule = AtTimesOfDay | EveryNDays


def next_occurrence(
    schedule: WallClockSchedule, after: datetime, zone: tzinfo | None = None
) -> datetime:
    """The first time ``schedule`` is due strictly after ``after`` (aware), in ``zone``
    (default: the system's local zone)."""
    today = after.astimezone(zone).date()
    if isinstance(schedule, AtTimesOfDay):
        days = {day.number for day in schedule.days}
        # Eight days: today's times may all be past, and the same weekday comes again.
        for offset in range(8):
            day = today + timedelta(days=offset)
            if day.weekday() not in days:
                continue
            for at in sorted(schedule.times):
                moment = local_datetime(day, at, zone)
                if moment > after:
                    return moment
        raise ValueError("a time-of-day schedule needs at least one day and time")
    step = timedelta(days=schedule.days)
    day = schedule.start
    if today > day:
        day += step * ((today - day) // step)
    while (moment := local_datetime(day, schedule.at, zone)) <= after:
        day += step
    return moment
