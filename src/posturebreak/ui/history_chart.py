"""A bar chart of breaks per day, painted with QPainter.

Each day is one bar: done breaks at the bottom in the palette's highlight
colour, reminders that passed without one (skipped, ignored, missed) stacked
above in a muted colour; both keep a 3:1 contrast with the window, light or
dark. Painting it ourselves keeps the app free of PySide6-Addons (QtCharts),
which would add far more to the install than this one chart is worth; it
follows the system palette, so dark themes work.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from posturebreak.core.statistics import DayBar
from posturebreak.i18n import _, formats, ngettext, pgettext

_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 34, 10, 26, 22


def weekday_date(day: date, *, year: bool = False) -> str:
    """ "Mon 23 Nov" (with ``year``, "Mon 23 Nov 2026"): a day the history names."""
    shown = formats().day_month_year(day) if year else formats().day_month(day)
    # Translators: a short weekday name and a date, as in "Mon 23 Nov"; a comma may follow
    # {weekday} if your language writes one ("Mo., 23. Nov.").
    return _("{weekday} {date}").format(weekday=formats().weekday(day.weekday()), date=shown)


def day_text(bar: DayBar) -> str:
    """One day in words, for the tooltip and for screen readers."""
    return _("{day}: {done} done, {not_done} skipped, ignored or missed").format(
        day=weekday_date(bar.day),
        done=formats().integer(bar.done),
        not_done=formats().integer(bar.not_done),
    )


# WCAG 2.1's least contrast for graphical objects against what surrounds them.
MIN_CONTRAST = 3.0


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def bar_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """Done and not-done colours that stand out from the window in light and dark themes:
    the highlight colour, and the text colour halfway to the background."""
    background = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    done = QColor(palette.color(QPalette.ColorRole.Highlight))
    not_done = QColor(
        (text.red() + background.red()) // 2,
        (text.green() + background.green()) // 2,
        (text.blue() + background.blue()) // 2,
    )
    return _standing_out(done, background), _standing_out(not_done, background)


def _standing_out(color: QColor, background: QColor) -> QColor:
    """``color``, made lighter or darker (away from the background) until it contrasts."""
    darker = background.lightnessF() > 0.5
    for _step in range(20):
        if contrast(color, background) >= MIN_CONTRAST:
            break
        color = color.darker(115) if darker else color.lighter(115)
    return color


def _tick_step(highest: int) -> int:
    """A round step giving at most about four grid lines."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if highest / step <= 4:
            return step
    return 1000


class DayChart(QWidget):
    """Done against not-done per day; hover a bar for its numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[DayBar] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Breaks per day"))

    @property
    def bars(self) -> list[DayBar]:
        return list(self._bars)

    def set_bars(self, bars: list[DayBar]) -> None:
        self._bars = list(bars)
        done = sum(bar.done for bar in bars)
        not_done = sum(bar.not_done for bar in bars)
        self.setAccessibleDescription(
            ngettext(
                "{count} day: {done} breaks done, {not_done} skipped, ignored or missed.",
                "{count} days: {done} breaks done, {not_done} skipped, ignored or missed.",
                len(bars),
            ).format(
                count=formats().integer(len(bars)),
                done=formats().integer(done),
                not_done=formats().integer(not_done),
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802  # Qt's name
        return QSize(560, 220)

    def minimumSizeHint(self) -> QSize:  # noqa: N802  # Qt's name
        return QSize(legend_width(self, self.legend()), self.minimumHeight())

    def _plot_area(self) -> QRect:
        return self.rect().adjusted(_MARGIN_LEFT, _MARGIN_TOP, -_MARGIN_RIGHT, -_MARGIN_BOTTOM)

    def _bar_at(self, point: QPoint) -> DayBar | None:
        area = self._plot_area()
        if not self._bars or not area.contains(point):
            return None
        index = int((point.x() - area.left()) * len(self._bars) / max(area.width(), 1))
        return self._bars[min(index, len(self._bars) - 1)]

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QHelpEvent.Type.ToolTip:
            bar = self._bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), day_text(bar), self)
            return True
        return super().event(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  # Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        done_color, not_done_color = bar_colors(palette)
        area = self._plot_area()
        highest = max((bar.done + bar.not_done for bar in self._bars), default=0)
        step = _tick_step(highest)
        top = max(step, -(-highest // step) * step)  # round up to a whole step

        self._paint_legend(painter, done_color, not_done_color, text_color)
        grid = QColor(text_color)
        grid.setAlphaF(0.15)
        for value in range(0, top + 1, step):
            y = area.bottom() - area.height() * value / top
            painter.setPen(grid)
            painter.drawLine(area.left(), round(y), area.right(), round(y))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, y - 8, _MARGIN_LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                formats().integer(value),
            )
        if not self._bars:
            return
        slot = area.width() / len(self._bars)
        width = max(1.0, slot * 0.7)
        label_every = 1 if len(self._bars) <= 7 else (5 if len(self._bars) <= 31 else 14)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, bar in enumerate(self._bars):
            x = area.left() + slot * index + (slot - width) / 2
            done_height = area.height() * bar.done / top
            not_done_height = area.height() * bar.not_done / top
            painter.setBrush(done_color)
            painter.drawRect(QRectF(x, area.bottom() - done_height, width, done_height))
            painter.setBrush(not_done_color)
            painter.drawRect(
                QRectF(x, area.bottom() - done_height - not_done_height, width, not_done_height)
            )
            from_end = len(self._bars) - 1 - index
            if from_end % label_every == 0:
                painter.setPen(text_color)
                label = axis_day(bar.day, weekday=label_every == 1)
                # Centred under its bar, but never cut off at the edges.
                left = min(max(x + width / 2 - 40, 0), self.width() - 80)
                painter.drawText(
                    QRectF(left, area.bottom() + 3, 80, _MARGIN_BOTTOM - 3),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    label,
                )
                painter.setPen(Qt.PenStyle.NoPen)

    @staticmethod
    def legend() -> tuple[str, str]:
        """The legend's labels: done, and not done."""
        done = pgettext("outcome", "Done")
        # Translators: the chart's legend for reminders that passed without a break.
        return done, _("Skipped, ignored or missed")

    def _paint_legend(
        self, painter: QPainter, done: QColor, not_done: QColor, text: QColor
    ) -> None:
        x = _MARGIN_LEFT
        for color, label in zip((done, not_done), self.legend(), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRect(QRectF(x, 6, 12, 12))
            painter.setPen(text)
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QRectF(x + 18, 0, width + 4, 24), Qt.AlignmentFlag.AlignVCenter, label)
            x += 18 + width + 20


def legend_width(chart: QWidget, labels: Iterable[str]) -> int:
    """How wide ``chart`` must be for its legend (a key and a label each, from the left
    margin) to show whole, however long the labels' translations."""
    metrics = chart.fontMetrics()
    return _MARGIN_LEFT + sum(18 + metrics.horizontalAdvance(label) + 20 for label in labels)


def axis_day(day: date, *, weekday: bool) -> str:
    """A day under a chart's bar: its weekday name, or its day and month."""
    return formats().weekday(day.weekday()) if weekday else formats().day_month(day)
