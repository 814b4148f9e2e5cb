"""The daily comfort check-in: how the lower back feels (0 to 10) and an optional note.

One answer per local day: a second one the same day replaces the first, so a
day's figure is what the user said last. The statistics here are what the
history window, ``stats`` and the export show; they describe what the user
reported and draw no medical conclusion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from posturebreak.i18n import N_, _, formats, ngettext

LOWEST, HIGHEST = 0, 10
MAX_NOTE_LENGTH = 200
QUESTION = N_("How does your lower back feel right now?")
# Translators: the label under the lowest point (0) of the comfort scale.
LOWEST_LABEL = N_("0 very uncomfortable")
# Translators: the label under the highest point (10) of the comfort scale.
HIGHEST_LABEL = N_("10 comfortable")


class InvalidCheckInError(ValueError):
    """A check-in answer breaks a rule; the message says which."""


@dataclass(frozen=True)
class CheckIn:
    """One day's answer; ``stool_setting`` is the foot-stool setting used that day, if the
    stool trial was on."""

    day: date
    comfort: int
    answered_at: datetime
    note: str = ""
    stool_setting: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.comfort, bool) or not LOWEST <= self.comfort <= HIGHEST:
            raise InvalidCheckInError(
                _("comfort must be a whole number from {lowest} to {highest}, got {value}").format(
                    lowest=LOWEST, highest=HIGHEST, value=repr(self.comfort)
                )
            )
        object.__setattr__(self, "note", clean_note(self.note))


def clean_note(note: str) -> str:
    """The note as kept: one line, no surrounding spaces, at most :data:`MAX_NOTE_LENGTH`."""
    return " ".join(note.split())[:MAX_NOTE_LENGTH]


@dataclass(frozen=True)
class ComfortAverage:
    """The mean comfort over the days that have an answer."""

    average: float | None
    days: int

    @classmethod
    def of(cls, check_ins: Iterable[CheckIn]) -> ComfortAverage:
        scores = [check_in.comfort for check_in in check_ins]
        return cls(sum(scores) / len(scores) if scores else None, len(scores))

    @property
    def text(self) -> str:
        """ "Comfort: 6.4 average over 12 days", or that nothing was answered yet."""
        if self.average is None:
            return _("Comfort: no check-ins yet")
        return ngettext(
            "Comfort: {average} average over {count} day",
            "Comfort: {average} average over {count} days",
            self.days,
        ).format(average=formats().decimal(self.average, 1), count=self.days)


@dataclass(frozen=True)
class ComfortDay:
    """One day of the comfort chart: the answer (if any) and the breaks done."""

    day: date
    comfort: int | None
    done: int


def comfort_days(
    days: Iterable[date], check_ins: Iterable[CheckIn], done: Mapping[date, int]
) -> list[ComfortDay]:
    """One entry per day of ``days``, days without an answer or a break included."""
    by_day = {check_in.day: check_in.comfort for check_in in check_ins}
    return [ComfortDay(day, by_day.get(day), done.get(day, 0)) for day in days]
