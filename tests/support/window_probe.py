"""Opens every window of the real app on the current screen and reports how it fits.

Usage: ``python -m tests.support.window_probe PROFILE_DIR [SHOTS_DIR] [--dark] [--language CODE]``.
Prints one JSON object: for each window its frame and the buttons that must be
reachable, both in global coordinates, and the screen's available area. With
SHOTS_DIR, saves a PNG of each window there. A test runs it under
``QT_SCALE_FACTOR=2`` on a 1280x800 screen; people run it to look at the windows.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import SystemClock, TimeScale
from posturebreak.i18n.qt_locale import speak_users_language
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors
from posturebreak.services.activity_store import DATABASE_NAME
from posturebreak.ui.style import use_plain_buttons
from tests.support.activity import seed_activity


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#2f2f2f"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def rect(widget: QWidget, area: QRect | None = None) -> list[int]:
    area = area or widget.rect()
    top_left = widget.mapToGlobal(area.topLeft())
    return [top_left.x(), top_left.y(), area.width(), area.height()]


def main() -> int:
    profile = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("-") else None
    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationDisplayName("Posture Break")
    qt_app.setStyle("Fusion")
    use_plain_buttons(qt_app)  # as run_gui does
    if "--dark" in sys.argv:
        qt_app.setPalette(dark_palette())
    if "--language" in sys.argv:  # as run_gui does with the language setting
        speak_users_language(sys.argv[sys.argv.index("--language") + 1], qt_app)
    seed_activity(AppPaths.under(profile).data_dir / DATABASE_NAME, 90, datetime.now(UTC))
    app = PostureBreakApp(
        AppPaths.under(profile), SystemClock(), TimeScale(), detectors=DesktopDetectors()
    )
    app.start()
    app.flow.take_break_now()
    windows: dict[str, QWidget | None] = {
        "settings": app.show_settings(),
        "history": app.show_history(),
        "log": app.show_log_dialog(),
        "break": app.break_windows.current,
        "about": app.windows.show_about(app.timing.detection()),
    }
    report: dict[str, object] = {}
    for name, window in windows.items():
        assert window is not None
        window.raise_()
        for _ in range(5):
            qt_app.processEvents()
        buttons = {b.text(): rect(b) for b in window.findChildren(QAbstractButton) if b.isVisible()}
        report[name] = {
            "frame": [*window.frameGeometry().getRect()],
            "buttons": buttons,
            "screen": [*window.screen().availableGeometry().getRect()],
        }
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(shots / f"{name}.png"))
    print(json.dumps(report))
    app.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
