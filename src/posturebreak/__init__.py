"""Posture Break: a tray app that keeps desk workers' lower backs healthy."""

__version__ = "0.1.0"
APP_NAME = "Posture Break"
APP_ID = "posture-break"
# The reverse-DNS id freedesktop.org and Apple name apps by: desktop file, icons, metainfo,
# the macOS bundle and its LaunchAgent.
DESKTOP_ID = "io.github.posturebreak.PostureBreak"
