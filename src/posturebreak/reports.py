"""``posture-break stats`` and ``posture-break export``: the activity log without the GUI.

Neither loads Qt nor needs a display, and neither creates or repairs
anything: a missing log reads as empty, and the settings (daily goal, working
week) are only read.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from posturebreak import APP_NAME
from posturebreak.core.clock import Clock
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.core.reminders import REMINDERS
from posturebreak.core.sit_stand import StandingTime, duration_text, standing_time, week_start
from posturebreak.core.statistics import ActivitySummary, days_text
from posturebreak.paths import AppPaths
from posturebreak.services.activity_export import export_to_file
from posturebreak.services.activity_queries import reading
from posturebreak.services.activity_store import DATABASE_NAME, ActivityLogError
from posturebreak.services.settings_store import SettingsStore
from posturebreak.services.sit_stand_store import standing_days

_COLUMNS = ("done", "skipped", "ignored", "missed", "snoozed", "notified")


def read_summary(paths: AppPaths, clock: Clock, days: int) -> ActivitySummary:
    """The summary over the last ``days`` days; raises :class:`ActivityLogError`."""
    settings = SettingsStore(paths.config_dir, clock).peek()
    today = clock.now().astimezone().date()
    with reading(paths.data_dir / DATABASE_NAME) as reader:
        return reader.summary(today, settings, days)


def read_standing(paths: AppPaths, clock: Clock) -> StandingTime | None:
    """Time standing today and this week, or None when sit/stand was never used this week
    and is off; raises :class:`ActivityLogError`."""
    settings = SettingsStore(paths.config_dir, clock).peek()
    now = clock.now()
    today = now.astimezone().date()
    first = week_start(today, settings.general.first_day_of_week.number)
    with reading(paths.data_dir / DATABASE_NAME) as reader:
        standing = standing_time(standing_days(reader.connection, first, today, now), today)
    return standing if settings.sit_stand.enabled or standing.week else None


def stats_json(summary: ActivitySummary, standing: StandingTime | None = None) -> str:
    """The summary (and time standing, if any) as a JSON document."""
    document = {
        "today": summary.today.isoformat(),
        "first_day": summary.period.first.isoformat(),
        "days": summary.period.length,
        "daily_goal": summary.goal,
        "done_today": summary.done_today,
        "streak": asdict(summary.streaks),
        "kinds": {
            kind.value: {**asdict(counts), "completion_rate": _rounded(counts.completion_rate)}
            for kind, counts in summary.period_counts.items()
        },
    }
    if standing is not None:
        document["standing_minutes"] = {
            "today": standing.today // timedelta(minutes=1),
            "this_week": standing.week // timedelta(minutes=1),
        }
    return json.dumps(document, indent=2) + "\n"


def stats_text(summary: ActivitySummary, standing: StandingTime | None = None) -> str:
    """The summary (and time standing, if any) as a short table for a terminal."""
    period = summary.period
    days = period.length
    lines = [
        f"{APP_NAME}: the last {days} day{'s' if days != 1 else ''} "
        f"({period.first.isoformat()} to {period.last.isoformat()})",
        "",
        f"{'':<12}" + "".join(f"{name.capitalize():>9}" for name in _COLUMNS) + f"{'Rate':>7}",
    ]
    for kind, counts in summary.period_counts.items():
        cells = "".join(f"{getattr(counts, name):>9}" for name in _COLUMNS)
        lines.append(f"{REMINDERS[kind].short_name:<12}{cells}{counts.completion_text:>7}")
    streak = summary.streaks
    lines += [
        "",
        f"Today: {summary.done_today} of {summary.goal} done breaks",
        f"Streak: {days_text(streak.current)} (best {days_text(streak.best)})",
    ]
    if standing is not None:
        today, week = duration_text(standing.today), duration_text(standing.week)
        lines.append(f"Standing: {today} today, {week} this week")
    return "\n".join(lines) + "\n"


def _rounded(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 3)


STANDARD_OUTPUT = Path("-")  # ``--output -``: the Unix way to say standard output


def export_log(
    paths: AppPaths, form: ExportFormat, since: date | None, output: Path | None, out: TextIO
) -> int:
    """Writes the log from ``since`` on to ``output`` (or ``out``); returns the event count.

    Raises :class:`ActivityLogError` or OSError.
    """
    with reading(paths.data_dir / DATABASE_NAME) as reader:
        events = reader.since(since)
        if output is not None and output != STANDARD_OUTPUT:
            return export_to_file(events, output, form)
        count = write_export(events, out, form)
    try:
        out.flush()  # a full disk behind standard output is a failure too
    except OSError as error:
        raise OSError(error.errno, error.strerror, "standard output") from error
    return count


def fail(error: ActivityLogError | OSError) -> int:
    """Reports a failed command on stderr; returns the exit code."""
    if isinstance(error, OSError):
        reason = f"could not write the export to {error.filename or 'standard output'}: "
        reason += error.strerror or str(error)
    else:
        reason = str(error)
    print(f"{APP_NAME}: {reason}", file=sys.stderr)
    return 1
