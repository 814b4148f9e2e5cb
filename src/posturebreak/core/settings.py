"""The user's preferences: a typed model with defaults, limits and per-field checks.

Two ways in, two tempers. Building a model in code is strict: a value out of
range raises at once, so the dialog can never hand on something invalid.
Reading a hand-edited file (:func:`settings_from_dict`) is forgiving: every
valid value is kept, each invalid one is replaced by its default, and a
sentence per replacement says what happened.

The file's ``version`` is :data:`SCHEMA_VERSION`. A file from a newer app is
refused (:class:`NewerSettingsError`) so that it is never overwritten with
less than it holds; older versions are upgraded in :func:`settings_from_dict`.
Version 1 had a fixed ``[reminders.<kind>]`` table for each of three kinds;
version 2 lists the reminders as ``[[reminder]]`` tables (see
:mod:`posturebreak.core.reminder_file`), where a broken entry costs only itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import StrEnum
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from posturebreak.core.choice import parse_choice, short_repr
from posturebreak.core.reminder_file import (
    format_clock_time,
    parse_clock_time,
    reminder_to_dict,
    reminders_from_list,
)
from posturebreak.core.reminders import (
    SHIPPED_REMINDERS,
    EveryActiveMinutes,
    NotificationStyle,
    ReminderDefinition,
    ReminderId,
    restore_shipped,
)
from posturebreak.core.sit_stand import SitStandSettings
from posturebreak.core.stool_trial import StoolTrialSettings, read_stool_trial, stool_trial_to_dict
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import _

SCHEMA_VERSION = 2


class OutsideWorkingHours(StrEnum):
    """What reminders do outside the user's working hours and days."""

    REMIND = "remind"
    SILENT = "silent"


class WhileBusy(StrEnum):
    """What a reminder's notification does while the user is busy (in a call, presenting,
    do not disturb); break windows always wait."""

    WAIT = "wait"  # comes with the break window, once the user is free
    QUIET = "quiet"  # comes at once, quietly


class IconTheme(StrEnum):
    """The tray icon's look: full colour, or a plain light or dark symbol for the panel."""

    AUTO = "auto"
    LIGHT = "light"
    DARK = "dark"


class InvalidSettingError(ValueError):
    """One setting's value is wrong; the message names the setting and the value."""


# "" (the system's language) or a code such as "de" or "pt_BR".
_LANGUAGE_CODE = re.compile(r"(?:[a-z]{2,3}(?:_[A-Z]{2})?)?")


def _limits(low: int, high: int) -> dict[str, tuple[int, int]]:
    return {"limits": (low, high)}


def limits_of(section: type[Any], name: str) -> tuple[int, int]:
    """The allowed range of a whole-number setting, for widgets that edit it."""
    for item in fields(section):
        if item.name == name:
            low, high = item.metadata["limits"]
            return low, high
    raise KeyError(name)


@dataclass(frozen=True)
class ReminderSettings:
    """How one of the three kinds behaved in a version 1 file (read only to migrate it)."""

    enabled: bool = True
    interval_minutes: int = field(default=45, metadata=_limits(1, 480))
    break_seconds: int = field(default=30, metadata=_limits(5, 1800))
    style: NotificationStyle = NotificationStyle.NOTIFICATION
    snooze_minutes: int = field(default=5, metadata=_limits(1, 120))

    def __post_init__(self) -> None:
        _check_fields(self)


@dataclass(frozen=True)
class ScheduleSettings:
    """When reminders may come. Hours may cross midnight; they cannot start and end at the
    same time (reminders at any time are ``outside_working_hours = "remind"``)."""

    working_hours_start: time = time(9, 0)
    working_hours_end: time = time(17, 30)
    working_days: tuple[Weekday, ...] = (
        Weekday.MON,
        Weekday.TUE,
        Weekday.WED,
        Weekday.THU,
        Weekday.FRI,
    )
    outside_working_hours: OutsideWorkingHours = OutsideWorkingHours.REMIND
    # Minutes away from keyboard and mouse that count as a natural break; 0 turns it off.
    idle_threshold_minutes: int = field(default=5, metadata=_limits(0, 120))
    notifications_while_busy: WhileBusy = WhileBusy.WAIT

    def __post_init__(self) -> None:
        _check_fields(self)
        if self.working_hours_start == self.working_hours_end:
            raise InvalidSettingError(
                _("{key}: working hours must start and end at different times").format(
                    key="schedule"
                )
            )


@dataclass(frozen=True)
class GeneralSettings:
    """Everything that is not about a particular reminder or the working day."""

    sound: bool = True
    start_at_login: bool = False
    first_day_of_week: Weekday = Weekday.MON
    icon_theme: IconTheme = IconTheme.AUTO
    # Done breaks a day that keep a streak going.
    daily_goal: int = field(default=6, metadata=_limits(1, 50))
    # A language code such as "de", or "" to follow the system's language.
    language: str = field(default="", metadata={"pattern": _LANGUAGE_CODE})

    def __post_init__(self) -> None:
        _check_fields(self)


@dataclass(frozen=True)
class PackSettings:
    """The heat/cold pack timer: minutes on, then minutes of rest for the skin (0: none)."""

    on_minutes: int = field(default=20, metadata=_limits(1, 60))
    rest_minutes: int = field(default=20, metadata=_limits(0, 240))

    def __post_init__(self) -> None:
        _check_fields(self)


def _default_reminders() -> tuple[ReminderDefinition, ...]:
    return tuple(SHIPPED_REMINDERS.values())


@dataclass(frozen=True)
class Settings:
    """All preferences; ``reminders`` in the order the user lists them, ids unique."""

    reminders: tuple[ReminderDefinition, ...] = field(default_factory=_default_reminders)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    general: GeneralSettings = field(default_factory=GeneralSettings)
    pack: PackSettings = field(default_factory=PackSettings)
    sit_stand: SitStandSettings = field(default_factory=SitStandSettings)
    stool_trial: StoolTrialSettings = field(default_factory=StoolTrialSettings)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reminders", tuple(self.reminders))
        ids = [reminder.id for reminder in self.reminders]
        repeated = sorted({ident for ident in ids if ids.count(ident) > 1})
        if repeated:
            raise InvalidSettingError(
                _("reminder ids must be unique: {ids}").format(ids=", ".join(repeated))
            )

    def reminder(self, reminder_id: ReminderId) -> ReminderDefinition | None:
        """The reminder with this id, or None when there is none."""
        return next((item for item in self.reminders if item.id == reminder_id), None)

    @property
    def enabled_reminders(self) -> tuple[ReminderDefinition, ...]:
        return tuple(item for item in self.reminders if item.enabled)

    def with_shipped_restored(self) -> Settings:
        """A copy with every shipped reminder the user deleted back, as shipped, after
        the reminders there are (those kept stay as the user set them)."""
        shipped = tuple(SHIPPED_REMINDERS.values())
        restored = restore_shipped(self.reminders, shipped, reset_changed=False)
        return dataclasses.replace(self, reminders=restored)

    def with_reminder(self, reminder_id: ReminderId, **changes: Any) -> Settings:
        """A copy with one reminder's fields changed."""
        reminders = tuple(
            dataclasses.replace(item, **changes) if item.id == reminder_id else item
            for item in self.reminders
        )
        return dataclasses.replace(self, reminders=reminders)


class NewerSettingsError(Exception):
    """The file was written by a newer version of the app; it must be left alone."""

    def __init__(self, version: int) -> None:
        super().__init__(
            _(
                "the settings file has version {version}, newer than this app understands ({known})"
            ).format(version=version, known=SCHEMA_VERSION)
        )
        self.version = version


_Section = TypeVar(
    "_Section", ReminderSettings, ScheduleSettings, GeneralSettings, PackSettings, SitStandSettings
)


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Reads settings from a parsed TOML document, forgivingly.

    Returns the settings and one sentence per value that was ignored or
    replaced by its default. Raises :class:`NewerSettingsError` for a file from
    a newer app.
    """
    problems: list[str] = []
    version = data.get("version", 1 if "reminders" in data else SCHEMA_VERSION)
    if type(version) is int and version > SCHEMA_VERSION:
        raise NewerSettingsError(version)
    if type(version) is not int or version not in (1, SCHEMA_VERSION):
        problems.append(
            _("version must be {known}, got {value}; read as {known}").format(
                known=SCHEMA_VERSION, value=short_repr(version)
            )
        )

    defaults = Settings()
    if version == 1:
        reminders = _reminders_from_v1(_table(data, "reminders", problems), problems)
        reminder_key = "reminders"
    else:
        reminders = reminders_from_list(data.get("reminder"), problems)
        reminder_key = "reminder"
    settings = Settings(
        reminders=reminders,
        schedule=_read_section(data.get("schedule"), "schedule", defaults.schedule, problems),
        general=_read_section(data.get("general"), "general", defaults.general, problems),
        pack=_read_section(data.get("pack"), "pack", defaults.pack, problems),
        sit_stand=_read_section(data.get("sit_stand"), "sit_stand", defaults.sit_stand, problems),
        stool_trial=read_stool_trial(data.get("stool_trial"), problems),
    )
    known = {"version", reminder_key, "schedule", "general", "pack", "sit_stand", "stool_trial"}
    problems.extend(
        _("unknown setting {key} ignored").format(key=key) for key in sorted(set(data) - known)
    )
    return settings, problems


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The settings as a TOML-ready document; :func:`settings_from_dict` reads it back."""
    return {
        "version": SCHEMA_VERSION,
        "reminder": [reminder_to_dict(reminder) for reminder in settings.reminders],
        "schedule": _section_to_dict(settings.schedule),
        "general": _section_to_dict(settings.general),
        "pack": _section_to_dict(settings.pack),
        "sit_stand": _section_to_dict(settings.sit_stand),
        "stool_trial": stool_trial_to_dict(settings.stool_trial),
    }


def _reminders_from_v1(
    raw: Mapping[str, Any], problems: list[str]
) -> tuple[ReminderDefinition, ...]:
    """A version 1 file's three kinds, with the values it held; the reminders shipped
    since then follow, as shipped."""
    migrated = []
    for ident in ("stretch", "uncross_legs", "foot_stool"):
        shipped = SHIPPED_REMINDERS[ident]
        assert isinstance(shipped.schedule, EveryActiveMinutes)
        default = ReminderSettings(
            shipped.enabled,
            shipped.schedule.minutes,
            shipped.break_seconds,
            shipped.style,
            shipped.snooze_minutes,
        )
        old = _read_section(raw.get(ident), f"reminders.{ident}", default, problems)
        migrated.append(
            dataclasses.replace(
                shipped,
                schedule=EveryActiveMinutes(old.interval_minutes),
                enabled=old.enabled,
                break_seconds=old.break_seconds,
                style=old.style,
                snooze_minutes=old.snooze_minutes,
            )
        )
    problems.extend(
        _("unknown reminder kind {key} ignored").format(key=f"reminders.{key}")
        for key in sorted(set(map(str, raw)) - {item.id for item in migrated})
    )
    known = {item.id for item in migrated}
    return (*migrated, *(item for item in SHIPPED_REMINDERS.values() if item.id not in known))


def _table(data: Mapping[str, Any], key: str, problems: list[str]) -> Mapping[str, Any]:
    raw = data.get(key, {})
    if isinstance(raw, Mapping):
        return raw
    problems.append(_not_a_table(key, raw))
    return {}


def _not_a_table(key: str, raw: object) -> str:
    """The problem with a section that is not a table."""
    return _("{key} must be a table, got {value}; using the defaults").format(
        key=key, value=short_repr(raw)
    )


def _read_section(raw: object, path: str, default: _Section, problems: list[str]) -> _Section:
    """One section from the file: valid values kept, each invalid one reset to its default."""
    if raw is None:
        return default
    if not isinstance(raw, Mapping):
        problems.append(_not_a_table(path, raw))
        return default
    hints = _type_hints(type(default))
    values: dict[str, Any] = {}
    for item in fields(default):
        if item.name not in raw:
            continue
        try:
            values[item.name] = _coerce(
                raw[item.name], hints[item.name], item.metadata, f"{path}.{item.name}"
            )
        except InvalidSettingError as error:
            shown = short_repr(_plain(getattr(default, item.name)))
            # Translators: {problem} is one of the messages about a setting's value.
            problems.append(
                _("{problem}; using the default {default}").format(problem=error, default=shown)
            )
    names = {item.name for item in fields(default)}
    problems.extend(
        _("unknown setting {key} ignored").format(key=f"{path}.{key}")
        for key in sorted(map(str, set(raw) - names))
    )
    try:
        return dataclasses.replace(default, **values)
    except InvalidSettingError as error:  # values that are fine alone but not together
        problems.append(
            _("{problem}; using the defaults for {key}").format(problem=error, key=path)
        )
        return default


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _type_hints(section: type[Any]) -> dict[str, Any]:
    """A section's field types; cached, as every model built and every file read needs them."""
    hints = _HINTS.get(section)
    if hints is None:
        hints = _HINTS[section] = get_type_hints(section)
    return hints


def _check_fields(section: Any) -> None:
    """Raises :class:`InvalidSettingError` for the first value out of its type or range."""
    hints = _type_hints(type(section))
    for item in fields(section):
        value = _coerce(getattr(section, item.name), hints[item.name], item.metadata, item.name)
        object.__setattr__(section, item.name, value)


def _coerce(value: object, kind: Any, metadata: Mapping[str, Any], path: str) -> Any:
    """``value`` as the type ``kind``, or :class:`InvalidSettingError` saying why not."""
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise InvalidSettingError(
            _("{key} must be true or false, got {value}").format(key=path, value=short_repr(value))
        )
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidSettingError(
                _("{key} must be a whole number, got {value}").format(
                    key=path, value=short_repr(value)
                )
            )
        low, high = metadata["limits"]
        if not low <= value <= high:
            raise InvalidSettingError(
                _("{key} must be between {low} and {high}, got {value}").format(
                    key=path, low=low, high=high, value=value
                )
            )
        return value
    if kind is str:
        if isinstance(value, str) and metadata["pattern"].fullmatch(value):
            return value
        raise InvalidSettingError(
            _("{key} is not a language code, got {value}").format(key=path, value=short_repr(value))
        )
    if kind is time:
        return _coerce_clock_time(value, path)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return _coerce_choice(value, kind, path)
    if get_origin(kind) is tuple:
        return _coerce_days(value, get_args(kind)[0], path)
    raise TypeError(f"no rule for settings of type {kind!r}")  # a programming error


def _coerce_clock_time(value: object, path: str) -> time:
    parsed = parse_clock_time(value)
    if parsed is not None:
        return parsed
    raise InvalidSettingError(
        _("{key} must be a time like {example}, got {value}").format(
            key=path, example='"09:00"', value=short_repr(value)
        )
    )


def _coerce_choice(value: object, choices: type[StrEnum], path: str) -> StrEnum:
    try:
        return parse_choice(choices, value)
    except ValueError as error:
        # Translators: {problem} says what is wrong with the value, e.g. "must be one of …".
        raise InvalidSettingError(_("{key} {problem}").format(key=path, problem=error)) from None


def _coerce_days(value: object, day_type: type[Weekday], path: str) -> tuple[Weekday, ...]:
    if isinstance(value, list | tuple) and value:
        days = {_coerce_choice(day, day_type, path) for day in value}
        return tuple(day for day in day_type if day in days)
    raise InvalidSettingError(
        _("{key} must be a list of at least one day like {example}, got {value}").format(
            key=path, example='["mon", "tue"]', value=short_repr(value)
        )
    )


def _section_to_dict(section: Any) -> dict[str, Any]:
    return {item.name: _plain(getattr(section, item.name)) for item in fields(section)}


def _plain(value: object) -> Any:
    """A settings value as TOML writes it: enums by name, clock times as "HH:MM"."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, time):
        return format_clock_time(value)
    if isinstance(value, date):
        return value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
