"""Breathing patterns: which step, how far, how big the circle, which breath, at a time."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.breathing import (
    BOX,
    PATTERNS,
    RESONANT,
    Breath,
    BreathingPattern,
    BreathStep,
    phase_at,
)
from posturebreak.core.catalogue import CatalogueError, parse_catalogue
from posturebreak.core.categories import Category
from posturebreak.services.catalogue_files import load_catalogue

ENTRY = """version = 1
[[exercise]]
id = "calm"
kinds = ["stretch"]
category = "breathing"
title = "Calm"
instruction = "Breathe with the circle."
duration_seconds = 60
"""


def test_box_breathing_is_four_steps_of_four_seconds() -> None:
    assert [(step.breath, step.seconds) for step in BOX.steps] == [
        (Breath.IN, 4),
        (Breath.HOLD, 4),
        (Breath.OUT, 4),
        (Breath.HOLD, 4),
    ]
    assert BOX.cycle_seconds == 16


def test_six_breaths_a_minute_is_five_seconds_in_and_five_out() -> None:
    assert [(step.breath, step.seconds) for step in RESONANT.steps] == [
        (Breath.IN, 5),
        (Breath.OUT, 5),
    ]
    assert 60 / RESONANT.cycle_seconds == 6
    assert PATTERNS == {"box": BOX, "resonant": RESONANT}


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0.0, (Breath.IN, 0.0, 0.0, 1, 1)),
        (1.0, (Breath.IN, 0.25, (1 - math.cos(math.pi / 4)) / 2, 1, 2)),
        (2.0, (Breath.IN, 0.5, 0.5, 1, 3)),
        (3.99, (Breath.IN, 0.9975, (1 - math.cos(math.pi * 0.9975)) / 2, 1, 4)),
        (4.0, (Breath.HOLD, 0.0, 1.0, 1, 1)),
        (7.0, (Breath.HOLD, 0.75, 1.0, 1, 4)),
        (10.0, (Breath.OUT, 0.5, 0.5, 1, 3)),
        (12.0, (Breath.HOLD, 0.0, 0.0, 1, 1)),
        (16.0, (Breath.IN, 0.0, 0.0, 2, 1)),
        (16 * 9 + 6.0, (Breath.HOLD, 0.5, 1.0, 10, 3)),
    ],
)
def test_box_breathing_at_a_time(
    elapsed: float, expected: tuple[Breath, float, float, int, int]
) -> None:
    """Expected: the step, how far through it, the circle's size, the cycle and the count."""
    breath, fraction, size, cycle, count = expected
    state = phase_at(BOX, elapsed)
    assert state.breath is breath
    assert state.fraction == pytest.approx(fraction)
    assert state.size == pytest.approx(size)
    assert (state.cycle, state.count, state.seconds) == (cycle, count, 4)


def test_six_breaths_a_minute_fills_for_five_seconds_and_empties_for_five() -> None:
    assert [round(phase_at(RESONANT, t).size, 3) for t in range(11)] == [
        0.0,
        0.095,
        0.345,
        0.655,
        0.905,
        1.0,
        0.905,
        0.655,
        0.345,
        0.095,
        0.0,
    ]
    assert phase_at(RESONANT, 7.5).breath is Breath.OUT
    assert phase_at(RESONANT, 59.9).cycle == 6
    assert phase_at(RESONANT, 60).cycle == 7


def test_each_step_has_its_place_so_the_two_holds_are_told_apart() -> None:
    assert [phase_at(BOX, t).step for t in (0, 5, 9, 13, 17)] == [0, 1, 2, 3, 0]


def test_the_announcement_names_the_step_and_its_length() -> None:
    assert phase_at(BOX, 5).announcement == "Hold for 4 seconds"
    assert phase_at(RESONANT, 6).announcement == "Breathe out for 5 seconds"


@pytest.mark.parametrize("elapsed", [-3.0, -math.inf, math.nan, math.inf])
def test_a_time_before_the_start_or_not_a_time_shows_the_first_breath(elapsed: float) -> None:
    state = phase_at(BOX, elapsed)
    assert (state.breath, state.fraction, state.size, state.cycle) == (Breath.IN, 0.0, 0.0, 1)


def test_a_pattern_needs_steps_of_at_least_a_second() -> None:
    with pytest.raises(ValueError, match="at least 1 second"):
        BreathStep(Breath.IN, 0)
    with pytest.raises(ValueError, match="no steps"):
        BreathingPattern("empty", "Empty", ())


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    pattern=st.sampled_from(list(PATTERNS.values())),
    elapsed=st.floats(min_value=0, max_value=10**7, allow_nan=False),
)
def test_the_circle_moves_smoothly_and_stays_in_bounds(
    pattern: BreathingPattern, elapsed: float
) -> None:
    """A frame's circle never jumps: 40 ms later it has moved by at most what a
    steady breath of one step would move in that time, times the easing's peak."""
    now, later = phase_at(pattern, elapsed), phase_at(pattern, elapsed + 0.04)
    assert 0.0 <= now.size <= 1.0 and 0.0 <= now.fraction < 1.0
    assert 1 <= now.count <= now.seconds
    shortest = min(step.seconds for step in pattern.steps)
    assert abs(later.size - now.size) <= math.pi / 2 * 0.04 / shortest + 1e-9


def test_the_shipped_breathing_exercises_pace_whole_cycles() -> None:
    catalogue, message = load_catalogue(Path("/nonexistent"))
    assert message is None
    paced = {item.id: item for item in catalogue.exercises.values() if item.pacer}
    assert {ident: item.pacer for ident, item in paced.items()} == {
        "box-breathing": BOX,
        "six-breaths-a-minute": RESONANT,
        "shoulder-drop-breathing": RESONANT,
    }
    for exercise in paced.values():
        assert exercise.category is Category.BREATHING
        assert exercise.pacer is not None
        assert exercise.duration_seconds % exercise.pacer.cycle_seconds == 0, exercise.id


def test_a_user_exercise_may_name_a_pacer() -> None:
    catalogue = parse_catalogue(ENTRY + 'pacer = "box"\n', "mine.toml")
    assert catalogue.exercises["calm"].pacer is BOX
    assert parse_catalogue(ENTRY, "mine.toml").exercises["calm"].pacer is None


@pytest.mark.parametrize("value", ['"square"', "4", '""', '["box"]'])
def test_an_unknown_pacer_is_refused_with_the_choices(value: str) -> None:
    with pytest.raises(CatalogueError, match=r"\(calm\): pacer must be one of box, resonant"):
        parse_catalogue(ENTRY + f"pacer = {value}\n", "mine.toml")
