"""Windows that fit the screen: scrolling content and a size within the available area.

At 2x scale a 1280x800 screen offers 640x400 logical pixels, less than the
settings and history windows need. Their content scrolls instead, and the
window never grows past the screen, so OK, Close and the other buttons,
which stay outside the scrolling part, are always on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls only when the window is too small."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    # Ask for the content's full size, so the window opens showing it all where it fits.
    area.setMinimumHeight(min(content.sizeHint().height(), 120))
    return area


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Sizes ``window`` to ``preferred``, or smaller to stay within its screen's free area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar and borders
    window.resize(
        max(1, min(preferred.width(), room.width() - frame.width())),
        max(1, min(preferred.height(), room.height() - frame.height())),
    )
