"""Dates, times and numbers for the command line, which loads no Qt: written as the C
library's locale writes them (``LC_TIME``, ``LC_NUMERIC``), like ``date`` and ``ls``."""

from __future__ import annotations

import locale
from datetime import date, datetime, time, timedelta

from posturebreak.i18n import Formats, PlainFormats

_A_MONDAY = date(2024, 1, 1)
_NO_LOCALE = ("C", "POSIX")


class CLibraryFormats:
    """:class:`~posturebreak.i18n.Formats` from the locale ``setlocale`` chose."""

    def __init__(self, time_format: str, date_format: str) -> None:
        # nl_langinfo's T_FMT and D_FMT ("%T", "%r"; "%d.%m.%Y", "%m/%d/%Y") say whether the
        # clock has 12 hours and whether the month or the day comes first.
        self._twelve_hours = any(code in time_format for code in ("%r", "%I", "%l", "%p"))
        month, day = date_format.find("%m"), date_format.find("%d")
        self._month_first = -1 < month < day
        self._dotted = "%d." in date_format

    def clock(self, at: datetime | time) -> str:
        moment = datetime.combine(_A_MONDAY, time(at.hour, at.minute))
        if self._twelve_hours:
            return moment.strftime("%I:%M %p").lstrip("0")
        return moment.strftime("%H:%M")

    def weekday(self, number: int) -> str:
        return (_A_MONDAY + timedelta(days=number)).strftime("%a")

    def day_month(self, day: date) -> str:
        month = day.strftime("%b")
        if self._month_first:
            return f"{month} {day.day}"
        return f"{day.day}. {month}" if self._dotted else f"{day.day} {month}"

    def day_month_year(self, day: date) -> str:
        separator = ", " if self._month_first else " "
        return f"{self.day_month(day)}{separator}{day.year}"

    def decimal(self, value: float, places: int = 1) -> str:
        return locale.format_string(f"%.{places}f", value, grouping=True)

    def integer(self, value: int) -> str:
        return locale.format_string("%d", value, grouping=True)


def c_library_formats() -> Formats:
    """The user's locale as the C library has it; plain formats when it has none (C,
    a locale that is not installed, or no ``nl_langinfo``, as on Windows)."""
    try:
        chosen = locale.setlocale(locale.LC_TIME, "")
        locale.setlocale(locale.LC_NUMERIC, "")
        time_format, date_format = (
            locale.nl_langinfo(locale.T_FMT),
            locale.nl_langinfo(locale.D_FMT),
        )
    except (locale.Error, AttributeError):
        return PlainFormats()
    if chosen.split(".")[0] in _NO_LOCALE:
        return PlainFormats()
    return CLibraryFormats(time_format, date_format)
