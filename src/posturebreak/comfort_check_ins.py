"""The comfort check-in, from the tray, the end-of-day reminder or a test: opens the dialog
(one at a time), saves the answer as the day's, and says what went wrong if the log
refuses it. The foot-stool reminder's line about today's stool setting comes from here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from posturebreak.core.clock import Clock
from posturebreak.core.comfort import CheckIn
from posturebreak.core.settings import Settings
from posturebreak.core.stool_trial import stool_reminder_line
from posturebreak.services.activity_store import ActivityLogError, ActivityStore
from posturebreak.ui.dialogs import bring_forward

# The dialog and the queries (SQLite, statistics) load when first needed, not at the start.
if TYPE_CHECKING:
    from posturebreak.services.comfort_history import ComfortHistory
    from posturebreak.ui.comfort_check_in import ComfortCheckInDialog

log = logging.getLogger(__name__)


class ComfortCheckIns(QObject):
    """Asks how the lower back feels and keeps the answer."""

    saved = Signal()  # a check-in was kept; the history may show it

    def __init__(
        self,
        store: ActivityStore,
        clock: Clock,
        settings: Callable[[], Settings],
        icon: QIcon,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._settings = settings
        self._icon = icon
        self.dialog: ComfortCheckInDialog | None = None

    @cached_property
    def history(self) -> ComfortHistory:
        """The check-ins in the app's activity log, as the dialog and the history read them."""
        from posturebreak.services.comfort_history import ComfortHistory
        from posturebreak.services.comfort_store import ComfortLog

        return ComfortHistory(
            ComfortLog(self._store.connection, self._store.path),
            lambda: self._clock.now().astimezone().date(),
            self._settings,
        )

    def open(self) -> ComfortCheckInDialog:
        """Opens the check-in, or brings the open one forward."""
        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            from posturebreak.ui.comfort_check_in import ComfortCheckInDialog

            earlier, setting, problem = None, None, None
            try:
                earlier, setting = self.history.today_answer(), self.history.todays_setting()
            except ActivityLogError as error:
                problem = str(error)
            trial = self._settings().stool_trial
            dialog = ComfortCheckInDialog(
                self._icon,
                earlier=earlier,
                stool_settings=trial.settings if trial.enabled else (),
                todays_setting=setting,
            )
            if problem is not None:
                dialog.show_error(problem)
            dialog.answered.connect(self.save)
            self.dialog = dialog
        bring_forward(dialog)
        return dialog

    def remind(self) -> None:
        """The end-of-day reminder's action: asks unless today was answered already (say,
        from the tray), so the daily question comes at most once."""
        try:
            answered = self.history.today_answer() is not None
        except ActivityLogError:
            answered = False  # the dialog says what is wrong with the log
        if answered:
            log.info("Comfort check-in already answered today; not asking again")
            return
        self.open()

    def save(self, comfort: int, note: str, setting: str | None) -> None:
        """Keeps the answer as today's; the dialog closes, or says why it could not."""
        now = self._clock.now()
        check_in = CheckIn(now.astimezone().date(), comfort, now, note, setting)
        try:
            self.history.log.save(check_in)
        except ActivityLogError as error:
            log.error("%s", error)
            if self.dialog is not None:
                self.dialog.show_error(str(error))
            return
        log.info("Comfort check-in saved for %s", check_in.day)
        if self.dialog is not None:
            self.dialog.saved()
        self.saved.emit()

    def stool_line(self) -> str:
        """ "Today's stool setting: high" for the foot-stool reminder; empty when the trial
        is off or the log cannot be read (the reminder comes all the same)."""
        try:
            return stool_reminder_line(self.history.todays_setting())
        except ActivityLogError as error:
            log.warning("Today's stool setting unknown: %s", error)
            return ""

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
