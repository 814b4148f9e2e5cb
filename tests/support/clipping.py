"""Finds text a window cuts off: labels and buttons smaller than their text needs."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def clipped_text(window: QWidget) -> list[str]:
    """The texts of visible labels and buttons that are narrower or shorter than they need."""
    clipped = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue  # a picture
        need = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            too_short = widget.heightForWidth(widget.width()) > widget.height()
            if too_short:
                clipped.append(widget.text())
            continue
        if widget.width() < need.width() or widget.height() < need.height():
            clipped.append(widget.text())
    return clipped
