"""The settings model: defaults, strict checks in code, forgiving reads of a file."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from posturebreak.core.reminders import NotificationStyle, ReminderKind
from posturebreak.core.settings import (
    SCHEMA_VERSION,
    GeneralSettings,
    IconTheme,
    InvalidSettingError,
    NewerSettingsError,
    ReminderSettings,
    ScheduleSettings,
    Settings,
    limits_of,
    settings_from_dict,
    settings_to_dict,
)
from posturebreak.core.weekdays import Weekday

LEGS = ReminderKind.UNCROSS_LEGS


def test_defaults_give_each_kind_its_own_cadence() -> None:
    settings = Settings()
    assert {kind: r.interval_minutes for kind, r in settings.reminders.items()} == {
        ReminderKind.STRETCH: 45,
        ReminderKind.UNCROSS_LEGS: 20,
        ReminderKind.FOOT_STOOL: 60,
    }
    assert settings.reminders[ReminderKind.STRETCH].style is NotificationStyle.BOTH
    assert settings.schedule.working_days[0] is Weekday.MON
    assert settings.general.icon_theme is IconTheme.AUTO


def test_a_value_out_of_range_is_refused_with_the_field_and_value() -> None:
    with pytest.raises(InvalidSettingError, match="interval_minutes must be between 1 and 480"):
        ReminderSettings(interval_minutes=0)
    with pytest.raises(InvalidSettingError, match="sound must be true or false, got 1"):
        GeneralSettings(sound=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidSettingError, match="working_days must be a list of at least one"):
        ScheduleSettings(working_days=())


def test_settings_round_trip_through_a_document() -> None:
    settings = Settings(
        schedule=ScheduleSettings(
            working_hours_start=time(22, 15),
            working_hours_end=time(6),
            working_days=(Weekday.SUN, Weekday.MON),
        ),
        general=GeneralSettings(first_day_of_week=Weekday.SUN, icon_theme=IconTheme.DARK),
    ).with_reminder(LEGS, enabled=False, interval_minutes=25, style=NotificationStyle.POPUP)
    document = settings_to_dict(settings)
    assert document["version"] == SCHEMA_VERSION
    assert document["schedule"]["working_hours_start"] == "22:15"
    assert document["schedule"]["working_days"] == ["mon", "sun"]  # week order
    assert document["reminders"]["uncross_legs"]["style"] == "popup"
    assert settings_from_dict(document) == (settings, [])


def test_a_partly_broken_document_keeps_every_valid_value() -> None:
    document: dict[str, Any] = {
        "version": 1,
        "reminders": {
            "uncross_legs": {"interval_minutes": 0, "break_seconds": 40},
            "stretch": {"style": "loud", "enabled": False},
            "yoga": {},
        },
        "schedule": {"working_hours_start": "25:00", "working_days": ["mon", "funday"]},
        "general": "yes",
        "colour": "green",
    }
    settings, problems = settings_from_dict(document)
    assert settings.reminders[LEGS] == ReminderSettings(interval_minutes=20, break_seconds=40)
    assert settings.reminders[ReminderKind.STRETCH].enabled is False
    assert settings.reminders[ReminderKind.STRETCH].style is NotificationStyle.BOTH
    assert settings.schedule == ScheduleSettings()
    assert settings.general == GeneralSettings()
    assert problems == [
        "reminders.stretch.style must be one of 'notification', 'popup', 'both', got 'loud'; "
        "using the default 'both'",
        "reminders.uncross_legs.interval_minutes must be between 1 and 480, got 0; "
        "using the default 20",
        "unknown reminder kind reminders.yoga ignored",
        "schedule.working_hours_start must be a time like \"09:00\", got '25:00'; "
        "using the default '09:00'",
        "schedule.working_days must be one of 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', "
        "got 'funday'; using the default ['mon', 'tue', 'wed', 'thu', 'fri']",
        "general must be a table, got 'yes'; using the defaults",
        "unknown setting colour ignored",
    ]


def test_toml_clock_times_and_missing_sections_are_accepted() -> None:
    settings, problems = settings_from_dict({"schedule": {"working_hours_end": time(18, 0, 30)}})
    assert problems == []
    assert settings.schedule.working_hours_end == time(18)
    assert settings.reminders == Settings().reminders


def test_a_file_from_a_newer_app_is_refused() -> None:
    with pytest.raises(NewerSettingsError, match="version 7"):
        settings_from_dict({"version": 7})


@pytest.mark.parametrize("version", [0, "1", True])
def test_an_odd_version_is_reported_and_read_as_the_current_one(version: object) -> None:
    settings, problems = settings_from_dict({"version": version})
    assert settings == Settings()
    assert problems[0].startswith(f"version must be {SCHEMA_VERSION}")


def test_a_week_can_start_on_any_day() -> None:
    assert Weekday.week_from(Weekday.SUN)[:2] == (Weekday.SUN, Weekday.MON)
    assert Weekday.SUN.number == 6


def test_widgets_can_ask_for_a_fields_limits() -> None:
    assert limits_of(ReminderSettings, "interval_minutes") == (1, 480)
    with pytest.raises(KeyError):
        limits_of(ReminderSettings, "colour")


def test_a_file_whose_working_hours_start_when_they_end_gets_the_default_schedule() -> None:
    data = settings_to_dict(Settings())
    data["schedule"]["working_hours_start"] = data["schedule"]["working_hours_end"] = "09:00"
    settings, problems = settings_from_dict(data)
    assert settings.schedule == Settings().schedule
    assert problems == [
        "schedule: working hours must start and end at different times; "
        "using the defaults for schedule"
    ]
