"""The list of reminders in the settings: each one's name, when it comes and whether it is on,
with Add, Edit, Remove and Restore shipped.

It edits a tuple of :class:`ReminderDefinition` and says :attr:`ReminderList.changed`;
the settings dialog reads :meth:`ReminderList.reminders` when it applies. The
editor and the question before resetting changed shipped reminders open
window-modal (``open()``, not ``exec()``), so the event loop and tests carry on
while they are up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.reminder_text import (
    new_reminder_id,
    schedule_summary,
)
from posturebreak.core.reminders import (
    ReminderDefinition,
    changed_shipped,
    display_name,
    missing_shipped,
    reminder_message,
    restore_shipped,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import _, ngettext
from posturebreak.ui.key_actions import ENTER_KEYS, KeyActions
from posturebreak.ui.reminder_editor import ReminderEditor


class ReminderList(QWidget):
    """Reminders in a two-column list (name with an on/off box, and when), plus buttons.

    Enter or a double click edits the current reminder, Delete removes it and Space
    turns it on or off. ``shipped`` are the reminders the app comes with, for
    Restore shipped; ``today`` decides when a start date needs its year.
    """

    changed = Signal()

    def __init__(
        self,
        reminders: tuple[ReminderDefinition, ...],
        shipped: tuple[ReminderDefinition, ...],
        today: date,
        first_day: Weekday = Weekday.MON,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shipped = shipped
        self._today = today
        self._first_day = first_day
        self._reminders: list[ReminderDefinition] = []
        self.editor: ReminderEditor | None = None
        self.reset_question: QMessageBox | None = None

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Reminders"))
        # Translators: the reminder list's column headings.
        self.tree.setHeaderLabels([_("Reminder"), _("When")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        KeyActions(
            self.tree,
            {
                **dict.fromkeys(ENTER_KEYS, self.edit_current),
                Qt.Key.Key_Delete: self.remove_current,
            },
        )

        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setAccessibleName(_("Add a reminder"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the selected reminder"))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(_("Re&move"))
        self.remove_button.setAccessibleName(_("Remove the selected reminder"))
        self.remove_button.clicked.connect(self.remove_current)
        # Translators: brings back the reminders the app comes with.
        self.restore_button = QPushButton(_("Restore s&hipped"))
        self.restore_button.setAccessibleName(_("Restore shipped reminders"))
        self.restore_button.clicked.connect(self.restore)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.set_reminders(reminders)

    # -- state ------------------------------------------------------------------------

    def reminders(self) -> tuple[ReminderDefinition, ...]:
        """The reminders as the list shows them, in its order."""
        return tuple(self._reminders)

    def set_reminders(self, reminders: tuple[ReminderDefinition, ...]) -> None:
        """Shows ``reminders``, keeping the current row where there still is one."""
        row = max(0, self._current_row())
        self._reminders = list(reminders)
        self.tree.blockSignals(True)
        self.tree.clear()
        for reminder in reminders:
            item = QTreeWidgetItem(
                [
                    display_name(reminder),
                    schedule_summary(reminder.schedule, self._today, self._first_day),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if reminder.enabled else Qt.CheckState.Unchecked
            )
            item.setToolTip(0, reminder_message(reminder))
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._fit_columns()
        self._select_row(min(row, len(reminders) - 1))
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Keeps the list wide enough that no name or schedule summary is cut off."""
        header = self.tree.header()
        columns = sum(
            max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(self.tree.columnCount())
        )
        scroll_bar = self.tree.verticalScrollBar().sizeHint().width()
        self.tree.setMinimumWidth(columns + scroll_bar + 2 * self.tree.frameWidth() + 8)

    def set_first_day(self, first_day: Weekday) -> None:
        """Orders weekday ranges in summaries (and the editor's boxes) from ``first_day``."""
        self._first_day = first_day
        self.set_reminders(self.reminders())

    def _select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _current_row(self) -> int:
        item = self.tree.currentItem()
        return -1 if item is None else self.tree.indexOfTopLevelItem(item)

    def _change(self, reminders: tuple[ReminderDefinition, ...], row: int | None = None) -> None:
        """Shows ``reminders``, makes ``row`` current if given, and says so."""
        self.set_reminders(reminders)
        if row is not None:
            self._select_row(row)
        self.changed.emit()

    # -- actions ----------------------------------------------------------------------

    def add(self) -> None:
        """Opens the editor on a new reminder; OK appends it."""
        self._open_editor(None)

    def edit_current(self) -> None:
        """Opens the editor on the current reminder; OK replaces it."""
        row = self._current_row()
        if row >= 0:
            self._open_editor(row)

    def remove_current(self) -> None:
        row = self._current_row()
        if row >= 0:
            self._change(self.reminders()[:row] + self.reminders()[row + 1 :])
            self.tree.setFocus()

    def restore(self) -> None:
        """Brings back removed shipped reminders; resets changed ones only once confirmed."""
        changed = changed_shipped(self._reminders, self._shipped)
        if not changed:
            self._restore(reset_changed=False)
            return
        # Translators: joins the names of the changed reminders in a list.
        names = _(", ").join(display_name(reminder) for reminder in changed)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Restore shipped reminders"),
            ngettext(
                "You changed {names}. Reset it to how the app comes?",
                "You changed {names}. Reset them to how the app comes?",
                len(changed),
            ).format(names=names),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        reset = box.addButton(_("&Reset"), QMessageBox.ButtonRole.DestructiveRole)
        reset.setAccessibleName(_("Reset changed shipped reminders"))
        if missing_shipped(self._reminders, self._shipped):
            keep = box.addButton(_("&Keep my changes"), QMessageBox.ButtonRole.AcceptRole)
            keep.setAccessibleName(_("Only bring back removed shipped reminders"))
            keep.clicked.connect(lambda: self._restore(reset_changed=False))
        reset.clicked.connect(lambda: self._restore(reset_changed=True))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.reset_question = box
        box.finished.connect(lambda _: box.deleteLater())
        box.open()

    def _restore(self, *, reset_changed: bool) -> None:
        self._change(restore_shipped(self._reminders, self._shipped, reset_changed=reset_changed))

    def _open_editor(self, row: int | None) -> None:
        original = None if row is None else self._reminders[row]
        taken = {r.id for r in self._reminders} | {r.id for r in self._shipped}
        editor = ReminderEditor(
            original, lambda name: new_reminder_id(name, taken), self._first_day, self
        )
        editor.accepted.connect(lambda: self._edited(row, editor.definition()))
        editor.finished.connect(lambda _: editor.deleteLater())
        self.editor = editor
        editor.open()

    def _edited(self, row: int | None, reminder: ReminderDefinition) -> None:
        reminders = self.reminders()
        if row is None:
            self._change((*reminders, reminder), len(reminders))
        else:
            self._change((*reminders[:row], reminder, *reminders[row + 1 :]), row)
        self.tree.setFocus()

    # -- reactions --------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        row = self.tree.indexOfTopLevelItem(item)
        enabled = item.checkState(0) == Qt.CheckState.Checked
        if column == 0 and row >= 0 and self._reminders[row].enabled != enabled:
            self._reminders[row] = replace(self._reminders[row], enabled=enabled)
            self._update_buttons()
            self.changed.emit()

    def _update_buttons(self) -> None:
        chosen = self._current_row() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        can_restore = bool(
            missing_shipped(self._reminders, self._shipped)
            or changed_shipped(self._reminders, self._shipped)
        )
        self.restore_button.setEnabled(can_restore)
        self.restore_button.setToolTip(
            _("Brings back the shipped reminders you removed; asks before resetting changed ones.")
            if can_restore
            else _("The shipped reminders are all here as shipped.")
        )
