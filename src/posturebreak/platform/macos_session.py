"""Lock and sleep on macOS, from the notifications the system sends anyway.

The screen lock posts the distributed notifications ``com.apple.screenIsLocked``
and ``com.apple.screenIsUnlocked``; IOKit sends system power messages around
sleep (``IORegisterForSystemPower``). Both arrive as callbacks on the main
CFRunLoop, which Qt's Cocoa event loop runs, so they reach us on the Qt thread
and nothing polls. ctypes only (no pyobjc), and the frameworks are loaded when
a detector starts, so this module imports on every platform. It cannot run
here (Linux): it is unit-tested against fakes of CoreFoundation and IOKit.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject

from posturebreak.core.clock import Clock
from posturebreak.core.do_not_disturb import BusyDetector
from posturebreak.i18n import N_
from posturebreak.platform.macos_calls import MacCallDetector
from posturebreak.platform.macos_frameworks import FrameworkMissingError, Signatures, framework
from posturebreak.platform.presence import PresenceDetector

log = logging.getLogger(__name__)

UTF8 = 0x08000100  # kCFStringEncodingUTF8
DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
SCREEN_LOCKED = "com.apple.screenIsLocked"
SCREEN_UNLOCKED = "com.apple.screenIsUnlocked"
_LOCK_NAMES = (SCREEN_LOCKED, SCREEN_UNLOCKED)

CAN_SYSTEM_SLEEP = 0xE0000270  # kIOMessageCanSystemSleep: idle sleep is being considered
SYSTEM_WILL_SLEEP = 0xE0000280  # kIOMessageSystemWillSleep: sleep can no longer be stopped
SYSTEM_HAS_POWERED_ON = 0xE0000300  # kIOMessageSystemHasPoweredOn: the wake-up is complete


class Edge(Enum):
    """What a notification says about the user."""

    AWAY = "away"
    BACK = "back"


def lock_edge(name: str) -> Edge | None:
    """A distributed notification's name as an absence beginning or ending, if it is one."""
    return {SCREEN_LOCKED: Edge.AWAY, SCREEN_UNLOCKED: Edge.BACK}.get(name)


def power_edge(message: int) -> Edge | None:
    """An IOKit system power message as an absence beginning or ending, if it is one."""
    return {SYSTEM_WILL_SLEEP: Edge.AWAY, SYSTEM_HAS_POWERED_ON: Edge.BACK}.get(message)


def must_allow(message: int) -> bool:
    """Whether IOKit waits for ``IOAllowPowerChange`` (up to 30 s of delayed sleep if not)."""
    return message in (CAN_SYSTEM_SLEEP, SYSTEM_WILL_SLEEP)


# CFNotificationCallback(center, observer, name, object, userInfo)
NotificationCallback = Callable[[int | None, int | None, int | None, int | None, int | None], None]
_NOTIFICATION_CALLBACK = ctypes.CFUNCTYPE(None, *[ctypes.c_void_p] * 5)
# IOServiceInterestCallback(refcon, service, messageType, messageArgument)
PowerCallback = Callable[[int | None, int, int, int | None], None]
_POWER_CALLBACK = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p
)


class CoreFoundation(Protocol):
    """The CoreFoundation calls the lock detector makes (CF's own names)."""

    def CFStringCreateWithCString(  # noqa: N802
        self, allocator: None, text: bytes, encoding: int
    ) -> int | None: ...

    def CFStringGetCString(  # noqa: N802
        self, string: int, buffer: ctypes.Array[ctypes.c_char], size: int, encoding: int
    ) -> int: ...

    def CFRelease(self, ref: int) -> None: ...  # noqa: N802

    def CFNotificationCenterGetDistributedCenter(self) -> int | None: ...  # noqa: N802

    def CFNotificationCenterAddObserver(  # noqa: N802, PLR0917  (the C call)
        self,
        center: int,
        observer: int,
        callback: NotificationCallback,
        name: int,
        sender: None,
        behaviour: int,
    ) -> None: ...

    def CFNotificationCenterRemoveObserver(  # noqa: N802
        self, center: int, observer: int, name: int, sender: None
    ) -> None: ...


class IOKit(Protocol):
    """The IOKit calls the sleep detector makes (IOKit's own names)."""

    def IORegisterForSystemPower(  # noqa: N802
        self,
        refcon: None,
        port: ctypes._Pointer[ctypes.c_void_p],
        callback: PowerCallback,
        notifier: ctypes._Pointer[ctypes.c_uint32],
    ) -> int: ...

    def IONotificationPortGetRunLoopSource(self, port: int) -> int | None: ...  # noqa: N802

    def IOAllowPowerChange(self, root: int, notification: int) -> int: ...  # noqa: N802

    def IODeregisterForSystemPower(self, notifier: ctypes._Pointer[ctypes.c_uint32]) -> int: ...  # noqa: N802

    def IOServiceClose(self, root: int) -> int: ...  # noqa: N802

    def IONotificationPortDestroy(self, port: int) -> None: ...  # noqa: N802


class RunLoop(Protocol):
    """Where a run loop source is served: the main run loop, in its common modes."""

    def add(self, source: int) -> None: ...

    def remove(self, source: int) -> None: ...


CORE_FOUNDATION_SIGNATURES: Signatures = {
    "CFStringCreateWithCString": (
        ctypes.c_void_p,
        [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32],
    ),
    "CFStringGetCString": (
        ctypes.c_ubyte,
        [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long, ctypes.c_uint32],
    ),
    "CFRelease": (None, [ctypes.c_void_p]),
    "CFNotificationCenterGetDistributedCenter": (ctypes.c_void_p, []),
    "CFNotificationCenterAddObserver": (
        None,
        [
            ctypes.c_void_p,
            ctypes.c_void_p,
            _NOTIFICATION_CALLBACK,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_long,
        ],
    ),
    "CFNotificationCenterRemoveObserver": (None, [ctypes.c_void_p] * 4),
    "CFRunLoopGetMain": (ctypes.c_void_p, []),
    "CFRunLoopAddSource": (None, [ctypes.c_void_p] * 3),
    "CFRunLoopRemoveSource": (None, [ctypes.c_void_p] * 3),
}
IOKIT_SIGNATURES: Signatures = {
    "IORegisterForSystemPower": (
        ctypes.c_uint32,
        [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p),
            _POWER_CALLBACK,
            ctypes.POINTER(ctypes.c_uint32),
        ],
    ),
    "IONotificationPortGetRunLoopSource": (ctypes.c_void_p, [ctypes.c_void_p]),
    "IOAllowPowerChange": (ctypes.c_int32, [ctypes.c_uint32, ctypes.c_ssize_t]),
    "IODeregisterForSystemPower": (ctypes.c_int32, [ctypes.POINTER(ctypes.c_uint32)]),
    "IOServiceClose": (ctypes.c_int32, [ctypes.c_uint32]),
    "IONotificationPortDestroy": (None, [ctypes.c_void_p]),
}


def _core_foundation() -> CoreFoundation:
    return framework("CoreFoundation", CORE_FOUNDATION_SIGNATURES)


class MainRunLoop:
    """The main thread's run loop (Qt's, under Cocoa), in all its common modes."""

    def __init__(self, cf: ctypes.CDLL) -> None:
        self._cf = cf
        self._loop = cf.CFRunLoopGetMain()
        # CFRunLoop tells the common modes by this very object, not by its text.
        self._modes = ctypes.c_void_p.in_dll(cf, "kCFRunLoopCommonModes").value

    def add(self, source: int) -> None:
        self._cf.CFRunLoopAddSource(self._loop, source, self._modes)

    def remove(self, source: int) -> None:
        self._cf.CFRunLoopRemoveSource(self._loop, source, self._modes)


def _system_power() -> tuple[IOKit, RunLoop]:
    iokit = framework("IOKit", IOKIT_SIGNATURES)
    try:
        return iokit, MainRunLoop(framework("CoreFoundation", CORE_FOUNDATION_SIGNATURES))
    except ValueError as error:  # in_dll: no such symbol
        raise FrameworkMissingError(
            f"CoreFoundation has no kCFRunLoopCommonModes: {error}"
        ) from error


class _EdgeDetector(PresenceDetector):
    """A presence detector told of each edge by a system callback."""

    def _report(self, edge: Edge | None) -> None:
        if edge is Edge.AWAY:
            self._report_away(self._clock.now())
        elif edge is Edge.BACK:
            self._report_back(self._clock.now())


@dataclass(frozen=True)
class _Observation:
    """What the lock detector registered, kept until it stops (CF calls the callback)."""

    cf: CoreFoundation
    center: int
    callback: NotificationCallback
    names: list[int]


class MacLockDetector(_EdgeDetector):
    """Away while the screen is locked."""

    name = N_("Lock detection: macOS screen lock notifications")

    def __init__(
        self,
        clock: Clock,
        open_cf: Callable[[], CoreFoundation] = _core_foundation,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._open = open_cf
        self._observation: _Observation | None = None

    @property
    def _observer(self) -> int:
        """What tells our observer from any other in the process."""
        return id(self)

    def start(self) -> bool:
        if self._observation is not None:
            return True
        try:
            cf = self._open()
        except FrameworkMissingError as error:
            return self._unavailable(str(error))
        center = cf.CFNotificationCenterGetDistributedCenter()
        if not center:
            return self._unavailable("no distributed notification center")
        made = (cf.CFStringCreateWithCString(None, n.encode(), UTF8) for n in _LOCK_NAMES)
        names = [name for name in made if name]
        if len(names) != len(_LOCK_NAMES):
            return self._unavailable("CoreFoundation cannot make the notification names")
        callback = _NOTIFICATION_CALLBACK(self._on_notification)
        observation = _Observation(cf, center, callback, names)
        for name in observation.names:
            cf.CFNotificationCenterAddObserver(
                center, self._observer, callback, name, None, DELIVER_IMMEDIATELY
            )
        self._observation = observation
        return True

    def stop(self) -> None:
        observation, self._observation = self._observation, None
        if observation is not None:
            for name in observation.names:
                observation.cf.CFNotificationCenterRemoveObserver(
                    observation.center, self._observer, name, None
                )
                observation.cf.CFRelease(name)
        self._forget_absence()

    def _on_notification(
        self,
        _center: int | None,
        _observer: int | None,
        name: int | None,
        _sender: int | None,
        _info: int | None,
    ) -> None:
        observation = self._observation
        if observation is None or not name:
            return
        buffer = ctypes.create_string_buffer(128)
        if observation.cf.CFStringGetCString(name, buffer, len(buffer), UTF8):
            self._report(lock_edge(buffer.value.decode("utf-8", "replace")))


@dataclass
class _PowerRegistration:
    """IOKit's connection to the root power domain, kept until the detector stops."""

    iokit: IOKit
    loop: RunLoop
    callback: PowerCallback
    root: int  # io_connect_t: what IOAllowPowerChange answers on
    port: ctypes.c_void_p  # IONotificationPortRef
    notifier: ctypes.c_uint32  # io_object_t
    source: int | None = None  # CFRunLoopSourceRef, once on the run loop

    def close(self) -> None:
        """Undoes the registration, in the order IOKit's documentation gives."""
        if self.source:
            self.loop.remove(self.source)
        self.iokit.IODeregisterForSystemPower(ctypes.pointer(self.notifier))
        self.iokit.IOServiceClose(self.root)
        if self.port.value:
            self.iokit.IONotificationPortDestroy(self.port.value)


class MacSleepDetector(_EdgeDetector):
    """Away from the moment the Mac goes to sleep until its wake-up is complete."""

    name = N_("Sleep detection: macOS system power messages")

    def __init__(
        self,
        clock: Clock,
        open_power: Callable[[], tuple[IOKit, RunLoop]] = _system_power,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._open = open_power
        self._registration: _PowerRegistration | None = None

    def start(self) -> bool:
        if self._registration is not None:
            return True
        try:
            iokit, loop = self._open()
        except FrameworkMissingError as error:
            return self._unavailable(str(error))
        callback = _POWER_CALLBACK(self._on_power)
        port, notifier = ctypes.c_void_p(), ctypes.c_uint32()
        root = iokit.IORegisterForSystemPower(
            None, ctypes.pointer(port), callback, ctypes.pointer(notifier)
        )
        if not root:
            return self._unavailable("IORegisterForSystemPower refused")
        registration = _PowerRegistration(iokit, loop, callback, root, port, notifier)
        if port.value:
            registration.source = iokit.IONotificationPortGetRunLoopSource(port.value)
        if not registration.source:
            registration.close()
            return self._unavailable("no run loop source for IOKit's power messages")
        loop.add(registration.source)
        self._registration = registration
        return True

    def stop(self) -> None:
        registration, self._registration = self._registration, None
        if registration is not None:
            registration.close()
        self._forget_absence()

    def _on_power(
        self, _refcon: int | None, _service: int, message: int, argument: int | None
    ) -> None:
        registration = self._registration
        if registration is None:
            return
        try:
            self._report(power_edge(message))
        finally:  # the Mac waits for this answer, whatever happened above
            if must_allow(message):
                registration.iokit.IOAllowPowerChange(registration.root, argument or 0)


def macos_detectors(clock: Clock) -> tuple[list[PresenceDetector], list[BusyDetector]]:
    """macOS's lock and sleep detectors (not started: each says why if it cannot start),
    and its call detector where CoreAudio or CoreMediaIO loads."""
    calls = MacCallDetector.here()
    busy: list[BusyDetector] = [calls] if calls is not None else []
    return [MacLockDetector(clock), MacSleepDetector(clock)], busy
