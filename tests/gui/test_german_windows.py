"""The tray, the break window, the check-ins, the workstation check and the sit/stand
prompt in German: their own words are German, values are filled in, every button in a
window has its own keyboard letter, and no text is cut off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.comfort import CheckIn
from posturebreak.core.sit_stand import Posture, SitStandSettings, switch_words
from posturebreak.first_run import no_tray_notice_text
from posturebreak.ui.comfort_check_in import ComfortCheckInDialog
from posturebreak.ui.sit_stand_window import SwitchWindow
from posturebreak.ui.tray import PauseLength
from tests.gui.conftest import FakeClock, RecordingNotifier
from tests.support.clipping import clipped_text
from tests.support.language import speaking

App = tuple[PostureBreakApp, FakeClock]


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    """German before the app builds its windows (autouse: before the ``app`` fixture)."""
    with speaking("de"):
        yield


def shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_fits(window: QWidget) -> None:
    """No label or button cut off, and the window within the screen's free area."""
    assert clipped_text(window) == []
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()


def mnemonics(window: QWidget) -> list[str]:
    """The & letters of the window's visible buttons, lower case."""
    letters = []
    for button in window.findChildren(QAbstractButton):
        match = re.search(r"&([^&])", button.text())
        if button.isVisible() and match:
            letters.append(match.group(1).lower())
    return letters


def test_the_tray_menu_is_german(app: App) -> None:
    tray = app[0].tray
    assert tray.take_break_menu.title() == "Jetzt Pause machen"
    assert tray.pause_menu.title() == "Erinnerungen pausieren"
    assert tray.pause_actions[PauseLength.HOUR].text() == "1 Stunde"
    assert tray.about_action.text() == "Über Posture Break"
    assert tray.settings_action.text() == "Einstellungen…"


def test_the_break_window_speaks_german_and_its_buttons_fit(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    posture_app.flow.remind([("stretch", clock.moment)])
    popup = posture_app.break_windows.current
    assert popup is not None
    qtbot.addWidget(popup)
    qtbot.waitExposed(popup)
    assert popup.done_button.text() == "&Erledigt"
    assert popup.snooze_button.text() == "5 Min. &später"
    assert popup.skip_button.text() == "Übe&rspringen"
    assert popup.progress.accessibleName() == "Verbleibende Zeit der Pause"
    letters = mnemonics(popup)
    assert len(letters) == 3 and len(set(letters)) == 3
    assert_fits(popup)


def test_the_comfort_check_in_is_german_with_the_time_filled_in(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    earlier = CheckIn(clock.moment.date(), 6, datetime(2037, 3, 2, 8, 5), "lange Besprechung")
    dialog = ComfortCheckInDialog(QIcon(), earlier=earlier, stool_settings=("niedrig", "hoch"))
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "Wohlbefinden eintragen"
    assert dialog.value_label.text() == "Deine Antwort: 6 von 10"
    assert dialog.earlier_label.text().startswith("Du hast heute schon geantwortet (6 um 08:05).")
    assert_fits(dialog)
    dialog.show_error("Das Aktivitätsprotokoll lässt sich nicht schreiben: Datenträger voll.")
    qtbot.waitUntil(lambda: clipped_text(dialog) == [])  # it grows to fit the message
    assert_fits(dialog)
    posture_app.check_ins.close()


def test_the_workstation_check_is_german_and_its_keys_do_not_clash(app: App, qtbot: QtBot) -> None:
    dialog = app[0].workstation.open()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Arbeitsplatz-Check"
    assert dialog.progress.text() == f"1 von {len(dialog.item_pages)}"
    assert dialog.next_button.text() == "&Weiter"
    letters = mnemonics(dialog)
    assert len(letters) == 6 and len(set(letters)) == 6  # three answers, Back, Next, Finish
    assert_fits(dialog)
    dialog.go_to(len(dialog.item_pages) - 1)
    assert dialog.progress.text() == f"{len(dialog.item_pages)} von {len(dialog.item_pages)}"
    assert_fits(dialog)
    dialog.close()


def test_the_sit_stand_window_and_notification_are_german(app: App, qtbot: QtBot) -> None:
    posture_app, _ = app
    words = switch_words(Posture.STANDING, SitStandSettings(enabled=True))
    window = shown(qtbot, SwitchWindow(Posture.STANDING, words))
    assert isinstance(window, SwitchWindow)
    assert window.later_button.text() == "Nicht jetzt"
    assert_fits(window)
    posture_app.switch_prompter.ask(Posture.STANDING)  # the notification style, by default
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    message = notifier.shown[-1].message
    assert message.startswith(words.message)
    assert f"Wähle danach im Menü des Infobereichs „{words.answer}“." in message
    assert "{" not in message


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("de", "Posture Break läuft ohne Symbol im Infobereich"),
        ("es", "Posture Break se está ejecutando sin icono en la bandeja del sistema"),
    ],
)
def test_the_no_tray_notice_is_translated_with_the_commands_as_typed(
    language: str, title: str
) -> None:
    with speaking(language):
        notice = no_tray_notice_text()
    assert notice.title == title
    assert "\nposture-break --help\n" in notice.message
    assert notice.message.endswith("\nposture-break install-desktop-entry")
    assert "Posture Break" in notice.message and "{" not in notice.message
