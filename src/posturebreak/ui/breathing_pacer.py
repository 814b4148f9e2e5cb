"""A breathing pacer: a circle that grows as you breathe in and shrinks as you breathe out.

The pattern's arithmetic lives in :mod:`posturebreak.core.breathing`; this
widget only asks it where the breath stands and paints that, a count in the
circle and the step's words below it. It animates at a modest frame rate and
only while it is visible, so an idle app gets no wake-ups from it. Its colours
come from the palette, so it reads in light and dark themes alike. A screen
reader hears the step once when it begins ("Breathe in for 4 seconds"), not
every frame or every second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from posturebreak.core.breathing import Breath, BreathingPattern, phase_at
from posturebreak.i18n import _

FRAME_MS = 40  # 25 frames a second: smooth for a slow circle, light on the CPU
_DIAMETER = 132  # the full circle, in device-independent pixels
_SMALLEST = 0.3  # the empty-lungs circle, as a share of the full one: the count still fits
_GAP = 8
_EDGE = 2  # room for the guide ring's pen, which would be cut off at the widget's edge


class BreathingPacer(QWidget):
    """Paints ``pattern`` at the moment ``elapsed()`` (seconds since the break began) says."""

    step_started = Signal(str)  # the new step's announcement, e.g. "Hold for 4 seconds"

    def __init__(
        self,
        pattern: BreathingPattern,
        elapsed: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pattern = pattern
        self._elapsed = elapsed
        self.state = phase_at(pattern, elapsed())
        self.frame_timer = QTimer(self)
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self.advance)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Breathing pacer, {pattern}").format(pattern=_(pattern.name)))
        self.setAccessibleDescription(self.state.announcement)

    @property
    def phase_text(self) -> str:
        """The words under the circle: "Breathe in", "Hold" or "Breathe out"."""
        return _(self.state.breath.value)

    def advance(self) -> None:
        """Moves the circle to the current moment; announces a step as it begins."""
        before = self.state
        self.state = phase_at(self.pattern, self._elapsed())
        if (self.state.cycle, self.state.step) != (before.cycle, before.step):
            self._announce(self.state.announcement)
        self.update()

    def _announce(self, words: str) -> None:
        """Tells a screen reader, politely (after what it is saying), that a step began."""
        self.setAccessibleDescription(words)
        announcement = QAccessibleAnnouncementEvent(self, words)
        announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(announcement)
        self.step_started.emit(words)

    def circle_rect(self) -> QRectF:
        """Where the circle is painted now, in the widget's coordinates."""
        full = self._full_circle()
        diameter = full.width() * (_SMALLEST + (1 - _SMALLEST) * self.state.size)
        rect = QRectF(0, 0, diameter, diameter)
        rect.moveCenter(full.center())
        return rect

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        words = QFontMetrics(self.words_font())
        widest = max(words.horizontalAdvance(_(breath.value)) for breath in Breath)
        return QSize(
            max(_DIAMETER + 2 * _EDGE, widest + 2 * _GAP), _EDGE + _DIAMETER + _GAP + words.height()
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        return self.sizeHint()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        self.advance()
        self.frame_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802  (Qt's name)
        self.frame_timer.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        accent = palette.highlight().color()

        guide = QColor(text_colour)
        guide.setAlphaF(0.25)
        painter.setPen(QPen(guide, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self._full_circle())

        fill = QColor(accent)
        fill.setAlphaF(0.45)
        painter.setPen(QPen(accent, 2))
        painter.setBrush(fill)
        circle = self.circle_rect()
        painter.drawEllipse(circle)

        painter.setPen(text_colour)
        painter.setFont(self._count_font())
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(self.state.count))
        painter.setFont(self.words_font())
        below = QRectF(0, self._full_circle().bottom() + _GAP, self.width(), self.height())
        painter.drawText(
            below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.phase_text
        )
        painter.end()

    def _full_circle(self) -> QRectF:
        return QRectF((self.width() - _DIAMETER) / 2, _EDGE, _DIAMETER, _DIAMETER)

    def words_font(self) -> QFont:
        """The font of the step's words under the circle."""
        return self._scaled_font(1.3, bold=True)

    def _count_font(self) -> QFont:
        return self._scaled_font(1.5, bold=False)

    def _scaled_font(self, factor: float, *, bold: bool) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:  # a font set in pixels has no point size
            font.setPixelSize(round(font.pixelSize() * factor))
        font.setBold(bold)
        return font
