"""The history window's *Workstation checks*: each check, and what changed since the last."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.workstation import changes, summary_text
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.workstation_check import WorkstationChecks

EMPTY_TEXT = "No workstation check yet. Take one to see here what changes over time."


class WorkstationHistory(QWidget):
    """Checks by date, newest first; each opens to the lines that changed.

    Its button opens the checklist, and a saved check shows here at once.
    """

    def __init__(self, checks: WorkstationChecks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checks = checks
        self.check_button = QPushButton("Check your &workstation…")
        self.check_button.clicked.connect(checks.open)
        checks.saved.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>Workstation checks</b>"))
        header.addStretch(1)
        header.addWidget(self.check_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Workstation checks")
        self.tree.setHeaderLabels(["Date", "What changed"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.setMinimumHeight(140)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty_label)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reads the checks afresh; an unreadable log is said in place of the list."""
        self.tree.clear()
        try:
            checks = self._checks.history()
        except ActivityLogError as error:
            self._show_empty(str(error))
            return
        if not checks:
            self._show_empty(EMPTY_TEXT)
            return
        self.tree.show()
        self.empty_label.hide()
        items = self._checks.items()
        older = [*checks[1:], None]
        for check, previous in zip(checks, older, strict=True):
            day = check.local_day
            row = QTreeWidgetItem([f"{day:%a} {day.day} {day:%b %Y}", summary_text(items, check)])
            lines = (
                [change.text() for change in changes(items, previous, check)]
                if previous
                else ["First check"]
            )
            row.addChildren([QTreeWidgetItem(["", line]) for line in lines or ["No changes"]])
            self.tree.addTopLevelItem(row)
            row.setExpanded(check is checks[0])
        self.tree.resizeColumnToContents(0)

    def _show_empty(self, text: str) -> None:
        self.tree.hide()
        self.empty_label.setText(text)
        self.empty_label.show()
