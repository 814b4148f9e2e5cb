"""The programs Posture Break is measured against: the floor of its own stack.

``bare``: a PySide6 tray icon and nothing else. ``floor``: the same with a started
APScheduler ``QtScheduler`` and one job — the least any app on our stack can be.
Both draw their icon in code, so neither loads an image plugin.
Usage: python -m bench.reference_trays {bare,floor}
"""

from __future__ import annotations

import sys


def main() -> int:
    kind = sys.argv[1]
    from PySide6.QtGui import QColor, QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    app = QApplication([f"{kind}-tray"])
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("teal"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    if kind == "floor":
        from apscheduler.schedulers.qt import QtScheduler

        scheduler = QtScheduler()
        scheduler.add_job(print, "interval", minutes=45, args=("a reminder",))
        scheduler.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
