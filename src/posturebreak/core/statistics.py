"""Statistics over the activity log: counts per kind, completion rates and streaks.

Everything works on per-day tallies (what the log's ``GROUP BY`` gives) and on
calendar days, never on 24-hour spans, so a DST change or a trip across time
zones neither splits nor merges a day.

A natural break (away from the computer at least a break's length) counts as
done. The completion rate counts reminders only: done against skipped,
ignored and missed. Snoozed reminders come back later, notification-only ones cannot be
answered, and exercises logged by hand were not reminders. A streak counts
days with at least the daily goal of done breaks (however they were logged);
a day off (not a working day) never breaks one, and today, still under way,
only ever adds to it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from posturebreak.core.events import Outcome
from posturebreak.core.reminders import ReminderId, reminder_name
from posturebreak.core.settings import Settings
from posturebreak.i18n import _, formats, ngettext

_EVERY_DAY = frozenset(range(7))
_Key = TypeVar("_Key", ReminderId, date)


@dataclass(frozen=True)
class DayTally:
    """How many events of one kind had one outcome on one local day."""

    day: date
    kind: ReminderId
    outcome: Outcome
    by_hand: bool
    count: int


@dataclass(frozen=True)
class OutcomeCounts:
    """Events per outcome; ``by_hand`` and ``natural`` are the parts of ``done`` the user
    logged themselves and took away from the computer."""

    done: int = 0
    by_hand: int = 0
    natural: int = 0
    skipped: int = 0
    ignored: int = 0
    missed: int = 0
    snoozed: int = 0
    notified: int = 0

    def add(self, tally: DayTally) -> OutcomeCounts:
        if tally.outcome is Outcome.NATURAL_BREAK:
            changes = {"done": self.done + tally.count, "natural": self.natural + tally.count}
        else:
            name = tally.outcome.value
            changes = {name: getattr(self, name) + tally.count}
        if tally.by_hand:
            changes["by_hand"] = self.by_hand + tally.count
        return replace(self, **changes)

    @property
    def not_done(self) -> int:
        """Reminders that passed without the exercise: skipped, ignored or missed."""
        return self.skipped + self.ignored + self.missed

    @property
    def completion_rate(self) -> float | None:
        """Share of answerable reminders that were done; None when there were none."""
        done_when_reminded = self.done - self.by_hand
        given = done_when_reminded + self.not_done
        return done_when_reminded / given if given else None

    @property
    def completion_text(self) -> str:
        """The completion rate as people read it: "83%", or an en dash when there is none."""
        rate = self.completion_rate
        if rate is None:
            return "\N{EN DASH}"
        # Translators: a completion rate, e.g. "83%"; {percent} is the number.
        return _("{percent}%").format(percent=formats().integer(round(rate * 100)))


@dataclass(frozen=True)
class Period:
    """The local days from ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        """``days`` days ending with today."""
        if days < 1:
            raise ValueError(f"a period needs at least one day, got {days}")
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def week_of(cls, today: date, first_weekday: int) -> Period:
        """The week so far, starting on ``first_weekday`` (Monday is 0)."""
        return cls(today - timedelta(days=(today.weekday() - first_weekday) % 7), today)

    @property
    def length(self) -> int:
        """How many days the period has."""
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


def counts_by_kind(
    tallies: Iterable[DayTally], period: Period, kinds: Sequence[ReminderId] = ()
) -> dict[ReminderId, OutcomeCounts]:
    """Each kind's outcome counts within ``period``: ``kinds`` first, in order (zeros for
    those without events), then any other kind the log holds for the period (a reminder
    since deleted or switched off), by id."""
    within = [tally for tally in tallies if tally.day in period]
    others = sorted({tally.kind for tally in within} - set(kinds))
    return _totals(within, period, [*kinds, *others], lambda tally: tally.kind)


def _totals(
    tallies: Iterable[DayTally],
    period: Period,
    keys: Iterable[_Key],
    key_of: Callable[[DayTally], _Key],
) -> dict[_Key, OutcomeCounts]:
    """Outcome counts within ``period``, one per key (zeros for keys without events)."""
    totals = {key: OutcomeCounts() for key in keys}
    for tally in tallies:
        if tally.day in period:
            key = key_of(tally)
            totals[key] = totals[key].add(tally)
    return totals


@dataclass(frozen=True)
class DayBar:
    """One day of the chart: breaks done, and reminders that passed without one."""

    day: date
    done: int
    not_done: int


def daily_bars(tallies: Iterable[DayTally], period: Period) -> list[DayBar]:
    """One bar per day of ``period``, days without events included."""
    per_day = _totals(tallies, period, period.days(), lambda tally: tally.day)
    return [DayBar(day, counts.done, counts.not_done) for day, counts in per_day.items()]


@dataclass(frozen=True)
class Streaks:
    """Days in a row that met the daily goal: the run still going, and the longest."""

    current: int
    best: int


def days_text(count: int) -> str:
    """How many days, in words: 1 day, 3 days."""
    return ngettext("{count} day", "{count} days", count).format(count=count)


def streaks(
    done_per_day: Mapping[date, int],
    today: date,
    goal: int,
    working_weekdays: Collection[int] = _EVERY_DAY,
) -> Streaks:
    """Streaks of days with at least ``goal`` done breaks, up to and including today."""
    working = frozenset(working_weekdays) or _EVERY_DAY
    met = sorted(day for day, done in done_per_day.items() if done >= goal and day <= today)
    best = run = 0
    previous: date | None = None
    for day in met:
        # Consecutive days (most of them in a long log) need no look at the days between.
        if (
            previous is not None
            and (day - previous).days > 1
            and _working_day_between(previous, day, working)
        ):
            run = 0
        run += 1
        best = max(best, run)
        previous = day
    if previous is None or _working_day_between(previous, today, working):
        return Streaks(0, best)
    return Streaks(run, best)


def _working_day_between(earlier: date, later: date, working: frozenset[int]) -> bool:
    """Whether a working day lies strictly between two days."""
    gap = (later - earlier).days - 1
    if gap >= 7:
        return True
    return any((earlier + timedelta(days=n)).weekday() in working for n in range(1, gap + 1))


@dataclass(frozen=True)
class ActivitySummary:
    """What the history window and ``posture-break stats`` show: counts, goal and streaks."""

    today: date
    goal: int
    done_today: int
    streaks: Streaks
    today_counts: dict[ReminderId, OutcomeCounts]
    week: dict[ReminderId, OutcomeCounts]
    period: Period
    period_counts: dict[ReminderId, OutcomeCounts]
    # The one name of each kind counted here (of a reminder since deleted, too).
    names: dict[ReminderId, str]


def summary_start(today: date, settings: Settings, days: int) -> date:
    """The first day a summary needs tallies from."""
    week = Period.week_of(today, settings.general.first_day_of_week.number)
    return min(week.first, Period.last_days(days, today).first)


def summarise(
    tallies: Collection[DayTally],
    done_per_day: Mapping[date, int],
    today: date,
    settings: Settings,
    days: int = 30,
) -> ActivitySummary:
    """Today, this week and the last ``days`` days per kind, with the goal and streaks.

    ``tallies`` must reach back to :func:`summary_start`; ``done_per_day``
    covers the whole log. Days that are not working days never break a streak.
    """
    general = settings.general
    period = Period.last_days(days, today)
    working = [day.number for day in settings.schedule.working_days]
    kinds = [reminder.id for reminder in settings.enabled_reminders]
    today_counts = counts_by_kind(tallies, Period(today, today), kinds)
    week = counts_by_kind(tallies, Period.week_of(today, general.first_day_of_week.number), kinds)
    period_counts = counts_by_kind(tallies, period, kinds)
    counted = {**today_counts, **week, **period_counts}
    return ActivitySummary(
        today=today,
        goal=general.daily_goal,
        done_today=done_per_day.get(today, 0),
        streaks=streaks(done_per_day, today, general.daily_goal, working),
        today_counts=today_counts,
        week=week,
        period=period,
        period_counts=period_counts,
        names={kind: reminder_name(kind, settings.reminders) for kind in counted},
    )
