"""The history window on a seeded log: figures, chart, filter, corrections, export, logging."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.events import LoggedEvent, Outcome, ReminderEvent
from posturebreak.core.export import ExportFormat
from posturebreak.core.reminders import (
    AtTimesOfDay,
    NotificationStyle,
    ReminderDefinition,
    ReminderId,
)
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import ActivitySummary, DayBar
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.history_chart import MIN_CONTRAST, bar_colors, contrast, day_text
from posturebreak.ui.history_window import HistoryWindow
from tests.gui.conftest import FakeClock
from tests.support.activity import seed_activity
from tests.support.window_probe import dark_palette

STRETCH, SIT, STOOL = "stretch", "uncross_legs", "foot_stool"
App = tuple[PostureBreakApp, FakeClock]


def event(at: datetime, outcome: Outcome, kind: ReminderId = STRETCH) -> ReminderEvent:
    return ReminderEvent(kind, "side-bend", at, at, NotificationStyle.BOTH, outcome, at)


@pytest.fixture
def seeded(app: App) -> App:
    """Goal 3. Yesterday (a Sunday): 3 stretches done. Today (Monday): 2 stretches done,
    1 skipped, 1 ignored, and a foot-stool break done: the goal is met and the streak
    is 2 days."""
    posture_app, clock = app
    posture_app.apply_settings(
        replace(Settings(), general=replace(Settings().general, daily_goal=3))
    )
    now = clock.now()
    for minutes in (60, 120, 180):
        posture_app.events.record(event(now - timedelta(days=1, minutes=minutes), Outcome.DONE))
    for minutes, outcome in ((50, Outcome.DONE), (40, Outcome.SKIPPED), (30, Outcome.IGNORED)):
        posture_app.events.record(event(now - timedelta(minutes=minutes), outcome))
    posture_app.events.record(event(now - timedelta(minutes=10), Outcome.DONE, STOOL))
    posture_app.events.record(event(now - timedelta(minutes=5), Outcome.DONE))
    return app


def cell(window: HistoryWindow, row: int, column: int) -> str:
    item = window.summary_table.item(row, column)
    assert item is not None
    return item.text()


def outcomes(window: HistoryWindow) -> list[str]:
    tree = window.events
    return [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]


def test_the_window_shows_today_streak_and_counts_per_kind(seeded: App, qtbot: QtBot) -> None:
    posture_app, _ = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    assert window.today_label.text() == "Today: 3 of 3 done breaks"
    assert window.goal_bar.value() == window.goal_bar.maximum() == 3
    assert "2 days" in window.streak_label.text()
    # Stretch row: done, skipped, ignored, notified today; done this week; in 30 days; rate.
    assert [cell(window, 0, c) for c in range(7)] == ["2", "1", "1", "0", "2", "5", "71%"]
    assert [cell(window, 1, c) for c in range(7)] == ["0", "0", "0", "0", "0", "0", "\N{EN DASH}"]
    assert [cell(window, 2, c) for c in range(7)] == ["1", "0", "0", "0", "1", "1", "100%"]
    assert not window.empty_label.isVisible()


def test_the_chart_shows_done_against_not_done_for_the_chosen_range(
    seeded: App, qtbot: QtBot
) -> None:
    posture_app, clock = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    today = clock.now().astimezone().date()
    assert len(window.chart.bars) == 7
    assert window.chart.bars[-2:] == [
        DayBar(today - timedelta(days=1), 3, 0),
        DayBar(today, 3, 2),
    ]
    for index, days in enumerate((7, 30, 90)):
        window.chart_range.setCurrentIndex(index)
        assert len(window.chart.bars) == days
    assert "6 breaks done" in window.chart.accessibleDescription()
    assert day_text(window.chart.bars[-1]).endswith("3 done, 2 skipped, ignored or missed")
    with qtbot.waitExposed(window):
        pass
    window.chart.grab()  # paints without error at every range


def test_recent_events_come_newest_first_and_filter_by_kind(seeded: App, qtbot: QtBot) -> None:
    posture_app, _ = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    assert window.events.topLevelItemCount() == 8
    first = window.events.topLevelItem(0)
    assert [first.text(c) for c in range(5)] == [
        "Today 08:55",
        "Stretch",
        "Standing side bend",
        "Notification and window",
        "Done",
    ]
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Foot stool"))
    assert window.events.topLevelItemCount() == 1
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Sit evenly"))
    assert window.events.topLevelItemCount() == 0
    assert not window.empty_label.isVisible()  # a filter with no events is not an empty log


def test_a_skipped_stretch_is_corrected_to_done(seeded: App, qtbot: QtBot) -> None:
    posture_app, _ = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    row = outcomes(window).index("Skipped")
    window.events.setCurrentItem(window.events.topLevelItem(row))
    assert window.mark_done_button.isEnabled() and not window.mark_skipped_button.isEnabled()
    qtbot.mouseClick(window.mark_done_button, Qt.MouseButton.LeftButton)
    assert outcomes(window)[row] == "Done (was skipped)"
    assert window.today_label.text() == "Today: 4 of 3 done breaks"
    assert cell(window, 0, 6) == "86%"
    corrected = posture_app.history.recent()[row]
    assert (corrected.event.outcome, corrected.corrected_from) == (Outcome.DONE, Outcome.SKIPPED)


def test_export_writes_the_chosen_file_and_says_so(
    seeded: App, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posture_app, _ = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_: (str(target), "CSV spreadsheet (*.csv)")
    )
    with qtbot.waitSignal(window.export_requested) as asked:
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert asked.args == [tmp_path / "mine.csv", ExportFormat.CSV]
    qtbot.waitUntil(lambda: window.export_job is None)  # it runs on its own thread
    with (tmp_path / "mine.csv").open(newline="") as exported:
        rows = list(csv.DictReader(exported))
    assert len(rows) == 8 and rows[0]["kind"] == "stretch"
    assert window.message.text() == f"Exported 8 events to {tmp_path / 'mine.csv'}."

    posture_app.export_activity(tmp_path / "mine.csv" / "nested.json", ExportFormat.JSON)
    qtbot.waitUntil(lambda: window.export_job is None)
    assert "could not be written" in window.message.text()


def test_log_a_stretch_from_the_tray_counts_towards_today(seeded: App, qtbot: QtBot) -> None:
    posture_app, clock = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    posture_app.tray.log_action.trigger()
    dialog = posture_app.log_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    dialog.exercise.setCurrentIndex(dialog.exercise.findText("Seated knee to chest"))
    assert dialog.when.maximumDateTime().toSecsSinceEpoch() == int(clock.now().timestamp())
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    first = window.events.topLevelItem(0)
    assert (first.text(2), first.text(3), first.text(4)) == (
        "Seated knee to chest",
        "Logged by you",
        "Done",
    )
    assert window.today_label.text() == "Today: 4 of 3 done breaks"
    window.events.setCurrentItem(first)
    assert not window.mark_done_button.isEnabled() and not window.mark_skipped_button.isEnabled()


def test_the_tray_opens_one_history_window_that_follows_the_goal(app: App, qtbot: QtBot) -> None:
    posture_app, _ = app
    posture_app.tray.history_action.trigger()
    window = posture_app.history_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.today_label.text() == "Today: 0 of 6 done breaks"
    assert window.empty_label.isVisible()
    posture_app.control.handle({"command": "history"})
    assert posture_app.history_window is window
    posture_app.apply_settings(
        replace(Settings(), general=replace(Settings().general, daily_goal=2))
    )
    assert window.today_label.text() == "Today: 0 of 2 done breaks"
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


class BrokenSource:
    def today(self) -> date:
        return date(2037, 3, 2)

    def summary(self) -> ActivitySummary:
        raise ActivityLogError("Your activity log /x cannot be read (disk I/O error).")

    def bars(self, days: int) -> list[DayBar]:
        raise AssertionError

    def recent(self, kind: ReminderId | None = None) -> list[LoggedEvent]:
        raise AssertionError

    def exercise_title(self, exercise_id: str | None) -> str:
        raise AssertionError


def test_an_unreadable_log_is_reported_in_the_window(qtbot: QtBot) -> None:
    from PySide6.QtGui import QIcon

    window = HistoryWindow(BrokenSource(), QIcon())
    qtbot.addWidget(window)
    window.refresh()
    assert not window.message.isHidden()
    assert "cannot be read (disk I/O error)" in window.message.text()


def test_years_of_seeded_data_open_with_the_right_figures(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    count = seed_activity(posture_app.activity.path, 400, clock.now())
    window = posture_app.show_history()
    qtbot.addWidget(window)
    assert count > 10_000
    assert window.events.topLevelItemCount() == 200
    window.chart_range.setCurrentIndex(2)
    assert sum(bar.done + bar.not_done for bar in window.chart.bars) > 1000
    hover = window.chart.rect().center()
    assert window.chart._bar_at(QPoint(hover)) is not None


def test_notification_only_reminders_show_how_many_were_given(app: App) -> None:
    posture_app, clock = app
    for minutes in (30, 10):
        posture_app.events.record(
            event(clock.now() - timedelta(minutes=minutes), Outcome.NOTIFIED, SIT)
        )
    window = posture_app.show_history()
    assert window.summary_table.horizontalHeaderItem(3).text() == "Notified\ntoday"
    assert cell(window, 1, 3) == "2"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_chart_colours_stand_out_from_the_window_in_light_and_dark_palettes(theme: str) -> None:
    palette = QApplication.style().standardPalette() if theme == "light" else dark_palette()
    background = palette.color(QPalette.ColorRole.Window)
    done, not_done = bar_colors(palette)
    assert contrast(done, background) >= MIN_CONTRAST
    assert contrast(not_done, background) >= MIN_CONTRAST
    assert done != not_done


def test_a_message_is_gone_on_reopening_and_a_corrected_event_stays_selected(
    seeded: App, qtbot: QtBot
) -> None:
    posture_app, _ = seeded
    window = posture_app.show_history()
    qtbot.addWidget(window)
    window.show_message("Exported 11 events to /tmp/x.csv.")
    buttons_at = window.close_button.mapTo(window, window.close_button.rect().topLeft())
    window.close()
    window = posture_app.show_history()
    assert window.message.text() == ""
    assert window.close_button.mapTo(window, window.close_button.rect().topLeft()) == buttons_at
    skipped = next(
        i for i in range(window.events.topLevelItemCount()) if outcomes(window)[i] == "Skipped"
    )
    window.events.setCurrentItem(window.events.topLevelItem(skipped))
    window.mark_done_button.click()
    selected = window.selected_event()
    assert selected is not None and selected.corrected_from is Outcome.SKIPPED


def test_any_number_of_kinds_get_a_row_and_a_filter_entry_each_by_their_one_name(
    seeded: App, qtbot: QtBot
) -> None:
    posture_app, clock = seeded
    mine = ReminderDefinition("plants", "Water the plants", "", AtTimesOfDay())
    settings = posture_app.settings
    posture_app.apply_settings(replace(settings, reminders=(*settings.reminders, mine)))
    now = clock.now()
    posture_app.events.record(event(now - timedelta(minutes=3), Outcome.NOTIFIED, "plants"))
    posture_app.events.record(event(now - timedelta(minutes=2), Outcome.DONE, "eye_rest"))
    window = posture_app.show_history()
    qtbot.addWidget(window)
    rows = window.summary_table.rowCount()
    names = [window.summary_table.verticalHeaderItem(r).text() for r in range(rows)]
    # The enabled reminders in order, then a kind only the log still knows, by its id.
    assert names == ["Stretch", "Sit evenly", "Foot stool", "Water the plants", "Eye rest"]
    assert [cell(window, 3, c) for c in range(4)] == ["0", "0", "0", "1"]
    filters = [window.kind_filter.itemText(i) for i in range(window.kind_filter.count())]
    assert filters == ["All reminders", *names]
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Eye rest"))
    assert [window.events.topLevelItem(0).text(c) for c in (1, 4)] == ["Eye rest", "Done"]
    table_height = window.summary_table.height()
    assert table_height >= sum(window.summary_table.rowHeight(r) for r in range(rows))
