"""One way, for every layer, to translate text and to format dates, times and numbers.

Text goes through GNU gettext catalogues (``resources/locale/<language>.mo``): the
standard library reads them, so ``core/``, the command line and the Qt windows share
one mechanism and none of them needs Qt for it.  Until :func:`use` installs a
language, text stays English and :class:`PlainFormats` formats; that is what tests and
the C locale get.

Rules for code that shows text (``README.md`` → *Translations*):

- wrap every user-visible string in ``_()``; a string defined at import time in
  ``N_()`` and translate it where it is shown, with ``_(CONSTANT)``;
- put values in with named fields, ``_("Paused until {time}").format(time=…)``,
  never by joining pieces of a sentence;
- counts go through ``ngettext``; words that mean different things in different
  places through ``pgettext(context, text)``;
- dates, times and numbers go through :func:`formats`, never ``strftime`` or ``:.1f``.
"""

from __future__ import annotations

import gettext
from datetime import date, datetime, time
from typing import Protocol

__all__ = ["N_", "Formats", "PlainFormats", "_", "formats", "ngettext", "pgettext", "use"]


class Formats(Protocol):
    """How the user's locale writes clock times, days and numbers."""

    def clock(self, at: datetime | time) -> str:
        """A clock time: "14:05", or "2:05 PM" where the locale uses 12 hours."""
        ...

    def weekday(self, number: int) -> str:
        """A short weekday name; ``number`` is :meth:`date.weekday` (Monday is 0)."""
        ...

    def day_month(self, day: date) -> str:
        """A day and short month without the year: "23 Nov", "23. Nov.", "Nov 23"."""
        ...

    def day_month_year(self, day: date) -> str:
        """A day, short month and year: "23 Nov 2026", "23. Nov. 2026"."""
        ...

    def decimal(self, value: float, places: int = 1) -> str:
        """A number with ``places`` decimals and the locale's decimal sign."""
        ...

    def integer(self, value: int) -> str:
        """A whole number, grouped as the locale groups thousands."""
        ...


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PlainFormats:
    """English names, a 24-hour clock and a decimal point: the formats with no locale."""

    def clock(self, at: datetime | time) -> str:
        return f"{at.hour:02d}:{at.minute:02d}"

    def weekday(self, number: int) -> str:
        return _WEEKDAYS[number]

    def day_month(self, day: date) -> str:
        return f"{day.day} {_MONTHS[day.month - 1]}"

    def day_month_year(self, day: date) -> str:
        return f"{self.day_month(day)} {day.year}"

    def decimal(self, value: float, places: int = 1) -> str:
        return f"{value:.{places}f}"

    def integer(self, value: int) -> str:
        return str(value)


_translations: gettext.NullTranslations = gettext.NullTranslations()
_formats: Formats = PlainFormats()


def use(translations: gettext.NullTranslations, local_formats: Formats) -> None:
    """Installs the language and formats chosen at start (see ``i18n.language``)."""
    global _translations, _formats
    _translations, _formats = translations, local_formats


def _(message: str) -> str:
    """``message`` in the user's language (itself when there is no translation; an
    empty text stays empty, where gettext would give the catalogue's header)."""
    return _translations.gettext(message) if message else message


def N_(message: str) -> str:  # noqa: N802 - the name xgettext and translators know
    """Marks ``message`` for translation where it is defined; ``_()`` translates it later."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that fits ``count`` in the user's language."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` translated as meant in ``context`` ("outcome" vs "button", say)."""
    return _translations.pgettext(context, message)


def formats() -> Formats:
    """How the user's locale writes times, days and numbers."""
    return _formats
