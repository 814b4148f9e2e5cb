"""At twice the usual font size, as a user with large fonts set has it, no text is cut off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.sit_stand import Posture, SitStandSettings, switch_words
from posturebreak.ui.sit_stand_window import SwitchWindow
from tests.gui.conftest import FakeClock
from tests.gui.test_break_popup import popup_for
from tests.gui.test_reminder_editor import CHECK_IN, open_editor
from tests.gui.test_reminder_list import MASSAGE, SHIPPED, open_list
from tests.support.clipping import clipped_text


@pytest.fixture(autouse=True)
def large_font() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    usual = app.font()
    large = QFont(usual)
    large.setPointSizeF(usual.pointSizeF() * 2)
    app.setFont(large)
    yield
    app.setFont(usual)


def _check(qtbot: QtBot, window: QWidget) -> None:
    qtbot.addWidget(window)
    qtbot.waitUntil(window.isVisible)
    assert clipped_text(window) == []


def test_the_settings_dialog(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    _check(qtbot, app[0].show_settings())


def test_the_history_window(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    _check(qtbot, app[0].show_history())


def test_the_log_dialog(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    _check(qtbot, app[0].show_log_dialog())


def test_the_break_window(qtbot: QtBot) -> None:
    _check(qtbot, popup_for(qtbot, FakeClock()))


def test_the_reminder_editor(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN)
    for kind in range(editor.schedule_kind.count()):
        editor.schedule_kind.setCurrentIndex(kind)
        assert clipped_text(editor) == []


def test_the_reminder_list(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (*SHIPPED, MASSAGE))
    assert clipped_text(reminder_list.window()) == []
    tree = reminder_list.tree
    for column in range(tree.columnCount()):  # no name or schedule summary cut off
        assert tree.header().sectionSize(column) >= tree.sizeHintForColumn(column)


def test_the_check_finds_a_label_too_narrow_for_its_text(qtbot: QtBot) -> None:
    window = QWidget()
    label = QLabel("Remind me every forty-five minutes", window)
    label.setFixedWidth(40)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isVisible)
    assert clipped_text(window) == ["Remind me every forty-five minutes"]


def test_the_comfort_check_in(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    _check(qtbot, app[0].check_ins.open())


def test_the_workstation_check(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    _check(qtbot, app[0].workstation.open())


def test_the_sit_stand_prompt(qtbot: QtBot) -> None:
    window = SwitchWindow(Posture.STANDING, switch_words(Posture.STANDING, SitStandSettings()))
    window.show()
    _check(qtbot, window)
