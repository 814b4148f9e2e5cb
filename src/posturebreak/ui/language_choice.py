"""The settings' language field: the system's language or one of the shipped ones.

Each language is named in itself ("Deutsch"), so a user who cannot read the current
language still finds their own. A saved language that no longer ships stays chosen,
shown by its code, until the user picks another.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel

from posturebreak.i18n import _

_NATIVE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español"}
SYSTEM_DEFAULT = ""  # the setting's value for "follow the system's language"


def native_name(code: str) -> str:
    """The language's name in that language; the code itself when it is not known."""
    return _NATIVE_NAMES.get(code, code)


class LanguageChoice:
    """A combo box of languages (with "System default" first) and the note under it."""

    def __init__(self, languages: Sequence[str]) -> None:
        self.box = QComboBox()
        self.box.setAccessibleName(_("Language"))
        self.box.addItem(_("System default"), SYSTEM_DEFAULT)
        for code in languages:
            self.box.addItem(native_name(code), code)
        self._shipped_count = self.box.count()
        self.note = QLabel(_("Takes effect when Posture Break restarts."))
        self.note.setWordWrap(True)

    def show(self, code: str) -> None:
        """Selects ``code``, adding it by its code when it is not shipped (any more)."""
        while self.box.count() > self._shipped_count:
            self.box.removeItem(self.box.count() - 1)
        if self.box.findData(code) < 0:
            self.box.addItem(native_name(code), code)
        self.box.setCurrentIndex(self.box.findData(code))

    def code(self) -> str:
        """The chosen language's code; "" for the system's language."""
        return str(self.box.currentData())
