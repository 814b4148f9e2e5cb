"""Idle time on GNOME (X11 or Wayland) from Mutter's IdleMonitor, without polling.

Mutter keeps an idle watch armed for as long as it exists and fires a user-active
watch once, so the process only wakes when the user leaves or returns.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    QGenericArgumentHolder,
    QGenericReturnArgumentHolder,
    QObject,
)
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusServiceWatcher

from posturebreak.core.clock import Clock
from posturebreak.i18n import N_
from posturebreak.platform.presence import IdleDetector
from posturebreak.platform.qtdbus import DBusSignal, service_on_bus

log = logging.getLogger(__name__)

SERVICE = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
CALL_TIMEOUT_MS = 1000
_MS = timedelta(milliseconds=1)


class MutterIdleDetector(IdleDetector):
    """Away after ``threshold`` without input, as Mutter measures it; back on any input."""

    name = N_("Idle detection: GNOME Mutter IdleMonitor")

    def __init__(
        self,
        clock: Clock,
        threshold: timedelta,
        connection: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, threshold, parent)
        self._connection = connection if connection is not None else QDBusConnection.sessionBus()
        self._fired = DBusSignal(
            self._connection, (SERVICE, PATH, SERVICE, "WatchFired"), self._on_watch_fired, self
        )
        self._monitor: QDBusInterface | None = None
        # A restarted GNOME Shell (X11 sessions) comes back without our watches.
        self._restarts = QDBusServiceWatcher(
            SERVICE, self._connection, QDBusServiceWatcher.WatchModeFlag.WatchForRegistration, self
        )
        self._restarts.serviceRegistered.connect(self._rearm)
        self._idle_watch: int | None = None
        self._active_watch: int | None = None

    def start(self) -> bool:
        if self._monitor is not None:
            return True
        if not service_on_bus(self._connection, SERVICE):
            return self._unavailable(f"no {SERVICE} on the session bus")
        # The signal first, so a watch cannot fire before anyone listens.
        if not self._fired.listen():
            return self._unavailable(f"cannot listen to {SERVICE}.WatchFired")
        # The constructor introspects the object (QtDBus's default timeout): one call
        # at start, to a service that is on the bus.
        self._monitor = QDBusInterface(SERVICE, PATH, SERVICE, self._connection, self)
        self._monitor.setTimeout(CALL_TIMEOUT_MS)
        self._idle_watch = self._add_idle_watch() if self._monitor.isValid() else None
        if self._idle_watch is None:
            self.stop()
            return self._unavailable(f"{SERVICE} did not accept an idle watch")
        return True

    def stop(self) -> None:
        self._fired.stop_listening()
        for watch in (self._idle_watch, self._active_watch):
            if watch is not None:
                self._remove_watch(watch)
        self._idle_watch = self._active_watch = None
        if self._monitor is not None:
            self._monitor.deleteLater()
            self._monitor = None
        self._forget_absence()

    def set_threshold(self, threshold: timedelta) -> None:
        self._threshold = threshold
        if self._idle_watch is not None:
            self._remove_watch(self._idle_watch)
            self._idle_watch = self._add_idle_watch()

    def _rearm(self) -> None:
        if self._idle_watch is None:
            return  # not started
        self._idle_watch = self._add_idle_watch()
        if self.away:
            self._active_watch = self._add_watch("AddUserActiveWatch()")

    def _add_idle_watch(self) -> int | None:
        milliseconds = max(1, round(self._threshold / _MS))
        return self._add_watch("AddIdleWatch(qulonglong)", Q_ARG("qulonglong", milliseconds))

    def _on_watch_fired(self, arguments: list[Any]) -> None:
        watch = arguments[0] if arguments else None
        now = self._clock.now()
        if watch == self._idle_watch and not self.away:
            # The idle time dates the last input even when this signal came late;
            # the watch fires as it reaches the threshold, should Mutter not answer.
            idle = self._invoke("GetIdletime()", Q_RETURN_ARG("qulonglong"))
            self._report_away(now - (self._threshold if idle is None else idle * _MS))
            self._active_watch = self._add_watch("AddUserActiveWatch()")
        elif watch is not None and watch == self._active_watch:
            self._active_watch = None  # Mutter drops a user-active watch once it fired
            self._report_back(now)

    def _add_watch(self, method: str, *arguments: QGenericArgumentHolder) -> int | None:
        watch = self._invoke(method, Q_RETURN_ARG("uint"), *arguments)
        return None if watch is None else int(watch)

    def _remove_watch(self, watch: int) -> None:
        self._invoke("RemoveWatch(uint)", None, Q_ARG("uint", watch))

    def _invoke(
        self,
        signature: str,
        returned: QGenericReturnArgumentHolder | None,
        *arguments: QGenericArgumentHolder,
    ) -> Any:
        """Calls a method of the introspected interface, which sends the argument types
        Mutter expects (a bare Python int would go out as int32); None on error."""
        if self._monitor is None:
            return None
        meta = self._monitor.metaObject()
        method = meta.method(meta.indexOfMethod(signature))
        try:
            if returned is None:
                result = method.invoke(self._monitor, *arguments)
            else:
                result = method.invoke(self._monitor, returned, *arguments)
        except RuntimeError as failure:
            log.warning("%s %s failed: %s", SERVICE, signature, failure)
            return None
        error = self._monitor.lastError()
        if error.isValid():
            log.warning("%s %s failed: %s", SERVICE, signature, error.message())
            return None
        return result
