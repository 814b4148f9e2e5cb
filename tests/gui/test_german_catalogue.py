"""The exercise and checklist words in German fit the windows that show them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from posturebreak.core.events import BreakRequest
from posturebreak.core.reminders import NotificationStyle
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.services.workstation_store import load_checklist
from posturebreak.ui.break_popup import BreakPopup
from posturebreak.ui.workstation_check import WorkstationCheckDialog
from tests.gui.conftest import FakeClock
from tests.support.clipping import clipped_text
from tests.support.language import speaking


@pytest.fixture
def german() -> Iterator[None]:
    with speaking("de"):
        yield


@pytest.mark.usefixtures("german")
def test_every_exercise_in_german_fits_the_break_window(qtbot: QtBot) -> None:
    clock = FakeClock()
    catalogue, _ = load_catalogue(Path("/nonexistent"))
    for exercise in catalogue.exercises.values():
        request = BreakRequest(
            kind="stretch",
            exercise=exercise,
            due_at=clock.moment,
            shown_at=clock.moment,
            shown_as=NotificationStyle.BOTH,
            break_length=timedelta(seconds=exercise.duration_seconds),
            snooze_length=timedelta(minutes=5),
        )
        popup = BreakPopup(request, clock, timedelta(minutes=4), "5 min")
        qtbot.addWidget(popup)
        popup.show_on_pointer_screen()
        qtbot.waitExposed(popup)
        assert popup.instruction.text() == exercise.instruction
        assert clipped_text(popup) == [], exercise.id
        popup.hide()
    assert catalogue.exercises["standing-back-extension"].title == "Rückbeuge im Stehen"


@pytest.mark.usefixtures("german")
def test_every_checklist_item_in_german_fits_the_workstation_check(qtbot: QtBot) -> None:
    items = load_checklist()
    dialog = WorkstationCheckDialog(items, None, QIcon())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for number, item in enumerate(items):
        dialog.pages.setCurrentIndex(number)
        qtbot.waitUntil(lambda page=dialog.item_pages[number]: page.isVisible())
        assert clipped_text(dialog) == [], item.id
    assert items[0].question == "Stützt dein Stuhl deinen unteren Rücken?"
