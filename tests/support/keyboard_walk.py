"""Walks a window's tab order with real key presses, as a keyboard user would.

Tab moves on until focus comes back to where it started; on a tab widget each
page is walked in turn after Ctrl+Tab brings it forward. What the walk reaches
is compared with every control a user could operate, and each control must
have a name a screen reader can say: its own accessible name, its text, or the
label that names it (a buddy).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

CONTROLS = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
)
MAX_STEPS = 400


def operable_controls(window: QWidget) -> list[QWidget]:
    """Controls on screen now that a user could operate and Tab should reach."""
    found = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    ]
    return [widget for widget in found if not _inside_another_control(widget)]


def _inside_another_control(widget: QWidget) -> bool:
    """A spin box's line edit or a combo box's list is part of its owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def walk_tab_order(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    """Presses Tab from the window's first focus until focus returns; what it reached."""
    window.activateWindow()
    # Focus inside this window: a window an earlier test closed may still hold it.
    qtbot.waitUntil(lambda: _focus_window() is window)
    start = QApplication.focusWidget()
    reached: list[QWidget] = []
    for _ in range(MAX_STEPS):
        current = QApplication.focusWidget()
        assert current is not None
        reached.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return reached
    raise AssertionError(f"Tab never came back to {start!r} in {MAX_STEPS} presses")


def _focus_window() -> QWidget | None:
    focus = QApplication.focusWidget()
    return None if focus is None else focus.window()


def name_of(widget: QWidget) -> str:
    """What a screen reader says for ``widget``."""
    if widget.accessibleName():
        return widget.accessibleName()
    text = getattr(widget, "text", None)
    if isinstance(widget, QAbstractButton) and callable(text) and str(text()).strip("& "):
        return str(text())
    if isinstance(widget, QTabBar):
        return "tabs"
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text()
    parent = widget.parentWidget()
    if isinstance(parent, QGroupBox) and parent.title():
        return parent.title()
    return ""


def check_keyboard_and_names(qtbot: QtBot, window: QWidget) -> int:
    """Walks every page of ``window``: each operable control is reached by Tab and has a
    name. Returns how many controls were checked."""
    tabs = [tab for tab in window.findChildren(QTabWidget) if tab.isVisible()]
    pages = range(tabs[0].count()) if tabs else range(1)
    checked = 0
    for page in pages:
        if tabs:
            tabs[0].setCurrentIndex(page)
            tabs[0].tabBar().setFocus()
        reached = set(walk_tab_order(qtbot, window))
        controls = operable_controls(window)
        missed = [widget for widget in controls if widget not in reached]
        assert not missed, f"Tab never reaches {[name_of(w) or repr(w) for w in missed]}"
        unnamed = [widget for widget in controls if not name_of(widget)]
        assert not unnamed, f"controls without a name: {unnamed}"
        checked += len(controls)
    return checked
