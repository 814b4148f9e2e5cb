"""Guards against a PySide6 build that corrupts the reference counts of None or bools.

PySide6 6.12.0 on Python 3.11 releases None once per void-method call; a
long-running tray app then crashes when None's count reaches zero.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot


def test_void_qt_calls_leave_none_and_bools_alone(qtbot: QtBot) -> None:
    action = QAction("probe")
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for i in range(500):
        action.setEnabled(i % 2 == 0)
        action.setText("probe")
        action.isEnabled()
    after = [sys.getrefcount(x) for x in (None, True, False)]
    # A leak would lose about 500 references; a few come and go with the interpreter.
    assert all(a - b > -50 for a, b in zip(after, before, strict=True)), (before, after)
