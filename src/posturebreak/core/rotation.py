"""Which exercise a reminder suggests next, so that suggestions vary."""

from __future__ import annotations

import random
from collections import defaultdict, deque

from posturebreak.core.catalogue import Catalogue, Exercise
from posturebreak.core.reminders import ReminderKind


class ExerciseRotation:
    """Picks exercises at random, never one of the last ``recent_limit`` shown for a kind.

    Exercises that fit in the break are preferred (a two-minute foam-roller
    session does not fit a 30-second break); when none fits, any will do.
    """

    def __init__(
        self, catalogue: Catalogue, recent_limit: int = 5, rng: random.Random | None = None
    ) -> None:
        self.catalogue = catalogue
        self._recent_limit = recent_limit
        self._rng = rng or random.Random()
        self._recent: dict[ReminderKind, deque[str]] = defaultdict(deque)

    def next(self, kind: ReminderKind, break_seconds: int) -> Exercise | None:
        """The next exercise for ``kind``, or None when the catalogue has none for it."""
        candidates = self.catalogue.for_kind(kind)
        fitting = [e for e in candidates if e.duration_seconds <= break_seconds] or candidates
        if not fitting:
            return None
        # Keep at least one candidate free, however short the list.
        window = min(self._recent_limit, len(fitting) - 1)
        recent = list(self._recent[kind])[-window:] if window > 0 else []
        chosen = self._rng.choice([e for e in fitting if e.id not in recent])
        history = self._recent[kind]
        history.append(chosen.id)
        while len(history) > self._recent_limit:
            history.popleft()
        return chosen
