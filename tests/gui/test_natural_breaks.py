"""Time away from the computer: natural breaks are logged, and no reminder piles up."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.events import Outcome
from posturebreak.core.reminders import ReminderId
from tests.gui.conftest import FakeClock, RecordingNotifier

SHIPPED_THREE = ("stretch", "uncross_legs", "foot_stool")

STRETCH, SIT, STOOL = "stretch", "uncross_legs", "foot_stool"
App = tuple[PostureBreakApp, FakeClock]


def logged(posture_app: PostureBreakApp) -> list[tuple[ReminderId, Outcome]]:
    """The activity log, oldest first."""
    return [(e.event.kind, e.event.outcome) for e in reversed(posture_app.history.recent())]


def test_reminders_due_while_the_computer_slept_become_natural_breaks(
    app: App, qtbot: QtBot
) -> None:
    posture_app, clock = app
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    shown_before = len(notifier.shown)
    due = posture_app.scheduler.schedule.next_due(SIT)
    assert due is not None
    clock.moment = due + timedelta(hours=8)  # the laptop slept through the night
    with qtbot.waitSignals([posture_app.scheduler.natural_break] * 3):
        for kind in SHIPPED_THREE:  # APScheduler runs every overdue job on waking
            posture_app.scheduler._job_ran.emit(kind)
    qtbot.wait(10)  # let the queued job runs arrive: none of them may remind
    assert len(notifier.shown) == shown_before
    assert sorted(logged(posture_app)) == sorted(
        (kind, Outcome.NATURAL_BREAK) for kind in SHIPPED_THREE
    )
    (sit,) = [e.event for e in posture_app.history.recent() if e.event.kind == SIT]
    assert (sit.due_at, sit.outcome_at) == (due, clock.moment)  # away from then till now
    schedule = posture_app.scheduler.schedule
    assert schedule.next_due(SIT) == clock.moment + timedelta(minutes=20)
    assert schedule.next_due(STRETCH) == clock.moment + timedelta(minutes=45)


def test_coming_back_after_a_break_length_logs_natural_breaks_and_restarts_them(
    app: App,
) -> None:
    posture_app, clock = app
    start = clock.moment
    posture_app.scheduler.went_away(start + timedelta(minutes=10))
    assert posture_app.status().startswith("Away since")
    clock.moment = start + timedelta(minutes=10, seconds=20)  # longer than sitting's 15 s break
    posture_app.scheduler.came_back()
    assert logged(posture_app) == [(SIT, Outcome.NATURAL_BREAK)]
    schedule = posture_app.scheduler.schedule
    assert schedule.next_due(SIT) == clock.moment + timedelta(minutes=20)
    assert schedule.next_due(STRETCH) == clock.moment + timedelta(minutes=35)  # 35 were left
    assert set(posture_app.scheduler.job_run_times()) == {"stretch", "uncross_legs", "foot_stool"}


def test_the_history_window_shows_natural_breaks_as_done(app: App) -> None:
    posture_app, clock = app
    posture_app.scheduler.went_away(clock.moment)
    clock.moment += timedelta(minutes=10)
    posture_app.scheduler.came_back()
    window = posture_app.show_history()
    assert window.today_label.text().startswith("Today: 3 of 6")
    assert window.events.topLevelItem(0).text(4) == "Natural break (away)"
