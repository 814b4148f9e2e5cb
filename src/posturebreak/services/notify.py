"""Delivers a reminder to the user, trying one way after another until one works.

plyer's native notification comes first. If it raises (no backend, no
notification server on the bus, a D-Bus error), the next notifier in the
chain is tried, so a reminder is never silently lost.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from posturebreak import APP_NAME

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notification:
    title: str
    message: str


class NotificationError(Exception):
    """A notifier could not show a notification."""


class Notifier(Protocol):
    """One way of showing a notification; raises :class:`NotificationError` on failure."""

    @property
    def name(self) -> str: ...

    def show(self, notification: Notification) -> None: ...


class PlyerNotifier:
    """The desktop's native notifications, through plyer."""

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


class NotifierChain:
    """Tries each notifier in order; the first that works wins."""

    def __init__(self, notifiers: Sequence[Notifier]) -> None:
        self._notifiers = list(notifiers)

    def show(self, notification: Notification) -> str | None:
        """Shows the notification; returns the name of the notifier that did, or None."""
        for notifier in self._notifiers:
            try:
                notifier.show(notification)
            except NotificationError as error:
                log.warning("%s failed (%s); trying the next way", notifier.name, error)
                continue
            log.info("Reminder %r shown as %s", notification.title, notifier.name)
            return notifier.name
        log.error("Could not show reminder %r in any way", notification.title)
        return None
