"""The settings dialog: shows a :class:`Settings` and hands back the edited one.

It edits, it does not decide: OK and Apply emit :attr:`SettingsDialog.apply_requested`
with the new settings, and the app saves and applies them. Widget ranges come
from the model's own limits, so the dialog cannot produce an invalid value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date, time
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.reminders import SHIPPED_REMINDERS
from posturebreak.core.settings import (
    GeneralSettings,
    IconTheme,
    InvalidSettingError,
    OutsideWorkingHours,
    PackSettings,
    ScheduleSettings,
    Settings,
    WhileBusy,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import N_, _, pgettext
from posturebreak.i18n.language import available_languages
from posturebreak.ui.form_fields import day_name, short_day_name, time_edit
from posturebreak.ui.form_fields import spin_box as _spin_box
from posturebreak.ui.form_fields import to_qtime as _to_qtime
from posturebreak.ui.language_choice import LanguageChoice
from posturebreak.ui.reminder_list import ReminderList
from posturebreak.ui.screen_fit import fit_to_screen, scrolling
from posturebreak.ui.sit_stand_settings import SitStandGroup
from posturebreak.ui.stool_trial_settings import StoolTrialGroup

_Choice = TypeVar("_Choice", bound=StrEnum)
_Button = QDialogButtonBox.StandardButton

_OUTSIDE_LABELS = {
    OutsideWorkingHours.REMIND: N_("Remind me at any time"),
    OutsideWorkingHours.SILENT: N_("Only during my working hours"),
}
_WHILE_BUSY_LABELS = {
    WhileBusy.WAIT: N_("Wait until I am free"),
    WhileBusy.QUIET: N_("Come at once, quietly"),
}
_THEME_LABELS = {
    # Translators: the tray icon's colours; a coloured icon is readable on any panel.
    IconTheme.AUTO: N_("Colour (suits any panel)"),
    IconTheme.LIGHT: N_("Light (for dark panels)"),
    IconTheme.DARK: N_("Dark (for light panels)"),
}


def _choice_box(labels: Mapping[_Choice, str], accessible_name: str) -> QComboBox:
    box = QComboBox()
    for value, label in labels.items():
        box.addItem(_(label), value.value)
    box.setAccessibleName(accessible_name)
    return box


def _select(box: QComboBox, value: StrEnum) -> None:
    box.setCurrentIndex(box.findData(value.value))


class SettingsDialog(QDialog):
    """Reminders, Schedule and General tabs with OK / Cancel / Apply / Restore Defaults."""

    apply_requested = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        icon: QIcon,
        today: date,
        parent: QWidget | None = None,
        languages: Sequence[str] | None = None,
    ) -> None:
        """``today``: for the reminder list's dates (a start date names its year only when
        it is not this year's); ``languages``: the shipped languages' codes (by default
        those with a catalogue in ``resources/locale``)."""
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._build_reminders_tab(settings, today)), _("&Reminders"))
        self.tabs.addTab(scrolling(self._build_schedule_tab()), _("S&chedule"))
        self.tabs.addTab(
            scrolling(
                self._build_general_tab(
                    languages if languages is not None else available_languages()
                )
            ),
            _("&General"),
        )

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #b3261e; }")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            _Button.Ok | _Button.Cancel | _Button.Apply | _Button.RestoreDefaults
        )
        self.buttons.clicked.connect(self._button_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.show_settings(settings)
        fit_to_screen(self, self.sizeHint().expandedTo(self._content_size()))

    def _content_size(self) -> QSize:
        """The size that shows every tab whole, without scrolling."""
        areas = [self.tabs.widget(i) for i in range(self.tabs.count())]
        inner = [
            page
            for area in areas
            if isinstance(area, QScrollArea) and (page := area.widget()) is not None
        ]
        width = max(page.sizeHint().width() for page in inner)
        height = max(page.sizeHint().height() for page in inner)
        chrome = self.tabs.tabBar().sizeHint().height() + self.buttons.sizeHint().height()
        return QSize(width + 40, height + chrome + 60)

    # -- building ---------------------------------------------------------------------

    def _build_reminders_tab(self, settings: Settings, today: date) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.reminder_list = ReminderList(
            settings.reminders,
            tuple(SHIPPED_REMINDERS.values()),
            today,
            settings.general.first_day_of_week,
        )
        layout.addWidget(self.reminder_list, stretch=1)
        self.sit_stand = SitStandGroup()
        layout.addWidget(self.sit_stand)
        layout.addStretch()
        return page

    def _build_schedule_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.outside_hours = _choice_box(_OUTSIDE_LABELS, _("When reminders come"))
        self.outside_hours.currentIndexChanged.connect(self._update_enabled)
        form.addRow(_("&Reminders come:"), self.outside_hours)

        self.hours_start = time_edit(_("Working hours start"))
        self.hours_end = time_edit(_("Working hours end"))
        hours = QHBoxLayout()
        hours.addWidget(self.hours_start)
        # Translators: between the start and end of the working hours ("09:00 to 17:00").
        to_label = QLabel(_("t&o"))
        to_label.setBuddy(self.hours_end)
        hours.addWidget(to_label)
        hours.addWidget(self.hours_end)
        hours.addStretch()
        form.addRow(_("&Working hours:"), hours)
        self._hours_label = form.labelForField(hours)
        if isinstance(self._hours_label, QLabel):
            self._hours_label.setBuddy(self.hours_start)

        self.day_boxes = {day: QCheckBox(short_day_name(day)) for day in Weekday}
        for day, box in self.day_boxes.items():
            box.setAccessibleName(_("Work on {day}").format(day=day_name(day)))
        self._days_row = QHBoxLayout()
        form.addRow(_("Working &days:"), self._days_row)
        self._days_label = form.labelForField(self._days_row)

        self.idle_threshold = _spin_box(
            ScheduleSettings, "idle_threshold_minutes", _(" min"), _("Natural break after")
        )
        # Translators: the natural-break field's value when idle time is not watched.
        self.idle_threshold.setSpecialValueText(pgettext("natural break", "Off"))
        self.idle_threshold.setToolTip(
            _(
                "No keyboard or mouse input this long means you are away: the countdowns stop, "
                "and a break's length away counts as a natural break. Off: only a locked screen "
                "or sleep means away."
            )
        )
        form.addRow(_("&Natural break after:"), self.idle_threshold)
        self.while_busy = _choice_box(_WHILE_BUSY_LABELS, _("Notifications while busy"))
        self.while_busy.setToolTip(
            _(
                "Busy: do not disturb is on, you are in a call, or a window is full screen. "
                "Break windows always wait until you are free."
            )
        )
        form.addRow(_("Notifications while &busy:"), self.while_busy)
        return page

    def _build_general_tab(self, languages: Sequence[str]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sound = QCheckBox(_("Ring the system &bell when a break window opens"))
        self.start_at_login = QCheckBox(_("Start &at login"))
        self.icon_theme = _choice_box(_THEME_LABELS, _("Tray icon"))
        self.first_day = QComboBox()
        self.first_day.setAccessibleName(_("First day of the week"))
        for day in Weekday:
            self.first_day.addItem(day_name(day), day.value)
        self.first_day.currentIndexChanged.connect(self._order_days)
        form.addRow(self.sound)
        form.addRow(self.start_at_login)
        form.addRow(_("Tray &icon:"), self.icon_theme)
        form.addRow(_("&First day of the week:"), self.first_day)
        self.language = LanguageChoice(languages)
        form.addRow(_("&Language:"), self.language.box)
        form.addRow("", self.language.note)  # under the box it is about
        self.daily_goal = _spin_box(
            GeneralSettings,
            "daily_goal",
            # Translators: after the daily goal's number: "4 done breaks".
            _(" done breaks"),
            _("Daily goal"),
        )
        self.daily_goal.setToolTip(
            _("Days with at least this many done breaks count towards your streak.")
        )
        form.addRow(_("Daily &goal:"), self.daily_goal)
        self.pack_on = _spin_box(PackSettings, "on_minutes", _(" min"), _("Heat/cold pack on for"))
        self.pack_rest = _spin_box(
            PackSettings, "rest_minutes", _(" min"), _("Skin rest after the pack")
        )
        self.pack_rest.setSpecialValueText(_("No rest timer"))
        form.addRow(_("Heat/cold &pack on for:"), self.pack_on)
        form.addRow(_("Then skin &rest for:"), self.pack_rest)
        self.stool_trial = StoolTrialGroup()
        form.addRow(self.stool_trial)
        return page

    # -- state ------------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        """Fills every field from ``settings``."""
        self.reminder_list.set_reminders(tuple(settings.reminders))
        schedule = settings.schedule
        _select(self.outside_hours, schedule.outside_working_hours)
        self.hours_start.setTime(_to_qtime(schedule.working_hours_start))
        self.hours_end.setTime(_to_qtime(schedule.working_hours_end))
        for day, box in self.day_boxes.items():
            box.setChecked(day in schedule.working_days)
        self.idle_threshold.setValue(schedule.idle_threshold_minutes)
        _select(self.while_busy, schedule.notifications_while_busy)
        general = settings.general
        self.sound.setChecked(general.sound)
        self.start_at_login.setChecked(general.start_at_login)
        _select(self.icon_theme, general.icon_theme)
        _select(self.first_day, general.first_day_of_week)
        self.language.show(general.language)
        self.daily_goal.setValue(general.daily_goal)
        self.pack_on.setValue(settings.pack.on_minutes)
        self.pack_rest.setValue(settings.pack.rest_minutes)
        self.sit_stand.show_settings(settings.sit_stand)
        self.stool_trial.show_settings(settings.stool_trial)
        self._order_days()
        self._update_enabled()
        self.error_label.hide()

    def settings(self) -> Settings:
        """The settings the fields show; raises InvalidSettingError for an impossible mix."""
        start, end = self.hours_start.time(), self.hours_end.time()
        return Settings(
            reminders=self.reminder_list.reminders(),
            schedule=ScheduleSettings(
                working_hours_start=time(start.hour(), start.minute()),
                working_hours_end=time(end.hour(), end.minute()),
                working_days=tuple(day for day, box in self.day_boxes.items() if box.isChecked()),
                outside_working_hours=OutsideWorkingHours(self.outside_hours.currentData()),
                idle_threshold_minutes=self.idle_threshold.value(),
                notifications_while_busy=WhileBusy(self.while_busy.currentData()),
            ),
            general=GeneralSettings(
                sound=self.sound.isChecked(),
                start_at_login=self.start_at_login.isChecked(),
                first_day_of_week=Weekday(self.first_day.currentData()),
                icon_theme=IconTheme(self.icon_theme.currentData()),
                daily_goal=self.daily_goal.value(),
                language=self.language.code(),
            ),
            pack=PackSettings(on_minutes=self.pack_on.value(), rest_minutes=self.pack_rest.value()),
            sit_stand=self.sit_stand.read(),
            stool_trial=self.stool_trial.read(),
        )

    def show_error(self, text: str) -> None:
        """Shows why the last Apply did not fully work; the dialog stays open."""
        self.error_label.setText(text)
        self.error_label.show()

    def disable_start_at_login(self, reason: str) -> None:
        """For systems where the app cannot register itself to start at login."""
        self.start_at_login.setEnabled(False)
        self.start_at_login.setToolTip(reason)

    # -- reactions --------------------------------------------------------------------

    def _button_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == _Button.RestoreDefaults:
            # The user's own reminders stay; the list's Restore shipped resets reminders.
            defaults = dataclasses.replace(Settings(), reminders=self.reminder_list.reminders())
            self.show_settings(defaults)
        elif role in (_Button.Ok, _Button.Apply):
            applied = self._apply()
            if applied and role == _Button.Ok:
                self.accept()

    def _apply(self) -> bool:
        """Hands the settings on; False when they were refused or could not be saved."""
        if self.hours_start.time() == self.hours_end.time():
            self.show_error(
                _(
                    "Working hours must start and end at different times. For reminders at any "
                    "time of day, choose “{choice}”."
                ).format(choice=_(_OUTSIDE_LABELS[OutsideWorkingHours.REMIND]))
            )
            return False
        if (problem := self.stool_trial.problem()) is not None:
            self.show_error(problem)
            return False
        try:
            settings = self.settings()
        except InvalidSettingError:
            self.show_error(_("Choose at least one working day."))
            return False
        self.error_label.hide()
        self.apply_requested.emit(settings)  # the app calls show_error() if saving fails
        return self.error_label.isHidden()

    def _order_days(self) -> None:
        """Lays out the day boxes (and the list's day ranges) from the chosen first day."""
        first = Weekday(self.first_day.currentData())
        self.reminder_list.set_first_day(first)
        previous: QWidget = self.hours_end
        for day in Weekday.week_from(first):
            self._days_row.removeWidget(self.day_boxes[day])
        for day in Weekday.week_from(first):
            box = self.day_boxes[day]
            self._days_row.addWidget(box)
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.idle_threshold)
        if isinstance(self._days_label, QLabel):
            self._days_label.setBuddy(self.day_boxes[first])

    def _update_enabled(self) -> None:
        only_working_hours = self.outside_hours.currentData() == OutsideWorkingHours.SILENT.value
        for widget in (self.hours_start, self.hours_end, *self.day_boxes.values()):
            widget.setEnabled(only_working_hours)
