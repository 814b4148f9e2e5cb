"""The notifier chain: a reminder is never lost when one way of showing it fails."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pytest

from posturebreak.services.notify import (
    Notification,
    NotificationError,
    NotifierChain,
    PlyerNotifier,
    Shown,
    Urgency,
)

NOTE = Notification("Stretch break", "Stand up.")


@dataclass
class FakeNotifier:
    name: str
    fails: bool = False
    shown: list[Notification] = field(default_factory=list)

    def show(self, notification: Notification) -> None:
        if self.fails:
            raise NotificationError("no server")
        self.shown.append(notification)


def test_the_first_working_notifier_shows_the_reminder() -> None:
    first, second = FakeNotifier("first"), FakeNotifier("second")
    assert NotifierChain([first, second]).show(NOTE) == Shown("first")
    assert first.shown == [NOTE] and second.shown == []


def test_a_failing_notifier_hands_over_to_the_next_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken, fallback = FakeNotifier("native", fails=True), FakeNotifier("tray")
    assert NotifierChain([broken, fallback]).show(NOTE) == Shown("tray")
    assert fallback.shown == [NOTE]
    assert "native failed (no server)" in caplog.text


URGENT = Notification("Take the pack off now", "Time is up.", Urgency.CRITICAL)


def test_an_urgent_notification_also_goes_to_the_tray() -> None:
    native, tray = FakeNotifier("native"), FakeNotifier("tray")
    chain = NotifierChain([native, tray], echo_urgent=tray)
    assert chain.show(NOTE) == Shown("native") and tray.shown == []
    assert chain.show(URGENT) == Shown("native")
    assert native.shown[-1] == URGENT and tray.shown == [URGENT]


def test_an_urgent_notification_the_tray_showed_itself_is_not_shown_twice() -> None:
    native, tray = FakeNotifier("native", fails=True), FakeNotifier("tray")
    assert NotifierChain([native, tray], echo_urgent=tray).show(URGENT) == Shown("tray")
    assert tray.shown == [URGENT]


def test_when_every_notifier_fails_the_loss_is_logged_as_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert NotifierChain([FakeNotifier("a", fails=True)]).show(NOTE) is None
    assert any(r.levelno == logging.ERROR for r in caplog.records)


@pytest.mark.parametrize("error", [NotImplementedError("no backend"), OSError("bus gone")])
def test_plyer_failures_become_notification_errors(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    from plyer import notification

    def fail(**_: object) -> None:
        raise error

    monkeypatch.setattr(notification, "notify", fail)
    with pytest.raises(NotificationError, match=type(error).__name__):
        PlyerNotifier(None).show(NOTE)


def test_plyer_gets_title_message_app_name_and_icon(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from plyer import notification

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(notification, "notify", lambda **kw: calls.append(kw))
    PlyerNotifier(Path("/icons/app.svg"), timeout_seconds=9).show(NOTE)
    assert calls == [
        {
            "title": "Stretch break",
            "message": "Stand up.",
            "app_name": "Posture Break",
            "app_icon": "/icons/app.svg",
            "timeout": 9,
        }
    ]
