"""The history window's *Workstation checks*: each check, and what changed since the last."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from posturebreak.core.workstation import (
    ChecklistItem,
    WorkstationCheck,
    changes,
    not_yet,
    summary_text,
)
from posturebreak.i18n import _
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.history_chart import weekday_date
from posturebreak.workstation_checks import WorkstationChecks


def empty_text() -> str:
    """What the section says before the first check."""
    # Translators: {menu_item} is the tray menu's "Check your workstation…".
    return _("No workstation check yet. Choose {menu_item} in the tray menu to take one.").format(
        menu_item=_("Check your workstation…")
    )


class WorkstationHistory(QWidget):
    """Checks by date, newest first, each with the lines that changed.

    A label rather than a table, so long lines wrap instead of being cut off
    at 2x scale; a saved check shows at once. No button of its own: the
    window keeps its buttons outside the part that scrolls, always on screen.
    """

    def __init__(self, checks: WorkstationChecks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checks = checks
        checks.saved.connect(self.refresh)
        self.list = QLabel()
        title = _("Workstation checks")
        self.list.setAccessibleName(title)
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.RichText)
        self.list.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(self.list)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reads the checks afresh; an unreadable log is said in place of the list."""
        try:
            checks = self._checks.history()
        except ActivityLogError as error:
            self.list.setText(escape(str(error)))
            return
        self.list.setText(checks_html(self._checks.items(), checks) if checks else empty_text())


def checks_html(items: Sequence[ChecklistItem], checks: Sequence[WorkstationCheck]) -> str:
    """Each check (newest first) with its date and summary, then what changed since the last."""
    shown = []
    for check, previous in zip(checks, [*checks[1:], None], strict=True):
        if previous:
            found = [change.text() for change in changes(items, previous, check)]
        else:
            found = [
                _("First check"),
                # Translators: a checklist item answered "Not yet" in the first check.
                *(_("Not yet: {item}").format(item=title) for title in not_yet(items, check)),
            ]
        points = "".join(f"<li>{escape(line)}</li>" for line in found or [_("No changes")])
        # Translators: a workstation check's date and how many items were in place.
        heading = _("<b>{date}</b>: {summary}").format(
            date=weekday_date(check.local_day, year=True), summary=summary_text(items, check)
        )
        shown.append(
            f"<p style='margin-bottom: 0'>{heading}</p><ul style='margin-top: 0'>{points}</ul>"
        )
    return "".join(shown)
