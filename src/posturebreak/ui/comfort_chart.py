"""Comfort against breaks done, per day, for the history window; and comfort per stool
setting while the foot-stool trial runs.

The chart paints breaks done as muted bars (left axis) and the day's comfort
answer as points joined by a line in the highlight colour (right axis, 0 to
10), so the two can be read together without suggesting that one causes the
other. Colours come from :func:`~posturebreak.ui.history_chart.bar_colors`,
which keeps them visible on light and dark windows alike.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from posturebreak.core.comfort import HIGHEST, ComfortAverage, ComfortDay
from posturebreak.core.stool_trial import SettingComfort, per_setting_text
from posturebreak.i18n import _, formats, ngettext
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.history_chart import axis_day, bar_colors, legend_width, weekday_date

_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 34, 26, 22


class ComfortSource(Protocol):
    """Where the panel's figures come from; each call may raise ActivityLogError."""

    def days(self, count: int) -> list[ComfortDay]: ...
    def average(self, count: int) -> ComfortAverage: ...
    def per_setting(self) -> list[SettingComfort] | None: ...


def comfort_day_text(day: ComfortDay) -> str:
    """One day in words, for the tooltip."""
    if day.comfort is None:
        text = ngettext(
            "{day}: no check-in, {done} break done",
            "{day}: no check-in, {done} breaks done",
            day.done,
        )
    else:
        text = ngettext(
            "{day}: comfort {comfort}, {done} break done",
            "{day}: comfort {comfort}, {done} breaks done",
            day.done,
        )
    return text.format(
        day=weekday_date(day.day),
        comfort=formats().integer(day.comfort or 0),
        done=formats().integer(day.done),
    )


class ComfortChart(QWidget):
    """Breaks done (bars) and comfort (points and line) per day; hover for a day's figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[ComfortDay] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Comfort and breaks done per day"))

    def set_days(self, days: list[ComfortDay]) -> None:
        self.days = list(days)
        answered = sum(day.comfort is not None for day in days)
        self.setAccessibleDescription(
            ngettext(
                "{count} day, {answered} with a comfort check-in, {done} breaks done.",
                "{count} days, {answered} with a comfort check-in, {done} breaks done.",
                len(days),
            ).format(
                count=formats().integer(len(days)),
                answered=formats().integer(answered),
                done=formats().integer(sum(day.done for day in days)),
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802  # Qt's name
        return QSize(560, 180)

    def minimumSizeHint(self) -> QSize:  # noqa: N802  # Qt's name
        return QSize(legend_width(self, self.legend()), self.minimumHeight())

    @staticmethod
    def legend() -> tuple[str, str]:
        """The legend's labels: breaks done, and comfort."""
        highest = formats().integer(HIGHEST)
        return _("Breaks done"), _("Comfort (0 to {highest})").format(highest=highest)

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(_LEFT, _TOP, -_RIGHT, -_BOTTOM)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            area = self._area()
            if self.days and area.contains(QPointF(event.pos())):
                index = int((event.pos().x() - area.left()) * len(self.days) / area.width())
                day = self.days[min(index, len(self.days) - 1)]
                QToolTip.showText(event.globalPos(), comfort_day_text(day), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  # Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        comfort_color, breaks_color = bar_colors(self.palette())
        area = self._area()
        most = max((day.done for day in self.days), default=0) or 1
        self._paint_legend(painter, breaks_color, comfort_color, text)
        grid = QColor(text)
        grid.setAlphaF(0.15)
        for comfort in (0, HIGHEST // 2, HIGHEST):
            y = area.bottom() - area.height() * comfort / HIGHEST
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            right = QRectF(area.right() + 6, y - 8, _RIGHT - 6, 16)
            painter.drawText(right, Qt.AlignmentFlag.AlignVCenter, formats().integer(comfort))
        for value, y in ((0, area.bottom()), (most, area.top())):
            left = QRectF(0, y - 8, _LEFT - 6, 16)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(left, align, formats().integer(value))
        if not self.days:
            return
        slot = area.width() / len(self.days)
        points: list[QPointF | None] = []
        for index, day in enumerate(self.days):
            x = area.left() + slot * index
            height = area.height() * day.done / most
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(breaks_color)
            painter.drawRect(QRectF(x + slot * 0.3, area.bottom() - height, slot * 0.4, height))
            comfort_y = None if day.comfort is None else area.height() * day.comfort / HIGHEST
            points.append(
                None if comfort_y is None else QPointF(x + slot / 2, area.bottom() - comfort_y)
            )
            if self._labelled(index):
                painter.setPen(text)
                label = axis_day(day.day, weekday=len(self.days) <= 7)
                box = QRectF(
                    min(max(x + slot / 2 - 40, 0), self.width() - 80),
                    area.bottom() + 3,
                    80,
                    _BOTTOM - 3,
                )
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label
                )
        self._paint_comfort(painter, points, comfort_color)

    def _labelled(self, index: int) -> bool:
        """Every day of a week; otherwise the first, middle and last day."""
        last = len(self.days) - 1
        return len(self.days) <= 7 or index in (0, last // 2, last)

    @staticmethod
    def _paint_comfort(painter: QPainter, points: list[QPointF | None], color: QColor) -> None:
        """Answered days as dots; consecutive ones joined by a line."""
        painter.setPen(QPen(color, 2.5))
        for first, second in pairwise(points):
            if first is not None and second is not None:
                painter.drawLine(first, second)
        painter.setBrush(color)
        for point in points:
            if point is not None:
                painter.drawEllipse(point, 4.5, 4.5)

    def _paint_legend(
        self, painter: QPainter, breaks: QColor, comfort: QColor, text: QColor
    ) -> None:
        x = float(_LEFT)
        metrics = painter.fontMetrics()
        for color, label, is_line in zip(
            (breaks, comfort), self.legend(), (False, True), strict=True
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRect(QRectF(x, 10 if is_line else 6, 12, 4 if is_line else 12))
            painter.setPen(text)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(x + 18, 0, width + 4, 24), Qt.AlignmentFlag.AlignVCenter, label)
            x += 18 + width + 20


class ComfortPanel(QWidget):
    """The history window's comfort section: the average, the chart, and comfort per stool
    setting while the trial runs."""

    def __init__(self, source: ComfortSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = _("Comfort and breaks per day")
        self.title = QLabel(f"<b>{title}</b>")
        self.average_label = QLabel()
        self.average_label.setWordWrap(True)
        self.chart = ComfortChart()
        self.stool_label = QLabel()
        self.stool_label.setWordWrap(True)
        for widget in (self.title, self.average_label, self.chart, self.stool_label):
            layout.addWidget(widget)

    def refresh(self, days: int) -> None:
        """Reads the last ``days`` days afresh; a log that cannot be read says so here."""
        try:
            chart_days, average = self._source.days(days), self._source.average(days)
            settings = self._source.per_setting()
        except ActivityLogError as error:
            self.average_label.setText(str(error))
            return
        # Translators: {average} is "Comfort: 6.4 average over 12 days"; {menu_item} is
        # the tray menu's "How is your back?…".
        in_days = ngettext(
            "{average} in the last {count} day. Answer from the tray: {menu_item}",
            "{average} in the last {count} days. Answer from the tray: {menu_item}",
            days,
        )
        self.average_label.setText(
            in_days.format(
                average=average.text,
                count=formats().integer(days),
                menu_item=_("How is your back?…"),
            )
        )
        self.chart.set_days(chart_days)
        self.stool_label.setVisible(settings is not None)
        if settings is not None:
            self.stool_label.setText(per_setting_text(settings))
