"""A real PipeWire server with a headless Mutter casting its screen into it, and a
program that takes the cast: a video call sharing the screen, on a private session.

Mutter connects to PipeWire in the session's XDG_RUNTIME_DIR when a cast starts
(without it, Start fails: "Couldn't connect pipewire context"), so PipeWire runs
first, in the same folder. The cast is
asked for as xdg-desktop-portal-gnome does (CreateSession, RecordMonitor, Start);
Mutter then publishes a ``Stream/Output/Video`` node, suspended until something
reads it. The reader here is GStreamer's ``pipewiresrc``; with no session manager
(WirePlumber) on this private server, ``pw-link`` joins the two, as WirePlumber
would on a desktop.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import dbus

from tests.support import gnome
from tests.support.desktop import wait_until

SCREEN_CAST = "org.gnome.Mutter.ScreenCast"
_SESSION = f"{SCREEN_CAST}.Session"
_TOOLS = {
    "pipewire": "pipewire-bin",
    "pw-dump": "pipewire-bin",
    "pw-link": "pipewire-bin",
    "gst-launch-1.0": "gstreamer1.0-tools",
}


def missing_tools() -> list[str]:
    missing = [f"{tool} ({package})" for tool, package in _TOOLS.items() if not shutil.which(tool)]
    if not missing and not _has_pipewiresrc():
        missing.append("GStreamer's pipewiresrc (gstreamer1.0-pipewire)")
    return missing + gnome.missing_tools()


def _has_pipewiresrc() -> bool:
    inspect = shutil.which("gst-inspect-1.0")
    probe = [inspect, "pipewiresrc"] if inspect else ["false"]
    return subprocess.run(probe, capture_output=True, timeout=60, check=False).returncode == 0


@dataclass
class ScreenCast:
    """One screencast session of Mutter's, as a screen-sharing program holds it."""

    session: Any
    stopped: bool = False

    def stop(self) -> None:
        """What the sharing program does when the user stops sharing."""
        self.session.Stop(dbus_interface=_SESSION)
        self.stopped = True


@dataclass
class ScreenCastingMutter(gnome.HeadlessMutter):
    """Headless Mutter with a PipeWire server of its own in the same runtime folder."""

    serves: tuple[str, ...] = (SCREEN_CAST,)

    def _start_compositor(self) -> None:
        env = self.env(XDG_RUNTIME_DIR=str(self.runtime))
        self.processes.spawn(["pipewire"], env, self.workdir / "pipewire.log")
        wait_until(self._pipewire_answers, 20, "the PipeWire server")
        super()._start_compositor()

    def objects(self) -> list[dict[str, Any]]:
        """All that ``pw-dump`` says about this PipeWire server."""
        env = self.env(XDG_RUNTIME_DIR=str(self.runtime))
        dump = subprocess.run(
            ["pw-dump"], env=env, capture_output=True, text=True, timeout=10, check=True
        )
        objects: list[dict[str, Any]] = json.loads(dump.stdout)
        return objects

    def _pipewire_answers(self) -> bool:
        try:
            return bool(self.objects())
        except (subprocess.CalledProcessError, ValueError):
            return False

    @contextmanager
    def screen_cast(self) -> Iterator[ScreenCast]:
        """A cast of the whole monitor; it ends with the block if not stopped before."""
        assert self.bus is not None
        with self.bus.connection() as connection:
            caster = connection.get_object(SCREEN_CAST, "/org/gnome/Mutter/ScreenCast")
            no_options = dbus.Dictionary({}, signature="sv")
            path = caster.CreateSession(no_options, dbus_interface=SCREEN_CAST)
            session = connection.get_object(SCREEN_CAST, path)
            session.RecordMonitor("", no_options, dbus_interface=_SESSION)
            session.Start(dbus_interface=_SESSION)
            cast = ScreenCast(session)
            try:
                yield cast
            finally:
                if not cast.stopped:
                    cast.stop()

    def screen_stream(self) -> int:
        """The id of Mutter's screen stream, once it is there."""
        found: int = wait_until(
            lambda: self._node_of_class("Stream/Output/Video"), 20, "Mutter's screen stream"
        )
        return found

    @contextmanager
    def viewer(self, stream: int) -> Iterator[None]:
        """A program taking the stream's frames while the block runs."""
        env = self.env(XDG_RUNTIME_DIR=str(self.runtime))
        argv = ["gst-launch-1.0", "pipewiresrc", f"path={stream}", "!", "fakesink"]
        viewer = self.processes.spawn(argv, env, self.workdir / "viewer.log")
        try:
            sink = wait_until(lambda: self._node_of_class("Stream/Input/"), 60, "the viewer")
            link = [str(self._port(stream, "output")), str(self._port(sink, "input"))]
            subprocess.run(["pw-link", *link], env=env, capture_output=True, timeout=10, check=True)
            yield
        finally:
            viewer.terminate()
            viewer.wait(10)
            self.processes.started.remove(viewer)

    def _node_of_class(self, prefix: str) -> int | None:
        """The first node whose media class starts with ``prefix``."""
        for node in self.objects():
            props = (node.get("info") or {}).get("props") or {}
            if node["type"] == "PipeWire:Interface:Node" and str(
                props.get("media.class", "")
            ).startswith(prefix):
                return int(node["id"])
        return None

    def _port(self, node: int, direction: str) -> int:
        def port() -> int | None:
            for item in self.objects():
                info = item.get("info") or {}
                if (
                    item["type"] == "PipeWire:Interface:Port"
                    and info.get("direction") == direction
                    and (info.get("props") or {}).get("node.id") == node
                ):
                    return int(item["id"])
            return None

        found: int = wait_until(port, 20, f"the {direction} port of node {node}")
        return found
