"""Which exercise a reminder suggests next, so that suggestions vary (also across restarts:
``seed`` says what the log holds as each reminder's last suggestions; it is asked once,
when the first suggestion is wanted, so that starting the app never reads the log)."""

from __future__ import annotations

import random
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence

from posturebreak.core.catalogue import Catalogue, Exercise
from posturebreak.core.categories import Category
from posturebreak.core.reminders import ReminderId


class ExerciseRotation:
    """Picks exercises at random, never one of the last ``recent_limit`` shown for a kind.

    Exercises that fit in the break are preferred (a two-minute foam-roller
    session does not fit a 30-second break); when none fits, any will do.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        recent_limit: int = 5,
        rng: random.Random | None = None,
        seed: Callable[[], Mapping[ReminderId, Sequence[str]]] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self._seed = seed
        self._recent_limit = recent_limit
        self._rng = rng or random.Random()
        self._recent: dict[ReminderId, deque[str]] = defaultdict(deque)

    def _seeded(self) -> None:
        """Takes in what each reminder suggested last (exercise ids, oldest first)."""
        seed, self._seed = self._seed, None
        if seed is None:
            return
        for kind, exercise_ids in seed().items():
            history = self._recent[kind]
            history.extend(exercise_ids)
            while len(history) > self._recent_limit:
                history.popleft()

    def next(
        self, kind: ReminderId, categories: Iterable[Category], break_seconds: int
    ) -> Exercise | None:
        """The next exercise for ``kind``, drawn from ``categories``; None when the
        catalogue has none there."""
        self._seeded()
        candidates = self.catalogue.in_categories(categories)
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
