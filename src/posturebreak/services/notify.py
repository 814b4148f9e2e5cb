"""Delivers a reminder to the user, trying one way after another until one works.

The desktop's native notification comes first (the freedesktop server over
D-Bus on Linux, plyer elsewhere). If it raises (no backend, no notification
server on the bus, a D-Bus error), the next notifier in the chain is tried,
so a reminder is never silently lost. A notifier that can take its
notification back again (once the break window for it is answered) says so
by returning a :data:`Withdraw`.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from posturebreak import APP_NAME

log = logging.getLogger(__name__)


class Urgency(IntEnum):
    """How pressing a notification is; the values are the freedesktop specification's."""

    LOW = 0  # given while the user is busy: quietly
    NORMAL = 1
    CRITICAL = 2  # a safety alert: stays until dismissed, shown in the tray too


@dataclass(frozen=True)
class Notification:
    title: str
    message: str
    urgency: Urgency = Urgency.NORMAL


# Takes a shown notification off the screen again.
Withdraw = Callable[[], None]


@dataclass(frozen=True)
class Shown:
    """How a notification was shown: by which notifier, and how to withdraw it (if it can)."""

    by: str
    withdraw: Withdraw | None = None


class NotificationError(Exception):
    """A notifier could not show a notification."""


class Notifier(Protocol):
    """One way of showing a notification; raises :class:`NotificationError` on failure.

    ``show`` returns a way to withdraw the notification, or None where there is none.
    """

    @property
    def name(self) -> str: ...

    def show(self, notification: Notification) -> Withdraw | None: ...


class PlyerNotifier:
    """The desktop's native notifications through plyer, where we do not speak to them
    ourselves (Windows, macOS). plyer can neither withdraw a notification nor mark
    one urgent."""

    name = "desktop notification"

    def __init__(self, icon: Path | None, timeout_seconds: int = 15) -> None:
        self._icon = icon
        self._timeout_seconds = timeout_seconds

    def show(self, notification: Notification) -> None:
        try:
            # plyer warns instead of failing when it has to degrade (e.g. no dbus-python);
            # treat that as a failure so the chain can choose a notifier that reports errors.
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                from plyer import notification as plyer_notification

                plyer_notification.notify(
                    title=notification.title,
                    message=notification.message,
                    app_name=APP_NAME,
                    app_icon=str(self._icon) if self._icon else "",
                    timeout=self._timeout_seconds,
                )
        except Exception as error:
            raise NotificationError(f"{type(error).__name__}: {error}") from error


class NotificationService(Protocol):
    """Shows a notification one way or another and says how: the chain, or a test's recorder."""

    def show(self, notification: Notification) -> Shown | None: ...


def native_notifier(icon: Path | None) -> Notifier:
    """The freedesktop server on Linux and BSD desktops; plyer on Windows and macOS."""
    if sys.platform in ("win32", "darwin"):
        return PlyerNotifier(icon)
    from posturebreak.services.freedesktop_notify import FreedesktopNotifier

    return FreedesktopNotifier(icon)


class NotifierChain:
    """Tries each notifier in order; the first that works wins.

    An urgent notification is also given to ``echo_urgent`` (the tray), unless
    that is the notifier that showed it, so a safety alert shows in two places.
    """

    def __init__(self, notifiers: Sequence[Notifier], echo_urgent: Notifier | None = None) -> None:
        self._notifiers = list(notifiers)
        self._echo_urgent = echo_urgent

    def show(self, notification: Notification) -> Shown | None:
        """Shows the notification; says which notifier did, or None when none could."""
        for notifier in self._notifiers:
            try:
                withdraw = notifier.show(notification)
            except NotificationError as error:
                log.warning("%s failed (%s); trying the next way", notifier.name, error)
                continue
            log.info("Reminder %r shown as %s", notification.title, notifier.name)
            if notification.urgency is Urgency.CRITICAL and self._echo_urgent is not None:
                self._echo(self._echo_urgent, notifier, notification)
            return Shown(notifier.name, withdraw)
        log.error("Could not show reminder %r in any way", notification.title)
        return None

    @staticmethod
    def _echo(echo: Notifier, shown_by: Notifier, notification: Notification) -> None:
        """Gives an urgent notification to ``echo`` too, unless that showed it already."""
        if echo is shown_by:
            return
        try:
            echo.show(notification)
        except NotificationError as error:
            log.info("The urgent notification did not also reach %s (%s)", echo.name, error)
