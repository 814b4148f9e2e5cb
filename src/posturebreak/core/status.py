"""The one-line status the tray tooltip and the control socket report."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.core.pack_timer import PackPhase, PackTimer
from posturebreak.core.reminders import REMINDERS
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.sit_stand import SitStand


def describe_wait(wait: timedelta) -> str:
    """Rounds a wait to what a person wants to read: "in 23 min", "in 1 h 5 min"."""
    minutes = int(wait.total_seconds() + 59) // 60  # round up: never promise too early
    if minutes <= 1:
        return "in 1 min" if wait > timedelta(seconds=30) else "in less than a minute"
    if minutes < 60:
        return f"in {minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"in {hours} h" if rest == 0 else f"in {hours} h {rest} min"


def describe_moment(moment: datetime, now: datetime, zone: tzinfo | None = None) -> str:
    """A local clock time, with the weekday when it is not today: "14:30", "Wed 00:00"."""
    local, local_now = moment.astimezone(zone), now.astimezone(zone)
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    return local.strftime("%a %H:%M")


def status_line(
    schedule: ReminderSchedule,
    now: datetime,
    zone: tzinfo | None = None,
    holding_for: BusyReason | None = None,
    *,
    relative: bool = True,
) -> str:
    """ "Stretch in 23 min", "Paused until 14:30", "Holding reminders: you are in a call"…

    ``relative=False`` names the next reminder's clock time ("Stretch at 14:30"): a
    line that stays true until the schedule changes, for the tray's tooltip, which
    would otherwise have to wake the app every minute to stay right.
    """
    if schedule.paused_until is not None:
        return f"Paused until {describe_moment(schedule.paused_until, now, zone)}"
    if holding_for is not None:
        return f"Holding reminders: {holding_for.words}"
    if schedule.away_since is not None:
        return f"Away since {describe_moment(schedule.away_since, now, zone)}: reminders wait"
    upcoming = schedule.upcoming()
    if upcoming is None:
        return "All reminders are switched off"
    quiet_until = schedule.quiet_until(now)
    if quiet_until is not None:
        return f"Outside working hours until {describe_moment(quiet_until, now, zone)}"
    kind, due = upcoming
    when = describe_wait(due - now) if relative else f"at {describe_moment(due, now, zone)}"
    return f"{REMINDERS[kind].short_name} {when}"


def pack_status(timer: PackTimer, now: datetime, zone: tzinfo | None = None) -> str | None:
    """ "Pack on until 14:20", "Skin rest until 14:40", or None when the timer is idle."""
    if timer.ends_at is None:
        return None
    until = describe_moment(timer.ends_at, now, zone)
    return f"Pack on until {until}" if timer.phase is PackPhase.ON else f"Skin rest until {until}"


def standing_status(state: SitStand, now: datetime, zone: tzinfo | None = None) -> str:
    """ "Standing since 10:20" or "Sitting since 09:35" (with the weekday if not today)."""
    return f"{state.posture.capitalize()} since {describe_moment(state.since, now, zone)}"
