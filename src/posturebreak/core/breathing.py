"""Breathing patterns as data, and where a pacer stands in one at a given moment.

A pattern is a cycle of timed steps (breathe in, hold, breathe out, hold).
:func:`phase_at` turns the seconds since the break began into what the pacer
shows: the step, how far through it, the circle's size and which cycle this
is. It is pure arithmetic, so the pacer widget only paints and the rules are
tested without Qt or a clock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from posturebreak.i18n import N_, _, ngettext


class Breath(StrEnum):
    """What the user does during one step; the value, translated, is what the pacer says."""

    IN = N_("Breathe in")
    # Translators: hold the breath, in a breathing exercise.
    HOLD = N_("Hold")
    OUT = N_("Breathe out")


@dataclass(frozen=True)
class BreathStep:
    breath: Breath
    seconds: int

    def __post_init__(self) -> None:
        if self.seconds < 1:
            raise ValueError(f"a breathing step lasts at least 1 second, got {self.seconds}")


@dataclass(frozen=True)
class BreathingPattern:
    """One cycle of steps, repeated for the length of the break."""

    id: str
    name: str  # English; shown as ``_(pattern.name)``
    steps: tuple[BreathStep, ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError(f"breathing pattern {self.id!r} has no steps")

    @property
    def cycle_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)


@dataclass(frozen=True)
class PacerState:
    """What the pacer shows at one moment."""

    breath: Breath
    step: int  # its place in the pattern's steps, from 0
    fraction: float  # 0 at the start of the step, approaching 1 at its end
    size: float  # the circle: 0 = empty lungs, 1 = full
    cycle: int  # 1 for the first breath
    count: int  # the second within the step being counted: 1, 2, 3, 4
    seconds: int  # how long this step lasts

    @property
    def announcement(self) -> str:
        """The words a screen reader hears once per step, e.g. "Breathe in for 4 seconds"."""
        # Translators: spoken once per breathing step, e.g. "Breathe in for 4 seconds".
        return ngettext(
            "{breath} for {seconds} second", "{breath} for {seconds} seconds", self.seconds
        ).format(breath=_(self.breath.value), seconds=self.seconds)


def _pattern(ident: str, name: str, *steps: tuple[Breath, int]) -> BreathingPattern:
    return BreathingPattern(ident, name, tuple(BreathStep(*step) for step in steps))


BOX = _pattern(
    "box",
    # Translators: a breathing pattern: in, hold, out, hold, 4 seconds each.
    N_("Box breathing 4-4-4-4"),
    (Breath.IN, 4),
    (Breath.HOLD, 4),
    (Breath.OUT, 4),
    (Breath.HOLD, 4),
)
RESONANT = _pattern("resonant", N_("Six breaths a minute"), (Breath.IN, 5), (Breath.OUT, 5))

PATTERNS: Mapping[str, BreathingPattern] = {pattern.id: pattern for pattern in (BOX, RESONANT)}


def _eased(fraction: float) -> float:
    """Slow at both ends, like a breath turning: no jerk where in meets hold or out."""
    return (1 - math.cos(math.pi * fraction)) / 2


def phase_at(pattern: BreathingPattern, elapsed: float) -> PacerState:
    """Where the pacer stands ``elapsed`` seconds after the break began.

    Breathing in fills the circle, breathing out empties it, and a hold keeps
    the size the step before it reached. Time before the start counts as the
    start, so a clock set back shows the first breath rather than failing.
    """
    elapsed = max(0.0, elapsed) if math.isfinite(elapsed) else 0.0
    cycle, into_cycle = divmod(elapsed, pattern.cycle_seconds)
    size = 0.0  # every cycle starts with empty lungs
    for index, step in enumerate(pattern.steps):
        if into_cycle < step.seconds:
            fraction = into_cycle / step.seconds
            return PacerState(
                breath=step.breath,
                step=index,
                fraction=fraction,
                size=_size_during(step.breath, size, fraction),
                cycle=int(cycle) + 1,
                count=int(into_cycle) + 1,
                seconds=step.seconds,
            )
        into_cycle -= step.seconds
        size = _size_during(step.breath, size, 1.0)
    raise AssertionError("divmod keeps the time within one cycle")  # pragma: no cover


def _size_during(breath: Breath, before: float, fraction: float) -> float:
    if breath is Breath.IN:
        return before + (1 - before) * _eased(fraction)
    if breath is Breath.OUT:
        return before * (1 - _eased(fraction))
    return before
