"""The history window: today's progress, streaks, a chart, and recent events to correct.

It only shows what its :class:`HistorySource` gives it and forwards what the
user asks for (correct an outcome, export, log a stretch) as signals; the app
does the work and calls :meth:`HistoryWindow.refresh`. An export runs on its
own thread (:class:`~posturebreak.services.export_job.ExportJob`); the window
shows its progress and offers to cancel it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QHideEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.events import LoggedEvent, Outcome
from posturebreak.core.export import ExportFormat
from posturebreak.core.reminders import NotificationStyle, ReminderId, reminder_name
from posturebreak.core.statistics import ActivitySummary, DayBar, OutcomeCounts, days_text
from posturebreak.i18n import N_, _, formats, ngettext, pgettext
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.export_job import ExportJob
from posturebreak.ui.comfort_chart import ComfortPanel, ComfortSource
from posturebreak.ui.history_chart import DayChart, weekday_date
from posturebreak.ui.screen_fit import fit_to_screen, scrolling

CHART_DAYS = (7, 30, 90)
_SUMMARY_COLUMNS = (
    # Translators: the summary table's column headers, each on two short lines.
    N_("Done\ntoday"),
    N_("Skipped\ntoday"),
    N_("Ignored\ntoday"),
    N_("Notified\ntoday"),
    N_("Done\nthis week"),
    N_("Done in\n30 days"),
    N_("Completed\n(30 days)"),
)
_SHOWN_AS = {
    NotificationStyle.NOTIFICATION: N_("Notification"),
    NotificationStyle.POPUP: N_("Break window"),
    NotificationStyle.BOTH: N_("Notification and window"),
    None: N_("Logged by you"),
}
_EVENT_ROLE = Qt.ItemDataRole.UserRole
_NONE = OutcomeCounts()  # a kind without events in a period


class HistorySection(Protocol):
    """A feature's own part of the window (a QWidget), read afresh with the rest."""

    def refresh(self) -> None: ...


class HistorySource(Protocol):
    """Where the window's figures come from; each call may raise ActivityLogError."""

    def today(self) -> date: ...
    def summary(self) -> ActivitySummary: ...
    def bars(self, days: int) -> list[DayBar]: ...
    def recent(self, kind: ReminderId | None = None) -> list[LoggedEvent]: ...
    def exercise_title(self, exercise_id: str | None) -> str: ...


def _outcome_names(outcome: Outcome) -> tuple[str, str]:
    """An outcome's name in the events list, and as the outcome an event had before."""
    names = {
        Outcome.DONE: (pgettext("outcome", "Done"), pgettext("earlier outcome", "done")),
        Outcome.SNOOZED: (pgettext("outcome", "Snoozed"), pgettext("earlier outcome", "snoozed")),
        Outcome.SKIPPED: (pgettext("outcome", "Skipped"), pgettext("earlier outcome", "skipped")),
        Outcome.IGNORED: (pgettext("outcome", "Ignored"), pgettext("earlier outcome", "ignored")),
        Outcome.NOTIFIED: (
            pgettext("outcome", "Notified"),
            pgettext("earlier outcome", "notified"),
        ),
        Outcome.MISSED: (
            pgettext("outcome", "Missed (asleep)"),
            pgettext("earlier outcome", "missed (asleep)"),
        ),
        Outcome.NATURAL_BREAK: (
            pgettext("outcome", "Natural break (away)"),
            pgettext("earlier outcome", "natural break (away)"),
        ),
    }
    return names[outcome]


def outcome_text(logged: LoggedEvent) -> str:
    """The outcome, with the one it had before the user corrected it."""
    text = _outcome_names(logged.event.outcome)[0]
    if logged.corrected_from is None:
        return text
    # Translators: an event's outcome after the user corrected it: "Done (was skipped)".
    return _("{outcome} (was {earlier})").format(
        outcome=text, earlier=_outcome_names(logged.corrected_from)[1]
    )


def when_text(logged: LoggedEvent, today: date) -> str:
    """ "Today 14:05", "Yesterday 09:10" or "Mon 23 Nov 16:40", in the time it happened."""
    day = logged.local_day
    time = formats().clock(logged.event.shown_at)
    if day == today:
        return _("Today {time}").format(time=time)
    if day == today - timedelta(days=1):
        return _("Yesterday {time}").format(time=time)
    # Translators: {day} is a weekday and date ("Mon 23 Nov"), {time} a clock time.
    return _("{day} {time}").format(day=weekday_date(day), time=time)


class HistoryWindow(QWidget):
    """Progress, streaks, breaks per day and recent events, with corrections and export."""

    correction_requested = Signal(int, object)  # event id, Outcome
    export_requested = Signal(object, object)  # Path, ExportFormat
    log_requested = Signal()

    def __init__(
        self,
        source: HistorySource,
        icon: QIcon,
        parent: QWidget | None = None,
        *,
        sections: Sequence[QWidget] = (),
        comfort: ComfortSource | None = None,
    ) -> None:
        """``sections``: features' own parts (each a :class:`HistorySection`), under the chart;
        ``comfort``: the comfort check-ins, charted for the chart's period."""
        super().__init__(parent, Qt.WindowType.Window)
        self._source = source
        self._sections = sections
        self._export_job: ExportJob | None = None
        self.setWindowTitle(_("Your breaks"))  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_progress())
        layout.addWidget(self._build_summary_table())
        layout.addLayout(self._build_chart_header())
        self.chart = DayChart()
        layout.addWidget(self.chart, stretch=1)
        self.comfort_panel = None if comfort is None else ComfortPanel(comfort)
        if self.comfort_panel is not None:
            layout.addWidget(self.comfort_panel, stretch=1)
        for section in sections:
            layout.addWidget(section)
        layout.addLayout(self._build_events_header())
        layout.addWidget(self._build_events_list(), stretch=1)
        self.empty_label = QLabel(
            _("Nothing logged yet. Your breaks appear here as you take them.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A line is kept for it, so a message coming or going never moves the buttons.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        self._body = body
        self._scroll = scrolling(body)
        window = QVBoxLayout(self)
        window.addWidget(self._scroll, stretch=1)
        # Messages (an export's result, an unreadable log) and the buttons stay in view.
        window.addWidget(self.message)
        window.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Cancel, self, self.close)
        fit_to_screen(self, QSize(760, 780))

    # -- building ---------------------------------------------------------------------

    def _build_progress(self) -> QGridLayout:
        grid = QGridLayout()
        self.today_label = QLabel()
        self.today_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.goal_bar = QProgressBar()
        self.goal_bar.setTextVisible(False)
        self.goal_bar.setAccessibleName(_("Progress towards today's goal"))
        self.goal_bar.setMaximumHeight(10)
        self.streak_label = QLabel()
        self.streak_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.streak_label.setStyleSheet("font-size: 12pt;")
        grid.addWidget(self.today_label, 0, 0)
        grid.addWidget(self.streak_label, 0, 1)
        grid.addWidget(self.goal_bar, 1, 0, 1, 2)
        return grid

    def _build_summary_table(self) -> QTableWidget:
        table = QTableWidget(0, len(_SUMMARY_COLUMNS))  # a row per kind, once the log is read
        table.setAccessibleName(_("Breaks per reminder"))
        table.setHorizontalHeaderLabels([_(column) for column in _SUMMARY_COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setWordWrap(True)
        table.horizontalHeader().setMinimumHeight(44)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_table = table
        self._fit_summary_rows(())
        return table

    def _fit_summary_rows(self, names: Sequence[str]) -> None:
        """One row per kind, every row shown without scrolling."""
        table = self.summary_table
        table.setRowCount(len(names))
        table.setVerticalHeaderLabels(list(names))
        header = table.horizontalHeader()
        height = max(header.minimumHeight(), header.sizeHint().height()) + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(height)
        # Every header whole, however long its translation: the window scrolls instead.
        # The columns stretch to equal widths, so each needs room for the widest.
        widest = max(header.sectionSizeHint(column) for column in range(table.columnCount()))
        width = table.verticalHeader().sizeHint().width() + 2 * table.frameWidth()
        table.setMinimumWidth(width + widest * table.columnCount())

    def _open_wide_enough(self) -> None:
        """Before it shows, the window widens (within the screen) to its content's least
        width, so long translated headers scroll sideways only where the screen is narrow."""
        if self.isVisible():
            return
        margins = self.contentsMargins() + cast(QVBoxLayout, self.layout()).contentsMargins()
        needed = self._body.minimumSizeHint().width() + margins.left() + margins.right()
        needed += self._scroll.verticalScrollBar().sizeHint().width()
        if needed > self.width():
            fit_to_screen(self, QSize(needed, self.height()))

    def _build_chart_header(self) -> QHBoxLayout:
        self.chart_range = QComboBox()
        self.chart_range.setAccessibleName(_("Chart period"))
        for days in CHART_DAYS:
            period = ngettext("Last {count} day", "Last {count} days", days)
            self.chart_range.addItem(period.format(count=formats().integer(days)), days)
        self.chart_range.currentIndexChanged.connect(self._refresh_chart)
        return _section_header(_("Breaks per day"), self.chart_range)

    def _build_events_header(self) -> QHBoxLayout:
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(_("Show events of"))
        self.kind_filter.addItem(_("All reminders"), None)
        self._names: dict[ReminderId, str] = {}
        self.kind_filter.currentIndexChanged.connect(self._refresh_events)
        show = QLabel(_("&Show:"))
        show.setBuddy(self.kind_filter)
        return _section_header(_("Recent events"), show, self.kind_filter)

    def _build_events_list(self) -> QTreeWidget:
        events = QTreeWidget()
        events.setAccessibleName(_("Recent events"))
        events.setRootIsDecorated(False)
        events.setAlternatingRowColors(True)
        events.setHeaderLabels(
            [_("When"), _("Reminder"), _("Exercise"), _("Shown as"), _("Outcome")]
        )
        events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        events.currentItemChanged.connect(self._update_buttons)
        self.events = events
        return events

    def _build_buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        correct = QHBoxLayout()
        self.mark_done_button = QPushButton(_("Mark as &done"))
        self.mark_skipped_button = QPushButton(_("Mark as s&kipped"))
        for button, outcome in (
            (self.mark_done_button, Outcome.DONE),
            (self.mark_skipped_button, Outcome.SKIPPED),
        ):
            button.clicked.connect(lambda checked=False, o=outcome: self._correct(o))
            correct.addWidget(button)
        correct.addStretch(1)
        actions = QHBoxLayout()
        self.log_button = QPushButton(_("&Log a stretch…"))
        self.log_button.clicked.connect(self.log_requested)
        self.export_button = QPushButton(_("&Export…"))
        self.export_button.clicked.connect(self._choose_export_file)
        self.export_progress = QProgressBar()
        self.export_progress.setAccessibleName(_("Export progress"))
        # Translators: the export's progress bar; Qt puts the percentage in place of %p.
        self.export_progress.setFormat(_("Exporting… %p%"))
        self.cancel_export_button = QPushButton(_("&Cancel export"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self.close)
        actions.addWidget(self.log_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.export_progress, stretch=1)
        actions.addWidget(self.cancel_export_button)
        self._show_export_running(False)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        rows.addLayout(correct)
        rows.addLayout(actions)
        return rows

    # -- state --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads everything afresh from the source."""
        try:
            summary = self._source.summary()
        except ActivityLogError as error:
            self.show_message(str(error), error=True)
            return
        self._show_summary(summary)
        self._refresh_chart()
        for section in self._sections:
            cast(HistorySection, section).refresh()
        self._refresh_events()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b3261e;" if error else "")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802  (Qt's name)
        """A message was about what just happened; it is gone when the window reopens."""
        self.message.clear()
        super().hideEvent(event)

    def _show_summary(self, summary: ActivitySummary) -> None:
        goal_text = ngettext(
            "Today: {done} of {goal} done break",
            "Today: {done} of {goal} done breaks",
            summary.goal,
        )
        self.today_label.setText(
            goal_text.format(
                done=formats().integer(summary.done_today), goal=formats().integer(summary.goal)
            )
        )
        self.goal_bar.setRange(0, summary.goal)
        self.goal_bar.setValue(min(summary.done_today, summary.goal))
        streak = summary.streaks
        # Translators: {current} and {best} are numbers of days in a row: "3 days".
        streak_text = _("Streak: <b>{current}</b> · best {best}")
        self.streak_label.setText(
            streak_text.format(current=days_text(streak.current), best=days_text(streak.best))
        )
        self._names = summary.names
        self._fit_summary_rows(list(summary.names.values()))
        self._open_wide_enough()
        self._follow_kinds(summary.names)
        for row, kind in enumerate(summary.names):
            today = summary.today_counts.get(kind, _NONE)
            month = summary.period_counts.get(kind, _NONE)
            counts = (
                today.done,
                today.skipped,
                today.ignored,
                today.notified,
                summary.week.get(kind, _NONE).done,
                month.done,
            )
            cells = (*map(formats().integer, counts), month.completion_text)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.summary_table.setItem(row, column, item)

    def _follow_kinds(self, names: Mapping[ReminderId, str]) -> None:
        """The event filter lists the kinds the summary counts; the choice is kept."""
        chosen = self.kind_filter.currentData()
        with QSignalBlocker(self.kind_filter):
            self.kind_filter.clear()
            self.kind_filter.addItem(_("All reminders"), None)
            for kind, name in names.items():
                self.kind_filter.addItem(name, kind)
            self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(chosen)))

    def _refresh_chart(self) -> None:
        try:
            self.chart.set_bars(self._source.bars(self.chart_range.currentData()))
        except ActivityLogError as error:
            self.show_message(str(error), error=True)
        if self.comfort_panel is not None:
            self.comfort_panel.refresh(self.chart_range.currentData())

    def _refresh_events(self) -> None:
        kind_value = self.kind_filter.currentData()
        try:
            recent = self._source.recent(kind_value)
            today = self._source.today()
        except ActivityLogError as error:
            self.show_message(str(error), error=True)
            return
        selected = self.selected_event()
        self.events.clear()
        for logged in recent:
            event = logged.event
            item = QTreeWidgetItem(
                [
                    when_text(logged, today),
                    self._names.get(event.kind) or reminder_name(event.kind),
                    self._source.exercise_title(event.exercise_id),
                    _(_SHOWN_AS[event.shown_as]),
                    outcome_text(logged),
                ]
            )
            item.setData(0, _EVENT_ROLE, logged)
            self.events.addTopLevelItem(item)
            if selected is not None and logged.id == selected.id:
                self.events.setCurrentItem(item)  # still selected after a correction
        for column in range(self.events.columnCount()):
            self.events.resizeColumnToContents(column)
        self.empty_label.setVisible(not recent and kind_value is None)
        self._update_buttons()

    def selected_event(self) -> LoggedEvent | None:
        item = self.events.currentItem()
        return None if item is None else item.data(0, _EVENT_ROLE)

    def _update_buttons(self) -> None:
        logged = self.selected_event()
        editable = logged is not None and not logged.event.by_hand
        outcome = logged.event.outcome if logged else None
        self.mark_done_button.setEnabled(editable and outcome is not Outcome.DONE)
        self.mark_skipped_button.setEnabled(editable and outcome is not Outcome.SKIPPED)

    def _correct(self, outcome: Outcome) -> None:
        logged = self.selected_event()
        if logged is not None:
            self.correction_requested.emit(logged.id, outcome)

    def run_export(self, job: ExportJob) -> None:
        """Starts ``job`` and follows it: progress, a way to cancel, then what happened."""
        self._export_job = job
        job.progress.connect(self._show_export_progress)
        job.ended.connect(self._export_ended)
        self.cancel_export_button.clicked.connect(job.cancel)
        self.export_progress.setRange(0, 0)  # busy until the job has counted the events
        self._show_export_running(True)
        self.show_message("")
        job.start()

    @property
    def export_job(self) -> ExportJob | None:
        """The export running now, if any."""
        return self._export_job

    def _show_export_progress(self, written: int, total: int) -> None:
        self.export_progress.setRange(0, max(total, 1))
        self.export_progress.setValue(written)

    def _export_ended(self, text: str, failed: bool) -> None:
        if self._export_job is not None:
            self.cancel_export_button.clicked.disconnect(self._export_job.cancel)
        self._export_job = None
        self._show_export_running(False)
        self.show_message(text, error=failed)

    def _show_export_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.export_progress.setVisible(running)
        self.cancel_export_button.setVisible(running)

    def _choose_export_file(self) -> None:
        suggested = Path.home() / f"posture-break-activity-{self._source.today().isoformat()}.csv"
        filters = {
            # Translators: a file type in the save dialog; keep "(*.csv)" as it is.
            _("CSV spreadsheet (*.csv)"): ExportFormat.CSV,
            # Translators: a file type in the save dialog; keep "(*.json)" as it is.
            _("JSON (*.json)"): ExportFormat.JSON,
        }
        name, chosen = QFileDialog.getSaveFileName(
            self, _("Export your activity"), str(suggested), ";;".join(filters)
        )
        if not name:
            return
        path = Path(name)
        form = filters.get(chosen, ExportFormat.CSV)
        if path.suffix.lower() == ".json":
            form = ExportFormat.JSON
        if not path.suffix:
            path = path.with_suffix(f".{form.value}")
        self.export_requested.emit(path, form)


def _section_header(title: str, *controls: QWidget) -> QHBoxLayout:
    """A bold title on the left, controls on the right."""
    row = QHBoxLayout()
    row.addWidget(QLabel(f"<b>{title}</b>"))
    row.addStretch(1)
    for control in controls:
        row.addWidget(control)
    return row
