"""Words about reminder definitions, for the reminder list and its editor.

Kept apart from Qt so the one-line schedule summary, the ids made from names,
the reasons a draft cannot be saved and what "Restore shipped" does are plain,
unit-tested rules that the widgets only show.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date

from posturebreak.core.categories import Category
from posturebreak.core.reminders import (
    MAX_NAME_LENGTH,
    MAX_TIMES_A_DAY,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    ReminderAction,
    Schedule,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import N_, _, formats, ngettext

# Translated where shown: ``_(CATEGORY_LABELS[category])``.
CATEGORY_LABELS: dict[Category, str] = {
    # Translators: a kind of exercise, as a check box in the reminder editor.
    Category.STRETCH: N_("Stretches"),
    # Translators: a kind of exercise: sitting with weight even, legs uncrossed.
    Category.SITTING: N_("Sitting evenly"),
    Category.POSTURE: N_("Posture"),
    Category.FOOT_STOOL: N_("Foot stool"),
    Category.MOVEMENT: N_("Movement"),
    # Translators: a kind of exercise (breathing exercises).
    Category.BREATHING: N_("Breathing"),
    Category.MASSAGE: N_("Self-massage"),
    Category.HEAT_COLD: N_("Heat/cold pack"),
}

_ID_LENGTH = 40  # what REMINDER_ID allows
_NOT_ID = re.compile(r"[^a-z0-9]+")


def _day_runs(days: Collection[Weekday], first_day: Weekday) -> list[list[Weekday]]:
    """The chosen days in week order, grouped into runs of consecutive days."""
    runs: list[list[Weekday]] = []
    previous_chosen = False
    for day in Weekday.week_from(first_day):
        chosen = day in days
        if chosen and previous_chosen:
            runs[-1].append(day)
        elif chosen:
            runs.append([day])
        previous_chosen = chosen
    return runs


def days_text(days: Collection[Weekday], first_day: Weekday = Weekday.MON) -> str:
    """ "every day", "Mon-Fri", "Sat, Sun" or "Mon-Wed, Fri": three or more days in a
    row become a range, in the order of the user's week."""
    if set(days) == set(Weekday):
        # Translators: the days a reminder comes on, after its times: "09:15 every day".
        return _("every day")
    if not days:
        # Translators: the days a reminder comes on, after its times, when none is chosen.
        return _("on no day")
    week = formats().weekday
    parts: list[str] = []
    for run in _day_runs(days, first_day):
        if len(run) >= 3:
            # Translators: a run of three or more weekdays, "Mon" to "Fri", with an en dash.
            run_text = _("{first}–{last}")  # noqa: RUF001 - the en dash is meant
            parts.append(run_text.format(first=week(run[0].number), last=week(run[-1].number)))
        else:
            parts.extend(week(day.number) for day in run)
    # Translators: what separates days or clock times in a list: "Sat, Sun".
    return _(", ").join(parts)


def _date_text(day: date, today: date) -> str:
    if day.year == today.year:
        return formats().day_month(day)
    return formats().day_month_year(day)


def _period_text(days: int) -> str:
    """The start of an every-N-days summary, before " from {date}, {time}"."""
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("Every week", "Every {count} weeks", weeks).format(count=weeks)
    return ngettext("Every day", "Every {count} days", days).format(count=days)


def schedule_summary(schedule: Schedule, today: date, first_day: Weekday = Weekday.MON) -> str:
    """One line saying when a reminder comes, e.g. "Every 45 min at the computer",
    "09:15 Mon-Fri" or "Every 2 weeks from 5 Jan, 09:00" (the year only when it is
    not ``today``'s)."""
    match schedule:
        case EveryActiveMinutes(minutes=minutes):
            return ngettext(
                "Every {count} min at the computer", "Every {count} min at the computer", minutes
            ).format(count=minutes)
        case AtTimesOfDay(times=times, days=days):
            clock = formats().clock
            clock_times = _(", ").join(clock(at) for at in sorted(times))
            if not clock_times:
                # Translators: in place of the clock times of a reminder that has none.
                clock_times = _("No time")
            # Translators: a reminder's clock times and days: "09:15, 13:00 Mon to Fri".
            return _("{times} {days}").format(times=clock_times, days=days_text(days, first_day))
        case EveryNDays(days=days, start=start, at=at):
            # Translators: e.g. "Every 2 weeks from 5 Jan, 09:00"; {period} is "Every 2 weeks".
            return _("{period} from {date}, {time}").format(
                period=_period_text(days), date=_date_text(start, today), time=formats().clock(at)
            )


def new_reminder_id(name: str, taken: Collection[str]) -> str:
    """A valid id for a reminder called ``name`` that is not in ``taken``:
    "Morning stretch" gives "morning_stretch", then "morning_stretch_2"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _NOT_ID.sub("_", ascii_name.lower()).strip("_")
    if not base[:1].isalpha():
        base = f"reminder_{base}".rstrip("_")
    base = base[:_ID_LENGTH].rstrip("_")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"_{number}"
        candidate = base[: _ID_LENGTH - len(suffix)].rstrip("_") + suffix
    return candidate


def schedule_problem(schedule: Schedule) -> str | None:
    """Why a reminder on ``schedule`` would never come, or None when it would."""
    if isinstance(schedule, AtTimesOfDay):
        if not schedule.times:
            return _("Add at least one time of day.")
        if len(schedule.times) > MAX_TIMES_A_DAY:
            return ngettext(
                "A reminder can come at most {count} time a day.",
                "A reminder can come at most {count} times a day.",
                MAX_TIMES_A_DAY,
            ).format(count=MAX_TIMES_A_DAY)
        if not schedule.days:
            return _("Choose at least one day of the week.")
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a reminder, or None when it can."""
    if not name.strip():
        return _("Give the reminder a name.")
    if len(name) > MAX_NAME_LENGTH:
        return ngettext(
            "A name has at most {count} character.",
            "A name has at most {count} characters.",
            MAX_NAME_LENGTH,
        ).format(count=MAX_NAME_LENGTH)
    return None


_NO_EXERCISE_REASONS = {
    ReminderAction.COMFORT_CHECK_IN: N_(
        "Answering this reminder opens the comfort check-in, not an exercise."
    ),
    ReminderAction.WORKSTATION_CHECK: N_(
        "Answering this reminder opens the workstation checklist, not an exercise."
    ),
}


def no_exercise_reason(action: ReminderAction) -> str | None:
    """Why a reminder with ``action`` suggests no exercise, or None when it does."""
    reason = _NO_EXERCISE_REASONS.get(action)
    return None if reason is None else _(reason)
