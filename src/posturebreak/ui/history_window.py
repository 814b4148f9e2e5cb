"""The history window: today's progress, streaks, a chart, and recent events to correct.

It only shows what its :class:`HistorySource` gives it and forwards what the
user asks for (correct an outcome, export, log a stretch) as signals; the app
does the work and calls :meth:`HistoryWindow.refresh`. An export runs on its
own thread (:class:`~posturebreak.services.export_job.ExportJob`); the window
shows its progress and offers to cancel it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QSize, Qt, Signal
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
from posturebreak.core.reminders import REMINDERS, NotificationStyle, ReminderKind
from posturebreak.core.statistics import ActivitySummary, DayBar, days_text
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.export_job import ExportJob
from posturebreak.ui.history_chart import DayChart
from posturebreak.ui.screen_fit import fit_to_screen, scrolling

CHART_DAYS = (7, 30, 90)
_SUMMARY_COLUMNS = (
    "Done\ntoday",
    "Skipped\ntoday",
    "Ignored\ntoday",
    "Notified\ntoday",
    "Done\nthis week",
    "Done in\n30 days",
    "Completed\n(30 days)",
)
_SHOWN_AS = {
    NotificationStyle.NOTIFICATION: "Notification",
    NotificationStyle.POPUP: "Break window",
    NotificationStyle.BOTH: "Notification and window",
    None: "Logged by you",
}
_OUTCOMES = {
    Outcome.DONE: "Done",
    Outcome.SNOOZED: "Snoozed",
    Outcome.SKIPPED: "Skipped",
    Outcome.IGNORED: "Ignored",
    Outcome.NOTIFIED: "Notified",
    Outcome.MISSED: "Missed (asleep)",
    Outcome.NATURAL_BREAK: "Natural break (away)",
}
_EVENT_ROLE = Qt.ItemDataRole.UserRole


class HistorySection(Protocol):
    """A feature's own part of the window (a QWidget), read afresh with the rest."""

    def refresh(self) -> None: ...


class HistorySource(Protocol):
    """Where the window's figures come from; each call may raise ActivityLogError."""

    def today(self) -> date: ...
    def summary(self) -> ActivitySummary: ...
    def bars(self, days: int) -> list[DayBar]: ...
    def recent(self, kind: ReminderKind | None = None) -> list[LoggedEvent]: ...
    def exercise_title(self, exercise_id: str | None) -> str: ...


def outcome_text(logged: LoggedEvent) -> str:
    """The outcome, with the one it had before the user corrected it."""
    text = _OUTCOMES[logged.event.outcome]
    if logged.corrected_from is not None:
        text += f" (was {_OUTCOMES[logged.corrected_from].lower()})"
    return text


def when_text(logged: LoggedEvent, today: date) -> str:
    """ "Today 14:05", "Yesterday 09:10" or "Mon 23 Nov 16:40", in the time it happened."""
    shown = logged.event.shown_at
    names = {today: "Today", today - timedelta(days=1): "Yesterday"}
    day = names.get(logged.local_day, f"{logged.local_day:%a %d %b}")
    return f"{day} {shown:%H:%M}"


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
    ) -> None:
        """``sections``: features' own parts (each a :class:`HistorySection`), under the chart."""
        super().__init__(parent, Qt.WindowType.Window)
        self._source = source
        self._sections = sections
        self._export_job: ExportJob | None = None
        self.setWindowTitle("Your breaks")  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_progress())
        layout.addWidget(self._build_summary_table())
        layout.addLayout(self._build_chart_header())
        self.chart = DayChart()
        layout.addWidget(self.chart, stretch=1)
        for section in sections:
            layout.addWidget(section)
        layout.addLayout(self._build_events_header())
        layout.addWidget(self._build_events_list(), stretch=1)
        self.empty_label = QLabel("Nothing logged yet. Your breaks appear here as you take them.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A line is kept for it, so a message coming or going never moves the buttons.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        window = QVBoxLayout(self)
        window.addWidget(scrolling(body), stretch=1)
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
        self.goal_bar.setAccessibleName("Progress towards today's goal")
        self.goal_bar.setMaximumHeight(10)
        self.streak_label = QLabel()
        self.streak_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.streak_label.setStyleSheet("font-size: 12pt;")
        grid.addWidget(self.today_label, 0, 0)
        grid.addWidget(self.streak_label, 0, 1)
        grid.addWidget(self.goal_bar, 1, 0, 1, 2)
        return grid

    def _build_summary_table(self) -> QTableWidget:
        table = QTableWidget(len(ReminderKind), len(_SUMMARY_COLUMNS))
        table.setAccessibleName("Breaks per reminder")
        table.setHorizontalHeaderLabels(list(_SUMMARY_COLUMNS))
        table.setVerticalHeaderLabels([REMINDERS[kind].short_name for kind in ReminderKind])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setWordWrap(True)
        table.horizontalHeader().setMinimumHeight(44)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = table.horizontalHeader().minimumHeight() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(height)
        self.summary_table = table
        return table

    def _build_chart_header(self) -> QHBoxLayout:
        self.chart_range = QComboBox()
        self.chart_range.setAccessibleName("Chart period")
        for days in CHART_DAYS:
            self.chart_range.addItem(f"Last {days} days", days)
        self.chart_range.currentIndexChanged.connect(self._refresh_chart)
        return _section_header("Breaks per day", self.chart_range)

    def _build_events_header(self) -> QHBoxLayout:
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show events of")
        self.kind_filter.addItem("All reminders", None)
        for kind in ReminderKind:
            self.kind_filter.addItem(REMINDERS[kind].short_name, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._refresh_events)
        show = QLabel("&Show:")
        show.setBuddy(self.kind_filter)
        return _section_header("Recent events", show, self.kind_filter)

    def _build_events_list(self) -> QTreeWidget:
        events = QTreeWidget()
        events.setAccessibleName("Recent events")
        events.setRootIsDecorated(False)
        events.setAlternatingRowColors(True)
        events.setHeaderLabels(["When", "Reminder", "Exercise", "Shown as", "Outcome"])
        events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        events.currentItemChanged.connect(self._update_buttons)
        self.events = events
        return events

    def _build_buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        correct = QHBoxLayout()
        self.mark_done_button = QPushButton("Mark as &done")
        self.mark_skipped_button = QPushButton("Mark as s&kipped")
        for button, outcome in (
            (self.mark_done_button, Outcome.DONE),
            (self.mark_skipped_button, Outcome.SKIPPED),
        ):
            button.clicked.connect(lambda _=False, o=outcome: self._correct(o))
            correct.addWidget(button)
        correct.addStretch(1)
        actions = QHBoxLayout()
        self.log_button = QPushButton("&Log a stretch…")
        self.log_button.clicked.connect(self.log_requested)
        self.export_button = QPushButton("&Export…")
        self.export_button.clicked.connect(self._choose_export_file)
        self.export_progress = QProgressBar()
        self.export_progress.setAccessibleName("Export progress")
        self.export_progress.setFormat("Exporting… %p%")
        self.cancel_export_button = QPushButton("&Cancel export")
        self.close_button = QPushButton("Close")
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
        self.today_label.setText(f"Today: {summary.done_today} of {summary.goal} done breaks")
        self.goal_bar.setRange(0, summary.goal)
        self.goal_bar.setValue(min(summary.done_today, summary.goal))
        streak = summary.streaks
        self.streak_label.setText(
            f"Streak: <b>{days_text(streak.current)}</b> · best {days_text(streak.best)}"
        )
        for row, kind in enumerate(ReminderKind):
            today = summary.today_counts[kind]
            month = summary.period_counts[kind]
            cells = (
                today.done,
                today.skipped,
                today.ignored,
                today.notified,
                summary.week[kind].done,
                month.done,
                month.completion_text,
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.summary_table.setItem(row, column, item)

    def _refresh_chart(self) -> None:
        try:
            self.chart.set_bars(self._source.bars(self.chart_range.currentData()))
        except ActivityLogError as error:
            self.show_message(str(error), error=True)

    def _refresh_events(self) -> None:
        kind_value = self.kind_filter.currentData()
        try:
            recent = self._source.recent(None if kind_value is None else ReminderKind(kind_value))
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
                    REMINDERS[event.kind].short_name,
                    self._source.exercise_title(event.exercise_id),
                    _SHOWN_AS[event.shown_as],
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
        filters = {"CSV spreadsheet (*.csv)": ExportFormat.CSV, "JSON (*.json)": ExportFormat.JSON}
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export your activity", str(suggested), ";;".join(filters)
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
