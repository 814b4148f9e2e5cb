"""The one-line status the tray tooltip and the control socket report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.core.pack_timer import PackPhase, PackTimer
from posturebreak.core.reminders import ReminderDefinition, reminder_name
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.sit_stand import Posture, SitStand
from posturebreak.i18n import _, formats, ngettext


def describe_wait(wait: timedelta) -> str:
    """Rounds a wait to what a person wants to read: "in 23 min", "in 1 h 5 min"."""
    minutes = int(wait.total_seconds() + 59) // 60  # round up: never promise too early
    if minutes <= 1 and wait <= timedelta(seconds=30):
        # Translators: when the next reminder comes: "Stretch in less than a minute".
        return _("in less than a minute")
    minutes = max(minutes, 1)
    if minutes < 60:
        # Translators: when the next reminder comes, after its name: "Stretch in 23 min".
        return ngettext("in {minutes} min", "in {minutes} min", minutes).format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        # Translators: when the next reminder comes, after its name: "Stretch in 2 h".
        return ngettext("in {hours} h", "in {hours} h", hours).format(hours=hours)
    # Translators: when the next reminder comes, after its name: "Stretch in 1 h 5 min".
    return _("in {hours} h {minutes} min").format(hours=hours, minutes=rest)


def describe_moment(moment: datetime, now: datetime, zone: tzinfo | None = None) -> str:
    """A local clock time, with the weekday when it is not today: "14:30", "Wed 00:00"."""
    local, local_now = moment.astimezone(zone), now.astimezone(zone)
    if local.date() == local_now.date():
        return formats().clock(local)
    # Translators: a moment on another day than today: "Wed 00:00".
    return _("{weekday} {time}").format(
        weekday=formats().weekday(local.weekday()), time=formats().clock(local)
    )


def status_line(
    schedule: ReminderSchedule,
    now: datetime,
    zone: tzinfo | None = None,
    holding_for: BusyReason | None = None,
    *,
    relative: bool = True,
    reminders: Iterable[ReminderDefinition] = (),
) -> str:
    """ "Stretch in 23 min", "Paused until 14:30", "Holding reminders: you are in a call"…

    ``relative=False`` names the next reminder's clock time ("Stretch at 14:30"): a
    line that stays true until the schedule changes, for the tray's tooltip, which
    would otherwise have to wake the app every minute to stay right.
    """
    if schedule.paused_until is not None:
        return _("Paused until {time}").format(
            time=describe_moment(schedule.paused_until, now, zone)
        )
    if holding_for is not None:
        # Translators: {reason} is e.g. "you are in a call".
        return _("Holding reminders: {reason}").format(reason=holding_for.words)
    if schedule.away_since is not None:
        return _("Away since {time}: reminders wait").format(
            time=describe_moment(schedule.away_since, now, zone)
        )
    upcoming = schedule.upcoming()
    if upcoming is None:
        return _("All reminders are switched off")
    quiet_until = schedule.quiet_until(now)
    if quiet_until is not None:
        return _("Outside working hours until {time}").format(
            time=describe_moment(quiet_until, now, zone)
        )
    return _next_reminder(upcoming, now, zone, reminders, relative=relative)


def _next_reminder(
    upcoming: tuple[str, datetime],
    now: datetime,
    zone: tzinfo | None,
    reminders: Iterable[ReminderDefinition],
    *,
    relative: bool,
) -> str:
    kind, due = upcoming
    name = reminder_name(kind, reminders)
    if relative:
        # Translators: the next reminder and when it comes: "Stretch in 23 min".
        return _("{reminder} {wait}").format(reminder=name, wait=describe_wait(due - now))
    # Translators: the next reminder and its clock time: "Stretch at 14:30".
    return _("{reminder} at {time}").format(reminder=name, time=describe_moment(due, now, zone))


def pack_status(timer: PackTimer, now: datetime, zone: tzinfo | None = None) -> str | None:
    """ "Pack on until 14:20", "Skin rest until 14:40", or None when the timer is idle."""
    if timer.ends_at is None:
        return None
    until = describe_moment(timer.ends_at, now, zone)
    if timer.phase is PackPhase.ON:
        # Translators: a heat or cold pack is on the skin until {time}.
        return _("Pack on until {time}").format(time=until)
    # Translators: the skin rests, with no heat or cold pack, until {time}.
    return _("Skin rest until {time}").format(time=until)


def standing_status(state: SitStand, now: datetime, zone: tzinfo | None = None) -> str:
    """ "Standing since 10:20" or "Sitting since 09:35" (with the weekday if not today)."""
    since = describe_moment(state.since, now, zone)
    if state.posture is Posture.STANDING:
        return _("Standing since {time}").format(time=since)
    return _("Sitting since {time}").format(time=since)
