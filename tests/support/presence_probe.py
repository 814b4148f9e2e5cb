"""Runs one presence detector in a process of its own and prints what it says.

Usage: ``python -m tests.support.presence_probe MODULE:CLASS``. One line a
report: ``started`` (or ``off: reason``), then ``away`` and ``back``. A test
reads them as the detector's events on a real desktop, with that desktop's
buses in the environment (Qt reads them once per process).
"""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QCoreApplication

from posturebreak.core.clock import SystemClock


def main() -> int:
    module_name, class_name = sys.argv[1].split(":")
    app = QCoreApplication(sys.argv[:1])
    detector = getattr(importlib.import_module(module_name), class_name)(SystemClock())
    detector.went_away.connect(lambda _since: print("away", flush=True))
    detector.came_back.connect(lambda _at: print("back", flush=True))
    if not detector.start():
        print(f"off: {detector.unavailable_reason}", flush=True)
        return 1
    print("started", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
