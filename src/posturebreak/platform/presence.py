"""The shape every presence detector has: is the user at the computer?"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, Signal


class PresenceDetector(QObject):
    """One source of "is the user here?": idle input, sleep, the lock screen.

    After ``went_away`` it emits ``came_back`` exactly once when the user
    returns, and never two ``went_away`` in a row.
    """

    # datetime (aware): when the absence began (the last input, or going to sleep)
    went_away = Signal(object)
    came_back = Signal(object)  # datetime (aware): when the user was back
    name = "Presence"
    unavailable_reason = ""

    def start(self) -> bool:
        """Begins watching; False (with ``unavailable_reason`` set) where it cannot work."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class IdleDetector(PresenceDetector):
    """A presence detector that calls an absence after a threshold of no input."""

    def set_threshold(self, threshold: timedelta) -> None:
        """ "Away" is no input for at least ``threshold``; takes effect at once."""
        raise NotImplementedError
