"""Builds the running app and wires its parts together.

Start-up order: Qt application → single-instance claim (a second launch
hands over and exits) → settings → schedule and scheduler → tray →
notifiers → control commands → first tray refresh and scheduler start.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from posturebreak import APP_NAME, __version__
from posturebreak.comfort_check_ins import ComfortCheckIns
from posturebreak.control import ControlCommands
from posturebreak.core.categories import Category
from posturebreak.core.clock import Clock, ClockJumps, TimeScale, boot_seconds
from posturebreak.core.events import EventSink, Outcome, ReminderEvent
from posturebreak.core.reminders import SHIPPED_REMINDERS, ReminderAction, display_name
from posturebreak.core.rotation import ExerciseRotation
from posturebreak.core.settings import Settings
from posturebreak.core.status import pack_status
from posturebreak.first_run import no_tray_notice
from posturebreak.i18n import _
from posturebreak.i18n.qt_locale import speak_users_language
from posturebreak.logsetup import log_uncaught_exceptions
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors, detectors_here
from posturebreak.reminder_flow import ReminderFlow
from posturebreak.resources import resource_path
from posturebreak.services.activity_store import DATABASE_NAME, ActivityLogError, ActivityStore
from posturebreak.services.autostart import autostart_here, launch_command
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.services.control_socket import send_command
from posturebreak.services.instance import InstanceServer
from posturebreak.services.notify import (
    Notification,
    NotificationService,
    NotifierChain,
    native_notifier,
)
from posturebreak.services.pack_alarm import PackAlarm
from posturebreak.services.settings_store import SettingsSaveError, SettingsStore
from posturebreak.services.sit_stand_service import SitStandService
from posturebreak.services.sit_stand_store import SwitchLog, recent_standing
from posturebreak.services.workstation_store import WorkstationStore, load_checklist
from posturebreak.timing import ReminderTiming
from posturebreak.ui.break_windows import BreakWindows
from posturebreak.ui.dialogs import InfoWindows, bring_forward
from posturebreak.ui.icons import app_icon, tray_icons
from posturebreak.ui.notifiers import TrayMessageNotifier, WindowNotifier
from posturebreak.ui.sit_stand_prompt import SwitchPrompter
from posturebreak.ui.style import use_plain_buttons
from posturebreak.ui.tray import DoNotDisturbLength, PauseLength, TrayIcon, TrayState
from posturebreak.ui.tray_first import qt_application
from posturebreak.workstation_checks import WorkstationChecks

# The windows, the history and the export load when first opened, not at start: the tray
# needs none of them (see test_start_up_imports).
if TYPE_CHECKING:
    from posturebreak.core.export import ExportFormat
    from posturebreak.services.activity_history import ActivityHistory
    from posturebreak.ui.history_window import HistoryWindow
    from posturebreak.ui.log_dialog import LogStretchDialog
    from posturebreak.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

_PAUSE_MINUTES: dict[PauseLength, int | None] = {
    PauseLength.HALF_HOUR: 30,
    PauseLength.HOUR: 60,
    PauseLength.UNTIL_TOMORROW: None,
}
_DO_NOT_DISTURB_MINUTES = {DoNotDisturbLength.HOUR: 60}
# While the disk refuses the activity log, waiting events are tried again this often.
_RETRY_WRITES_MS = 30_000
# How long an unanswered break window stays after its countdown before it counts as ignored.
_UNANSWERED_WINDOW_LINGERS = timedelta(minutes=3)


class PostureBreakApp(QObject):
    """The running app: schedule, tray, notifications and control socket, wired."""

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        time_scale: TimeScale,
        *,
        notifier: NotificationService | None = None,
        clock_jumps: ClockJumps | None = None,
        detectors: DesktopDetectors | None = None,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        """``notifier``: how notifications are shown (default: the desktop's, then fallbacks);
        ``clock_jumps``: tells the wall clock being set from time passing (None: never set);
        ``detectors``: how to tell the user is away or busy (default: what works here);
        ``tray``: the tray icon shown already, to take over (default: a new one)."""
        super().__init__()
        self.settings_store = SettingsStore(paths.config_dir, clock)
        self._loaded_settings = self.settings_store.load()
        self.settings = self._loaded_settings.settings
        self.autostart = autostart_here(
            paths.autostart_dir, launch_command(), separate_profile=paths.separate_profile
        )
        catalogue, self._catalogue_message = load_catalogue(paths.config_dir)
        self.rotation = ExerciseRotation(catalogue, seed=self._suggested_last)
        self.activity = ActivityStore(paths.data_dir / DATABASE_NAME, self._activity_failed)
        self._data_dir = paths.data_dir
        self.events: EventSink = self.activity
        if detectors is None:
            detectors = detectors_here(clock, QGuiApplication.platformName())
        self.timing = ReminderTiming(
            clock,
            time_scale,
            lambda: self.settings,
            clock_jumps=clock_jumps,
            detectors=detectors,
            parent=self,
        )
        self.scheduler, self.busy = self.timing.scheduler, self.timing.busy
        self._clock = self.timing.clock
        clock = self._clock
        self.control = ControlCommands(self, clock)
        self.server = InstanceServer(paths.instance_name, self.control.handle, self)
        self.pack = PackAlarm(clock, self)
        switches = SwitchLog(self.activity, self._activity_failed)
        self.sit_stand = SitStandService(
            clock, self.scheduler, switches.record, self.timing.scaled, self
        )

        icon_path = resource_path("icons/posture-break.svg")  # for notification servers
        icon = app_icon()
        self.tray = TrayIcon(
            self.tray_state, *tray_icons(self.settings.general.icon_theme), parent=self, tray=tray
        )
        self.windows = InfoWindows(icon)
        self.settings_dialog: SettingsDialog | None = None
        self.history_window: HistoryWindow | None = None
        self.log_dialog: LogStretchDialog | None = None
        self._app_icon = icon
        store = WorkstationStore(self.activity)
        self.workstation = WorkstationChecks(store, load_checklist, clock, icon, self)
        self.break_windows = BreakWindows(
            clock,
            lambda: self.settings.general.sound,
            time_scale.apply(_UNANSWERED_WINDOW_LINGERS),
            self,
        )
        tray_messages = TrayMessageNotifier(self.tray.tray)
        self.notifier: NotificationService = notifier or NotifierChain(
            [native_notifier(icon_path), tray_messages, WindowNotifier()],
            echo_urgent=tray_messages,
        )
        self.flow = ReminderFlow(
            clock=clock,
            time_scale=time_scale,
            settings=lambda: self.settings,
            rotation=self.rotation,
            notifier=self.notifier,
            windows=self.break_windows,
            events=self.events,
            scheduler=self.scheduler,
            busy=self.busy,
            parent=self,
        )

        self.switch_prompter = SwitchPrompter(
            self.sit_stand, self._notify, lambda: self.settings.sit_stand, self
        )
        self.flow.recorded.connect(self._refresh_history)
        self.check_ins = ComfortCheckIns(self.activity, clock, lambda: self.settings, icon, self)
        self.check_ins.saved.connect(self._refresh_history)
        self.flow.addenda["foot_stool"] = self.check_ins.stool_line
        self.flow.actions[ReminderAction.COMFORT_CHECK_IN] = self.check_ins.remind
        self.flow.actions[ReminderAction.WORKSTATION_CHECK] = self.workstation.open
        for holder in (self.pack, self.break_windows, self.sit_stand):
            clock.jumped.connect(holder.clock_set)
        self.pack.alert.connect(self._notify)
        self._connect_tray()

        # The tray names clock times, so it changes only when the state does; the one
        # timer left runs only while events wait for a failing disk.
        self._retry_timer = QTimer(self, singleShot=True, interval=_RETRY_WRITES_MS)
        self._retry_timer.timeout.connect(self._retry_writes)

    def _connect_tray(self) -> None:
        """The tray shows every change of state and turns its menu into actions."""
        for changed in (
            self.scheduler.changed,
            self.pack.changed,
            self.busy.changed,
            self.sit_stand.changed,
        ):
            changed.connect(self.tray.refresh)
        tray = self.tray
        tray.take_break_requested.connect(self.flow.take_break_now)
        tray.log_requested.connect(self.show_log_dialog)
        tray.history_requested.connect(self.show_history)
        tray.comfort_requested.connect(self.check_ins.open)
        tray.pause_requested.connect(self.pause)
        tray.do_not_disturb_requested.connect(self.do_not_disturb)
        tray.do_not_disturb_off_requested.connect(self.busy.turn_off)
        tray.resume_requested.connect(self.scheduler.resume)
        tray.skip_requested.connect(self.scheduler.skip_next)
        tray.settings_requested.connect(self.show_settings)
        tray.workstation_requested.connect(self.workstation.open)
        tray.pack_start_requested.connect(self.start_pack)
        tray.pack_stop_requested.connect(self.pack.stop)
        tray.posture_toggle_requested.connect(self.sit_stand.toggle)
        tray.about_requested.connect(lambda: self.windows.show_about(self.timing.detection()))
        tray.quit_requested.connect(QApplication.quit)

    def start(self) -> None:
        """Shows the tray icon and starts the reminders."""
        self.settings_store.remove_leftovers()  # this is the one instance: no save under way
        self.tray.tray.show()
        self.timing.start()
        self.sit_stand.apply(self.settings.sit_stand)
        self.tray.refresh()
        if QSystemTrayIcon.isSystemTrayAvailable():
            log.info("%s %s started; %s", APP_NAME, __version__, self.status())
        else:
            log.warning("No system tray found; reminders go on without the tray icon")
            notice = no_tray_notice(self._data_dir)  # how to reach the app, said once
            if notice is not None:
                self.notifier.show(notice)
        message = self._loaded_settings.user_message()
        if message is not None:
            self.notifier.show(Notification(_("Some settings were reset"), message))
        if self._catalogue_message is not None:
            self.notifier.show(
                Notification(_("Your exercise file has a mistake"), self._catalogue_message)
            )

    def _suggested_last(self) -> dict[str, list[str]]:
        """What each reminder suggested last, from the log, so that suggestions keep
        varying across restarts."""
        try:
            return self.history.suggested_last()
        except ActivityLogError as error:
            log.warning("Exercise rotation starts afresh: %s", error)
            return {}

    @cached_property
    def history(self) -> ActivityHistory:
        """The activity log as the history window and the export read it."""
        from posturebreak.services.activity_history import ActivityHistory

        return ActivityHistory(
            self.activity, self._clock, lambda: self.settings, self.rotation.catalogue
        )

    def show_settings(self) -> SettingsDialog:
        """Opens the settings dialog, or brings the open one forward."""
        dialog = self.settings_dialog
        if dialog is None or not dialog.isVisible():
            from posturebreak.ui.settings_dialog import SettingsDialog

            today = self._clock.now().astimezone().date()
            dialog = SettingsDialog(self.settings, self._app_icon, today)
            if self.autostart.unsupported_reason is not None:
                dialog.disable_start_at_login(self.autostart.unsupported_reason)
            dialog.apply_requested.connect(self.apply_settings)
            self.settings_dialog = dialog
        bring_forward(dialog)
        return dialog

    def show_history(self) -> HistoryWindow:
        """Opens the history window, or brings the open one forward, with fresh figures."""
        window = self.history_window
        if window is None:
            from posturebreak.ui.history_window import HistoryWindow
            from posturebreak.ui.standing_history import StandingHistory
            from posturebreak.ui.workstation_history import WorkstationHistory

            standing = StandingHistory(
                lambda days: recent_standing(self.activity, self._clock.now(), days),
                lambda: self.settings.sit_stand.enabled,
            )
            sections = [standing, WorkstationHistory(self.workstation)]
            window = HistoryWindow(
                self.history, self._app_icon, sections=sections, comfort=self.check_ins.history
            )
            window.correction_requested.connect(self.correct_event)
            window.export_requested.connect(self.export_activity)
            window.log_requested.connect(self.show_log_dialog)
            self.history_window = window
        window.refresh()
        bring_forward(window)
        return window

    def show_log_dialog(self) -> LogStretchDialog:
        """Asks which stretch the user did on their own, and when."""
        dialog = self.log_dialog
        if dialog is None or not dialog.isVisible():
            from posturebreak.ui.log_dialog import LogStretchDialog

            stretch = self.settings.reminder("stretch") or SHIPPED_REMINDERS["stretch"]
            stretches = self.rotation.catalogue.in_categories(stretch.categories)
            dialog = LogStretchDialog(stretches, self._clock.now(), self._app_icon)
            dialog.logged.connect(self.log_stretch)
            self.log_dialog = dialog
        bring_forward(dialog)
        return dialog

    def log_stretch(self, exercise_id: str | None, at: datetime) -> None:
        """Logs a stretch done without a reminder; it counts towards the goal."""
        self.flow.record(ReminderEvent.logged_by_hand("stretch", exercise_id, at))
        log.info("Stretch logged by hand for %s", at.isoformat())

    def correct_event(self, event_id: int, outcome: Outcome) -> None:
        try:
            self.activity.correct(event_id, outcome, self._clock.now())
        except ActivityLogError as error:
            if self.history_window is not None:
                self.history_window.show_message(str(error), error=True)
            return
        self._refresh_history()

    def export_activity(self, path: Path, form: ExportFormat) -> None:
        """Writes the whole log to ``path`` on its own thread; the history window follows it."""
        if self.history_window is not None:
            self.history_window.run_export(self.history.export(path, form))

    def apply_settings(self, settings: Settings) -> None:
        """Saves new settings and puts them into effect at once, without a restart."""
        previous, self.settings = self.settings, settings
        self.timing.apply(settings)
        self.sit_stand.apply(settings.sit_stand)
        if settings.general.icon_theme != previous.general.icon_theme:
            self.tray.set_icons(*tray_icons(settings.general.icon_theme))
        errors = []
        if self.autostart.unsupported_reason is None and (
            settings.general.start_at_login != self.autostart.is_enabled()
        ):
            try:
                self.autostart.set_enabled(settings.general.start_at_login)
            except OSError as error:
                errors.append(
                    _("Start at login could not be changed: {reason}.").format(
                        reason=error.strerror or error
                    )
                )
        try:
            self.settings_store.save(settings)
        except SettingsSaveError as error:
            # Translators: {problem} says why the settings were not saved; "they" are
            # the settings, which work until the app quits.
            errors.append(_("{problem} They apply until you quit.").format(problem=error))
        self._refresh_history()  # the goal or the working week may have changed
        log.info("Settings applied; %s", self.status())
        if errors:
            log.error("%s", " ".join(errors))
            if self.settings_dialog is not None:
                self.settings_dialog.show_error(" ".join(errors))

    def stop(self) -> None:
        self._retry_timer.stop()
        self.pack.stop()
        self.sit_stand.stop()
        self.switch_prompter.close()
        self.flow.stop()
        self.check_ins.close()
        self.workstation.close()
        for window in (self.history_window, self.log_dialog, self.settings_dialog):
            if window is not None:
                window.close()
        self.timing.stop()
        self.activity.close()
        self.server.close()
        self.tray.tray.hide()

    def status(self) -> str:
        return self.timing.status()

    def tray_state(self) -> TrayState:
        return TrayState(
            self.timing.status(relative=False),
            self.scheduler.schedule.is_paused,
            pack_status(self.pack.timer, self._clock.now()),
            self.busy.rules.is_on(self._clock.now()),
            self.sit_stand.status(),
            self.sit_stand.standing,
            tuple((item.id, display_name(item)) for item in self.settings.enabled_reminders),
        )

    def _refresh_history(self) -> None:
        if self.history_window is not None and self.history_window.isVisible():
            self.history_window.refresh()

    def _activity_failed(self, message: str) -> None:
        self._notify(Notification(_("Your activity is not being saved"), message))
        self._retry_timer.start()

    def _retry_writes(self) -> None:
        self.activity.retry()
        if self.activity.pending:
            self._retry_timer.start()

    def _notify(self, notification: Notification) -> None:
        self.notifier.show(notification)

    def start_pack(self) -> None:
        """Starts the heat/cold pack timer with the lengths from the settings."""
        pack = self.settings.pack
        self.pack.start(
            self.timing.scaled(timedelta(minutes=pack.on_minutes)),
            self.timing.scaled(timedelta(minutes=pack.rest_minutes)),
        )
        how_to = self.rotation.catalogue.in_category(Category.HEAT_COLD)
        advice = f" {how_to[0].instruction} {how_to[0].caution or ''}" if how_to else ""
        # Translators: "it" is the heat/cold pack; "min" is minutes.
        told = _("I'll tell you when to take it off in {minutes} min.")
        self._notify(
            Notification(
                _("Pack timer started"),
                f"{told.format(minutes=pack.on_minutes)}{advice}".strip(),
            )
        )

    def do_not_disturb(self, length: DoNotDisturbLength) -> None:
        self.timing.do_not_disturb(
            _DO_NOT_DISTURB_MINUTES.get(length),
            until_tomorrow=length is DoNotDisturbLength.UNTIL_TOMORROW,
        )

    def pause(self, length: PauseLength) -> None:
        self.pause_for_minutes(_PAUSE_MINUTES[length])

    def pause_for_minutes(self, minutes: float | None) -> None:
        """Pauses for ``minutes`` (time-scaled), or until tomorrow when None."""
        self.timing.pause(minutes)


def _quit_on_termination_signals(qt_app: QApplication) -> tuple[socket.socket, socket.socket]:
    """Quits cleanly on SIGTERM/SIGINT (logout, ``kill``, Ctrl+C).

    Python runs signal handlers only when it gets control, which the Qt loop
    never gives it while idle; the wake-up socket makes Qt hand control over.
    """
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno())
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, qt_app)
    notifier.activated.connect(lambda: receiver.recv(64))
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: qt_app.quit())
    return receiver, sender  # the caller keeps them open while the app runs


def run_gui(
    paths: AppPaths,
    clock: Clock,
    time_scale: TimeScale,
    language_setting: str,
    tray: QSystemTrayIcon | None = None,
) -> int:
    """Runs the tray app until Quit; returns the process exit code. ``language_setting``
    is the settings' language, which the command line has read already; ``tray``: the
    tray icon shown before the app loaded, if it was."""
    log_uncaught_exceptions()
    qt_app = qt_application()
    use_plain_buttons(qt_app)
    # Before any window or menu is built: they take their words from the language.
    speak_users_language(language_setting, qt_app)

    app = PostureBreakApp(
        paths, clock, time_scale, clock_jumps=ClockJumps(clock, boot_seconds), tray=tray
    )
    if not app.server.claim():
        path = app.server.path
        reply = None if path is None else send_command(path, {"command": "show"})
        log.info("%s is already running (%s); asked it to show itself", APP_NAME, reply)
        print(_("{app} is already running.").format(app=APP_NAME), file=sys.stderr)
        return 0
    qt_app.aboutToQuit.connect(app.stop)
    signal_sockets = _quit_on_termination_signals(qt_app)
    app.start()
    try:
        return qt_app.exec()
    finally:
        log.info("%s stopped", APP_NAME)
        for sock in signal_sockets:
            sock.close()
