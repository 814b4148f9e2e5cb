"""Shared test set-up: Qt runs off-screen unless a test brings its own desktop; the
reliability suite's figures are printed at the end of the run."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

# pytest-qt's own QApplication: no real screen needed for widget tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_FIGURES: list[tuple[str, str]] = []

ReportFigure = Callable[[str, object], None]


@pytest.fixture
def report_figure() -> ReportFigure:
    """Records one figure of a reliability test (what was tried, how often, what held)."""
    return lambda what, figure: _FIGURES.append((what, str(figure)))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("reliability figures")
        for what, figure in _FIGURES:
            terminalreporter.write_line(f"{what}: {figure}")
