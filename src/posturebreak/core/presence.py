"""Whether the user is at the computer, from several detectors at once.

Idle input, sleep and (later) the lock screen each say "away since …" and
"back". The user is away while any of them says so and back once the last
one does; the absence began with the first. A detector that reports an
absence beginning before the user's last return (an idle counter that went
on through a sleep) is taken to begin at that return instead.
"""

from __future__ import annotations

from datetime import datetime


class Presence:
    """Combines the detectors' reports into one absence at a time."""

    def __init__(self) -> None:
        self._away: dict[str, datetime] = {}  # detector → when it saw the absence begin
        self._last_back: datetime | None = None

    @property
    def away_since(self) -> datetime | None:
        return min(self._away.values()) if self._away else None

    def went_away(self, detector: str, since: datetime) -> datetime | None:
        """``detector`` says the user is away; returns when the absence began if this
        report begins one, else None (already away)."""
        if self._last_back is not None:
            since = max(since, self._last_back)
        began = not self._away
        self._away.setdefault(detector, since)
        return since if began else None

    def came_back(self, detector: str, at: datetime) -> bool:
        """``detector`` says the user is back (or was switched off); True when no
        detector says otherwise."""
        if self._away.pop(detector, None) is None or self._away:
            return False
        self._last_back = at
        return True
