"""*Check your workstation…*, from the tray or the re-check reminder: opens the checklist
(one at a time) and saves what it gives, keeping the answers on screen when the log
refuses them. The checklist window loads when first opened, not at the app's start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from posturebreak.core.clock import Clock
from posturebreak.core.workstation import ChecklistItem, ItemAnswer, WorkstationCheck
from posturebreak.i18n import _
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.workstation_store import WorkstationStore
from posturebreak.ui.dialogs import bring_forward

if TYPE_CHECKING:
    from posturebreak.ui.workstation_check import WorkstationCheckDialog


class WorkstationChecks(QObject):
    """Opens the checklist (from the tray or the re-check reminder) and saves what it gives."""

    saved = Signal()

    def __init__(
        self,
        store: WorkstationStore,
        items: Callable[[], Sequence[ChecklistItem]],
        clock: Clock,
        icon: QIcon,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self.items, self._clock, self._icon = store, items, clock, icon
        self.dialog: WorkstationCheckDialog | None = None

    def history(self) -> list[WorkstationCheck]:
        """Every check, newest first; raises :class:`ActivityLogError`."""
        return self._store.checks()

    def open(self) -> WorkstationCheckDialog:
        """Shows the checklist with the last answers, or brings the open one forward."""
        from posturebreak.ui.workstation_check import WorkstationCheckDialog

        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            try:
                last, problem = self._store.latest(), None
            except ActivityLogError as error:
                last = None
                # Translators: {problem} is a sentence saying what is wrong with the log.
                problem = _("{problem} Your answers are saved when it can be written.").format(
                    problem=error
                )
            dialog = WorkstationCheckDialog(self.items(), last, self._icon)
            dialog.submitted.connect(self._save)
            if problem:
                dialog.show_error(problem)
            self.dialog = dialog
        bring_forward(dialog)
        return dialog

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()

    def _save(self, answers: Mapping[str, ItemAnswer]) -> None:
        """Keeps the dialog open with its answers when the log cannot take them."""
        dialog = self.dialog
        assert dialog is not None  # only the open dialog submits
        try:
            self._store.save(WorkstationCheck(self._clock.now(), dict(answers)))
        except ActivityLogError as error:
            dialog.show_error(
                _("{problem} Your answers are still here; try Finish again.").format(problem=error)
            )
            return
        dialog.accept()
        self.saved.emit()
