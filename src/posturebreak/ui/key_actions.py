"""Keys that act on the widget they are pressed in, such as Delete in a list.

An item view or a time field passes Enter on to the dialog around it, where it
presses OK: in a list of reminders or beside an "Add time" button that would
close the dialog instead of doing what the user meant. A key given here runs its
action and goes no further.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyActions(QObject):
    """Runs ``actions[key]`` when ``key`` is pressed in ``widget``."""

    def __init__(self, widget: QWidget, actions: Mapping[Qt.Key, Callable[[], None]]) -> None:
        super().__init__(widget)
        self._actions = dict(actions)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)
