"""Comfort check-ins as the history window, ``stats`` and the foot-stool reminder read them:
comfort against breaks done per day, the average, comfort per stool setting, and today's
stool setting.

Every read may raise :class:`~posturebreak.services.activity_store.ActivityLogError`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from posturebreak.core.comfort import CheckIn, ComfortAverage, ComfortDay, comfort_days
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import Period
from posturebreak.core.stool_trial import SettingComfort, comfort_per_setting, todays_stool_setting
from posturebreak.services.comfort_store import ComfortLog


class ComfortHistory:
    """Reads the check-ins for the day ``today`` gives and the settings in force."""

    def __init__(
        self, log: ComfortLog, today: Callable[[], date], settings: Callable[[], Settings]
    ) -> None:
        self.log = log
        self.today = today
        self.settings = settings

    def days(self, count: int) -> list[ComfortDay]:
        """Comfort and breaks done for each of the last ``count`` days."""
        period = Period.last_days(count, self.today())
        return comfort_days(period.days(), self.log.between(period), self.log.done_per_day(period))

    def average(self, count: int) -> ComfortAverage:
        """The average comfort over the answered days among the last ``count``."""
        return ComfortAverage.of(self.log.between(Period.last_days(count, self.today())))

    def per_setting(self) -> list[SettingComfort] | None:
        """Comfort per stool setting over the whole log; None while the trial is off."""
        trial = self.settings().stool_trial
        return comfort_per_setting(trial, self.log.since()) if trial.enabled else None

    def todays_setting(self) -> str | None:
        """Today's stool setting (the same all day and after a restart); None when off."""
        settings = self.settings()
        if not settings.stool_trial.enabled:
            return None
        return todays_stool_setting(
            settings.stool_trial,
            self.log.stool_settings_used(),
            self.today(),
            settings.schedule.working_days,
        )

    def today_answer(self) -> CheckIn | None:
        return self.log.on(self.today())
