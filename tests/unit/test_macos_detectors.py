"""macOS lock, sleep and call detection, against fakes of the frameworks (they cannot run here).

Each fake is called through C function pointers made from the very signatures
declared for the real framework, so every argument the detectors pass (pointers,
buffers, structures, their callbacks) goes through the conversions it goes
through on a Mac, and the fakes call back the way the frameworks do.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.platform.macos_calls import (
    CORE_AUDIO_SIGNATURES,
    CORE_MEDIA_IO_SIGNATURES,
    DEFAULT_INPUT_DEVICE,
    DEVICES,
    ELEMENT_MAIN,
    RUNNING_SOMEWHERE,
    SCOPE_GLOBAL,
    SYSTEM_OBJECT,
    MacCallDetector,
    PropertyAddress,
    four_cc,
)
from posturebreak.platform.macos_frameworks import FrameworkMissingError, Signatures, framework
from posturebreak.platform.macos_session import (
    CAN_SYSTEM_SLEEP,
    CORE_FOUNDATION_SIGNATURES,
    DELIVER_IMMEDIATELY,
    IOKIT_SIGNATURES,
    SCREEN_LOCKED,
    SCREEN_UNLOCKED,
    SYSTEM_HAS_POWERED_ON,
    SYSTEM_WILL_SLEEP,
    UTF8,
    Edge,
    MacLockDetector,
    MacSleepDetector,
    lock_edge,
    macos_detectors,
    must_allow,
    power_edge,
)

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SYSTEM_WILL_POWER_ON = 0xE0000320  # kIOMessageSystemWillPowerOn: must not be answered
PARAM_ERROR = -50  # an OSStatus that is not noErr
not_on_macos = pytest.mark.skipif(sys.platform == "darwin", reason="checks the other platforms")


@dataclass
class FakeClock:
    moment: datetime = T0

    def now(self) -> datetime:
        return self.moment


def through_c(fake: object, signatures: Signatures) -> SimpleNamespace:
    """``fake``'s methods behind C function pointers with the framework's signatures."""
    calls = {
        name: ctypes.CFUNCTYPE(restype, *argtypes)(getattr(fake, name))
        for name, (restype, argtypes) in signatures.items()
        if hasattr(fake, name)
    }
    return SimpleNamespace(**calls)


# --- The screen lock: CoreFoundation's distributed notification center ---

CENTER = 0xCE17


class FakeCoreFoundation:
    """CFStrings as numbered texts, and one distributed center that posts to its observers."""

    def __init__(self) -> None:
        self.strings: dict[int, bytes] = {}
        self.observers: dict[tuple[int, bytes], Callable[..., None]] = {}
        self.released: list[int] = []

    def CFStringCreateWithCString(self, allocator: None, text: bytes, encoding: int) -> int:  # noqa: N802
        assert allocator is None and encoding == UTF8
        ref = 0x5000 + len(self.strings)
        self.strings[ref] = text
        return ref

    def CFStringGetCString(self, ref: int, buffer: int, size: int, encoding: int) -> int:  # noqa: N802
        text = self.strings[ref] + b"\0"
        if encoding != UTF8 or len(text) > size:
            return 0
        ctypes.memmove(buffer, text, len(text))
        return 1

    def CFRelease(self, ref: int) -> None:  # noqa: N802
        self.released.append(ref)

    def CFNotificationCenterGetDistributedCenter(self) -> int:  # noqa: N802
        return CENTER

    def CFNotificationCenterAddObserver(  # noqa: N802, PLR0917
        self,
        center: int,
        observer: int,
        callback: Callable[..., None],
        name: int,
        sender: None,
        behaviour: int,
    ) -> None:
        assert center == CENTER and observer and sender is None
        assert behaviour == DELIVER_IMMEDIATELY
        self.observers[observer, self.strings[name]] = callback

    def CFNotificationCenterRemoveObserver(  # noqa: N802
        self, center: int, observer: int, name: int, sender: None
    ) -> None:
        assert center == CENTER and sender is None
        del self.observers[observer, self.strings[name]]

    def post(self, name: str) -> None:
        """Calls each observer of ``name`` as CF does, with a CFString of the name."""
        ref = self.CFStringCreateWithCString(None, name.encode(), UTF8)
        for (observer, observed), callback in list(self.observers.items()):
            if observed == name.encode():
                callback(CENTER, observer, ref, None, None)


def lock_detector() -> tuple[MacLockDetector, FakeCoreFoundation]:
    cf = FakeCoreFoundation()
    return MacLockDetector(FakeClock(), lambda: through_c(cf, CORE_FOUNDATION_SIGNATURES)), cf


def test_the_lock_notifications_mean_away_and_back() -> None:
    assert lock_edge("com.apple.screenIsLocked") is Edge.AWAY
    assert lock_edge("com.apple.screenIsUnlocked") is Edge.BACK
    assert lock_edge("com.apple.screensaver.didstart") is None


def test_locking_the_screen_is_an_absence_until_it_is_unlocked(qtbot: QtBot) -> None:
    detector, cf = lock_detector()
    assert detector.start() and detector.start()  # a second start changes nothing
    assert sorted(name for _, name in cf.observers) == [
        SCREEN_LOCKED.encode(),
        SCREEN_UNLOCKED.encode(),
    ]
    gc.collect()  # the detector keeps its C callback alive itself
    with qtbot.waitSignal(detector.went_away) as away:
        cf.post(SCREEN_LOCKED)
    assert away.args == [T0] and detector.away
    with qtbot.assertNotEmitted(detector.came_back):
        cf.post("com.apple.screensaver.didstart")
    with qtbot.waitSignal(detector.came_back) as back:
        cf.post(SCREEN_UNLOCKED)
    assert back.args == [T0] and not detector.away


def test_stopping_removes_the_observers_and_releases_the_names(qtbot: QtBot) -> None:
    detector, cf = lock_detector()
    assert detector.start()
    names = set(cf.strings)
    cf.post(SCREEN_LOCKED)
    detector.stop()
    assert not cf.observers and set(cf.released) == names
    assert not detector.away  # the absence is forgotten, without a came_back
    with qtbot.assertNotEmitted(detector.came_back):
        cf.post(SCREEN_UNLOCKED)
    assert detector.start() and len(cf.observers) == 2


# --- Sleep: IOKit's system power messages ---

ROOT, PORT, NOTIFIER, SOURCE, SERVICE = 0x2A03, 0x7000, 0x1303, 0x7100, 0x99


@dataclass
class FakeIOKit:
    """The root power domain: registration, and power messages delivered to the callback."""

    refuse: bool = False
    events: list[tuple[str, int]] = field(default_factory=list)
    callback: Callable[..., None] | None = None

    def IORegisterForSystemPower(  # noqa: N802
        self, refcon: int | None, port: Any, callback: Callable[..., None], notifier: Any
    ) -> int:
        if self.refuse:
            return 0  # MACH_PORT_NULL
        port[0], notifier[0], self.callback = PORT, NOTIFIER, callback
        return ROOT

    def IONotificationPortGetRunLoopSource(self, port: int) -> int:  # noqa: N802
        assert port == PORT
        return SOURCE

    def IOAllowPowerChange(self, root: int, notification: int) -> int:  # noqa: N802
        self.events.append(("allowed", notification))
        assert root == ROOT
        return 0

    def IODeregisterForSystemPower(self, notifier: Any) -> int:  # noqa: N802
        self.events.append(("deregistered", notifier[0]))
        self.callback = None  # no message comes after this
        return 0

    def IOServiceClose(self, root: int) -> int:  # noqa: N802
        self.events.append(("closed", root))
        return 0

    def IONotificationPortDestroy(self, port: int) -> None:  # noqa: N802
        self.events.append(("destroyed", port))

    def deliver(self, message: int, argument: int | None = None) -> None:
        """A power message, as IOKit calls back on the run loop while registered."""
        if self.callback is not None:
            self.callback(None, SERVICE, message, argument)


@dataclass
class FakeRunLoop:
    events: list[tuple[str, int]]

    def add(self, source: int) -> None:
        self.events.append(("added", source))

    def remove(self, source: int) -> None:
        self.events.append(("removed", source))


def sleep_detector(iokit: FakeIOKit) -> MacSleepDetector:
    def open_power() -> tuple[Any, FakeRunLoop]:
        return through_c(iokit, IOKIT_SIGNATURES), FakeRunLoop(iokit.events)

    return MacSleepDetector(FakeClock(), open_power)


def test_power_messages_mean_away_back_or_nothing() -> None:
    assert power_edge(SYSTEM_WILL_SLEEP) is Edge.AWAY
    assert power_edge(SYSTEM_HAS_POWERED_ON) is Edge.BACK
    assert power_edge(CAN_SYSTEM_SLEEP) is None and power_edge(SYSTEM_WILL_POWER_ON) is None
    assert must_allow(SYSTEM_WILL_SLEEP) and must_allow(CAN_SYSTEM_SLEEP)
    assert not must_allow(SYSTEM_HAS_POWERED_ON) and not must_allow(SYSTEM_WILL_POWER_ON)


def test_going_to_sleep_is_an_absence_and_then_the_sleep_is_allowed(qtbot: QtBot) -> None:
    iokit = FakeIOKit()
    detector = sleep_detector(iokit)
    assert detector.start() and detector.start()
    assert iokit.events == [("added", SOURCE)]
    detector.went_away.connect(lambda _since: iokit.events.append(("away", 0)))
    gc.collect()  # the detector keeps its C callback alive itself

    iokit.deliver(CAN_SYSTEM_SLEEP, 0x51)  # idle sleep considered: allowed, not yet away
    assert iokit.events[-1] == ("allowed", 0x51) and not detector.away
    with qtbot.waitSignal(detector.went_away) as away:
        iokit.deliver(SYSTEM_WILL_SLEEP, 0x52)
    assert away.args == [T0]
    assert iokit.events[-2:] == [("away", 0), ("allowed", 0x52)]  # away first, then allowed

    iokit.deliver(SYSTEM_WILL_POWER_ON, 0x53)  # early wake-up: neither back nor answered
    assert detector.away and iokit.events[-1] == ("allowed", 0x52)
    with qtbot.waitSignal(detector.came_back) as back:
        iokit.deliver(SYSTEM_HAS_POWERED_ON, 0x54)
    assert back.args == [T0] and iokit.events[-1] == ("allowed", 0x52)


def test_a_null_message_argument_is_allowed_as_zero() -> None:
    iokit = FakeIOKit()
    detector = sleep_detector(iokit)
    assert detector.start()
    iokit.deliver(SYSTEM_WILL_SLEEP, None)
    assert iokit.events[-1] == ("allowed", 0)


def test_stopping_undoes_the_registration_in_order() -> None:
    iokit = FakeIOKit()
    detector = sleep_detector(iokit)
    assert detector.start()
    iokit.deliver(SYSTEM_WILL_SLEEP, 0x52)
    detector.stop()
    assert iokit.events[-4:] == [
        ("removed", SOURCE),
        ("deregistered", NOTIFIER),
        ("closed", ROOT),
        ("destroyed", PORT),
    ]
    assert not detector.away  # the absence is forgotten, without a came_back
    detector.stop()  # twice is harmless
    assert detector.start() and iokit.events[-1] == ("added", SOURCE)


def test_a_refused_registration_says_so() -> None:
    iokit = FakeIOKit(refuse=True)
    detector = sleep_detector(iokit)
    assert not detector.start()
    assert detector.unavailable_reason == "IORegisterForSystemPower refused"
    assert iokit.events == []
    detector.stop()


# --- Calls: CoreAudio and CoreMediaIO ---


def test_four_character_codes_are_big_endian_numbers() -> None:
    assert four_cc("gone") == 0x676F6E65
    assert four_cc("dIn ") == 0x64496E20
    assert four_cc("dev#") == 0x64657623
    with pytest.raises(ValueError, match="four characters"):
        four_cc("glo")


def global_selector(address: Any) -> int:
    """The selector asked for, after checking the rest of the address is what Apple documents."""
    wanted: PropertyAddress = address.contents
    assert (wanted.scope, wanted.element) == (SCOPE_GLOBAL, ELEMENT_MAIN)
    return int(wanted.selector)


@dataclass
class FakeCoreAudio:
    """One default input device, running in some process or not."""

    default_input: int = 77
    running: bool = False
    failing: bool = False

    def AudioObjectGetPropertyData(  # noqa: N802, PLR0917
        self, device: int, address: Any, qualifier_size: int, qualifier: None, size: Any, data: int
    ) -> int:
        selector = global_selector(address)
        assert qualifier_size == 0 and qualifier is None and size[0] == 4
        if self.failing:
            return PARAM_ERROR
        if (device, selector) == (SYSTEM_OBJECT, DEFAULT_INPUT_DEVICE):
            value = self.default_input
        elif (device, selector) == (self.default_input, RUNNING_SOMEWHERE):
            value = int(self.running)
        else:
            return PARAM_ERROR
        ctypes.c_uint32.from_address(data).value = value
        return 0


@dataclass
class FakeCoreMediaIO:
    """Cameras by device id, each running in some process or not."""

    cameras: dict[int, bool] = field(default_factory=dict)
    failing: bool = False

    def CMIOObjectGetPropertyDataSize(  # noqa: N802
        self, device: int, address: Any, qualifier_size: int, qualifier: None, size: Any
    ) -> int:
        assert (device, global_selector(address)) == (SYSTEM_OBJECT, DEVICES)
        if self.failing:
            return PARAM_ERROR
        size[0] = 4 * len(self.cameras)
        return 0

    def CMIOObjectGetPropertyData(  # noqa: N802, PLR0917
        self,
        device: int,
        address: Any,
        qualifier_size: int,
        qualifier: None,
        size: int,
        used: Any,
        data: int,
    ) -> int:
        selector = global_selector(address)
        if (device, selector) == (SYSTEM_OBJECT, DEVICES):
            values = list(self.cameras)
        elif selector == RUNNING_SOMEWHERE and device in self.cameras:
            values = [int(self.cameras[device])]
        else:
            return PARAM_ERROR
        assert size >= 4 * len(values)
        answer = (ctypes.c_uint32 * len(values))(*values)
        ctypes.memmove(data, answer, ctypes.sizeof(answer))
        used[0] = 4 * len(values)
        return 0


def calls(audio: FakeCoreAudio | None, video: FakeCoreMediaIO | None) -> MacCallDetector:
    return MacCallDetector(
        through_c(audio, CORE_AUDIO_SIGNATURES) if audio else None,
        through_c(video, CORE_MEDIA_IO_SIGNATURES) if video else None,
    )


def test_another_program_recording_from_the_default_microphone_is_a_call() -> None:
    audio = FakeCoreAudio()
    detector = calls(audio, FakeCoreMediaIO())
    assert detector.reason is BusyReason.CALL and not detector.busy()
    audio.running = True
    assert detector.busy()


def test_no_input_device_or_a_failing_core_audio_is_not_a_call() -> None:
    assert not calls(FakeCoreAudio(default_input=0, running=True), None).busy()
    assert not calls(FakeCoreAudio(running=True, failing=True), None).busy()


def test_any_camera_running_somewhere_is_a_call() -> None:
    video = FakeCoreMediaIO({31: False, 32: False})
    detector = calls(None, video)
    assert not detector.busy()
    video.cameras[32] = True
    assert detector.busy()


def test_no_camera_or_a_failing_core_media_io_is_not_a_call() -> None:
    assert not calls(None, FakeCoreMediaIO()).busy()
    assert not calls(None, FakeCoreMediaIO({31: True}, failing=True)).busy()


def test_the_call_detector_names_what_it_watches() -> None:
    both = calls(FakeCoreAudio(), FakeCoreMediaIO())
    assert both.name == "Call detection: microphone (CoreAudio) and camera (CoreMediaIO)"
    assert calls(None, FakeCoreMediaIO()).name == "Call detection: camera (CoreMediaIO)"


# --- Elsewhere: nothing is offered, and each detector says why ---


def test_frameworks_are_loaded_with_their_signatures() -> None:
    libc = framework("c", {"strlen": (ctypes.c_size_t, [ctypes.c_char_p])})
    assert libc.strlen(b"posture") == 7
    with pytest.raises(FrameworkMissingError, match="cannot load c"):
        framework("c", {"NoSuchCall": (None, [])})


@not_on_macos
def test_elsewhere_the_macos_detectors_say_why_they_cannot_work() -> None:
    presence, busy = macos_detectors(FakeClock())
    assert busy == [] and MacCallDetector.here() is None
    lock, sleep = presence
    assert isinstance(lock, MacLockDetector) and isinstance(sleep, MacSleepDetector)
    assert not lock.start() and lock.unavailable_reason == "no CoreFoundation framework (not macOS)"
    assert not sleep.start() and sleep.unavailable_reason == "no IOKit framework (not macOS)"
    lock.stop()
    sleep.stop()
