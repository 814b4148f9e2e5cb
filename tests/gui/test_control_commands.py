"""Each control command does its job on the wired app and says what it did."""

from __future__ import annotations

from datetime import timedelta

import pytest

from posturebreak.app import PostureBreakApp
from posturebreak.core.commands import BadRequestError
from posturebreak.core.reminders import SHIPPED_REMINDERS
from tests.gui.conftest import FakeClock


def test_status_mentions_a_running_pack_timer(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    posture_app.pack.start(timedelta(minutes=20), timedelta(minutes=40))
    reply = posture_app.control.handle({"command": "status"})
    assert reply["message"] == "Sit evenly in 20 min · Pack on until 09:20"
    state = reply["state"]
    assert set(state.pop("qt")) == {"widgets", "objects", "timers"}  # for finding leaks
    assert state == {
        "status": "Sit evenly in 20 min",
        "paused": False,
        "paused_until": None,
        "next": {"kind": "uncross_legs", "due": "2037-03-02T09:20:00+00:00"},
        "pack": "Pack on until 09:20",
    }


def test_break_now_gives_the_kind_asked_for(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    reply = posture_app.control.handle({"command": "break-now", "kind": "uncross_legs"})
    assert reply["message"] == "Sit evenly break started."
    shown = posture_app.notifier.shown  # type: ignore[attr-defined]
    legs = posture_app.rotation.catalogue.in_categories(
        SHIPPED_REMINDERS["uncross_legs"].categories
    )
    assert shown[-1].title in {exercise.title for exercise in legs}
    assert posture_app.scheduler.schedule.next_due("uncross_legs") is not None


def test_break_now_with_an_unknown_id_lists_the_known_ones(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    with pytest.raises(BadRequestError, match="no reminder has the id 'nap'; known: stretch, "):
        posture_app.control.handle({"command": "break-now", "kind": "nap"})


def test_skip_says_which_reminder_it_skipped(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    reply = posture_app.control.handle({"command": "skip"})
    assert reply["message"] == "Skipped the next Sit evenly reminder. Sit evenly in 40 min"


def test_a_week_long_pause_is_the_longest(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    reply = posture_app.control.handle({"command": "pause", "minutes": 10080})
    assert reply["message"] == "Paused until Mon 09:00"
    assert reply["state"]["paused_until"] == "2037-03-09T09:00:00+00:00"


def test_status_counts_what_the_app_holds_in_qt(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    before = posture_app.control.handle({"command": "status"})["state"]["qt"]
    posture_app.control.handle({"command": "break-now"})  # a break window and its timers
    during = posture_app.control.handle({"command": "status"})["state"]["qt"]
    assert during["widgets"] > before["widgets"] and during["timers"] >= before["timers"] > 0
    assert during["objects"] >= before["objects"] > 0
