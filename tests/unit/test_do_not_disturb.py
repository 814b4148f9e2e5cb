"""Do not disturb: held reminders come once, the user's choice first, and it ends on time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from posturebreak.core.do_not_disturb import BusyReason, DoNotDisturb

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRETCH, SIT = "stretch", "uncross_legs"
HOUR = timedelta(hours=1)


def test_what_was_detected_holds_reminders_unless_the_user_turned_it_on() -> None:
    dnd = DoNotDisturb()
    assert dnd.reason(T0, None) is None
    assert dnd.reason(T0, BusyReason.CALL) is BusyReason.CALL
    dnd.turn_on(until=T0 + HOUR)
    assert dnd.reason(T0, BusyReason.CALL) is BusyReason.TURNED_ON
    assert dnd.until == T0 + HOUR


def test_turned_on_for_a_while_it_ends_by_itself_and_until_turned_off_it_does_not() -> None:
    dnd = DoNotDisturb()
    dnd.turn_on(until=T0 + HOUR)
    assert dnd.is_on(T0 + HOUR - timedelta(seconds=1))
    assert not dnd.is_on(T0 + HOUR) and dnd.until is None
    dnd.turn_on(until=None)
    assert dnd.is_on(T0 + 100 * HOUR)
    dnd.turn_off()
    assert not dnd.is_on(T0)


def test_each_held_kind_comes_once_soonest_first() -> None:
    dnd = DoNotDisturb()
    dnd.hold(SIT, T0 + 20 * timedelta(minutes=1))
    dnd.hold(STRETCH, T0 + 5 * timedelta(minutes=1))
    dnd.hold(SIT, T0 + 40 * timedelta(minutes=1))  # due again while still held
    assert dnd.holding
    assert dnd.release() == [
        (STRETCH, T0 + 5 * timedelta(minutes=1)),
        (SIT, T0 + 20 * timedelta(minutes=1)),
    ]
    assert not dnd.holding and dnd.release() == []


def test_every_reason_has_words_for_the_status() -> None:
    assert BusyReason.CALL.words == "you are in a call"
    assert all(reason.words for reason in BusyReason)
