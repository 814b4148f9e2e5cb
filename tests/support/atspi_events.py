"""Listens on the AT-SPI bus for events, as a screen reader does, and prints each one.

Run by the system Python (it has the AT-SPI bindings) on the desktop's session
bus: ``/usr/bin/python3 -m tests.support.atspi_events SECONDS EVENT_TYPE...``.
It prints ``ready`` once listening, then one JSON line per event (type, the
event's text, ``detail1`` — an announcement's politeness — and the source's
role and name), and stops after SECONDS.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402


def _print(event: Any) -> None:
    source = event.source
    data = getattr(event, "any_data", None)
    line = {
        "type": event.type,
        "text": data if isinstance(data, str) else "",
        "detail1": event.detail1,
        "role": source.get_role_name() if source is not None else "",
        "name": (source.get_name() or "") if source is not None else "",
    }
    print(json.dumps(line), flush=True)


def main() -> int:
    seconds, event_types = float(sys.argv[1]), sys.argv[2:]
    listener = Atspi.EventListener.new(_print)
    for event_type in event_types:
        listener.register(event_type)
    GLib.timeout_add(int(seconds * 1000), Atspi.event_quit)
    print("ready", flush=True)
    Atspi.event_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
