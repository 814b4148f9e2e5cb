"""Sit/stand: switching, the countdown freezing like the reminders', and time standing
per day across midnight and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from posturebreak.core.settings import settings_from_dict, settings_to_dict
from posturebreak.core.sit_stand import (
    LONGEST_COUNTED_SPELL,
    Posture,
    PostureSwitch,
    SitStand,
    SitStandSettings,
    SwitchPrompt,
    duration_text,
    standing_per_day,
    switch_words,
)
from posturebreak.core.status import standing_status

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
BERLIN = ZoneInfo("Europe/Berlin")


def fresh() -> SitStand:
    return SitStand(45 * MIN, 15 * MIN, T0)


def test_starts_sitting_and_alternates_with_each_own_length() -> None:
    state = fresh()
    assert (state.posture, state.due_at) == (Posture.SITTING, T0 + 45 * MIN)
    assert state.switch(T0 + 45 * MIN) == PostureSwitch(Posture.STANDING, T0 + 45 * MIN)
    assert state.due_at == T0 + 60 * MIN
    assert standing_status(state, T0 + 45 * MIN, UTC) == "Standing since 09:45"
    state.switch(T0 + 62 * MIN)
    assert state.due_at == T0 + 107 * MIN
    assert standing_status(state, T0 + 62 * MIN, UTC) == "Sitting since 10:02"
    assert standing_status(state, T0 + timedelta(days=1), UTC) == "Sitting since Mon 10:02"


def test_saying_the_posture_you_already_have_changes_nothing() -> None:
    state = fresh()
    assert state.take(Posture.SITTING, T0 + 10 * MIN) is None
    assert state.due_at == T0 + 45 * MIN
    assert state.take(Posture.STANDING, T0 + 10 * MIN) == PostureSwitch(
        Posture.STANDING, T0 + 10 * MIN
    )


def test_an_unanswered_prompt_comes_again_after_another_spell() -> None:
    state = fresh()
    state.prompted(T0 + 45 * MIN)
    assert (state.posture, state.due_at) == (Posture.SITTING, T0 + 90 * MIN)


def test_pause_freezes_the_countdown_and_resume_keeps_what_was_left() -> None:
    state = fresh()
    state.freeze(T0 + 30 * MIN)
    assert state.due_at is None
    state.thaw(T0 + 90 * MIN)
    assert state.due_at == T0 + 105 * MIN  # 15 min were left


def test_switching_while_frozen_starts_the_new_spell_when_the_countdown_runs_again() -> None:
    state = fresh()
    state.freeze(T0 + 30 * MIN)
    state.switch(T0 + 31 * MIN)
    state.thaw(T0 + 40 * MIN)
    assert state.due_at == T0 + 55 * MIN


def test_a_short_absence_carries_on_where_it_stood() -> None:
    state = fresh()
    state.switch(T0)
    state.freeze(T0 + 5 * MIN)
    assert state.came_back(T0 + 5 * MIN, T0 + 15 * MIN) is None
    state.thaw(T0 + 15 * MIN)
    assert (state.posture, state.due_at) == (Posture.STANDING, T0 + 25 * MIN)


def test_a_long_absence_ends_standing_when_it_began_and_starts_sitting_afresh() -> None:
    state = fresh()
    state.switch(T0)
    state.freeze(T0 + 5 * MIN)
    ended = state.came_back(T0 + 5 * MIN, T0 + 65 * MIN)
    assert ended == PostureSwitch(Posture.SITTING, T0 + 5 * MIN)
    state.thaw(T0 + 65 * MIN)
    assert (state.posture, state.since, state.due_at) == (
        Posture.SITTING,
        T0 + 65 * MIN,
        T0 + 110 * MIN,
    )


def test_a_long_absence_while_sitting_logs_nothing_but_restarts_the_spell() -> None:
    state = fresh()
    state.freeze(T0 + 40 * MIN)
    assert state.came_back(T0 + 40 * MIN, T0 + 60 * MIN) is None
    state.thaw(T0 + 60 * MIN)
    assert (state.since, state.due_at) == (T0 + 60 * MIN, T0 + 105 * MIN)


def test_new_lengths_keep_the_time_already_spent() -> None:
    state = fresh()
    state.set_lengths(30 * MIN, 10 * MIN, T0 + 20 * MIN)
    assert state.due_at == T0 + 30 * MIN
    state.set_lengths(5 * MIN, 10 * MIN, T0 + 20 * MIN)  # already past: due now
    assert state.due_at == T0 + 20 * MIN
    with pytest.raises(ValueError, match="positive"):
        state.set_lengths(timedelta(0), 10 * MIN, T0)


def test_outside_working_hours_the_spell_starts_again_when_work_begins() -> None:
    state = fresh()
    work = T0 + timedelta(hours=20)
    state.hold_until(work)
    assert state.due_at == work + 45 * MIN


def test_a_wall_clock_change_moves_every_time_with_it() -> None:
    state = fresh()
    state.shift(timedelta(hours=1))
    assert (state.since, state.due_at) == (T0 + timedelta(hours=1), T0 + 105 * MIN)


def test_standing_per_day_splits_a_spell_across_midnight() -> None:
    evening = datetime(2026, 3, 2, 23, 40, tzinfo=UTC)
    switches = [
        PostureSwitch(Posture.STANDING, evening),
        PostureSwitch(Posture.SITTING, evening + 30 * MIN),
        PostureSwitch(Posture.STANDING, evening + 60 * MIN),
    ]
    now = evening + 75 * MIN
    days = standing_per_day(switches, date(2026, 3, 2), date(2026, 3, 3), now, UTC)
    assert days == {date(2026, 3, 2): 20 * MIN, date(2026, 3, 3): 25 * MIN}


def test_the_switch_before_the_first_day_says_how_it_began() -> None:
    switches = [PostureSwitch(Posture.STANDING, datetime(2026, 3, 1, 23, 50, tzinfo=UTC))]
    now = datetime(2026, 3, 2, 0, 10, tzinfo=UTC)
    assert standing_per_day(switches, date(2026, 3, 2), date(2026, 3, 2), now, UTC) == {
        date(2026, 3, 2): 10 * MIN
    }


@pytest.mark.parametrize(
    ("day", "local_start", "hours_standing"),
    [
        (date(2026, 3, 29), datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), 1),  # 02:00 -> 03:00
        (date(2026, 10, 25), datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN), 1),  # 03:00 -> 02:00
    ],
)
def test_standing_is_measured_in_real_time_across_dst(
    day: date, local_start: datetime, hours_standing: int
) -> None:
    start = local_start.astimezone(UTC)
    end = start + timedelta(hours=hours_standing)
    switches = [PostureSwitch(Posture.STANDING, start), PostureSwitch(Posture.SITTING, end)]
    days = standing_per_day(switches, day, day, end + MIN, BERLIN)
    assert days == {day: timedelta(hours=hours_standing)}


def test_midnight_is_local_midnight_on_a_dst_day() -> None:
    # 23:30 to 00:30 local on the night before clocks go forward: half an hour each day.
    start = datetime(2026, 3, 28, 23, 30, tzinfo=BERLIN).astimezone(UTC)
    switches = [PostureSwitch(Posture.STANDING, start)]
    days = standing_per_day(
        switches, date(2026, 3, 28), date(2026, 3, 29), start + 60 * MIN, BERLIN
    )
    assert days == {date(2026, 3, 28): 30 * MIN, date(2026, 3, 29): 30 * MIN}


def test_a_spell_left_open_counts_at_most_the_longest_spell() -> None:
    switches = [PostureSwitch(Posture.STANDING, T0)]
    days = standing_per_day(switches, T0.date(), T0.date(), T0 + timedelta(hours=12), UTC)
    assert days == {T0.date(): LONGEST_COUNTED_SPELL}


def test_settings_section_is_off_by_default_and_reads_forgivingly() -> None:
    assert SitStandSettings() == SitStandSettings(False, 45, 15, SwitchPrompt.NOTIFICATION)
    settings, problems = settings_from_dict(
        {"sit_stand": {"enabled": True, "sit_minutes": 0, "stand_minutes": 20, "style": "window"}}
    )
    assert settings.sit_stand == SitStandSettings(True, 45, 20, SwitchPrompt.WINDOW)
    assert problems == [
        "sit_stand.sit_minutes must be between 5 and 240, got 0; using the default 45"
    ]
    assert settings_from_dict(settings_to_dict(settings)) == (settings, [])
    with pytest.raises(ValueError, match="stand_minutes"):
        SitStandSettings(stand_minutes=1)


def test_words_name_the_posture_and_the_spell_and_make_no_claims() -> None:
    settings = SitStandSettings(sit_minutes=50, stand_minutes=10)
    up = switch_words(Posture.STANDING, settings)
    assert (up.title, up.answer) == ("Time to stand up", "I'm standing now")
    assert "10 min" in up.message
    down = switch_words(Posture.SITTING, settings)
    assert (down.title, down.answer) == ("Time to sit down", "I'm sitting now")
    assert "50 min" in down.message


@pytest.mark.parametrize(
    ("length", "text"),
    [(timedelta(0), "0 min"), (25 * MIN, "25 min"), (60 * MIN, "1 h"), (65 * MIN, "1 h 5 min")],
)
def test_duration_text(length: timedelta, text: str) -> None:
    assert duration_text(length) == text
