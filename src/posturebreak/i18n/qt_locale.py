"""The user's language and formats for a process that has Qt: QLocale's dates, times and
numbers (CLDR data Qt already holds, so no extra library) and Qt's own translations of
its standard buttons and dialogs."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

from posturebreak.i18n import Formats, PlainFormats, use
from posturebreak.i18n.language import SOURCE_LANGUAGE, translations_for, users_language

# Day and short month, with and without the year, by language (and territory where it
# differs); QLocale has the names but no "day and month" pattern.
_DAY_MONTH = {"de": "d. MMM", "en_US": "MMM d"}
_DAY_MONTH_YEAR = {"de": "d. MMM yyyy", "en_US": "MMM d, yyyy"}
_OTHER_DAY_MONTH, _OTHER_DAY_MONTH_YEAR = "d MMM", "d MMM yyyy"


class QtFormats:
    """:class:`~posturebreak.i18n.Formats` written the way ``locale`` writes them."""

    def __init__(self, locale: QLocale) -> None:
        self.locale = locale
        language = QLocale.languageToCode(locale.language())
        key = f"{language}_{QLocale.territoryToCode(locale.territory())}"
        self._day_month = _DAY_MONTH.get(key, _DAY_MONTH.get(language, _OTHER_DAY_MONTH))
        self._day_month_year = _DAY_MONTH_YEAR.get(
            key, _DAY_MONTH_YEAR.get(language, _OTHER_DAY_MONTH_YEAR)
        )

    def clock(self, at: datetime | time) -> str:
        return self.locale.toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)

    def weekday(self, number: int) -> str:
        return self.locale.dayName(number + 1, QLocale.FormatType.ShortFormat)

    def day_month(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), self._day_month)

    def day_month_year(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), self._day_month_year)

    def decimal(self, value: float, places: int = 1) -> str:
        return self.locale.toString(float(value), "f", places)

    def integer(self, value: int) -> str:
        return self.locale.toString(value)


def formats_for(language: str, system: QLocale) -> Formats:
    """The system's formats when it speaks ``language``; else ``language`` as written in
    the system's country ("en" in Germany keeps the 24-hour clock); plain with no locale."""
    if system.language() == QLocale.Language.C:
        if language == SOURCE_LANGUAGE:
            return PlainFormats()
        return QtFormats(QLocale(language))
    if QLocale.languageToCode(system.language()) == language:
        return QtFormats(system)
    return QtFormats(QLocale(QLocale.codeToLanguage(language), system.territory()))


def speak_users_language(setting: str, app: QCoreApplication | None = None) -> str:
    """Chooses the language, installs its catalogue and formats, and (given ``app``) Qt's
    translations of its own buttons; returns the language code."""
    system = QLocale.system()
    language = users_language(setting, system.uiLanguages())
    local_formats = formats_for(language, system)
    use(translations_for(language), local_formats)
    if isinstance(local_formats, QtFormats):
        QLocale.setDefault(local_formats.locale)
    if app is not None and language != SOURCE_LANGUAGE:
        translator = QTranslator(app)  # the app keeps it alive
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
    return language
