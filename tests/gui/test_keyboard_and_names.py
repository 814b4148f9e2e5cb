"""Every window, walked with the Tab key: each control is reached and has a name."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.sit_stand import Posture, SitStandSettings, switch_words
from posturebreak.ui.sit_stand_window import SwitchWindow
from tests.gui.conftest import FakeClock
from tests.gui.test_break_popup import popup_for
from tests.support.keyboard_walk import check_keyboard_and_names


def _shown(qtbot: QtBot, window: QObject) -> None:
    qtbot.addWidget(window)  # type: ignore[arg-type]
    qtbot.waitUntil(window.isVisible)  # type: ignore[attr-defined]


def test_the_settings_dialog(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    dialog = app[0].show_settings()
    _shown(qtbot, dialog)
    assert check_keyboard_and_names(qtbot, dialog) >= 20


def test_the_history_window(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    window = app[0].show_history()
    _shown(qtbot, window)
    assert check_keyboard_and_names(qtbot, window) >= 3


def test_the_log_dialog(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    dialog = app[0].show_log_dialog()
    _shown(qtbot, dialog)
    assert check_keyboard_and_names(qtbot, dialog) >= 2


def test_the_break_window(qtbot: QtBot) -> None:
    popup = popup_for(qtbot, FakeClock())
    popup.activateWindow()
    assert check_keyboard_and_names(qtbot, popup) >= 3


def test_the_comfort_check_in(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    dialog = app[0].check_ins.open()
    _shown(qtbot, dialog)
    assert check_keyboard_and_names(qtbot, dialog) >= 3


def test_the_workstation_check(app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot) -> None:
    dialog = app[0].workstation.open()
    _shown(qtbot, dialog)
    assert check_keyboard_and_names(qtbot, dialog) >= 5


def test_the_sit_stand_prompt(qtbot: QtBot) -> None:
    window = SwitchWindow(Posture.STANDING, switch_words(Posture.STANDING, SitStandSettings()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isVisible)
    assert check_keyboard_and_names(qtbot, window) >= 2
