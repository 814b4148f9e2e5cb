"""Sit/stand for a height-adjustable desk: when to switch, and time spent standing.

The countdown to the next switch behaves like the reminders' countdowns:
pausing or being away freezes it, and outside working hours no prompt comes
(the countdown starts afresh when work begins). Coming back from an absence
at least as long as a standing spell starts a fresh sitting spell: whoever
was standing has left the desk, and whoever was sitting has been off the
chair long enough. Switches are logged, and time standing per day is
computed from them, split at local midnights (DST-proof: durations are
measured in UTC).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from posturebreak.core.clock import local_datetime
from posturebreak.i18n import _, ngettext

# The minutes a spell of sitting or standing may last, for the settings and their widgets.
SPELL_LIMITS = (5, 240)
# A standing spell never counts longer than this: one left open (the app crashed, the
# computer was switched off while standing) must not make a day of standing.
LONGEST_COUNTED_SPELL = timedelta(hours=4)


class Posture(StrEnum):
    SITTING = "sitting"
    STANDING = "standing"

    @property
    def other(self) -> Posture:
        return Posture.STANDING if self is Posture.SITTING else Posture.SITTING


class SwitchPrompt(StrEnum):
    """How the app says it is time to switch."""

    NOTIFICATION = "notification"
    WINDOW = "window"


@dataclass(frozen=True)
class SitStandSettings:
    """Alternating sitting and standing; off by default, as not every desk can do it."""

    enabled: bool = False
    sit_minutes: int = field(default=45, metadata={"limits": SPELL_LIMITS})
    stand_minutes: int = field(default=15, metadata={"limits": SPELL_LIMITS})
    style: SwitchPrompt = SwitchPrompt.NOTIFICATION

    def __post_init__(self) -> None:
        low, high = SPELL_LIMITS
        for name in ("sit_minutes", "stand_minutes"):
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(f"sit_stand.{name} must be between {low} and {high}, got {value}")


@dataclass(frozen=True)
class PostureSwitch:
    """From ``at`` on, the user sat or stood."""

    posture: Posture
    at: datetime


class SitStand:
    """The current posture, since when, and when the next switch is due.

    All times are timezone-aware and come from the caller.
    """

    def __init__(self, sit: timedelta, stand: timedelta, now: datetime) -> None:
        self._lengths = {Posture.SITTING: sit, Posture.STANDING: stand}
        _check_lengths(self._lengths)
        self.posture = Posture.SITTING
        self.since = now
        self._due = now + sit
        self._left: timedelta | None = None  # time to the switch while frozen

    @property
    def due_at(self) -> datetime | None:
        """When the next switch is due; None while the countdown stands still."""
        return None if self._left is not None else self._due

    def set_lengths(self, sit: timedelta, stand: timedelta, now: datetime) -> None:
        """New spell lengths; the time already spent in this spell is kept."""
        lengths = {Posture.SITTING: sit, Posture.STANDING: stand}
        _check_lengths(lengths)
        change = lengths[self.posture] - self._lengths[self.posture]
        self._lengths = lengths
        if self._left is not None:
            self._left = max(self._left + change, timedelta(0))
        else:
            self._due = max(self._due + change, now)

    def switch(self, now: datetime) -> PostureSwitch:
        """The user switched (answering the prompt): the other posture from now on."""
        return self._begin(self.posture.other, now)

    def take(self, posture: Posture, now: datetime) -> PostureSwitch | None:
        """The user says they sit or stand now; None when they already did."""
        return None if posture is self.posture else self._begin(posture, now)

    def freeze(self, at: datetime) -> None:
        """Paused or away since ``at``: the countdown stands still from then."""
        if self._left is None:
            self._left = max(self._due - at, timedelta(0))

    def thaw(self, now: datetime) -> None:
        """The countdown runs again from ``now`` with the time it had left."""
        if self._left is not None:
            self._due, self._left = now + self._left, None

    def came_back(self, away_since: datetime, now: datetime) -> PostureSwitch | None:
        """Back from an absence that began at ``away_since``.

        An absence at least as long as a standing spell starts a fresh sitting
        spell from ``now``; if the user was standing, their standing ended when
        the absence began, and that switch is returned for the log.
        """
        if now - away_since < self._lengths[Posture.STANDING]:
            return None
        ended = PostureSwitch(Posture.SITTING, away_since) if self.is_standing else None
        self._begin(Posture.SITTING, now)
        return ended

    def prompted(self, now: datetime) -> None:
        """The user was told to switch: unless they do, they are asked again after
        another spell."""
        self._due = now + self._lengths[self.posture]

    def shift(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``: every time here moves with it."""
        self.since += jump
        self._due += jump

    def hold_until(self, work_starts: datetime) -> None:
        """Due outside working hours: no prompt; the spell's countdown starts again when
        work begins."""
        self._due = work_starts + self._lengths[self.posture]

    @property
    def is_standing(self) -> bool:
        return self.posture is Posture.STANDING

    def _begin(self, posture: Posture, now: datetime) -> PostureSwitch:
        self.posture, self.since = posture, now
        if self._left is not None:
            self._left = self._lengths[posture]
        else:
            self._due = now + self._lengths[posture]
        return PostureSwitch(posture, now)


def _check_lengths(lengths: dict[Posture, timedelta]) -> None:
    for posture, length in lengths.items():
        if length <= timedelta(0):
            raise ValueError(f"a spell of {posture} must be positive, got {length}")


def standing_per_day(
    switches: Sequence[PostureSwitch],
    first: date,
    last: date,
    now: datetime,
    zone: tzinfo | None = None,
) -> dict[date, timedelta]:
    """Time standing on each local day from ``first`` to ``last`` (both included).

    ``switches`` in time order, including the last one before ``first`` (it says
    how the first day began). A standing spell lasts until the next switch or
    ``now``, at most :data:`LONGEST_COUNTED_SPELL`; a spell across midnight is
    shared between its days.
    """
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    totals = dict.fromkeys(days, timedelta(0))
    ends = [switch.at for switch in switches[1:]] + [now] if switches else []
    for switch, end in zip(switches, ends, strict=True):
        if switch.posture is Posture.STANDING:
            start = switch.at.astimezone(UTC)
            _share_out(start, min(end.astimezone(UTC), start + LONGEST_COUNTED_SPELL), totals, zone)
    return totals


def _share_out(
    start: datetime, end: datetime, totals: dict[date, timedelta], zone: tzinfo | None
) -> None:
    """Adds the spell from ``start`` to ``end`` (UTC) to the local days it covers."""
    day = start.astimezone(zone).date()
    while start < end:
        next_midnight = local_datetime(day + timedelta(days=1), time(0), zone).astimezone(UTC)
        piece_end = min(end, next_midnight)
        if day in totals:
            totals[day] += piece_end - start
        start, day = piece_end, day + timedelta(days=1)


@dataclass(frozen=True)
class SwitchWords:
    """What the prompt to switch says, and what answering it means."""

    title: str
    message: str
    answer: str


def switch_words(posture: Posture, settings: SitStandSettings) -> SwitchWords:
    """The words asking the user to take ``posture``, with the spell's length."""
    if posture is Posture.STANDING:
        return SwitchWords(
            _("Time to stand up"),
            ngettext(
                "Raise your desk and stand for about {minutes} min.",
                "Raise your desk and stand for about {minutes} min.",
                settings.stand_minutes,
            ).format(minutes=settings.stand_minutes),
            # Translators: the answer to "Time to stand up", a button and a tray menu item.
            _("I'm standing now"),
        )
    return SwitchWords(
        _("Time to sit down"),
        ngettext(
            "Lower your desk and sit for about {minutes} min.",
            "Lower your desk and sit for about {minutes} min.",
            settings.sit_minutes,
        ).format(minutes=settings.sit_minutes),
        # Translators: the answer to "Time to sit down", a button and a tray menu item.
        _("I'm sitting now"),
    )


@dataclass(frozen=True)
class StandingTime:
    """Time standing today and this week so far, for ``posture-break stats``."""

    today: timedelta
    week: timedelta


def week_start(today: date, first_day_of_week: int) -> date:
    """The first day of ``today``'s week; ``first_day_of_week`` as date.weekday() counts."""
    return today - timedelta(days=(today.weekday() - first_day_of_week) % 7)


def standing_time(days: dict[date, timedelta], today: date) -> StandingTime:
    """Totals from :func:`standing_per_day` over this week so far (``days``)."""
    return StandingTime(days.get(today, timedelta(0)), sum(days.values(), timedelta(0)))


def duration_text(length: timedelta) -> str:
    """A time spent, as people say it: "0 min", "25 min", "1 h 5 min"."""
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        # Translators: a time spent, in short: "25 min".
        return _("{minutes} min").format(minutes=minutes)
    if not minutes:
        # Translators: a time spent, in short: "2 h".
        return _("{hours} h").format(hours=hours)
    # Translators: a time spent, in short: "1 h 5 min".
    return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
