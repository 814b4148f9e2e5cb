"""The history window's "Time standing" section: the last seven days, one bar a day.

Shown while sit/stand is on, or when standing was logged in those days. The
bars are painted in the palette's highlight colour (as the break chart's
done bars), so light and dark themes both work; each bar has its figure
written under it, so nothing depends on colour or hovering.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from posturebreak.core.sit_stand import duration_text
from posturebreak.i18n import _, formats, ngettext
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.history_chart import weekday_date

DAYS_SHOWN = 7
_BAR_AREA = 60  # pixels for the tallest bar
# Lengths whose words are as wide as a bar's figure gets, and as narrow as it may be squeezed.
_LONGEST_SAID = timedelta(hours=23, minutes=58)
_SHORTEST_SAID = timedelta(hours=8, minutes=58)


class StandingBars(QWidget):
    """One bar per day, its length in words under it and the weekday under that."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[date, timedelta] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Time standing per day"))

    def set_days(self, days: dict[date, timedelta]) -> None:
        self.days = dict(sorted(days.items()))
        said = (
            # Translators: a day and how long the user stood on it: "Mon 23 Nov: 1 h 5 min".
            _("{day}: {duration}").format(day=weekday_date(day), duration=duration_text(length))
            for day, length in self.days.items()
        )
        self.setAccessibleDescription("; ".join(said))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        lines = 2 * self.fontMetrics().lineSpacing()
        widest = self.fontMetrics().horizontalAdvance(duration_text(_LONGEST_SAID)) + 8
        return QSize(widest * max(len(self.days), 1), _BAR_AREA + lines + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        narrowest = self.fontMetrics().horizontalAdvance(duration_text(_SHORTEST_SAID))
        return QSize(narrowest * DAYS_SHOWN, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        if not self.days:
            return
        painter = QPainter(self)
        palette = self.palette()
        line = self.fontMetrics().lineSpacing()
        longest = max(*self.days.values(), timedelta(minutes=1))
        width = self.width() // len(self.days)
        for index, (day, length) in enumerate(self.days.items()):
            left = index * width
            height = round(_BAR_AREA * (length / longest))
            bar = QRect(left + width // 4, 4 + _BAR_AREA - height, max(width // 2, 2), height)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            for row, text in enumerate((duration_text(length), formats().weekday(day.weekday()))):
                cell = QRect(left, 6 + _BAR_AREA + row * line, width, line)
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class StandingHistory(QWidget):
    """A title with this week's total and the bars; hidden while there is nothing to say."""

    def __init__(
        self,
        read_days: Callable[[int], dict[date, timedelta]],
        enabled: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        """``read_days(n)``: time standing on each of the last ``n`` days (may raise
        ActivityLogError); ``enabled``: whether sit/stand is on."""
        super().__init__(parent)
        self._read_days = read_days
        self._enabled = enabled
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.bars = StandingBars()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.bars)

    def refresh(self) -> None:
        try:
            days = self._read_days(DAYS_SHOWN)
        except ActivityLogError as error:
            self.title.setText(
                _("<b>Time standing</b>: not available ({error})").format(error=error)
            )
            self.bars.set_days({})
            return
        total = sum(days.values(), timedelta(0))
        self.setVisible(self._enabled() or total > timedelta(0))
        title = ngettext(
            "<b>Time standing</b> · {duration} in the last {count} day",
            "<b>Time standing</b> · {duration} in the last {count} days",
            DAYS_SHOWN,
        )
        self.title.setText(
            title.format(duration=duration_text(total), count=formats().integer(DAYS_SHOWN))
        )
        self.bars.set_days(days)
