"""Small informational windows opened from the tray menu, such as About."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from posturebreak import APP_NAME, __version__
from posturebreak.i18n import _

if TYPE_CHECKING:  # PySide makes a class's types and enums on first use: at the first window
    from PySide6.QtWidgets import QMessageBox


def bring_forward(window: QWidget) -> None:
    """Shows a window, or raises and activates it if it is already open."""
    window.show()
    window.raise_()
    window.activateWindow()


class InfoWindows:
    """Keeps one non-modal window per topic and brings it forward when asked again."""

    def __init__(self, icon: QIcon) -> None:
        self._icon = icon
        self._open: dict[str, QMessageBox] = {}

    def _show(self, topic: str, title: str, text: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = self._open.get(topic)
        if box is None:
            box = QMessageBox(QMessageBox.Icon.NoIcon, title, "")
            box.setIconPixmap(self._icon.pixmap(64, 64))
            box.setWindowIcon(self._icon)
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setModal(False)
            self._open[topic] = box
        box.setText(text)
        bring_forward(box)
        return box

    def show_about(self, detection: Mapping[str, str]) -> QMessageBox:
        """About the app, with what it can tell on this desktop (``detection``: what
        each way of telling does here, e.g. "Lock detection" → "on")."""
        lines = "".join(
            "<br>"
            # Translators: one line of the About window's "On this desktop" list.
            + html.escape(_("{name}: {state}").format(name=name, state=state))
            for name, state in detection.items()
        )
        paragraphs = (
            _(
                "Reminds you to stretch, sit evenly and move your feet, "
                "so your lower back gets the breaks it needs."
            ),
            _("Not medical advice: stop any exercise that hurts."),
        )
        heading = html.escape(_("On this desktop"))
        return self._show(
            "about",
            _("About"),  # Qt adds " — Posture Break"
            f"<h3>{APP_NAME} {__version__}</h3>"
            + "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
            + f"<p><b>{heading}</b>{lines}</p>",
        )
