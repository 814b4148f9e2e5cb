"""Shared test set-up: Qt runs off-screen unless a test brings its own desktop; tests
speak English whatever the machine's language, and each starts in English; the
reliability suite's figures are printed at the end of the run."""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Callable, Iterator

import pytest

from posturebreak.i18n import PlainFormats, use

# pytest-qt's own QApplication: no real screen needed for widget tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English text; a test of another language asks for it.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME", "LC_NUMERIC"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """Undoes a language a test (or the command line it ran) installed."""
    yield
    use(gettext.NullTranslations(), PlainFormats())
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale.c())


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
