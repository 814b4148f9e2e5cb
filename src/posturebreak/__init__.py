"""Posture Break: a tray app that keeps desk workers' lower backs healthy."""

__version__ = "0.1.0"
APP_NAME = "Posture Break"
APP_ID = "posture-break"
