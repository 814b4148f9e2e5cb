"""The workstation check: walked by keys from the tray, saved, reopened, and in the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.workstation import ITEM_IDS, Answer, ItemAnswer, WorkstationCheck
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.workstation_store import load_checklist
from posturebreak.ui.workstation_check import WorkstationCheckDialog
from posturebreak.ui.workstation_history import WorkstationHistory
from posturebreak.workstation_checks import WorkstationChecks
from tests.gui.conftest import FakeClock

App = tuple[PostureBreakApp, FakeClock]
ALT = Qt.KeyboardModifier.AltModifier
# The keys that answer each item, in checklist order: Alt+Y Yes, Alt+E Not yet, Alt+A n/a.
KEYS = {Answer.YES: Qt.Key.Key_Y, Answer.NOT_YET: Qt.Key.Key_E, Answer.NOT_APPLICABLE: Qt.Key.Key_A}
FIRST = dict(
    zip(
        ITEM_IDS,
        [
            Answer.NOT_YET,
            Answer.YES,
            Answer.NOT_YET,
            Answer.YES,
            Answer.YES,
            Answer.NOT_APPLICABLE,
            Answer.YES,
        ],
        strict=True,
    )
)


def open_from_tray(qtbot: QtBot, posture_app: PostureBreakApp) -> WorkstationCheckDialog:
    posture_app.tray.workstation_action.trigger()
    dialog = posture_app.workstation.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def answer_all(
    qtbot: QtBot, dialog: WorkstationCheckDialog, answers: dict[str, Answer], notes: dict[str, str]
) -> None:
    """Answers every page by keys and ends each with Enter (Next, then Finish)."""
    for number, ident in enumerate(ITEM_IDS, start=1):
        assert dialog.progress.text() == f"{number} of {len(ITEM_IDS)}"
        qtbot.keyClick(dialog.focusWidget(), KEYS[answers[ident]], ALT)
        # A mnemonic clicks its button a moment later (Qt animates the press).
        chosen = dialog.item_pages[number - 1].buttons[answers[ident]]
        qtbot.waitUntil(chosen.isChecked)
        if ident in notes:
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_O, ALT)
            line = dialog.item_pages[number - 1].note
            assert dialog.focusWidget() is line
            line.selectAll()
            qtbot.keyClicks(line, notes[ident])
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)


def test_the_checklist_is_walked_by_keys_saved_and_reopened_with_the_answers(
    qtbot: QtBot, app: App
) -> None:
    posture_app, clock = app
    dialog = open_from_tray(qtbot, posture_app)
    assert not dialog.back_button.isEnabled()
    assert dialog.pages.currentIndex() == 0

    answer_all(qtbot, dialog, FIRST, {"chair": "too low"})

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [saved] = posture_app.workstation.history()
    assert saved.checked_at == clock.now()
    assert saved.answers == {
        ident: ItemAnswer(answer, "too low" if ident == "chair" else "")
        for ident, answer in FIRST.items()
    }

    clock.moment += timedelta(days=28)
    again = open_from_tray(qtbot, posture_app)
    assert again is not dialog
    first_page = again.item_pages[0]
    assert first_page.buttons[Answer.NOT_YET].isChecked()
    assert first_page.note.text() == "too low"
    assert again.focusWidget() is first_page.buttons[Answer.NOT_YET]
    assert again.answers() == saved.answers


def test_back_next_and_finish_follow_the_page_and_escape_saves_nothing(
    qtbot: QtBot, app: App
) -> None:
    posture_app, _ = app
    dialog = open_from_tray(qtbot, posture_app)
    for key, page in ((Qt.Key.Key_N, "2"), (Qt.Key.Key_N, "3"), (Qt.Key.Key_B, "2")):
        qtbot.keyClick(dialog.focusWidget(), key, ALT)
        qtbot.waitUntil(lambda page=page: dialog.progress.text() == f"{page} of 7")
    assert dialog.next_button.isDefault() and dialog.next_button.isEnabled()
    dialog.go_to(6)
    assert dialog.finish_button.isDefault() and not dialog.next_button.isEnabled()
    assert dialog.answers() == {}  # nothing chosen on a first check

    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert posture_app.workstation.history() == []


def test_finish_early_keeps_only_the_items_answered(qtbot: QtBot, app: App) -> None:
    posture_app, _ = app
    dialog = open_from_tray(qtbot, posture_app)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(dialog.item_pages[0].buttons[Answer.YES].isChecked)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert posture_app.workstation.history()[0].answers == {"chair": ItemAnswer(Answer.YES)}


def test_the_history_lists_checks_newest_first_with_what_changed(qtbot: QtBot, app: App) -> None:
    posture_app, clock = app
    window = posture_app.show_history()
    qtbot.waitExposed(window)
    section = window.findChild(WorkstationHistory)
    assert section is not None
    assert "No workstation check yet" in section.list.text()

    answer_all(qtbot, open_from_tray(qtbot, posture_app), FIRST, {})
    qtbot.waitUntil(lambda: "First check" in section.list.text())
    assert "Not yet: Monitor at eye level" in section.list.text()

    clock.moment += timedelta(days=28)
    later = FIRST | {"monitor": Answer.YES}
    answer_all(qtbot, open_from_tray(qtbot, posture_app), later, {"chair": "new cushion"})
    qtbot.waitUntil(lambda: "Monitor at eye level: Not yet → Yes" in section.list.text())
    text = section.list.text()
    assert "Chair and lumbar support: Not yet → Not yet (new cushion)" in text
    assert text.index("Mon 30 Mar 2037") < text.index("Mon 2 Mar 2037")
    assert text.index("6 of 7 in place") < text.index("5 of 7 in place")


@dataclass
class FailingStore:
    """A log that cannot be read or written, like a full or read-only disk."""

    tries: list[WorkstationCheck] = field(default_factory=list)

    def latest(self) -> WorkstationCheck | None:
        raise ActivityLogError("Your activity log cannot be read (disk gone).")

    def checks(self) -> list[WorkstationCheck]:
        return self.latest() or []

    def save(self, check: WorkstationCheck) -> None:
        self.tries.append(check)
        raise ActivityLogError("Your workstation check could not be saved (disk full).")


def test_a_failing_log_is_said_and_the_dialog_keeps_the_answers(qtbot: QtBot) -> None:
    store = FailingStore()
    checks = WorkstationChecks(store, load_checklist, FakeClock(), QIcon())  # type: ignore[arg-type]
    dialog = checks.open()
    qtbot.addWidget(dialog)
    assert "cannot be read (disk gone)" in dialog.message.text()
    dialog.item_pages[0].buttons[Answer.YES].click()
    dialog.finish_button.click()
    assert dialog.isVisible()
    assert "could not be saved (disk full)" in dialog.message.text()
    assert "try Finish again" in dialog.message.text()
    assert dialog.answers() == {"chair": ItemAnswer(Answer.YES)}
    assert len(store.tries) == 1
    dialog.close()
