"""Do not disturb: reminders wait while the user is busy, and come once when they are not.

Busy means do not disturb turned on from the tray or the command line (for a
while, or until turned off), the desktop's own do-not-disturb, a call (the
microphone or camera in use by another program), a shared or recorded screen,
a full-screen window (a presentation, a video, a game), or Windows' presentation
settings. While busy, break windows wait; a notification waits too, or comes
quietly at once, as the user chose. Each held kind comes once when the user is
no longer busy, however many times it came due meanwhile.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from posturebreak.core.reminders import ReminderId
from posturebreak.i18n import N_, _


class BusyReason(StrEnum):
    """Why reminders are held, in the order they are named when several apply."""

    TURNED_ON = "turned_on"
    DESKTOP = "desktop"
    CALL = "call"
    SHARING = "sharing"
    PRESENTING = "presenting"
    FULL_SCREEN = "full_screen"

    @property
    def words(self) -> str:
        """The reason as the tray and ``posture-break status`` say it."""
        return _(_WORDS[self])


# Translators: each follows "Holding reminders: " in the tray's tooltip.
_WORDS = {
    BusyReason.TURNED_ON: N_("do not disturb is on"),
    BusyReason.DESKTOP: N_("the desktop's do not disturb is on"),
    BusyReason.CALL: N_("you are in a call"),
    BusyReason.SHARING: N_("you are sharing your screen"),
    BusyReason.PRESENTING: N_("you are presenting"),
    BusyReason.FULL_SCREEN: N_("a window is full screen"),
}


class BusyDetector(Protocol):
    """One way of telling that the user is busy; answers quickly and never raises."""

    @property
    def reason(self) -> BusyReason: ...

    @property
    def name(self) -> str: ...

    def busy(self) -> bool: ...


class DoNotDisturb:
    """The user's own do-not-disturb, and the reminders held while busy."""

    def __init__(self) -> None:
        self._on = False
        self._until: datetime | None = None
        self._held: dict[ReminderId, datetime] = {}

    def turn_on(self, until: datetime | None) -> None:
        """Holds reminders until ``until``, or until turned off when None."""
        self._on, self._until = True, until

    def turn_off(self) -> None:
        self._on, self._until = False, None

    @property
    def until(self) -> datetime | None:
        """When a do-not-disturb the user turned on ends by itself (None: it does not)."""
        return self._until if self._on else None

    def is_on(self, now: datetime) -> bool:
        """Whether the user's own do-not-disturb is on; it ends by itself at its time."""
        if self._on and self._until is not None and now >= self._until:
            self.turn_off()
        return self._on

    def reason(self, now: datetime, detected: BusyReason | None) -> BusyReason | None:
        """Why reminders are held now: the user's own choice first, else what was detected."""
        return BusyReason.TURNED_ON if self.is_on(now) else detected

    def hold(self, kind: ReminderId, due_at: datetime) -> None:
        """Keeps a due reminder for later; a kind already held keeps its first due time."""
        self._held.setdefault(kind, due_at)

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def release(self) -> list[tuple[ReminderId, datetime]]:
        """The held reminders, soonest due first, to be given now; holds nothing after."""
        released = sorted(self._held.items(), key=lambda item: item[1])
        self._held.clear()
        return released
