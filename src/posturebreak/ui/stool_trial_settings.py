"""The settings dialog's foot-stool trial controls: on or off, and the stool's settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from posturebreak.core.stool_trial import (
    InvalidStoolTrialError,
    StoolTrialSettings,
    parse_setting_names,
)
from posturebreak.i18n import _


class StoolTrialGroup(QGroupBox):
    """A check box to run the trial and the stool's settings as a comma-separated line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Foot-stool height trial"), parent)
        self.setAccessibleName(self.title())
        form = QFormLayout(self)
        self.enabled = QCheckBox(_("Suggest a different stool &setting each working day"))
        self.enabled.setToolTip(
            _(
                "The foot-stool reminder says which setting is today's; the comfort check-in "
                "records it, and Your breaks shows comfort per setting after a few days each."
            )
        )
        self.names = QLineEdit()
        self.names.setAccessibleName(_("Your stool's settings, separated by commas"))
        # Translators: an example of what to type; keep the commas between the settings.
        self.names.setPlaceholderText(_("low, middle, high  or  8 cm, 12 cm, 16 cm"))
        self.enabled.toggled.connect(self.names.setEnabled)
        form.addRow(self.enabled)
        label = QLabel(_("Your stool's setti&ngs (commas between):"))
        label.setBuddy(self.names)
        label.setWordWrap(True)
        form.addRow(label)
        form.addRow(self.names)

    def show_settings(self, trial: StoolTrialSettings) -> None:
        self.enabled.setChecked(trial.enabled)
        self.names.setEnabled(trial.enabled)
        self.names.setText(", ".join(trial.settings))

    def problem(self) -> str | None:
        """What is wrong with the settings typed, for the dialog's message; None if nothing."""
        try:
            self.read()
        except InvalidStoolTrialError as error:
            return _("Foot-stool trial: {problem}.").format(problem=error)
        return None

    def read(self) -> StoolTrialSettings:
        """The trial as shown; raises :class:`InvalidStoolTrialError`."""
        return StoolTrialSettings(self.enabled.isChecked(), parse_setting_names(self.names.text()))
