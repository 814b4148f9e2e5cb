"""Qt's own messages (warnings about fonts, platform plugins, D-Bus) go to the app's log.

Without this they reach only stderr, which a tray app started at login has
nowhere to show.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_messages() -> None:
    """Routes Qt's messages into the log, at the matching level."""
    qInstallMessageHandler(_handle)


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if log.isEnabledFor(level):  # cheap when the level is filtered out (Qt debug chatter)
        log.log(level, "%s", message)
