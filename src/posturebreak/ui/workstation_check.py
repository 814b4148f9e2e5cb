"""*Check your workstation…*: the checklist, one item a page.

One item a page keeps each question, its how-to and its picture readable at
2x scale on a small screen, and the last check's answers are filled in, so a
re-check is a walk through with Next, changing only what changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.workstation import (
    NOTE_MAX_CHARS,
    Answer,
    ChecklistItem,
    ItemAnswer,
    WorkstationCheck,
)
from posturebreak.i18n import N_, _, formats
from posturebreak.resources import resources_dir
from posturebreak.ui.screen_fit import fit_to_screen, scrolling

_ILLUSTRATION_SIZE = 140
_BUTTON_TEXT = {
    # Translators: the answers to a workstation checklist item; besides "N&ote", "&Back",
    # "&Next" and "&Finish" on the same page, each needs its own & letter.
    Answer.YES: N_("&Yes"),
    Answer.NOT_YET: N_("Not y&et"),
    Answer.NOT_APPLICABLE: N_("Not &applicable"),
}


class _ItemPage(QWidget):
    """One item: its picture (when drawn), question, how-to, answer and note."""

    def __init__(self, item: ChecklistItem, last: ItemAnswer | None) -> None:
        super().__init__()
        title = QLabel(f"<b>{item.title}</b>")
        title.setStyleSheet("font-size: 13pt;")
        question = QLabel(item.question)
        guidance = QLabel(item.guidance)
        text = QVBoxLayout()
        for label in (title, question, guidance):
            label.setWordWrap(True)
            text.addWidget(label)
        text.addStretch(1)
        top = QHBoxLayout()
        if (resources_dir() / item.illustration).is_file():
            from PySide6.QtSvgWidgets import QSvgWidget  # Qt's SVG libraries: only when shown

            picture = QSvgWidget(str(resources_dir() / item.illustration))
            picture.setFixedSize(_ILLUSTRATION_SIZE, _ILLUSTRATION_SIZE)
            picture.setAccessibleName(_("Illustration: {name}").format(name=item.title))
            top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)

        self.choices = QButtonGroup(self)
        self.buttons: dict[Answer, QRadioButton] = {}
        row = QHBoxLayout()
        for answer in Answer:
            button = QRadioButton(_(_BUTTON_TEXT[answer]))
            button.setChecked(last is not None and last.answer is answer)
            self.choices.addButton(button)
            self.buttons[answer] = button
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLineEdit(last.note if last else "")
        self.note.setMaxLength(NOTE_MAX_CHARS)
        self.note.setPlaceholderText(_("Optional, e.g. “ordered a cushion”"))
        self.note.setAccessibleName(_("Note on {item}").format(item=item.title))
        form = QFormLayout()
        form.addRow(_("Answer:"), row)
        note_label = QLabel(_("N&ote:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(top)
        page.addLayout(form)
        page.addStretch(1)

    def answer(self) -> ItemAnswer | None:
        """The chosen answer with its note, or None while none is chosen."""
        for answer, button in self.buttons.items():
            if button.isChecked():
                return ItemAnswer(answer, self.note.text())
        return None


class WorkstationCheckDialog(QDialog):
    """Walks the checklist with Back / Next; Finish hands the answers given so far."""

    submitted = Signal(object)  # dict[str, ItemAnswer], by item id

    def __init__(
        self,
        items: Sequence[ChecklistItem],
        last: WorkstationCheck | None,
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check your workstation"))  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        self._items = tuple(items)
        self.progress = QLabel()
        intro = QLabel(
            _("A few questions about how your desk is set up. Your last answers are filled in.")
            if last
            else _("A few questions about how your desk is set up. Skip any with Next.")
        )
        intro.setWordWrap(True)
        self.pages = QStackedWidget()
        self.item_pages = [
            _ItemPage(item, last.answers.get(item.id) if last else None) for item in items
        ]
        for page in self.item_pages:
            self.pages.addWidget(page)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()

        self.back_button = QPushButton(_("&Back"))
        self.next_button = QPushButton(_("&Next"))
        self.finish_button = QPushButton(_("&Finish"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.finish_button.clicked.connect(lambda: self.submitted.emit(self.answers()))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)

        body = QWidget()
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(intro)
        content.addWidget(self.progress)
        content.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.go_to(0)
        fit_to_screen(self, QSize(560, 360))

    def go_to(self, index: int) -> None:
        """Shows item ``index`` (clamped); Next gives way to Finish on the last one."""
        index = max(0, min(index, len(self.item_pages) - 1))
        self.pages.setCurrentIndex(index)
        # Translators: which checklist item is shown, e.g. "3 of 12".
        self.progress.setText(
            _("{number} of {count}").format(
                number=formats().integer(index + 1), count=formats().integer(len(self.item_pages))
            )
        )
        last = index == len(self.item_pages) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(not last)
        (self.finish_button if last else self.next_button).setDefault(True)
        (self.next_button if last else self.finish_button).setDefault(False)
        page = self.item_pages[index]
        chosen = page.choices.checkedButton()
        (chosen or page.buttons[Answer.YES]).setFocus()

    def answers(self) -> dict[str, ItemAnswer]:
        """The answers given, by item id; items left unanswered are left out."""
        given = {
            item.id: page.answer() for item, page in zip(self._items, self.item_pages, strict=True)
        }
        return {ident: answer for ident, answer in given.items() if answer is not None}

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
