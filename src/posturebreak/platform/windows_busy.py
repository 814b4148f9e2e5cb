"""Is the user busy, as Windows tells it? Presenting, a full-screen program, Focus
Assist, or a call. Each is asked only when a reminder is due.

- ``SHQueryUserNotificationState`` (shell32) says whether Windows itself would
  hold a notification now: a full-screen program or a Direct3D game, the
  presentation settings, or the quiet time after a first login or an upgrade.
- Focus Assist ("Do not disturb" in Windows 11) has no documented call; its
  profile is the WNF state ``WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED``, read
  with ``NtQueryWnfStateData`` (ntdll): 0 off, 1 priority only, 2 alarms only.
- A call: Windows notes in the CapabilityAccessManager consent store, per
  program, when it last began and stopped using the microphone or the camera;
  a start with no stop is a program using it now. (A program that crashed
  while using it may look busy until it runs again.)

This cannot run here (Linux): every detector is unit-tested against fakes of
the calls it makes.
"""

from __future__ import annotations

import ctypes
import importlib
import itertools
import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from posturebreak.core.do_not_disturb import BusyDetector, BusyReason
from posturebreak.i18n import N_, _
from posturebreak.platform.windows_dll import WindowsApiUnavailableError, windows_dll

log = logging.getLogger(__name__)

# QUERY_USER_NOTIFICATION_STATE (shellapi.h) → why reminders wait; the others
# (not present, accepts notifications) are not busy: locking is an absence.
QUNS_BUSY = 2
QUNS_RUNNING_D3D_FULL_SCREEN = 3
QUNS_PRESENTATION_MODE = 4
QUNS_QUIET_TIME = 6
QUNS_APP = 7
_NOTIFICATION_STATES = {
    QUNS_BUSY: BusyReason.FULL_SCREEN,
    QUNS_RUNNING_D3D_FULL_SCREEN: BusyReason.FULL_SCREEN,
    QUNS_PRESENTATION_MODE: BusyReason.PRESENTING,
    QUNS_QUIET_TIME: BusyReason.DESKTOP,
    QUNS_APP: BusyReason.FULL_SCREEN,
}

WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED = 0x0D83063EA3BF1C75

CONSENT_STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"
DEVICES = ("microphone", "webcam")
NON_PACKAGED = "NonPackaged"  # desktop programs, by path, "#" standing for "\"


class Shell32(Protocol):
    """The one shell32 call used, as ctypes gives it (or a test's fake)."""

    def SHQueryUserNotificationState(self, state: ctypes.c_int) -> int: ...  # noqa: N802  (Win32 name)


def _shell32() -> Shell32:
    shell32 = windows_dll("shell32")
    call = shell32.SHQueryUserNotificationState
    call.argtypes = [ctypes.POINTER(ctypes.c_int)]
    call.restype = ctypes.c_long  # HRESULT
    return shell32  # type: ignore[no-any-return]


class NotificationState:
    """Busy while Windows itself would hold notifications back, and says why."""

    name = N_("Full screen and presentations: Windows (SHQueryUserNotificationState)")

    def __init__(self, calls: Callable[[], Shell32] = _shell32) -> None:
        self._calls = calls()
        self.reason = BusyReason.FULL_SCREEN  # why, at the last "busy" answer

    def busy(self) -> bool:
        state = ctypes.c_int(0)
        try:
            result = self._calls.SHQueryUserNotificationState(state)
        except OSError as error:
            log.debug("SHQueryUserNotificationState failed: %s", error)
            return False
        reason = _NOTIFICATION_STATES.get(state.value) if result >= 0 else None
        if reason is None:
            return False
        self.reason = reason
        return True


class NtDll(Protocol):
    """The one ntdll call used, with our ctypes declaration (or a test's fake)."""

    def NtQueryWnfStateData(  # noqa: N802, PLR0917  (Windows' name and arguments)
        self,
        state_name: ctypes.c_uint64,
        type_id: None,
        scope: None,
        change_stamp: ctypes.c_uint32,
        buffer: ctypes.c_uint32,
        buffer_size: ctypes.c_uint32,
    ) -> int: ...


def _ntdll() -> NtDll:
    ntdll = windows_dll("ntdll")
    call = getattr(ntdll, "NtQueryWnfStateData", None)
    if call is None:  # before Windows 8
        raise WindowsApiUnavailableError("no NtQueryWnfStateData in ntdll")
    uint32_p = ctypes.POINTER(ctypes.c_uint32)
    call.argtypes = [
        ctypes.POINTER(ctypes.c_uint64),  # the state's name
        ctypes.c_void_p,  # its type (none)
        ctypes.c_void_p,  # explicit scope (none)
        uint32_p,  # out: change stamp
        uint32_p,  # out: the data (here one 32-bit value)
        uint32_p,  # in: the buffer's size; out: the data's
    ]
    call.restype = ctypes.c_long  # NTSTATUS
    return ntdll  # type: ignore[no-any-return]


class FocusAssist:
    """Busy while Focus Assist (Windows 11: Do not disturb) holds notifications."""

    reason = BusyReason.DESKTOP
    _WORKS = N_("Desktop do not disturb: Windows Focus Assist")

    def __init__(self, calls: Callable[[], NtDll] = _ntdll) -> None:
        self._calls = calls()
        self.name = self._WORKS
        self._profile()  # once now, so that the name says at once whether it works here

    def busy(self) -> bool:
        profile = self._profile()
        return profile is not None and profile != 0

    def _profile(self) -> int | None:
        """The active Focus Assist profile (0: off), or None when Windows does not say."""
        name = ctypes.c_uint64(WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED)
        stamp, value = ctypes.c_uint32(0), ctypes.c_uint32(0)
        size = ctypes.c_uint32(ctypes.sizeof(value))
        try:
            status = self._calls.NtQueryWnfStateData(name, None, None, stamp, value, size)
        except OSError as error:
            self._unavailable(str(error))
            return None
        if status < 0:
            self._unavailable(f"NtQueryWnfStateData answered 0x{status & 0xFFFFFFFF:08X}")
            return None
        self.name = self._WORKS
        return value.value if size.value >= ctypes.sizeof(value) else 0  # never set: off

    def _unavailable(self, why: str) -> None:
        if self.name == self._WORKS:
            log.info("Focus Assist state unavailable: %s", why)
        # Translators: {why} is a technical (English) reason.
        self.name = _("Desktop do not disturb: Windows Focus Assist unavailable ({why})").format(
            why=why
        )


class RegistryKey(Protocol):
    """An open registry key (winreg's ``PyHKEY``), closed when its ``with`` block ends."""

    def __enter__(self) -> RegistryKey: ...

    def __exit__(self, *exc_info: object) -> None: ...


class Registry(Protocol):
    """The winreg calls used (or a test's fake)."""

    HKEY_CURRENT_USER: int

    def OpenKey(self, key: RegistryKey | int, sub_key: str) -> RegistryKey: ...  # noqa: N802  (winreg's name)

    def EnumKey(self, key: RegistryKey, index: int) -> str: ...  # noqa: N802  (winreg's name)

    def QueryValueEx(self, key: RegistryKey, name: str) -> tuple[object, int]: ...  # noqa: N802  (winreg's name)


def _winreg() -> Registry:
    try:
        module: Any = importlib.import_module("winreg")
    except ImportError:
        raise WindowsApiUnavailableError("not Windows") from None
    registry: Registry = module
    return registry


class ConsentStoreCalls:
    """Busy while another program uses the microphone or the camera."""

    reason = BusyReason.CALL
    name = N_("Call detection: Windows microphone and camera use (consent store)")

    def __init__(
        self, calls: Callable[[], Registry] = _winreg, own_executable: str = sys.executable
    ) -> None:
        self._registry = calls()
        self._own = own_executable.casefold()

    def busy(self) -> bool:
        return any(self._device_in_use(device) for device in DEVICES)

    def _device_in_use(self, device: str) -> bool:
        registry = self._registry
        try:
            with registry.OpenKey(
                registry.HKEY_CURRENT_USER, rf"{CONSENT_STORE}\{device}"
            ) as store:
                for app in self._subkeys(store):
                    if app == NON_PACKAGED:
                        if self._program_in_use(store):
                            return True
                    elif self._using(store, app):
                        return True
        except OSError:  # no such device key, or the registry refused
            return False
        return False

    def _program_in_use(self, store: RegistryKey) -> bool:
        """Whether a desktop program other than this one uses the device."""
        try:
            with self._registry.OpenKey(store, NON_PACKAGED) as programs:
                return any(
                    self._using(programs, path)
                    for path in self._subkeys(programs)
                    if path.replace("#", "\\").casefold() != self._own
                )
        except OSError:
            return False

    def _using(self, parent: RegistryKey, app: str) -> bool:
        """Whether ``app`` began using the device and has not stopped."""
        try:
            with self._registry.OpenKey(parent, app) as key:
                began = self._registry.QueryValueEx(key, "LastUsedTimeStart")[0]
                stopped = self._registry.QueryValueEx(key, "LastUsedTimeStop")[0]
        except OSError:  # never used it, or it went away meanwhile
            return False
        return isinstance(began, int) and isinstance(stopped, int) and began > 0 and stopped == 0

    def _subkeys(self, key: RegistryKey) -> Iterator[str]:
        for index in itertools.count():
            try:
                yield self._registry.EnumKey(key, index)
            except OSError:  # no more
                return


def busy_detectors_here() -> list[BusyDetector]:
    """Focus Assist, calls, then full screen and presentations: those Windows offers here."""
    detectors: list[BusyDetector] = []
    makers: tuple[Callable[[], BusyDetector], ...] = (
        FocusAssist,
        ConsentStoreCalls,
        NotificationState,
    )
    for make in makers:
        try:
            detectors.append(make())
        except WindowsApiUnavailableError as error:
            log.info("%s: %s", getattr(make, "__name__", make), error)
    return detectors
