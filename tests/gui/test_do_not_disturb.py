"""While the user is busy, reminders wait and then come once; or come quietly, as chosen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import SystemClock
from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.core.events import Outcome
from posturebreak.core.settings import WhileBusy
from posturebreak.services.busy_watch import BusyWatch
from posturebreak.services.notify import Urgency
from posturebreak.ui.tray import DoNotDisturbLength
from tests.gui.conftest import FakeClock, RecordingNotifier

STRETCH, SIT = "stretch", "uncross_legs"
App = tuple[PostureBreakApp, FakeClock]


@dataclass
class FakeCall:
    """A call that a test starts and ends."""

    on: bool = True
    reason: BusyReason = BusyReason.CALL
    name: str = "Call detection: a test's"
    asked: int = 0

    def busy(self) -> bool:
        self.asked += 1
        return self.on


def notifier_of(posture_app: PostureBreakApp) -> RecordingNotifier:
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    return notifier


def test_reminders_wait_while_do_not_disturb_is_on_and_each_kind_comes_once(app: App) -> None:
    posture_app, clock = app
    notifier = notifier_of(posture_app)
    before = len(notifier.shown)
    posture_app.busy.turn_on(until=None)
    posture_app.flow.remind([(STRETCH, clock.moment), (SIT, clock.moment)])
    posture_app.flow.remind([(SIT, clock.moment + timedelta(minutes=20))])  # due again
    assert len(notifier.shown) == before and posture_app.break_windows.current is None

    posture_app.busy.turn_off()

    assert len(notifier.shown) == before + 1  # one notification naming both
    assert notifier.shown[-1].title == "Stretch · Sit evenly"
    window = posture_app.break_windows.current
    assert window is not None and window.request.kind == STRETCH
    assert window.request.due_at == clock.moment
    outcomes = [(e.event.kind, e.event.outcome) for e in posture_app.history.recent()]
    assert outcomes == [(SIT, Outcome.NOTIFIED)]  # sitting is a notification only


def test_quiet_notifications_come_at_once_and_the_window_waits(app: App) -> None:
    posture_app, clock = app
    quiet = replace(posture_app.settings.schedule, notifications_while_busy=WhileBusy.QUIET)
    posture_app.apply_settings(replace(posture_app.settings, schedule=quiet))
    notifier = notifier_of(posture_app)
    posture_app.busy.turn_on(until=None)

    posture_app.flow.remind([(STRETCH, clock.moment)])

    assert notifier.shown[-1].urgency is Urgency.LOW
    assert posture_app.break_windows.current is None
    shown = len(notifier.shown)
    posture_app.busy.turn_off()
    window = posture_app.break_windows.current
    assert window is not None and window.request.exercise is not None
    assert notifier.shown[-1].title == window.request.exercise.title  # the same exercise
    assert len(notifier.shown) == shown  # and no second notification for it


def test_do_not_disturb_for_a_while_ends_by_itself_and_releases(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    posture_app.busy.turn_on(until=clock.moment + timedelta(milliseconds=50))
    assert posture_app.status() == "Holding reminders: do not disturb is on until 09:00"
    posture_app.flow.remind([(STRETCH, clock.moment)])
    clock.moment += timedelta(milliseconds=50)
    with qtbot.waitSignal(posture_app.busy.released):
        pass
    assert posture_app.break_windows.current is not None


def test_a_held_reminder_comes_when_the_call_ends(qtbot: QtBot) -> None:
    call = FakeCall()
    watch = BusyWatch(SystemClock(), [call], recheck=timedelta(milliseconds=20))
    assert watch.reason() is BusyReason.CALL
    watch.hold(STRETCH, SystemClock().now(), BusyReason.CALL)
    released: list[object] = []
    watch.released.connect(released.append)
    qtbot.waitUntil(lambda: call.asked >= 4)  # asked again and again while the call goes on
    assert released == [] and watch.rules.holding
    call.on = False
    with qtbot.waitSignal(watch.released) as given:
        pass
    assert [kind for kind, _ in given.args[0]] == [STRETCH]
    assert not watch.rules.holding


def test_do_not_disturb_from_the_tray_holds_reminders_and_turns_off(app: App) -> None:
    posture_app, _ = app
    tray = posture_app.tray
    assert not tray.dnd_off_action.isVisible()
    tray.dnd_actions[DoNotDisturbLength.HOUR].trigger()
    assert posture_app.status() == "Holding reminders: do not disturb is on until 10:00"
    assert "Holding reminders" in tray.tray.toolTip() and tray.dnd_off_action.isVisible()
    posture_app.flow.take_break_now()
    assert posture_app.break_windows.current is None
    tray.dnd_off_action.trigger()
    assert posture_app.break_windows.current is not None  # the held stretch, once
    assert not tray.dnd_off_action.isVisible()


def test_do_not_disturb_from_the_command_line(app: App) -> None:
    posture_app, _ = app
    reply = posture_app.control.handle({"command": "dnd"})
    assert reply["message"] == "Holding reminders: do not disturb is on"
    reply = posture_app.control.handle({"command": "dnd", "until": "tomorrow"})
    assert reply["message"].startswith("Holding reminders: do not disturb is on until ")
    reply = posture_app.control.handle({"command": "dnd", "until": "off"})
    assert reply["message"] == "Sit evenly in 20 min"
