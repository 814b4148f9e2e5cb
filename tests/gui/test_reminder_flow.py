"""Reminders due together: one notification naming each, windows one at a time."""

from __future__ import annotations

from posturebreak.app import PostureBreakApp
from posturebreak.core.events import Outcome
from posturebreak.core.reminders import NotificationStyle
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
