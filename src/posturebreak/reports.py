"""``posture-break stats`` and ``posture-break export``: the activity log without the GUI.

Neither loads Qt nor needs a display, and neither creates or repairs
anything: a missing log reads as empty, and the settings (daily goal, working
week) are only read.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from posturebreak import APP_NAME
from posturebreak.core.clock import Clock
from posturebreak.core.comfort import ComfortAverage
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.core.sit_stand import StandingTime, duration_text, standing_time, week_start
from posturebreak.core.statistics import ActivitySummary, days_text
from posturebreak.core.stool_trial import SettingComfort, per_setting_text
from posturebreak.i18n import _, formats, ngettext, pgettext
from posturebreak.paths import AppPaths
from posturebreak.services.activity_export import export_to_file
from posturebreak.services.activity_queries import reading
from posturebreak.services.activity_store import DATABASE_NAME, ActivityLogError
from posturebreak.services.comfort_history import ComfortHistory
from posturebreak.services.comfort_store import ComfortLog
from posturebreak.services.settings_store import SettingsStore
from posturebreak.services.sit_stand_store import standing_days

_COLUMNS = ("done", "skipped", "ignored", "missed", "snoozed", "notified")


def _headings() -> tuple[str, ...]:
    """The headings of :data:`_COLUMNS`, in the user's language."""
    return (
        pgettext("outcome column", "Done"),
        pgettext("outcome column", "Skipped"),
        pgettext("outcome column", "Ignored"),
        pgettext("outcome column", "Missed"),
        pgettext("outcome column", "Snoozed"),
        # Translators: reminders that only showed a notification (nothing to answer).
        pgettext("outcome column", "Notified"),
    )


def read_summary(paths: AppPaths, clock: Clock, days: int) -> tuple[ActivitySummary, ComfortReport]:
    """The summary and comfort over the last ``days`` days; raises :class:`ActivityLogError`."""
    settings = SettingsStore(paths.config_dir, clock).peek()
    today = clock.now().astimezone().date()
    database = paths.data_dir / DATABASE_NAME
    with reading(database) as reader:
        comfort = ComfortHistory(
            ComfortLog(lambda: reader.connection, database), lambda: today, lambda: settings
        )
        report = ComfortReport(comfort.average(days), comfort.per_setting())
        return reader.summary(today, settings, days), report


@dataclass(frozen=True)
class ComfortReport:
    """Comfort check-ins over the period, and per stool setting while the trial runs."""

    average: ComfortAverage
    per_setting: list[SettingComfort] | None

    def as_json(self) -> dict[str, object]:
        settings = self.per_setting
        return {
            "average": _rounded(self.average.average, 2),
            "days": self.average.days,
            "per_stool_setting": None
            if settings is None
            else [
                {
                    "setting": setting.setting,
                    "average": None
                    if setting.days_missing
                    else _rounded(setting.comfort.average, 2),
                    "days": setting.comfort.days,
                    "days_missing": setting.days_missing,
                }
                for setting in settings
            ],
        }

    def lines(self) -> list[str]:
        lines = [self.average.text]
        return lines if self.per_setting is None else [*lines, per_setting_text(self.per_setting)]


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


def stats_json(
    summary: ActivitySummary, comfort: ComfortReport, standing: StandingTime | None = None
) -> str:
    """The summary, comfort (and time standing, if any) as a JSON document."""
    document = {
        "today": summary.today.isoformat(),
        "first_day": summary.period.first.isoformat(),
        "days": summary.period.length,
        "daily_goal": summary.goal,
        "done_today": summary.done_today,
        "streak": asdict(summary.streaks),
        "kinds": {
            kind: {
                "name": summary.names[kind],
                **asdict(counts),
                "completion_rate": _rounded(counts.completion_rate),
            }
            for kind, counts in summary.period_counts.items()
        },
        "comfort": comfort.as_json(),
    }
    if standing is not None:
        document["standing_minutes"] = {
            "today": standing.today // timedelta(minutes=1),
            "this_week": standing.week // timedelta(minutes=1),
        }
    return json.dumps(document, indent=2) + "\n"


def stats_text(
    summary: ActivitySummary, comfort: ComfortReport, standing: StandingTime | None = None
) -> str:
    """The summary, comfort (and time standing, if any) as a short table for a terminal."""
    period = summary.period
    days = period.length
    width = max((len(name) for name in summary.names.values()), default=0) + 2
    width = max(width, 12)
    headings = _headings()
    # Translators: the heading of the completion-rate column (e.g. "83%").
    rate = _("Rate")
    widths = [max(9, len(heading) + 2) for heading in headings]
    rate_width = max(7, len(rate) + 2)
    number = formats().integer
    lines = [
        ngettext(
            "{app}: the last {count} day ({first} to {last})",
            "{app}: the last {count} days ({first} to {last})",
            days,
        ).format(
            app=APP_NAME,
            count=number(days),
            first=formats().day_month_year(period.first),
            last=formats().day_month_year(period.last),
        ),
        "",
        f"{'':<{width}}"
        + "".join(f"{heading:>{cell}}" for heading, cell in zip(headings, widths, strict=True))
        + f"{rate:>{rate_width}}",
    ]
    for kind, counts in summary.period_counts.items():
        cells = "".join(
            f"{number(getattr(counts, name)):>{cell}}"
            for name, cell in zip(_COLUMNS, widths, strict=True)
        )
        lines.append(f"{summary.names[kind]:<{width}}{cells}{counts.completion_text:>{rate_width}}")
    streak = summary.streaks
    lines += [
        "",
        _("Today: {done} of {goal} done breaks").format(
            done=number(summary.done_today), goal=number(summary.goal)
        ),
        _("Streak: {current} (best {best})").format(
            current=days_text(streak.current), best=days_text(streak.best)
        ),
        *comfort.lines(),
    ]
    if standing is not None:
        lines.append(
            _("Standing: {today} today, {week} this week").format(
                today=duration_text(standing.today), week=duration_text(standing.week)
            )
        )
    return "\n".join(lines) + "\n"


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


STANDARD_OUTPUT = Path("-")  # ``--output -``: the Unix way to say standard output


def export_log(
    paths: AppPaths, form: ExportFormat, since: date | None, output: Path | None, out: TextIO
) -> int:
    """Writes the log from ``since`` on to ``output`` (or ``out``); returns the event count.

    Raises :class:`ActivityLogError` or OSError.
    """
    database = paths.data_dir / DATABASE_NAME
    with reading(database) as reader:
        events = reader.since(since)
        check_ins = ComfortLog(lambda: reader.connection, database).since(since)
        if output is not None and output != STANDARD_OUTPUT:
            return export_to_file(events, output, form, check_ins)
        count = write_export(events, out, form, check_ins)
    try:
        out.flush()  # a full disk behind standard output is a failure too
    except OSError as error:
        raise OSError(error.errno, error.strerror, _("standard output")) from error
    return count


def fail(error: ActivityLogError | OSError) -> int:
    """Reports a failed command on stderr; returns the exit code."""
    if isinstance(error, OSError):
        reason = _("could not write the export to {file}: {reason}").format(
            file=error.filename or _("standard output"), reason=error.strerror or str(error)
        )
    else:
        reason = str(error)
    print(f"{APP_NAME}: {reason}", file=sys.stderr)
    return 1
