"""Adapters to the desktop and operating system: presence, busy states, per platform."""
