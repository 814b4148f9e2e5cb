"""The settings dialog's "Sit/stand desk" group: on or off, the two spells, and how to ask."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from posturebreak.core.settings import limits_of
from posturebreak.core.sit_stand import SitStandSettings, SwitchPrompt
from posturebreak.i18n import N_, _

_PROMPT_LABELS = {
    SwitchPrompt.NOTIFICATION: N_("Notification (answer from the tray menu)"),
    SwitchPrompt.WINDOW: N_("Window with an “I'm standing now” button"),
}


class SitStandGroup(QGroupBox):
    """Edits a :class:`SitStandSettings`; its ranges are the model's own limits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Sit/stand desk"), parent)
        self.setCheckable(True)
        self.setAccessibleName(_("Sit/stand desk on"))
        self.setToolTip(_("For a height-adjustable desk: take turns sitting and standing."))
        self.sit = self._minutes("sit_minutes", _("Sit/stand desk: sit for"))
        self.stand = self._minutes("stand_minutes", _("Sit/stand desk: stand for"))
        self.prompt = QComboBox()
        self.prompt.setAccessibleName(_("Sit/stand desk: ask with"))
        for prompt, label in _PROMPT_LABELS.items():
            self.prompt.addItem(_(label), prompt.value)
        form = QFormLayout(self)
        form.addRow(_("Sit for:"), self.sit)
        form.addRow(_("Stand for:"), self.stand)
        form.addRow(_("Ask with:"), self.prompt)
        hint = QLabel(_("The tray menu shows since when you sit or stand, and switches at once."))
        hint.setWordWrap(True)
        form.addRow(hint)

    @staticmethod
    def _minutes(name: str, accessible_name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*limits_of(SitStandSettings, name))
        # Translators: a unit after a number of minutes in a number field ("45 min").
        box.setSuffix(_(" min"))
        box.setAccessibleName(accessible_name)
        return box

    def show_settings(self, settings: SitStandSettings) -> None:
        self.setChecked(settings.enabled)
        self.sit.setValue(settings.sit_minutes)
        self.stand.setValue(settings.stand_minutes)
        self.prompt.setCurrentIndex(self.prompt.findData(settings.style.value))

    def read(self) -> SitStandSettings:
        return SitStandSettings(
            enabled=self.isChecked(),
            sit_minutes=self.sit.value(),
            stand_minutes=self.stand.value(),
            style=SwitchPrompt(self.prompt.currentData()),
        )
