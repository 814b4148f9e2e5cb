"""The settings dialog's "Sit/stand desk" group: on or off, the two spells, and how to ask."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from posturebreak.core.settings import limits_of
from posturebreak.core.sit_stand import SitStandSettings, SwitchPrompt

_PROMPT_LABELS = {
    SwitchPrompt.NOTIFICATION: "Notification (answer from the tray menu)",
    SwitchPrompt.WINDOW: "Window with an \u201cI'm standing now\u201d button",
}
_TITLE = "Sit/stand desk"


class SitStandGroup(QGroupBox):
    """Edits a :class:`SitStandSettings`; its ranges are the model's own limits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_TITLE, parent)
        self.setCheckable(True)
        self.setAccessibleName(f"{_TITLE} on")
        self.setToolTip("For a height-adjustable desk: take turns sitting and standing.")
        self.sit = self._minutes("sit_minutes", "Sit for")
        self.stand = self._minutes("stand_minutes", "Stand for")
        self.prompt = QComboBox()
        self.prompt.setAccessibleName(f"{_TITLE}: ask with")
        for prompt, label in _PROMPT_LABELS.items():
            self.prompt.addItem(label, prompt.value)
        form = QFormLayout(self)
        for label, field in (("Sit for:", self.sit), ("Stand for:", self.stand)):
            form.addRow(label, field)
        form.addRow("Ask with:", self.prompt)
        hint = QLabel("The tray menu shows since when you sit or stand, and switches at once.")
        hint.setWordWrap(True)
        form.addRow(hint)

    @staticmethod
    def _minutes(name: str, accessible_name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*limits_of(SitStandSettings, name))
        box.setSuffix(" min")
        box.setAccessibleName(f"{_TITLE}: {accessible_name.lower()}")
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
