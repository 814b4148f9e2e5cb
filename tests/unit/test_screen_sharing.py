"""Telling a shared screen from ``pw-dump``'s JSON, and when the detector is offered.

The JSON under data/ is what ``pw-dump`` printed for a real Mutter 43 screencast
into PipeWire 0.3.65 (tests/e2e/test_screen_sharing.py's set-up), trimmed to the
nodes without their params: the cast before anything took it (suspended), while
a program took its frames (running), and after that program let go (idle).
"""

from __future__ import annotations

import copy
import json
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.platform import desktop, screen_sharing
from posturebreak.platform.calls import CallDetector
from posturebreak.platform.screen_sharing import ScreenSharingDetector, sharing_screen

DATA = Path(__file__).parent / "data"


def dump(state: str) -> str:
    return (DATA / f"pw-dump-mutter-cast-{state}.json").read_text()


def with_cast_props(**props: str) -> str:
    """The running cast, its node's properties changed as another producer sets them."""
    nodes: list[dict[str, Any]] = json.loads(dump("running"))
    changed = copy.deepcopy(nodes)
    for node in changed:
        if node["info"]["props"].get("node.name") == "mutter":
            node["info"]["props"].update(props)
    return json.dumps(changed)


def test_a_cast_a_program_is_taking_is_a_shared_screen() -> None:
    assert sharing_screen(dump("running"))


@pytest.mark.parametrize("state", ["suspended", "idle"])
def test_a_cast_nothing_takes_shows_the_screen_to_no_one(state: str) -> None:
    assert not sharing_screen(dump(state))


def test_xdg_desktop_portal_wlr_streams_are_video_sources() -> None:
    assert sharing_screen(with_cast_props(**{"media.class": "Video/Source"}))


@pytest.mark.parametrize(
    "camera",
    [
        {"device.api": "v4l2", "object.path": "v4l2:/dev/video0"},
        {"device.api": "libcamera", "object.path": "libcamera:/base/soc/i2c0"},
        {"object.path": "v4l2:/dev/video2"},
        {"media.role": "Camera"},  # a virtual camera, e.g. one that blurs the background
    ],
)
def test_a_camera_in_use_is_not_a_shared_screen(camera: dict[str, str]) -> None:
    assert not sharing_screen(with_cast_props(**{"media.class": "Video/Source", **camera}))


@pytest.mark.parametrize(
    "answer",
    ["", "not json", "{}", "[1, null, []]", '[{"info": null}]', '[{"info": {"props": 3}}]'],
)
def test_an_unexpected_answer_is_not_sharing(answer: str) -> None:
    assert not sharing_screen(answer)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=30,
)


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_JSON, max_size=5))
def test_no_answer_ever_makes_it_raise(objects: list[Any]) -> None:
    sharing_screen(json.dumps(objects))


def test_the_reason_is_said_in_words_and_comes_after_a_call() -> None:
    assert BusyReason.SHARING.words == "you are sharing your screen"
    reasons = list(BusyReason)
    assert reasons.index(BusyReason.SHARING) == reasons.index(BusyReason.CALL) + 1


def a_pipewire_socket(folder: Path) -> socket.socket:
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "pipewire-0"))
    return listening


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime folder with no PipeWire in it, and a pw-dump on the PATH."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
    monkeypatch.delenv("PIPEWIRE_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(screen_sharing.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    return tmp_path


def test_offered_where_pipewire_listens(session: Path) -> None:
    with a_pipewire_socket(session):
        assert ScreenSharingDetector.here() is not None


def test_not_offered_without_a_pipewire_server(
    session: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    assert ScreenSharingDetector.here() is None
    assert f"no PipeWire server ({session / 'pipewire-0'})" in caplog.text


def test_not_offered_without_a_runtime_folder(
    session: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Not even where the app happens to run from holds a socket named pipewire-0."""
    caplog.set_level("INFO")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.chdir(session)
    with a_pipewire_socket(session):
        assert ScreenSharingDetector.here() is None
    assert "no PipeWire server (no XDG_RUNTIME_DIR)" in caplog.text


def test_not_offered_without_pw_dump(
    session: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    monkeypatch.setattr(screen_sharing.shutil, "which", lambda tool: None)
    with a_pipewire_socket(session):
        assert ScreenSharingDetector.here() is None
    assert "no pw-dump (Debian: pipewire-bin)" in caplog.text


def test_pipewire_remote_names_the_server(
    session: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.setenv("PIPEWIRE_REMOTE", str(elsewhere / "pipewire-0"))
    with a_pipewire_socket(elsewhere):
        assert ScreenSharingDetector.here() is not None
    monkeypatch.setenv("PIPEWIRE_REMOTE", "pipewire-0-manager")
    monkeypatch.setenv("PIPEWIRE_RUNTIME_DIR", str(elsewhere))
    with a_pipewire_socket(session):
        assert ScreenSharingDetector.here() is None, "the remote's name is pipewire-0-manager"


def fake_pw_dump(folder: Path, script: str) -> str:
    tool = folder / "pw-dump"
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(0o755)
    return str(tool)


def test_busy_while_pw_dump_shows_a_cast_being_taken(tmp_path: Path) -> None:
    (tmp_path / "running.json").write_text(dump("running"))
    (tmp_path / "idle.json").write_text(dump("idle"))
    assert ScreenSharingDetector(fake_pw_dump(tmp_path, f"cat {tmp_path}/running.json")).busy()
    assert not ScreenSharingDetector(fake_pw_dump(tmp_path, f"cat {tmp_path}/idle.json")).busy()


def test_not_busy_when_pw_dump_fails(tmp_path: Path) -> None:
    """pw-dump exits non-zero when it cannot reach the server (PipeWire stopped)."""
    assert not ScreenSharingDetector(fake_pw_dump(tmp_path, "echo '[]'; exit 1")).busy()


def test_the_desktop_asks_about_sharing_right_after_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ScreenSharingDetector, "here", lambda: ScreenSharingDetector("pw-dump"))
    kinds = [type(detector) for detector in desktop.busy_detectors("offscreen")]
    assert kinds[1:] == [CallDetector, ScreenSharingDetector]
