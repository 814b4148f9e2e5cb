"""The tray icon, its tooltip and its menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from posturebreak import APP_NAME
from posturebreak.i18n import N_, _


class PauseLength(Enum):
    """The pause lengths the menu offers, with their labels (translated where shown)."""

    # Translators: an entry under "Pause reminders" in the tray menu.
    HALF_HOUR = N_("For 30 minutes")
    # Translators: an entry under "Pause reminders" and "Do not disturb" in the tray menu.
    HOUR = N_("For 1 hour")
    # Translators: an entry under "Pause reminders" and "Do not disturb" in the tray menu.
    UNTIL_TOMORROW = N_("Until tomorrow")


class DoNotDisturbLength(Enum):
    """How long do not disturb lasts when turned on from the menu, with its label
    (translated where shown)."""

    HOUR = N_("For 1 hour")
    UNTIL_TOMORROW = N_("Until tomorrow")
    # Translators: an entry under "Do not disturb" in the tray menu.
    UNTIL_TURNED_OFF = N_("Until I turn it off")


@dataclass(frozen=True)
class TrayState:
    """What the tray shows: a status line, whether reminders are paused, the pack timer,
    and whether do not disturb is on."""

    status: str
    paused: bool
    pack: str | None = None  # the heat/cold pack timer's state, when it runs
    do_not_disturb: bool = False
    sit_stand: str | None = None  # "Standing since 10:20", while sit/stand is on
    standing: bool = False
    # (id, name) of each enabled reminder, for "Take a break now".
    reminders: tuple[tuple[str, str], ...] = (("stretch", "Stretch"),)


class TrayIcon(QObject):
    """Shows the app's state in the tray and turns menu clicks into signals."""

    take_break_requested = Signal(str)  # the reminder's id
    log_requested = Signal()
    history_requested = Signal()
    comfort_requested = Signal()
    pause_requested = Signal(object)  # PauseLength
    do_not_disturb_requested = Signal(object)  # DoNotDisturbLength
    do_not_disturb_off_requested = Signal()
    resume_requested = Signal()
    skip_requested = Signal()
    workstation_requested = Signal()
    pack_start_requested = Signal()
    pack_stop_requested = Signal()
    posture_toggle_requested = Signal()
    settings_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        state_source: Callable[[], TrayState],
        icon: QIcon,
        paused_icon: QIcon,
        parent: QObject | None = None,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        """``tray``: a tray icon shown already, to take over (default: a new one)."""
        super().__init__(parent)
        self._state_source = state_source
        self._icon, self._paused_icon = icon, paused_icon
        self._shows_paused: bool | None = None  # None: whichever icon is set, set it anew
        self.tray = tray or QSystemTrayIcon()
        self.tray.setParent(self)
        self.tray.setIcon(icon)
        self.menu = QMenu()
        self._build_menu()
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        """A left click opens *Your breaks*; a middle click takes a break now."""
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.history_requested.emit()
        elif reason is QSystemTrayIcon.ActivationReason.MiddleClick:
            reminders = self._state_source().reminders
            self.take_break_requested.emit(reminders[0][0] if reminders else "stretch")

    def set_icons(self, icon: QIcon, paused_icon: QIcon) -> None:
        """Switches the icon theme."""
        self._icon, self._paused_icon = icon, paused_icon
        self._shows_paused = None
        self.refresh()

    def _build_menu(self) -> None:
        menu = self.menu
        self.status_action = menu.addAction("")
        self.status_action.setEnabled(False)
        self.sit_stand_status_action = menu.addAction("")
        self.sit_stand_status_action.setEnabled(False)
        self.sit_stand_action = self._add(menu, "", self.posture_toggle_requested)
        menu.addSeparator()
        self.take_break_menu = menu.addMenu(_("Take a break now"))
        self.take_break_menu.triggered.connect(
            lambda action: self.take_break_requested.emit(action.data())
        )
        self._break_entries: tuple[tuple[str, str], ...] | None = None
        self.log_action = self._add(menu, _("Log a stretch…"), self.log_requested)
        self.history_action = self._add(menu, _("Your breaks…"), self.history_requested)
        self.comfort_action = self._add(menu, _("How is your back?…"), self.comfort_requested)
        self.pause_menu, self.pause_actions = _choices(
            menu, _("Pause reminders"), PauseLength, self.pause_requested
        )
        self.resume_action = self._add(menu, _("Resume reminders"), self.resume_requested)
        self.skip_action = self._add(menu, _("Skip next reminder"), self.skip_requested)
        self.dnd_menu, self.dnd_actions = _choices(
            menu, _("Do not disturb"), DoNotDisturbLength, self.do_not_disturb_requested
        )
        self.dnd_off_action = self._add(
            menu, _("Turn off do not disturb"), self.do_not_disturb_off_requested
        )
        menu.addSeparator()
        self.workstation_action = self._add(
            menu, _("Check your workstation…"), self.workstation_requested
        )
        pack_menu = menu.addMenu(_("Heat/cold pack"))
        self.pack_start_action = self._add(
            pack_menu, _("Start pack timer"), self.pack_start_requested
        )
        self.pack_stop_action = self._add(pack_menu, _("Stop pack timer"), self.pack_stop_requested)
        self.settings_action = self._add(menu, _("Settings…"), self.settings_requested)
        self.about_action = self._add(
            menu, _("About {app}").format(app=APP_NAME), self.about_requested
        )
        menu.addSeparator()
        self.quit_action = self._add(menu, _("Quit"), self.quit_requested)

    @staticmethod
    def _add(menu: QMenu, label: str, signal: SignalInstance) -> QAction:
        action = menu.addAction(label)
        action.triggered.connect(signal)
        return action

    def refresh(self) -> None:
        """Pulls the current state into the tooltip, icon and menu."""
        state = self._state_source()
        extra = [line for line in (state.pack, state.sit_stand) if line]
        lines = [APP_NAME, state.status, *extra]
        tooltip = "\n".join(lines)
        if tooltip != self.tray.toolTip():  # each change is a round trip to the tray host
            self.tray.setToolTip(tooltip)
        if state.paused != self._shows_paused:
            self._shows_paused = state.paused
            self.tray.setIcon(self._paused_icon if state.paused else self._icon)
        self.status_action.setText(state.status)
        if state.reminders != self._break_entries:
            self._break_entries = state.reminders
            self.take_break_menu.clear()
            for reminder_id, name in state.reminders:
                self.take_break_menu.addAction(name).setData(reminder_id)
        self.take_break_menu.setEnabled(bool(state.reminders))
        self.resume_action.setEnabled(state.paused)
        self.skip_action.setEnabled(not state.paused)
        self.dnd_off_action.setVisible(state.do_not_disturb)
        self.pack_start_action.setText(
            _("Restart pack timer") if state.pack else _("Start pack timer")
        )
        self.pack_stop_action.setEnabled(state.pack is not None)
        for action in (self.sit_stand_status_action, self.sit_stand_action):
            action.setVisible(state.sit_stand is not None)
        self.sit_stand_status_action.setText(state.sit_stand or "")
        self.sit_stand_action.setText(
            _("I'm sitting now") if state.standing else _("I'm standing now")
        )


_Choice = TypeVar("_Choice", PauseLength, DoNotDisturbLength)


def _choices(
    menu: QMenu, title: str, choices: type[_Choice], chosen: SignalInstance
) -> tuple[QMenu, dict[_Choice, QAction]]:
    """A submenu with one entry per choice (labelled by its translated value); picking one
    emits it."""
    submenu = menu.addMenu(title)
    actions = {}
    for choice in choices:
        action = submenu.addAction(_(choice.value))
        action.setData(choice.name)
        actions[choice] = action
    submenu.triggered.connect(lambda action: chosen.emit(choices[action.data()]))
    return submenu, actions
