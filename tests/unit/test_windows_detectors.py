"""Windows lock, sleep, busy and call detection, against fakes of the OS calls (they
cannot run here). Window messages are real ``MSG`` structures handed to the filter the
way PySide6 hands them over on Windows."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from ctypes import wintypes
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from shiboken6 import VoidPtr

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.platform import windows_busy, windows_session
from posturebreak.platform.windows_busy import (
    CONSENT_STORE,
    WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED,
    ConsentStoreCalls,
    FocusAssist,
    NotificationState,
    busy_detectors_here,
)
from posturebreak.platform.windows_dll import WindowsApiUnavailableError
from posturebreak.platform.windows_session import (
    NOTIFY_FOR_THIS_SESSION,
    PBT_APMRESUMEAUTOMATIC,
    PBT_APMRESUMESUSPEND,
    PBT_APMSUSPEND,
    REGISTER_ATTEMPTS,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    Absence,
    WindowsSessionDetector,
    session_change,
    windows_detectors,
)

T0 = datetime(2037, 3, 2, 9, 0, tzinfo=UTC)
not_on_windows = pytest.mark.skipif(sys.platform == "win32", reason="checks the other platforms")


@dataclass
class FakeClock:
    moment: datetime = T0

    def now(self) -> datetime:
        return self.moment


# --- lock, unlock, sleep and wake-up -------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "change"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, (Absence.LOCKED, True)),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, (Absence.LOCKED, False)),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, (Absence.ASLEEP, True)),
        (WM_POWERBROADCAST, PBT_APMRESUMESUSPEND, (Absence.ASLEEP, False)),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, (Absence.ASLEEP, False)),
        (WM_WTSSESSION_CHANGE, 1, None),  # WTS_CONSOLE_CONNECT
        (WM_POWERBROADCAST, 0x8013, None),  # PBT_POWERSETTINGCHANGE
        (0x000F, WTS_SESSION_LOCK, None),  # WM_PAINT
    ],
)
def test_only_lock_unlock_suspend_and_resume_messages_change_presence(
    message: int, wparam: int, change: tuple[Absence, bool] | None
) -> None:
    assert session_change(message, wparam) == change


@dataclass
class FakeWtsApi32:
    """WTSRegisterSessionNotification refusing ``refusals`` times, then accepting."""

    refusals: int = 0
    registered: list[int] = field(default_factory=list)
    unregistered: list[int] = field(default_factory=list)
    attempts: int = 0

    def WTSRegisterSessionNotification(self, hwnd: int, flags: int) -> int:  # noqa: N802
        assert flags == NOTIFY_FOR_THIS_SESSION
        self.attempts += 1
        if self.attempts <= self.refusals:
            return 0
        self.registered.append(hwnd)
        return 1

    def WTSUnRegisterSessionNotification(self, hwnd: int) -> int:  # noqa: N802
        self.unregistered.append(hwnd)
        return 1


def send(
    detector: WindowsSessionDetector,
    message: int,
    wparam: int,
    *,
    hwnd: int | None = None,
    event_type: bytes = b"windows_generic_MSG",
) -> None:
    """Hands the filter a real MSG the way Qt does on Windows (a VoidPtr to it)."""
    msg = wintypes.MSG()
    msg.hWnd = detector.hwnd if hwnd is None else hwnd
    msg.message, msg.wParam = message, wparam
    handled = detector.message_filter.nativeEventFilter(event_type, VoidPtr(ctypes.addressof(msg)))
    assert handled == (False, 0)  # every message goes on to Qt


@pytest.fixture
def wts() -> FakeWtsApi32:
    return FakeWtsApi32()


@pytest.fixture
def session(qtbot: QtBot, wts: FakeWtsApi32) -> Iterator[WindowsSessionDetector]:
    detector = WindowsSessionDetector(FakeClock(), lambda: wts)
    assert detector.start()
    yield detector
    detector.stop()


def test_registers_its_hidden_window_for_this_sessions_notifications(
    session: WindowsSessionDetector, wts: FakeWtsApi32
) -> None:
    assert session.hwnd != 0
    assert wts.registered == [session.hwnd]
    assert session.name == "Lock and sleep detection: Windows session notifications"


def test_locking_is_away_and_unlocking_is_back(
    qtbot: QtBot, session: WindowsSessionDetector
) -> None:
    with qtbot.waitSignal(session.went_away) as away:
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert away.args == [T0] and session.away
    with qtbot.waitSignal(session.came_back) as back:
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    assert back.args == [T0] and not session.away


def test_sleeping_is_away_until_either_resume_message(
    qtbot: QtBot, session: WindowsSessionDetector
) -> None:
    for resume in (PBT_APMRESUMEAUTOMATIC, PBT_APMRESUMESUSPEND):
        with qtbot.waitSignal(session.went_away):
            send(session, WM_POWERBROADCAST, PBT_APMSUSPEND)
        with qtbot.waitSignal(session.came_back):
            send(session, WM_POWERBROADCAST, resume)
        with qtbot.assertNotEmitted(session.came_back):
            send(session, WM_POWERBROADCAST, PBT_APMRESUMESUSPEND)  # the second of the pair


def test_waking_up_to_a_locked_screen_is_still_away_until_unlocked(
    qtbot: QtBot, session: WindowsSessionDetector
) -> None:
    with qtbot.waitSignal(session.went_away):
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    with qtbot.assertNotEmitted(session.went_away), qtbot.assertNotEmitted(session.came_back):
        send(session, WM_POWERBROADCAST, PBT_APMSUSPEND)
        send(session, WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC)
        send(session, WM_POWERBROADCAST, PBT_APMRESUMESUSPEND)
    assert session.away
    with qtbot.waitSignal(session.came_back):
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)


def test_other_windows_messages_and_other_platforms_events_are_ignored(
    qtbot: QtBot, session: WindowsSessionDetector
) -> None:
    with qtbot.assertNotEmitted(session.went_away):
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, hwnd=session.hwnd + 1)
        send(session, WM_POWERBROADCAST, PBT_APMSUSPEND, event_type=b"xcb_generic_event_t")
        send(session, 0x0010, 0)  # WM_CLOSE
    assert session.message_filter.nativeEventFilter(b"windows_generic_MSG", VoidPtr(0)) == (
        False,
        0,
    )


def test_stopping_unregisters_and_forgets_the_absence(
    qtbot: QtBot, session: WindowsSessionDetector, wts: FakeWtsApi32
) -> None:
    hwnd = session.hwnd
    with qtbot.waitSignal(session.went_away):
        send(session, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    with qtbot.assertNotEmitted(session.came_back):
        session.stop()
    assert wts.unregistered == [hwnd] and not session.away and session.hwnd == 0
    with qtbot.assertNotEmitted(session.went_away):
        send(session, WM_POWERBROADCAST, PBT_APMSUSPEND, hwnd=hwnd)
    assert session.start()  # again, with a new window
    assert wts.registered == [hwnd, session.hwnd]


def test_a_refused_registration_is_tried_again_and_sleep_works_meanwhile(qtbot: QtBot) -> None:
    wts = FakeWtsApi32(refusals=3)  # as at login, before Remote Desktop Services run
    detector = WindowsSessionDetector(FakeClock(), lambda: wts, retry=timedelta(milliseconds=1))
    assert detector.start() and wts.registered == []
    with qtbot.waitSignal(detector.went_away):
        send(detector, WM_POWERBROADCAST, PBT_APMSUSPEND)
    qtbot.waitUntil(lambda: wts.registered == [detector.hwnd])
    assert wts.attempts == 4
    detector.stop()


def test_a_registration_refused_for_good_stops_being_tried(qtbot: QtBot) -> None:
    wts = FakeWtsApi32(refusals=10**6)
    detector = WindowsSessionDetector(FakeClock(), lambda: wts, retry=timedelta(milliseconds=1))
    assert detector.start()
    qtbot.waitUntil(lambda: wts.attempts == REGISTER_ATTEMPTS)
    assert not any(timer.isActive() for timer in detector.findChildren(QTimer))
    detector.stop()
    assert wts.unregistered == []


@not_on_windows
def test_elsewhere_the_session_detector_says_it_cannot_work(qtbot: QtBot) -> None:
    detector = WindowsSessionDetector(FakeClock())
    assert not detector.start()
    assert detector.unavailable_reason == "not Windows"
    detector.stop()  # harmless when it never started


# --- SHQueryUserNotificationState ----------------------------------------------------


@dataclass
class FakeShell32:
    state: int
    result: int = 0  # S_OK
    error: OSError | None = None

    def SHQueryUserNotificationState(self, state: ctypes.c_int) -> int:  # noqa: N802
        if self.error is not None:
            raise self.error
        state.value = self.state
        return self.result


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        (1, None),  # QUNS_NOT_PRESENT: locked, which is an absence instead
        (2, BusyReason.FULL_SCREEN),  # QUNS_BUSY
        (3, BusyReason.FULL_SCREEN),  # QUNS_RUNNING_D3D_FULL_SCREEN
        (4, BusyReason.PRESENTING),  # QUNS_PRESENTATION_MODE
        (5, None),  # QUNS_ACCEPTS_NOTIFICATIONS
        (6, BusyReason.DESKTOP),  # QUNS_QUIET_TIME
        (7, BusyReason.FULL_SCREEN),  # QUNS_APP
    ],
)
def test_windows_notification_state_says_whether_and_why_the_user_is_busy(
    state: int, reason: BusyReason | None
) -> None:
    detector = NotificationState(lambda: FakeShell32(state))
    assert detector.busy() is (reason is not None)
    if reason is not None:
        assert detector.reason is reason


def test_a_failing_notification_state_call_is_not_busy() -> None:
    assert not NotificationState(lambda: FakeShell32(3, result=-2147467259)).busy()  # E_FAIL
    assert not NotificationState(lambda: FakeShell32(3, error=OSError("access violation"))).busy()


def test_presenting_has_its_own_words() -> None:
    assert BusyReason.PRESENTING.words == "you are presenting"


# --- Focus Assist ----------------------------------------------------------------------


@dataclass
class FakeNtDll:
    profile: int
    status: int = 0  # STATUS_SUCCESS
    size: int = 4

    def NtQueryWnfStateData(  # noqa: N802, PLR0917
        self,
        state_name: ctypes.c_uint64,
        type_id: None,
        scope: None,
        change_stamp: ctypes.c_uint32,
        buffer: ctypes.c_uint32,
        buffer_size: ctypes.c_uint32,
    ) -> int:
        assert state_name.value == WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED
        assert type_id is None and scope is None and buffer_size.value == 4
        change_stamp.value = 17
        if self.status >= 0:
            buffer.value, buffer_size.value = self.profile, self.size
        return self.status


@pytest.mark.parametrize(("profile", "busy"), [(0, False), (1, True), (2, True)])
def test_focus_assist_priority_only_or_alarms_only_is_the_desktops_do_not_disturb(
    profile: int, busy: bool
) -> None:
    detector = FocusAssist(lambda: FakeNtDll(profile))
    assert detector.busy() is busy
    assert detector.reason is BusyReason.DESKTOP
    assert detector.name == "Desktop do not disturb: Windows Focus Assist"


def test_focus_assist_never_set_is_off() -> None:
    assert not FocusAssist(lambda: FakeNtDll(2, size=0)).busy()


def test_an_unreadable_focus_assist_state_is_not_busy_and_the_name_says_why() -> None:
    ntdll = FakeNtDll(2, status=-1073741772)  # 0xC0000034, STATUS_OBJECT_NAME_NOT_FOUND
    detector = FocusAssist(lambda: ntdll)
    assert "unavailable" in detector.name  # known from the start, for the About window
    assert not detector.busy()
    assert detector.name == (
        "Desktop do not disturb: Windows Focus Assist unavailable "
        "(NtQueryWnfStateData answered 0xC0000034)"
    )
    ntdll.status = 0
    assert detector.busy()
    assert detector.name == "Desktop do not disturb: Windows Focus Assist"


# --- calls: the consent store ------------------------------------------------------------

HKCU = 0x80000001


@dataclass
class FakeKey:
    """A registry key: its values and its subkeys, in order."""

    values: dict[str, object] = field(default_factory=dict)
    keys: dict[str, FakeKey] = field(default_factory=dict)

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def at(self, path: str) -> FakeKey:
        """The key at ``path`` under this one, made where missing."""
        key = self
        for part in path.split("\\"):
            key = key.keys.setdefault(part, FakeKey())
        return key


@dataclass
class FakeWinreg:
    """The winreg calls used, over an in-memory tree under HKEY_CURRENT_USER."""

    user: FakeKey = field(default_factory=FakeKey)
    refuse: bool = False
    HKEY_CURRENT_USER: int = HKCU

    def OpenKey(self, key: FakeKey | int, sub_key: str) -> FakeKey:  # noqa: N802
        if self.refuse:
            raise PermissionError(5, "Access is denied")
        node = self.user if key == HKCU else key
        assert isinstance(node, FakeKey)
        for part in sub_key.split("\\"):
            if part not in node.keys:
                raise FileNotFoundError(2, "The system cannot find the file specified")
            node = node.keys[part]
        return node

    def EnumKey(self, key: FakeKey, index: int) -> str:  # noqa: N802
        names = list(key.keys)
        if index >= len(names):
            raise OSError(22, "No more data is available")
        return names[index]

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:  # noqa: N802
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name], 11  # REG_QWORD

    def use(self, device: str, app: str, start: int, stop: int) -> None:
        self.user.at(rf"{CONSENT_STORE}\{device}\{app}").values.update(
            LastUsedTimeStart=start, LastUsedTimeStop=stop
        )


OURS = r"C:\Program Files\Python311\pythonw.exe"
TEAMS = "MSTeams_8wekyb3d8bbwe"
ZOOM = r"NonPackaged\C:#Users#me#AppData#Roaming#Zoom#bin#Zoom.exe"


def calls_in(registry: FakeWinreg) -> ConsentStoreCalls:
    return ConsentStoreCalls(lambda: registry, own_executable=OURS)


def test_an_app_that_began_using_the_microphone_and_has_not_stopped_is_a_call() -> None:
    registry = FakeWinreg()
    registry.use("microphone", TEAMS, start=133_000_000_000_000_000, stop=0)
    detector = calls_in(registry)
    assert detector.busy() and detector.reason is BusyReason.CALL
    registry.use("microphone", TEAMS, start=133_000_000_000_000_000, stop=133_000_000_100_000_000)
    assert not detector.busy()


def test_a_desktop_program_using_the_camera_is_a_call() -> None:
    registry = FakeWinreg()
    registry.use("microphone", ZOOM, start=133_000_000_000_000_000, stop=133_000_000_000_000_001)
    registry.use("webcam", ZOOM, start=133_000_000_000_000_000, stop=0)
    assert calls_in(registry).busy()


def test_our_own_program_using_the_microphone_is_not_a_call() -> None:
    registry = FakeWinreg()
    ours = "NonPackaged\\" + OURS.upper().replace("\\", "#")
    registry.use("microphone", ours, start=133_000_000_000_000_000, stop=0)
    assert not calls_in(registry).busy()


def test_a_missing_or_refused_consent_store_or_half_written_key_is_not_a_call() -> None:
    assert not calls_in(FakeWinreg()).busy()  # never used any device
    registry = FakeWinreg()
    registry.user.at(rf"{CONSENT_STORE}\microphone\{TEAMS}").values["LastUsedTimeStart"] = 5
    registry.user.at(rf"{CONSENT_STORE}\webcam\NonPackaged")
    assert not calls_in(registry).busy()
    registry.use("webcam", TEAMS, start=1, stop=0)
    registry.refuse = True
    assert not calls_in(registry).busy()


usage = st.tuples(st.integers(0, 3), st.integers(0, 3))  # (start, stop), 0: never


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(
    uses=st.dictionaries(
        st.tuples(st.sampled_from(["microphone", "webcam"]), st.sampled_from([TEAMS, ZOOM])),
        usage,
    ),
    ours=usage,
)
def test_busy_exactly_when_some_other_app_started_and_did_not_stop(
    uses: dict[tuple[str, str], tuple[int, int]], ours: tuple[int, int]
) -> None:
    registry = FakeWinreg()
    for (device, app), (start, stop) in uses.items():
        registry.use(device, app, start, stop)
    registry.use("microphone", "NonPackaged\\" + OURS.replace("\\", "#"), *ours)
    expected = any(start > 0 and stop == 0 for start, stop in uses.values())
    assert calls_in(registry).busy() is expected


# --- gathering them --------------------------------------------------------------------


@not_on_windows
def test_elsewhere_windows_offers_no_busy_detectors_and_says_why() -> None:
    for detector in (FocusAssist, ConsentStoreCalls, NotificationState):
        with pytest.raises(WindowsApiUnavailableError, match="not Windows"):
            detector()
    assert busy_detectors_here() == []


@not_on_windows
def test_windows_detectors_are_lock_and_sleep_and_the_busy_ones(qtbot: QtBot) -> None:
    presence, busy = windows_detectors(FakeClock())
    assert [type(d) for d in presence] == [WindowsSessionDetector]
    assert busy == []


# --- the ctypes declarations, through real C calls -------------------------------------
# Each DLL function is replaced by a C function pointer that calls back into Python, so
# our argtypes convert what the detectors pass exactly as they would for Windows' DLLs.


def test_the_shell32_declaration_lets_windows_write_the_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def query(state: Any) -> int:
        state[0] = 4  # QUNS_PRESENTATION_MODE
        return 0

    prototype = ctypes.CFUNCTYPE(ctypes.c_long, ctypes.POINTER(ctypes.c_int))
    dll = SimpleNamespace(SHQueryUserNotificationState=prototype(query))
    monkeypatch.setattr(windows_busy, "windows_dll", lambda name: dll)
    detector = NotificationState()
    assert detector.busy() and detector.reason is BusyReason.PRESENTING


def test_the_ntdll_declaration_passes_the_state_name_and_reads_the_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[int, int | None, int | None, int]] = []

    def query(  # noqa: PLR0917  (NtQueryWnfStateData's arguments)
        name: Any, type_id: int | None, scope: int | None, stamp: Any, data: Any, size: Any
    ) -> int:
        asked.append((name[0], type_id, scope, size[0]))
        stamp[0], data[0], size[0] = 3, 1, 4  # priority only
        return 0

    uint32_p = ctypes.POINTER(ctypes.c_uint32)
    prototype = ctypes.CFUNCTYPE(
        ctypes.c_long,
        ctypes.POINTER(ctypes.c_uint64),
        ctypes.c_void_p,
        ctypes.c_void_p,
        uint32_p,
        uint32_p,
        uint32_p,
    )
    dll = SimpleNamespace(NtQueryWnfStateData=prototype(query))
    monkeypatch.setattr(windows_busy, "windows_dll", lambda name: dll)
    assert FocusAssist().busy()
    assert asked[-1] == (WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED, None, None, 4)


def test_an_ntdll_without_wnf_means_no_focus_assist_detection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(windows_busy, "windows_dll", lambda name: SimpleNamespace())
    with pytest.raises(WindowsApiUnavailableError, match="no NtQueryWnfStateData"):
        FocusAssist()


def test_the_wtsapi32_declaration_passes_the_hidden_windows_handle(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int]] = []

    def register(hwnd: int, flags: int) -> int:
        calls.append(("register", hwnd))
        return 1

    def unregister(hwnd: int) -> int:
        calls.append(("unregister", hwnd))
        return 1

    dll = SimpleNamespace(
        WTSRegisterSessionNotification=ctypes.CFUNCTYPE(
            wintypes.BOOL, wintypes.HWND, wintypes.DWORD
        )(register),
        WTSUnRegisterSessionNotification=ctypes.CFUNCTYPE(wintypes.BOOL, wintypes.HWND)(unregister),
    )
    monkeypatch.setattr(windows_session, "windows_dll", lambda name: dll)
    detector = WindowsSessionDetector(FakeClock())
    assert detector.start()
    hwnd = detector.hwnd
    detector.stop()
    assert calls == [("register", hwnd), ("unregister", hwnd)]
