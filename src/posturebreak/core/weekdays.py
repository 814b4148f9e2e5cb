"""The days of the week, as settings and schedules name them."""

from __future__ import annotations

from enum import StrEnum


class Weekday(StrEnum):
    """A day of the week; ``number`` matches :meth:`datetime.date.weekday` (Monday is 0)."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        return list(Weekday).index(self)

    @classmethod
    def week_from(cls, first: Weekday) -> tuple[Weekday, ...]:
        """All seven days, starting with ``first``."""
        days = list(cls)
        return tuple(days[first.number :] + days[: first.number])
