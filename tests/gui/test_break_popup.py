"""The break window: answers by button and key, the countdown, closing itself, the queue."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import SystemClock
from posturebreak.core.events import BreakRequest, Outcome
from posturebreak.core.reminders import NotificationStyle, ReminderId
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.services.notify import Notification
from posturebreak.services.pack_alarm import PackAlarm
from posturebreak.ui.break_popup import BreakPopup
from posturebreak.ui.break_windows import BreakWindows
from tests.gui.conftest import FakeClock, RecordingNotifier

STRETCH, LEGS = "stretch", "uncross_legs"
SECONDS = timedelta(seconds=1)


def request(clock: FakeClock, kind: ReminderId = STRETCH) -> BreakRequest:
    catalogue, _ = load_catalogue(Path("/nonexistent"))
    return BreakRequest(
        kind=kind,
        exercise=catalogue.exercises["standing-back-extension" if kind == STRETCH else "feet-flat"],
        due_at=clock.moment,
        shown_at=clock.moment,
        shown_as=NotificationStyle.BOTH,
        break_length=30 * SECONDS,
        snooze_length=timedelta(minutes=5),
    )


def popup_for(qtbot: QtBot, clock: FakeClock) -> BreakPopup:
    popup = BreakPopup(request(clock), clock, 30 * SECONDS + timedelta(minutes=3), "5 min")
    qtbot.addWidget(popup)
    popup.show_on_pointer_screen()
    return popup


def test_the_window_shows_the_exercise_and_the_countdown(qtbot: QtBot) -> None:
    clock = FakeClock()
    popup = popup_for(qtbot, clock)
    assert popup.isVisible() and popup.windowTitle() == "Stretch"
    assert popup.instruction.text().startswith("Stand up, put your hands")
    assert popup.time_left.text() == "30 s left"
    clock.moment += 12 * SECONDS
    qtbot.waitUntil(lambda: popup.time_left.text() == "18 s left")  # the window's own ticker
    assert popup.progress.value() == 12
    clock.moment += 20 * SECONDS
    qtbot.waitUntil(lambda: popup.time_left.text() == "Well done! Press Done to log it.")
    assert popup.snooze_button.text() == "&Snooze 5 min"


@pytest.mark.parametrize(
    ("button", "outcome"),
    [
        ("done_button", Outcome.DONE),
        ("snooze_button", Outcome.SNOOZED),
        ("skip_button", Outcome.SKIPPED),
    ],
)
def test_each_button_answers_and_closes(qtbot: QtBot, button: str, outcome: Outcome) -> None:
    clock = FakeClock()
    popup = popup_for(qtbot, clock)
    with qtbot.waitSignal(popup.answered) as answered:
        qtbot.mouseClick(getattr(popup, button), Qt.MouseButton.LeftButton)
    assert answered.args == [outcome, clock.moment]
    assert not popup.isVisible()


@pytest.mark.parametrize(
    ("key", "outcome"),
    [
        (Qt.Key.Key_Return, Outcome.DONE),
        (Qt.Key.Key_Enter, Outcome.DONE),
        (Qt.Key.Key_Escape, Outcome.SKIPPED),
        (Qt.Key.Key_S, Outcome.SNOOZED),
    ],
)
def test_keys_answer_once_the_user_turns_to_the_window(
    qtbot: QtBot, key: Qt.Key, outcome: Outcome
) -> None:
    popup = popup_for(qtbot, FakeClock())
    with qtbot.waitActive(popup):
        popup.activateWindow()  # the user clicks it: it never takes focus by itself
    with qtbot.waitSignal(popup.answered) as answered:
        qtbot.keyClick(popup, key)
    assert answered.args[0] is outcome


def test_the_window_does_not_take_the_keyboard_when_it_appears(qtbot: QtBot) -> None:
    popup = popup_for(qtbot, FakeClock())
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert popup.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_left_alone_it_closes_itself_as_ignored(qtbot: QtBot) -> None:
    clock = FakeClock()
    popup = popup_for(qtbot, clock)
    with qtbot.waitSignal(popup.answered) as answered:
        clock.moment += 30 * SECONDS + timedelta(minutes=3)
    assert answered.args[0] is Outcome.IGNORED
    assert not popup.isVisible()


def test_one_window_at_a_time_and_the_next_waits_its_turn(qtbot: QtBot) -> None:
    clock = FakeClock()
    windows = BreakWindows(clock, lambda: False, timedelta(minutes=3))
    answers: list[tuple[ReminderId, Outcome]] = []
    windows.answered.connect(lambda req, outcome, _at: answers.append((req.kind, outcome)))
    windows.present(request(clock, STRETCH))
    windows.present(request(clock, LEGS))
    windows.present(request(clock, LEGS))  # one waiting per kind is enough
    assert windows.current is not None and windows.current.request.kind == STRETCH
    assert [r.kind for r in windows.waiting] == [LEGS]

    qtbot.mouseClick(windows.current.done_button, Qt.MouseButton.LeftButton)
    assert answers == [(STRETCH, Outcome.DONE)]
    assert windows.current is not None and windows.current.request.kind == LEGS
    windows.dismiss_all()
    assert answers == [(STRETCH, Outcome.DONE)]  # quitting answers nothing for the user
    assert windows.current is None and windows.waiting == ()


class _CloseFromTheWindowManager(QCloseEvent):
    """A close event as the title bar's close button sends it (spontaneous)."""

    def spontaneous(self) -> bool:
        return True


def test_closing_by_the_title_bar_skips_but_closing_as_the_app_quits_answers_nothing(
    qtbot: QtBot,
) -> None:
    clock = FakeClock()
    by_user = popup_for(qtbot, clock)
    with qtbot.waitSignal(by_user.answered) as answered:
        by_user.closeEvent(_CloseFromTheWindowManager())
    assert answered.args[0] is Outcome.SKIPPED

    on_quit = popup_for(qtbot, clock)
    with qtbot.waitSignal(on_quit.answered) as answered:
        on_quit.close()  # what Qt does to every window when the app quits
    assert answered.args[0] is None


def test_quitting_with_a_break_window_open_logs_nothing(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    posture_app.flow.remind([(STRETCH, clock.moment)])
    assert posture_app.break_windows.current is not None
    QApplication.closeAllWindows()  # what quitting does first (Quit, SIGTERM)
    qtbot.waitUntil(lambda: posture_app.break_windows.current is None)
    posture_app.stop()
    assert posture_app.history.recent() == []


def test_the_app_shows_both_styles_logs_the_answer_and_snoozes(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    posture_app.flow.remind([(STRETCH, clock.moment)])  # stretch: notification and break window
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    popup = posture_app.break_windows.current
    assert popup is not None and popup.request.exercise is not None
    exercise = popup.request.exercise
    # Title and body speak of the same exercise the window shows.
    assert notifier.shown[-1] == Notification(exercise.title, exercise.instruction)

    qtbot.mouseClick(popup.snooze_button, Qt.MouseButton.LeftButton)
    assert logged_outcomes(posture_app) == [Outcome.SNOOZED]
    assert notifier.withdrawn == [notifier.shown[-1]]  # answered: its notification goes
    assert posture_app.scheduler.job_run_times()["stretch"] == clock.moment + timedelta(minutes=5)

    posture_app.flow.remind([(LEGS, clock.moment)])  # notification only: nothing to answer
    assert posture_app.break_windows.current is None
    assert logged_outcomes(posture_app) == [Outcome.NOTIFIED, Outcome.SNOOZED]
    assert posture_app.history.recent()[0].event.exercise_id is not None
    assert len(notifier.withdrawn) == 1  # a notification-only reminder stays


def logged_outcomes(posture_app: PostureBreakApp) -> list[Outcome]:
    """What the activity log holds, newest first."""
    return [logged.event.outcome for logged in posture_app.history.recent()]


def test_taking_a_break_again_while_its_window_is_open_changes_nothing(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    posture_app.tray.take_break_menu.actions()[0].trigger()
    popup = posture_app.break_windows.current
    assert popup is not None
    shown = len(notifier.shown)
    posture_app.tray.take_break_menu.actions()[0].trigger()
    assert posture_app.break_windows.current is popup
    assert posture_app.break_windows.waiting == ()
    assert len(notifier.shown) == shown  # no notification for an exercise nobody will see
    popup.done_button.click()
    assert logged_outcomes(posture_app) == [Outcome.DONE]


def test_the_pack_timer_says_when_to_take_it_off_and_when_the_rest_ends(qtbot: QtBot) -> None:
    alarm = PackAlarm(SystemClock())
    titles: list[str] = []
    alarm.alert.connect(lambda notification: titles.append(notification.title))
    alarm.start(50 * timedelta(milliseconds=1), 50 * timedelta(milliseconds=1))
    qtbot.waitUntil(lambda: len(titles) == 2)
    assert titles == ["Take the pack off now", "Skin rest is over"]
    assert alarm.timer.ends_at is None


def test_the_tooltip_shows_a_running_pack_timer(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    posture_app.tray.pack_start_action.trigger()
    assert posture_app.tray.tray.toolTip().endswith("Pack on until 09:20")
    assert posture_app.notifier.shown[-1].title == "Pack timer started"  # type: ignore[attr-defined]
    posture_app.tray.pack_stop_action.trigger()
    assert "Pack" not in posture_app.tray.tray.toolTip()


def test_the_closing_words_are_never_cut_off_and_no_gap_opens_above_the_bar(
    qtbot: QtBot,
) -> None:
    clock = FakeClock()
    popup = popup_for(qtbot, clock)
    clock.moment += 31 * SECONDS  # the countdown is over
    popup.tick()
    qtbot.waitExposed(popup)
    label = popup.time_left
    assert label.text() == "Well done! Press Done to log it."
    assert label.heightForWidth(label.width()) <= label.height()  # every line shown
    # The progress bar follows the text closely: no stretch of empty window above it.
    last_text = max(
        (child for child in popup.findChildren(QLabel) if child is not label and child.text()),
        key=lambda child: child.geometry().bottom(),
    )
    gap = (
        popup.progress.geometry().top() - last_text.mapTo(popup, last_text.rect().bottomLeft()).y()
    )
    assert gap < 3 * label.fontMetrics().height()
