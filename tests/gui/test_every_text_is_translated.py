"""No text reaches a window without passing through the translation.

The app runs in a made-up language that brackets every translated string, "⟦Settings…⟧";
any text a user can see or a screen reader can say without the brackets was never
translated, and would stay English in German or Spanish.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posturebreak import APP_NAME
from posturebreak.app import PostureBreakApp
from posturebreak.i18n import PlainFormats, use
from posturebreak.ui.language_choice import native_name
from tests.gui.conftest import FakeClock

_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: words, not "3 / 5" or "—"
_TAG = re.compile(r"<[^>]*>")
_OWN_NAMES = {native_name(code) for code in ("en", "de", "es")}


class Bracketing(gettext.NullTranslations):
    """A language in which every translated text is bracketed, ⟦like this⟧."""

    def gettext(self, message: str) -> str:
        return f"\u27e6{message}\u27e7"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


class BracketingFormats(PlainFormats):
    """Days, months and numbers as the locale writes them, bracketed: they need no
    translation, only to come from the locale."""

    def clock(self, at: datetime | time) -> str:
        return f"\u27e6{super().clock(at)}\u27e7"

    def weekday(self, number: int) -> str:
        return f"\u27e6{super().weekday(number)}\u27e7"

    def day_month(self, day: date) -> str:
        return f"\u27e6{super().day_month(day)}\u27e7"


@pytest.fixture
def bracketed() -> Iterator[None]:
    use(Bracketing(), BracketingFormats())
    yield
    use(gettext.NullTranslations(), PlainFormats())


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the widget shows or names itself by."""
    kind = type(widget).__name__
    if widget.isWindow():
        yield f"{kind} title", widget.windowTitle()
    for what, text in (("tooltip", widget.toolTip()), ("name", widget.accessibleName())):
        yield f"{kind} {what}", text
    yield f"{kind} description", widget.accessibleDescription()
    if isinstance(widget, QLabel) or (
        isinstance(widget, QAbstractButton) and not _standard_button(widget)
    ):
        yield kind, widget.text()
    if isinstance(widget, QGroupBox):
        yield kind, widget.title()
    if isinstance(widget, QLineEdit):
        yield f"{kind} placeholder", widget.placeholderText()
    if isinstance(widget, QTabWidget):
        yield from ((f"{kind} tab", widget.tabText(i)) for i in range(widget.count()))
    if isinstance(widget, QComboBox):
        yield from ((f"{kind} item", widget.itemText(i)) for i in range(widget.count()))
    if isinstance(widget, QMenu):
        yield from ((f"{kind} item", action.text()) for action in widget.actions())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            yield f"{kind} header", header if isinstance(header, str) else ""
            for row in range(min(model.rowCount(), 20)):
                value = model.data(model.index(row, column))
                yield f"{kind} cell", value if isinstance(value, str) else ""


def _standard_button(button: QAbstractButton) -> bool:
    """OK, Cancel and the like: Qt translates them itself (``qtbase_<language>.qm``)."""
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and box.standardButton(button) != (
        QDialogButtonBox.StandardButton.NoButton
    )


def untranslated(window: QWidget) -> list[str]:
    """The texts in ``window`` and its children that were not translated."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget.parent(), QTabBar):
            continue  # the tab bar's scroll arrows: Qt names them in its own translation
        for where, text in _texts(widget):
            words = _TAG.sub(" ", text).replace(APP_NAME, "")
            if words in _OWN_NAMES:  # a language is offered by its own name
                continue
            if _WORD.search(words) and "\u27e6" not in text:
                found.append(f"{where}: {text!r}")
    return sorted(set(found))


def _open(app: PostureBreakApp, name: str) -> QWidget:
    match name:
        case "settings":
            return app.show_settings()
        case "history":
            return app.show_history()
        case "log":
            return app.show_log_dialog()
        case "comfort":
            return app.check_ins.open()
        case "workstation":
            return app.workstation.open()
        case "tray menu":
            return app.tray.menu
    raise AssertionError(name)


@pytest.mark.parametrize(
    "name", ["settings", "history", "log", "comfort", "workstation", "tray menu"]
)
def test_every_text_in_a_window_is_translated(
    bracketed: None, app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot, name: str
) -> None:
    window = _open(app[0], name)
    if name != "tray menu":  # the app fixture deletes its menu itself
        qtbot.addWidget(window)
    assert untranslated(window) == []


def test_every_text_in_the_break_window_is_translated(
    bracketed: None, app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    app[0].flow.take_break_now()
    window = app[0].break_windows.current
    assert window is not None
    qtbot.addWidget(window)
    assert untranslated(window) == []
