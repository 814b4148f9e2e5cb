"""Fallback notifiers that need no notification server: the tray's balloon, then a window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from posturebreak import APP_NAME
from posturebreak.services.notify import Notification, NotificationError

if TYPE_CHECKING:  # PySide makes a class's types and enums on first use: at the first window
    from PySide6.QtWidgets import QMessageBox

_BALLOON_MS = 15_000


class TrayMessageNotifier:
    """The tray icon's own message balloon (or the desktop's, where Qt routes it there)."""

    name = "tray message"

    def __init__(self, tray: QSystemTrayIcon) -> None:
        self._tray = tray

    def show(self, notification: Notification) -> None:
        if not (QSystemTrayIcon.isSystemTrayAvailable() and self._tray.isVisible()):
            raise NotificationError("no system tray to show a message in")
        self._tray.showMessage(
            notification.title, notification.message, self._tray.icon(), _BALLOON_MS
        )


class WindowNotifier:
    """A small always-on-top window: the last resort when there is no tray either."""

    name = "reminder window"

    def __init__(self) -> None:
        self._box: QMessageBox | None = None

    def show(self, notification: Notification) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self._box is None:
            self._box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, "")
            self._box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
            self._box.setModal(False)
        self._box.setText(notification.title)
        self._box.setInformativeText(notification.message)
        self._box.show()
        self._box.raise_()
