"""The window asking to switch between sitting and standing, with its illustration."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posturebreak.core.sit_stand import Posture, SwitchWords
from posturebreak.i18n import _
from posturebreak.resources import resources_dir

_ILLUSTRATION_SIZE = 140


def illustration_file(posture: Posture) -> str:
    """The illustration's file under the resources, e.g. illustrations/sit-stand-stand.svg."""
    return f"illustrations/sit-stand-{'stand' if posture is Posture.STANDING else 'sit'}.svg"


class SwitchWindow(QWidget):
    """ "Time to stand up", the illustration, and the answers; it never takes the keyboard
    from what the user is typing. Enter = switched, Esc = not now."""

    taken = Signal(object)  # Posture: the user switched

    def __init__(self, posture: Posture, words: SwitchWords, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.posture = posture
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(words.title)
        self.setAccessibleName(words.title)

        heading = QLabel(f"<b>{words.title}</b>")
        heading.setStyleSheet("font-size: 15pt;")
        message = QLabel(words.message)
        message.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(message)
        text.addStretch()
        body = QHBoxLayout()
        picture = resources_dir() / illustration_file(posture)
        if picture.is_file():  # drawn separately; the words alone do when it is missing
            from PySide6.QtSvgWidgets import QSvgWidget

            svg = QSvgWidget(str(picture))
            svg.setFixedSize(_ILLUSTRATION_SIZE, _ILLUSTRATION_SIZE)
            svg.setAccessibleName(_("Illustration: {name}").format(name=words.answer))
            body.addWidget(svg, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(text, 1)

        self.done_button = QPushButton(words.answer)
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self._switched)
        self.later_button = QPushButton(_("Not now"))
        self.later_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, self._switched)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self, self._switched)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.setMinimumWidth(380)

    def _switched(self) -> None:
        self.taken.emit(self.posture)
        self.close()
