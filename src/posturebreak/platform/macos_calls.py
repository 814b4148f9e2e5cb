"""Is the user in a call, on macOS? Another program has the microphone or a camera running.

CoreAudio says whether the default input device is running in any process
(``kAudioDevicePropertyDeviceIsRunningSomewhere``); CoreMediaIO says the same
of each camera. Posture Break never records, so "running somewhere" is another
program. Asked only when a reminder is due; a failing call means not busy.
ctypes only, and the frameworks are loaded by :meth:`MacCallDetector.here`, so
this module imports on every platform. It cannot run here (Linux): it is
unit-tested against fakes of CoreAudio and CoreMediaIO.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from typing import Protocol, TypeAlias, TypeVar

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_
from posturebreak.platform.macos_frameworks import FrameworkMissingError, Signatures, framework

log = logging.getLogger(__name__)


def four_cc(code: str) -> int:
    """Apple's four-character codes ('gone', 'dIn ') as the 32-bit numbers they stand for."""
    raw = code.encode("ascii")
    if len(raw) != 4:
        raise ValueError(f"a four-character code has four characters, got {code!r}")
    return int.from_bytes(raw, "big")


SYSTEM_OBJECT = 1  # kAudioObjectSystemObject, kCMIOObjectSystemObject
SCOPE_GLOBAL = four_cc("glob")  # kAudioObjectPropertyScopeGlobal, kCMIOObjectPropertyScopeGlobal
ELEMENT_MAIN = 0  # kAudioObjectPropertyElementMain, kCMIOObjectPropertyElementMain
DEFAULT_INPUT_DEVICE = four_cc("dIn ")  # kAudioHardwarePropertyDefaultInputDevice
DEVICES = four_cc("dev#")  # kCMIOHardwarePropertyDevices
RUNNING_SOMEWHERE = four_cc("gone")  # k{Audio,CMIO}DevicePropertyDeviceIsRunningSomewhere
NO_DEVICE = 0  # kAudioObjectUnknown
OK = 0  # noErr

UInt32Pointer: TypeAlias = "ctypes._Pointer[ctypes.c_uint32]"


class PropertyAddress(ctypes.Structure):
    """AudioObjectPropertyAddress, and CMIOObjectPropertyAddress (the same three UInt32)."""

    _fields_ = (
        ("selector", ctypes.c_uint32),
        ("scope", ctypes.c_uint32),
        ("element", ctypes.c_uint32),
    )


def _address(selector: int) -> ctypes._Pointer[PropertyAddress]:
    return ctypes.pointer(PropertyAddress(selector, SCOPE_GLOBAL, ELEMENT_MAIN))


class CoreAudio(Protocol):
    """The CoreAudio call the detector makes (its own name)."""

    def AudioObjectGetPropertyData(  # noqa: N802, PLR0917  (the C call)
        self,
        device: int,
        address: ctypes._Pointer[PropertyAddress],
        qualifier_size: int,
        qualifier: None,
        size: UInt32Pointer,
        data: UInt32Pointer,
    ) -> int: ...


class CoreMediaIO(Protocol):
    """The CoreMediaIO calls the detector makes (their own names)."""

    def CMIOObjectGetPropertyDataSize(  # noqa: N802
        self,
        device: int,
        address: ctypes._Pointer[PropertyAddress],
        qualifier_size: int,
        qualifier: None,
        size: UInt32Pointer,
    ) -> int: ...

    def CMIOObjectGetPropertyData(  # noqa: N802, PLR0917  (the C call)
        self,
        device: int,
        address: ctypes._Pointer[PropertyAddress],
        qualifier_size: int,
        qualifier: None,
        size: int,
        used: UInt32Pointer,
        data: ctypes.Array[ctypes.c_uint32] | UInt32Pointer,
    ) -> int: ...


Calls = TypeVar("Calls")

_UINT32_OUT = ctypes.POINTER(ctypes.c_uint32)
_STATUS = ctypes.c_int32  # OSStatus
# object, property address, qualifier size, qualifier: how every property call begins
_PROPERTY: list[type] = [
    ctypes.c_uint32,
    ctypes.POINTER(PropertyAddress),
    ctypes.c_uint32,
    ctypes.c_void_p,
]
CORE_AUDIO_SIGNATURES: Signatures = {
    "AudioObjectGetPropertyData": (_STATUS, [*_PROPERTY, _UINT32_OUT, ctypes.c_void_p]),
}
CORE_MEDIA_IO_SIGNATURES: Signatures = {
    "CMIOObjectGetPropertyDataSize": (_STATUS, [*_PROPERTY, _UINT32_OUT]),
    "CMIOObjectGetPropertyData": (
        _STATUS,
        [*_PROPERTY, ctypes.c_uint32, _UINT32_OUT, ctypes.c_void_p],
    ),
}


def _core_audio() -> CoreAudio:
    return framework("CoreAudio", CORE_AUDIO_SIGNATURES)


def _core_media_io() -> CoreMediaIO:
    return framework("CoreMediaIO", CORE_MEDIA_IO_SIGNATURES)


def _microphone_in_use(audio: CoreAudio) -> bool:
    def read(device: int, selector: int) -> int | None:
        value = ctypes.c_uint32()
        size = ctypes.c_uint32(ctypes.sizeof(value))
        status = audio.AudioObjectGetPropertyData(
            device, _address(selector), 0, None, ctypes.pointer(size), ctypes.pointer(value)
        )
        return value.value if status == OK else None

    device = read(SYSTEM_OBJECT, DEFAULT_INPUT_DEVICE)
    if device is None or device == NO_DEVICE:  # CoreAudio did not answer, or there is no input
        return False
    return bool(read(device, RUNNING_SOMEWHERE))


def _camera_in_use(video: CoreMediaIO) -> bool:
    def read(device: int, selector: int, count: int) -> list[int]:
        values = (ctypes.c_uint32 * count)()
        used = ctypes.c_uint32()
        status = video.CMIOObjectGetPropertyData(
            device, _address(selector), 0, None, ctypes.sizeof(values), ctypes.pointer(used), values
        )
        return values[: used.value // 4] if status == OK else []

    size = ctypes.c_uint32()
    status = video.CMIOObjectGetPropertyDataSize(
        SYSTEM_OBJECT, _address(DEVICES), 0, None, ctypes.pointer(size)
    )
    devices = read(SYSTEM_OBJECT, DEVICES, size.value // 4) if status == OK and size.value else []
    return any(running for device in devices for running in read(device, RUNNING_SOMEWHERE, 1))


def _loaded(load: Callable[[], Calls], reasons: list[str]) -> Calls | None:
    """What ``load`` gives, or None with the reason added to ``reasons``."""
    try:
        return load()
    except FrameworkMissingError as error:
        reasons.append(str(error))
        return None


# The detector's name by what it can watch: (the microphone, the camera).
_WATCHING = {
    (True, True): N_("Call detection: microphone (CoreAudio) and camera (CoreMediaIO)"),
    (True, False): N_("Call detection: microphone (CoreAudio)"),
    (False, True): N_("Call detection: camera (CoreMediaIO)"),
    (False, False): N_("Call detection: nothing"),
}


class MacCallDetector:
    """Busy while another program uses the microphone or a camera."""

    reason = BusyReason.CALL

    def __init__(self, audio: CoreAudio | None, video: CoreMediaIO | None) -> None:
        """``audio``/``video``: CoreAudio and CoreMediaIO, or None where one is missing."""
        self._audio = audio
        self._video = video
        self.name = _WATCHING[audio is not None, video is not None]

    @classmethod
    def here(cls) -> MacCallDetector | None:
        """The detector with what loads here; None (logged) where neither framework does."""
        reasons: list[str] = []
        audio = _loaded(_core_audio, reasons)
        video = _loaded(_core_media_io, reasons)
        if reasons:
            log.warning("call detection: %s", "; ".join(reasons))
        return cls(audio, video) if audio is not None or video is not None else None

    def busy(self) -> bool:
        microphone = self._audio is not None and _microphone_in_use(self._audio)
        return microphone or (self._video is not None and _camera_in_use(self._video))
