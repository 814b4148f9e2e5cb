"""Every window, walked with the Tab key: each control is reached and has a name."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
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
