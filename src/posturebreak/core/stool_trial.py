"""The foot-stool height trial: a different stool setting on different days, and how the
lower back felt with each.

The user names their stool's settings ("low, middle, high", or heights in
cm). Each working day has one setting, picked from the log alone, so it is
the same all day and after a restart: never the previous working day's, and
among the rest the one with the fewest check-ins (then the one tried longest
ago, then the first named). The end-of-day check-in records the setting used;
after :data:`DAYS_NEEDED` answers per setting its average comfort shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from posturebreak.core.choice import short_repr
from posturebreak.core.comfort import CheckIn, ComfortAverage
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import _, formats, ngettext

DAYS_NEEDED = 3
MIN_SETTINGS, MAX_SETTINGS = 2, 8
MAX_NAME_LENGTH = 30
# Where the turns start when nothing was answered yet: any fixed day keeps them the same
# from one day (and one run) to the next.
_EPOCH = date(2001, 1, 1)


class InvalidStoolTrialError(ValueError):
    """The trial's settings break a rule; the message says which."""


def parse_setting_names(text: str) -> tuple[str, ...]:
    """ "low, middle, high" as its names; raises :class:`InvalidStoolTrialError`."""
    return check_setting_names(text.split(","))


def check_setting_names(names: Iterable[object]) -> tuple[str, ...]:
    """The names, trimmed, if they are 2 to 8 different words of at most 30 characters."""
    cleaned: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise InvalidStoolTrialError(
                _("a stool setting must be text, got {value}").format(value=short_repr(name))
            )
        text = " ".join(name.split())
        if not text or len(text) > MAX_NAME_LENGTH:
            raise InvalidStoolTrialError(
                _("a stool setting needs 1 to {most} characters, got {value}").format(
                    most=MAX_NAME_LENGTH, value=short_repr(name)
                )
            )
        if text.casefold() in (known.casefold() for known in cleaned):
            raise InvalidStoolTrialError(
                _("the stool setting {name} is named twice").format(name=repr(text))
            )
        cleaned.append(text)
    if not MIN_SETTINGS <= len(cleaned) <= MAX_SETTINGS:
        raise InvalidStoolTrialError(
            _("name {fewest} to {most} stool settings, got {count}").format(
                fewest=MIN_SETTINGS, most=MAX_SETTINGS, count=len(cleaned)
            )
        )
    return tuple(cleaned)


@dataclass(frozen=True)
class StoolTrialSettings:
    """Whether the trial runs (off by default) and the stool's settings, in order."""

    enabled: bool = False
    # The default names stay as written in the settings file; the user renames them.
    settings: tuple[str, ...] = ("low", "middle", "high")

    def __post_init__(self) -> None:
        if not isinstance(self.enabled, bool):
            raise InvalidStoolTrialError(
                _("{key} must be true or false, got {value}").format(
                    key="stool_trial.enabled", value=short_repr(self.enabled)
                )
            )
        object.__setattr__(self, "settings", check_setting_names(self.settings))


def read_stool_trial(raw: object, problems: list[str]) -> StoolTrialSettings:
    """The ``[stool_trial]`` table, forgivingly: each bad value is reset to its default
    with a sentence in ``problems``."""
    default = StoolTrialSettings()
    if raw is None:
        return default
    if not isinstance(raw, Mapping):
        problems.append(
            _("{key} must be a table, got {value}; using the defaults").format(
                key="stool_trial", value=short_repr(raw)
            )
        )
        return default
    values: dict[str, Any] = {}
    enabled = raw.get("enabled", default.enabled)
    if isinstance(enabled, bool):
        values["enabled"] = enabled
    else:
        problems.append(
            _("{key} must be true or false, got {value}; using the default {default}").format(
                key="stool_trial.enabled", value=short_repr(enabled), default="false"
            )
        )
    names = raw.get("settings", default.settings)
    try:
        if not isinstance(names, list | tuple):
            raise InvalidStoolTrialError(
                _("a list like {example} is needed, got {value}").format(
                    example='["low", "middle", "high"]', value=short_repr(names)
                )
            )
        values["settings"] = check_setting_names(names)
    except InvalidStoolTrialError as error:
        problems.append(
            # Translators: {problem} is one of the stool-setting messages above.
            _("{key}: {problem}; using the default {default}").format(
                key="stool_trial.settings", problem=error, default="low, middle, high"
            )
        )
    problems.extend(
        _("unknown setting {key} ignored").format(key=f"stool_trial.{key}")
        for key in sorted(map(str, set(raw) - {"enabled", "settings"}))
    )
    return StoolTrialSettings(**values)


def stool_trial_to_dict(trial: StoolTrialSettings) -> dict[str, Any]:
    """The section as TOML writes it; :func:`read_stool_trial` reads it back."""
    return {"enabled": trial.enabled, "settings": list(trial.settings)}


def todays_stool_setting(
    trial: StoolTrialSettings,
    used: Mapping[date, str],
    today: date,
    working_days: Collection[Weekday] = tuple(Weekday),
) -> str | None:
    """Today's stool setting, or None when the trial is off.

    ``used`` is the setting each earlier check-in recorded (names no longer
    among the settings are ignored). A day already answered keeps its answer's
    setting. The working days since the last answer take turns between the two
    best candidates, as if each had followed its suggestion, so consecutive
    working days differ even when the user does not answer; a day off shows the
    next working day's setting.
    """
    if not trial.enabled:
        return None
    names = trial.settings
    if used.get(today) in names:
        return used[today]
    earlier = {day: name for day, name in used.items() if day < today and name in names}
    tried = Counter(earlier.values())
    last_tried = {name: day for day, name in sorted(earlier.items())}
    best, second = sorted(
        names, key=lambda name: (tried[name], last_tried.get(name, date.min), names.index(name))
    )[:2]
    anchor = max(earlier, default=_EPOCH)
    if earlier.get(anchor) == best:
        best, second = second, best
    steps = _working_days_between(anchor, today, {day.number for day in working_days})
    return best if steps % 2 == 0 else second


def _working_days_between(first: date, last: date, working: Collection[int]) -> int:
    """Working days after ``first`` and before ``last``."""
    between = max(0, (last - first).days - 1)
    weeks, rest = divmod(between, 7)
    start = first + timedelta(days=1)
    return weeks * len(working) + sum(
        (start + timedelta(days=offset)).weekday() in working for offset in range(rest)
    )


def stool_reminder_line(setting: str | None) -> str:
    """The line the foot-stool reminder adds; empty when the trial is off."""
    if setting is None:
        return ""
    return _("Today's stool setting: {setting}").format(setting=setting)


@dataclass(frozen=True)
class SettingComfort:
    """Comfort on the days one stool setting was used."""

    setting: str
    comfort: ComfortAverage = field(default_factory=lambda: ComfortAverage(None, 0))

    @property
    def days_missing(self) -> int:
        return max(0, DAYS_NEEDED - self.comfort.days)

    @property
    def text(self) -> str:
        """ "high: 6.3 over 4 days", or "middle: needs 2 more days"."""
        missing = self.days_missing
        if missing or self.comfort.average is None:
            return ngettext(
                "{setting}: needs {count} more day", "{setting}: needs {count} more days", missing
            ).format(setting=self.setting, count=missing)
        return ngettext(
            "{setting}: {average} over {count} day",
            "{setting}: {average} over {count} days",
            self.comfort.days,
        ).format(
            setting=self.setting,
            average=formats().decimal(self.comfort.average, 1),
            count=self.comfort.days,
        )


def per_setting_text(settings: Iterable[SettingComfort]) -> str:
    """ "Comfort per stool setting: low: 6.3 over 4 days · high: needs 1 more day"."""
    return _("Comfort per stool setting: {settings}").format(
        settings=" · ".join(setting.text for setting in settings)
    )


def comfort_per_setting(
    trial: StoolTrialSettings, check_ins: Iterable[CheckIn]
) -> list[SettingComfort]:
    """Each of the trial's settings with its comfort so far, in the user's order."""
    by_setting: dict[str, list[CheckIn]] = {name: [] for name in trial.settings}
    for check_in in check_ins:
        if check_in.stool_setting in by_setting:
            by_setting[check_in.stool_setting].append(check_in)
    return [
        SettingComfort(name, ComfortAverage.of(answers)) for name, answers in by_setting.items()
    ]
