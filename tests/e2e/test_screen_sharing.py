"""Screen sharing, against the real thing: a headless Mutter casting its screen into a
real PipeWire server, as it does for a video call through xdg-desktop-portal-gnome,
and a real program (GStreamer's pipewiresrc) taking the frames; and the real app
holding a reminder while the screen is shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from posturebreak.platform.screen_sharing import ScreenSharingDetector
from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support.desktop import wait_until
from tests.support.pipewire import ScreenCastingMutter, missing_tools
from tests.support.private_bus import require_tools

pytestmark = pytest.mark.e2e


@pytest.fixture
def mutter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScreenCastingMutter]:
    require_tools(missing_tools())
    session = ScreenCastingMutter(tmp_path / "gnome")
    try:
        session.start()
        # The app finds the session's PipeWire as any client does.
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(session.runtime))
        monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
        monkeypatch.delenv("PIPEWIRE_RUNTIME_DIR", raising=False)
        yield session
    finally:
        session.stop()


def test_a_shared_screen_is_busy_until_the_sharing_stops(mutter: ScreenCastingMutter) -> None:
    detector = ScreenSharingDetector.here()
    assert detector is not None, "offered where PipeWire and pw-dump are"
    assert not detector.busy()
    with mutter.screen_cast() as cast:
        stream = mutter.screen_stream()
        assert not detector.busy(), "a cast nobody takes shows the screen to no one"
        with mutter.viewer(stream):
            wait_until(detector.busy, 20, "the shared screen to be seen")
            cast.stop()
            wait_until(lambda: not detector.busy(), 20, "the sharing to end")


def test_a_viewer_that_lets_go_ends_the_sharing(mutter: ScreenCastingMutter) -> None:
    detector = ScreenSharingDetector.here()
    assert detector is not None
    with mutter.screen_cast():
        with mutter.viewer(mutter.screen_stream()):
            wait_until(detector.busy, 20, "the shared screen to be seen")
        # Mutter's stream idles once nothing takes it, though the cast goes on.
        wait_until(lambda: not detector.busy(), 20, "the viewer's leaving to be seen")


def test_the_app_holds_a_reminder_while_the_screen_is_shared_and_gives_it_after(
    mutter: ScreenCastingMutter, make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop, 600.0, XDG_RUNTIME_DIR=str(mutter.runtime))
    held = "you are sharing your screen"
    with mutter.screen_cast(), mutter.viewer(mutter.screen_stream()):
        assert app.command("break-now").returncode == 0
        wait_until(lambda: f"held: {held}" in app.log_text(), 20, "a held reminder")
        status = app.command("status").stdout
        assert status.startswith(f"Holding reminders: {held}"), status
        notified = len(desktop.notifications())
    wait_until(lambda: "No longer busy; giving" in app.log_text(), 20, "the sharing to end")
    wait_until(lambda: len(desktop.notifications()) > notified, 20, "the held reminder")
