"""The Qt application and the tray icon, made before the rest of the app loads.

The tray icon is how a user sees the app start, and it needs nothing but Qt and
an image: so a plain start shows it as soon as Qt is up, and it takes its place
in the panel about as fast as a bare Qt tray's. Settings, log, scheduler and
menu load behind it, before Qt handles its first event (no click can reach a
half-built menu); :class:`~posturebreak.ui.tray.TrayIcon` then takes the icon
over with the user's icon theme.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from posturebreak.ui.pyside_feature_check import check_imports_lightly

check_imports_lightly()  # before the app's other modules load

from posturebreak import APP_ID, APP_NAME, __version__  # noqa: E402
from posturebreak.ui.icons import app_icon  # noqa: E402
from posturebreak.ui.qt_log import log_qt_messages  # noqa: E402


def qt_application() -> QApplication:
    """The app's QApplication, made and named on the first call."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    log_qt_messages()
    qt_app = QApplication([sys.argv[0]])
    qt_app.setApplicationName(APP_ID)
    qt_app.setApplicationDisplayName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName(APP_ID)
    qt_app.setQuitOnLastWindowClosed(False)
    return qt_app


def tray_icon_shown() -> QSystemTrayIcon:
    """A tray icon, shown now, for :class:`~posturebreak.ui.tray.TrayIcon` to take over."""
    qt_application()
    tray = QSystemTrayIcon(app_icon())
    tray.show()
    return tray
