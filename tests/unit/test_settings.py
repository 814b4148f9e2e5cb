"""The settings model: defaults, strict checks in code, forgiving reads of a file."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from typing import Any

import pytest

from posturebreak.core.reminders import (
    SHIPPED_REMINDERS,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    NotificationStyle,
    ReminderAction,
    ReminderDefinition,
)
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

LEGS = "uncross_legs"
MINE = (
    ReminderDefinition(
        "morning",
        "Morning stretch",
        "Reach up high.",
        AtTimesOfDay((time(9, 15), time(13)), (Weekday.MON,)),
    ),
    ReminderDefinition(
        "massage", "Book a massage", "", EveryNDays(14, date(2026, 1, 5), time(8, 30))
    ),
)


def test_defaults_give_each_kind_its_own_cadence() -> None:
    settings = Settings()
    assert {r.id: r.schedule for r in settings.enabled_reminders} == {
        "stretch": EveryActiveMinutes(45),
        "uncross_legs": EveryActiveMinutes(20),
        "foot_stool": EveryActiveMinutes(60),
    }
    assert [r.id for r in settings.reminders if not r.enabled] == [
        "breathing",
        "comfort_check_in",
        "workstation_check",
    ]
    check_in = settings.reminder("comfort_check_in")
    assert check_in is not None and check_in.action is ReminderAction.COMFORT_CHECK_IN
    assert isinstance(check_in.schedule, AtTimesOfDay)
    workstation = settings.reminder("workstation_check")
    assert workstation is not None and workstation.schedule == EveryNDays(28)
    assert workstation.action is ReminderAction.WORKSTATION_CHECK
    stretch = settings.reminder("stretch")
    assert stretch is not None and stretch.style is NotificationStyle.BOTH
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
    ).with_reminder(
        LEGS, enabled=False, schedule=EveryActiveMinutes(25), style=NotificationStyle.POPUP
    )
    settings = dataclasses.replace(settings, reminders=(*settings.reminders, *MINE))
    document = settings_to_dict(settings)
    assert document["version"] == SCHEMA_VERSION
    assert document["schedule"]["working_hours_start"] == "22:15"
    assert document["schedule"]["working_days"] == ["mon", "sun"]  # week order
    assert document["reminder"][1]["style"] == "popup"
    assert document["reminder"][-2]["schedule"] == {"at": ["09:15", "13:00"], "days": ["mon"]}
    assert document["reminder"][-1]["schedule"] == {
        "every_days": 14,
        "start": date(2026, 1, 5),
        "at": "08:30",
    }
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
    legs, stretch = settings.reminder(LEGS), settings.reminder("stretch")
    assert legs == dataclasses.replace(SHIPPED_REMINDERS[LEGS], break_seconds=40)
    assert stretch == dataclasses.replace(SHIPPED_REMINDERS["stretch"], enabled=False)
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


def test_a_version_1_file_migrates_without_loss() -> None:
    document = {
        "version": 1,
        "reminders": {
            "stretch": {"interval_minutes": 50, "break_seconds": 90, "style": "popup"},
            "uncross_legs": {"enabled": False, "snooze_minutes": 7},
            "foot_stool": {"interval_minutes": 75},
        },
        "general": {"daily_goal": 9},
    }
    settings, problems = settings_from_dict(document)
    assert problems == []
    assert [r.id for r in settings.reminders] == list(SHIPPED_REMINDERS)
    stretch, legs, stool = settings.reminders[:3]
    assert stretch == dataclasses.replace(
        SHIPPED_REMINDERS["stretch"],
        schedule=EveryActiveMinutes(50),
        break_seconds=90,
        style=NotificationStyle.POPUP,
    )
    assert legs == dataclasses.replace(SHIPPED_REMINDERS[LEGS], enabled=False, snooze_minutes=7)
    assert stool.schedule == EveryActiveMinutes(75)
    assert settings.general.daily_goal == 9
    assert settings_to_dict(settings)["version"] == 2


def test_a_broken_reminder_costs_only_itself_or_its_bad_fields() -> None:
    good = {"id": "walk", "name": "Walk", "schedule": {"every_minutes": 90}}
    document = {
        "version": 2,
        "reminder": [
            "nonsense",
            {"id": "Bad Id!", "name": "x"},
            good,
            {**good, "name": "Again"},
            {
                "id": "tea",
                "name": "",
                "schedule": {"at": ["25:00"]},
                "break_seconds": 0,
                "categories": ["stretch", "yoga"],
                "colour": "red",
            },
            {"id": "stretch", "schedule": {"every_days": 3, "start": "soon"}},
        ],
    }
    settings, problems = settings_from_dict(document)
    assert [r.id for r in settings.reminders] == ["walk", "tea", "stretch"]
    assert settings.reminders[0] == ReminderDefinition("walk", "Walk", "", EveryActiveMinutes(90))
    assert settings.reminders[1] == ReminderDefinition("tea", "Tea", "")
    assert settings.reminders[2] == SHIPPED_REMINDERS["stretch"]
    assert problems == [
        "reminder 1 must be a table, got 'nonsense'; dropped",
        "reminder 2: id must be lower-case letters, digits, - or _ (up to 40), got 'Bad Id!'; "
        "dropped",
        "reminder 4: id 'walk' is repeated; dropped",
        "reminder tea.name the name must have 1 to 60 characters; kept 'Tea'",
        "reminder tea.schedule must hold times like \"09:15\", got '25:00'; "
        "kept {'every_minutes': 45}",
        "reminder tea.categories must be one of 'stretch', 'sitting', 'posture', 'foot_stool', "
        "'movement', 'breathing', 'massage', 'heat_cold', got 'yoga'; kept []",
        "reminder tea.break_seconds must be a whole number from 5 to 1800, got 0; kept 30",
        "unknown setting reminder tea.colour ignored",
        "reminder stretch.schedule start must be a date like 2026-01-05, got 'soon'; "
        "kept {'every_minutes': 45}",
    ]


def test_no_reminder_list_means_the_shipped_ones_and_an_empty_one_means_none() -> None:
    assert settings_from_dict({"version": 2})[0].reminders == tuple(SHIPPED_REMINDERS.values())
    assert settings_from_dict({"version": 2, "reminder": []})[0].reminders == ()


def test_reminder_ids_are_unique() -> None:
    with pytest.raises(InvalidSettingError, match="unique: stretch"):
        Settings(reminders=(SHIPPED_REMINDERS["stretch"],) * 2)


def test_deleted_shipped_reminders_can_be_restored_and_kept_ones_stay_as_set() -> None:
    mine = MINE[0]
    changed = Settings(
        reminders=(mine, dataclasses.replace(SHIPPED_REMINDERS[LEGS], enabled=False))
    )
    restored = changed.with_shipped_restored()
    assert [r.id for r in restored.reminders] == [
        "morning",
        LEGS,
        "stretch",
        "foot_stool",
        "breathing",
        "comfort_check_in",
        "workstation_check",
    ]
    assert restored.reminder(LEGS) == changed.reminder(LEGS)  # still switched off
    assert restored.with_shipped_restored() == restored
