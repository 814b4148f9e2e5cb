"""Reminders due together: one notification naming each, windows one at a time."""

from __future__ import annotations

from posturebreak.app import PostureBreakApp
from posturebreak.core.events import Outcome
from posturebreak.core.reminders import NotificationStyle, ReminderAction
from tests.gui.conftest import FakeClock, RecordingNotifier

STRETCH, SIT = "stretch", "uncross_legs"


def test_reminders_due_together_share_a_notification_and_take_turns_on_screen(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    settings = posture_app.settings
    posture_app.apply_settings(settings.with_reminder(SIT, style=NotificationStyle.BOTH))
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    before = len(notifier.shown)

    posture_app.flow.remind([(STRETCH, clock.moment), (SIT, clock.moment)])

    assert len(notifier.shown) == before + 1
    assert notifier.shown[-1].title == "Stretch · Sit evenly"
    windows = posture_app.break_windows
    assert windows.current is not None and windows.current.request.kind == STRETCH
    assert [request.kind for request in windows.waiting] == [SIT]
    windows.current.done_button.click()
    assert notifier.withdrawn == []  # the sitting window it also spoke of is still to come
    assert windows.current is not None
    windows.current.skip_button.click()
    assert notifier.withdrawn == [notifier.shown[-1]]
    outcomes = [(e.event.kind, e.event.outcome) for e in posture_app.history.recent()]
    assert outcomes == [(SIT, Outcome.SKIPPED), (STRETCH, Outcome.DONE)]


def test_a_reminder_with_an_action_opens_what_is_registered_when_started(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    opened: list[str] = []
    posture_app.flow.actions[ReminderAction.COMFORT_CHECK_IN] = lambda: opened.append("check-in")
    posture_app.apply_settings(posture_app.settings.with_reminder("comfort_check_in", enabled=True))

    posture_app.flow.remind([("comfort_check_in", clock.moment)])

    popup = posture_app.break_windows.current
    assert popup is not None and popup.request.exercise is None  # a dialog, not an exercise
    assert popup.windowTitle() == "Comfort check-in" and popup.done_button.text() == "S&tart"
    assert posture_app.notifier.shown[-1].title == "Comfort check-in"  # type: ignore[attr-defined]
    popup.done_button.click()
    assert opened == ["check-in"]
    [logged] = posture_app.history.recent("comfort_check_in")
    assert logged.event.outcome is Outcome.DONE


def test_with_nothing_registered_an_action_reminder_is_a_plain_one(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    posture_app.flow.actions.clear()  # the app registers the checklist; here nothing is
    posture_app.flow.remind([("workstation_check", clock.moment)])
    assert posture_app.break_windows.current is None  # shown as a notification only
    shown = posture_app.notifier.shown[-1]  # type: ignore[attr-defined]
    assert shown.title == "Workstation check"
    [logged] = posture_app.history.recent("workstation_check")
    assert logged.event.outcome is Outcome.NOTIFIED
