"""Shared test set-up: Qt runs off-screen unless a test brings its own desktop."""

from __future__ import annotations

import os

# pytest-qt's own QApplication: no real screen needed for widget tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
