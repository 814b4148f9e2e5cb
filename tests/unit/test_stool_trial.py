"""The foot-stool trial: today's setting from the log, comfort per setting, its settings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.comfort import CheckIn
from posturebreak.core.settings import Settings, settings_from_dict, settings_to_dict
from posturebreak.core.stool_trial import (
    DAYS_NEEDED,
    InvalidStoolTrialError,
    StoolTrialSettings,
    comfort_per_setting,
    parse_setting_names,
    per_setting_text,
    read_stool_trial,
    stool_reminder_line,
    todays_stool_setting,
)
from posturebreak.core.weekdays import Weekday

TRIAL = StoolTrialSettings(enabled=True, settings=("low", "middle", "high"))
MONDAY = date(2037, 3, 2)
WEEKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)


def suggestions_followed(trial: StoolTrialSettings, first: date, days: int) -> dict[date, str]:
    """The settings of ``days`` days when the user answers every day with the suggestion."""
    used: dict[date, str] = {}
    for offset in range(days):
        day = first + timedelta(days=offset)
        setting = todays_stool_setting(trial, used, day)
        assert setting is not None
        used[day] = setting
    return used


def test_off_means_no_setting_and_no_reminder_line() -> None:
    assert todays_stool_setting(StoolTrialSettings(), {}, MONDAY) is None
    assert stool_reminder_line(None) == ""
    assert stool_reminder_line("high") == "Today's stool setting: high"


def test_answered_every_day_the_settings_take_turns_evenly() -> None:
    used = suggestions_followed(TRIAL, MONDAY, 9)
    assert list(used.values()) == ["low", "middle", "high"] * 3


def test_the_least_tried_setting_comes_first_but_never_yesterdays() -> None:
    used = {MONDAY: "low", MONDAY + timedelta(days=1): "low", MONDAY + timedelta(days=2): "high"}
    assert todays_stool_setting(TRIAL, used, MONDAY + timedelta(days=3)) == "middle"
    # middle was tried yesterday: the next least tried (high, once) comes today, not low.
    used[MONDAY + timedelta(days=3)] = "middle"
    assert todays_stool_setting(TRIAL, used, MONDAY + timedelta(days=4)) == "high"


def test_a_day_already_answered_keeps_its_setting() -> None:
    used = {MONDAY: "high"}
    assert todays_stool_setting(TRIAL, used, MONDAY) == "high"


def test_without_answers_consecutive_working_days_still_differ_and_weekends_are_skipped() -> None:
    friday = MONDAY + timedelta(days=4)
    picks = [
        todays_stool_setting(TRIAL, {}, friday + timedelta(days=offset), WEEKDAYS)
        for offset in range(4)  # Friday to Monday
    ]
    friday_pick, monday_pick = picks[0], picks[3]
    assert friday_pick != monday_pick
    assert picks[1] == picks[2] == monday_pick  # the weekend shows Monday's coming setting


def test_the_pick_is_the_same_all_day_and_after_a_restart() -> None:
    used = {MONDAY - timedelta(days=1): "middle"}
    first = todays_stool_setting(TRIAL, used, MONDAY)
    assert all(todays_stool_setting(TRIAL, dict(used), MONDAY) == first for _ in range(5))


def test_settings_no_longer_named_are_ignored() -> None:
    trial = StoolTrialSettings(enabled=True, settings=("8 cm", "12 cm"))
    assert todays_stool_setting(trial, {MONDAY - timedelta(days=1): "low"}, MONDAY) == "8 cm"


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    max_examples=60,
)
@given(
    names=st.lists(
        st.text(alphabet="abcdefgh", min_size=1, max_size=5), min_size=2, max_size=6, unique=True
    ),
    days=st.integers(min_value=2, max_value=40),
)
def test_followed_day_by_day_no_setting_repeats_and_counts_stay_within_one(
    names: list[str], days: int
) -> None:
    trial = StoolTrialSettings(enabled=True, settings=tuple(names))
    used = list(suggestions_followed(trial, MONDAY, days).values())
    assert all(first != second for first, second in pairwise(used))
    counts = [used.count(name) for name in names]
    assert max(counts) - min(counts) <= 1


def check_in(day: int, comfort: int, setting: str | None) -> CheckIn:
    return CheckIn(date(2037, 3, day), comfort, datetime(2037, 3, day, 17, tzinfo=UTC), "", setting)


def test_comfort_per_setting_shows_after_enough_days_each() -> None:
    answers = [
        check_in(2, 6, "low"),
        check_in(3, 8, "high"),
        check_in(4, 5, "low"),
        check_in(5, 7, "high"),
        check_in(6, 7, "low"),
        check_in(9, 9, "high"),
        check_in(10, 4, None),  # the trial was off that day
        check_in(11, 3, "gone"),  # a setting since renamed
    ]
    per_setting = comfort_per_setting(TRIAL, answers)
    assert [(s.setting, s.comfort.days, s.days_missing) for s in per_setting] == [
        ("low", 3, 0),
        ("middle", 0, DAYS_NEEDED),
        ("high", 3, 0),
    ]
    assert per_setting_text(per_setting) == (
        "Comfort per stool setting: low: 6.0 over 3 days · middle: needs 3 more days · "
        "high: 8.0 over 3 days"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("low", "2 to 8"),
        ("low, , high", "1 to 30"),
        ("low, LOW", "named twice"),
        (",".join("abcdefghi"), "2 to 8"),
    ],
)
def test_setting_names_that_cannot_work_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidStoolTrialError, match=message):
        parse_setting_names(text)


def test_setting_names_are_trimmed() -> None:
    assert parse_setting_names(" 8 cm,12  cm , 16 cm") == ("8 cm", "12 cm", "16 cm")


def test_the_section_is_off_by_default_and_round_trips_through_the_file() -> None:
    assert Settings().stool_trial == StoolTrialSettings(False, ("low", "middle", "high"))
    changed = Settings(stool_trial=StoolTrialSettings(True, ("8 cm", "12 cm")))
    document = settings_to_dict(changed)
    assert document["stool_trial"] == {"enabled": True, "settings": ["8 cm", "12 cm"]}
    assert settings_from_dict(document) == (changed, [])


def test_a_broken_section_keeps_what_is_valid_and_says_what_was_reset() -> None:
    problems: list[str] = []
    trial = read_stool_trial({"enabled": "yes", "settings": ["a", "b"], "colour": 1}, problems)
    assert trial == StoolTrialSettings(False, ("a", "b"))
    assert problems == [
        "stool_trial.enabled must be true or false, got 'yes'; using the default false",
        "unknown setting stool_trial.colour ignored",
    ]
    problems.clear()
    assert read_stool_trial({"enabled": True, "settings": "low"}, problems) == StoolTrialSettings(
        True
    )
    assert problems[0].startswith("stool_trial.settings: a list like")
    problems.clear()
    assert read_stool_trial([1], problems) == StoolTrialSettings()
    assert problems == ["stool_trial must be a table, got [1]; using the defaults"]
