"""The breathing pacer: words, count and circle follow a hand-moved clock; it rests when hidden."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from posturebreak.core.breathing import BOX, RESONANT, BreathingPattern
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.ui.break_popup import BreakPopup
from posturebreak.ui.breathing_pacer import FRAME_MS, BreathingPacer
from tests.gui.conftest import FakeClock
from tests.gui.test_break_popup import request


@dataclass
class Stopwatch:
    """Seconds since the break began, moved by the test."""

    seconds: float = 0.0

    def __call__(self) -> float:
        return self.seconds


def shown_pacer(qtbot: QtBot, pattern: BreathingPattern = BOX) -> tuple[BreathingPacer, Stopwatch]:
    watch = Stopwatch()
    pacer = BreathingPacer(pattern, watch)
    qtbot.addWidget(pacer)
    pacer.show()
    qtbot.waitExposed(pacer)
    return pacer, watch


def test_words_count_and_circle_follow_box_breathing(qtbot: QtBot) -> None:
    pacer, watch = shown_pacer(qtbot)
    full = pacer.circle_rect().width() / 0.3  # empty lungs: 30 % of the full circle
    centre = pacer.circle_rect().center()
    assert (pacer.phase_text, pacer.state.count) == ("Breathe in", 1)
    assert full == pytest.approx(132)
    for seconds, words, count, share in (
        (2.0, "Breathe in", 3, 0.3 + 0.7 * 0.5),  # mid-inhale: half way between the sizes
        (5.5, "Hold", 2, 1.0),
        (10.0, "Breathe out", 3, 0.65),
        (13.0, "Hold", 2, 0.3),
        (16.0, "Breathe in", 1, 0.3),
    ):
        watch.seconds = seconds
        qtbot.waitUntil(lambda words=words, count=count: (pacer.phase_text, pacer.state.count)
                        == (words, count))  # fmt: skip
        assert pacer.circle_rect().width() == pytest.approx(full * share)
        assert pacer.circle_rect().center() == centre  # it grows and shrinks in place


def test_the_circle_is_painted_at_its_size(qtbot: QtBot) -> None:
    """Just inside the full circle's edge, the picture shows the fill only with full lungs."""
    pacer, watch = shown_pacer(qtbot, RESONANT)
    probe = pacer.circle_rect().center().toPoint()
    probe.setY(probe.y() - round(0.45 * 132))

    def colour_at_probe() -> QColor:
        return pacer.grab().toImage().pixelColor(probe * pacer.devicePixelRatio())

    background = pacer.palette().color(QPalette.ColorRole.Window)
    assert colour_at_probe() == background
    watch.seconds = 5.0  # full
    pacer.advance()
    assert colour_at_probe() != background
    watch.seconds = 10.0  # empty again
    pacer.advance()
    assert colour_at_probe() == background


def test_a_screen_reader_hears_each_step_once(qtbot: QtBot) -> None:
    pacer, watch = shown_pacer(qtbot)
    assert pacer.accessibleName() == "Breathing pacer, Box breathing 4-4-4-4"
    assert pacer.accessibleDescription() == "Breathe in for 4 seconds"
    heard: list[str] = []
    pacer.step_started.connect(heard.append)
    for tenth in range(0, 330):  # 33 seconds, ten frames a second
        watch.seconds = tenth / 10
        pacer.advance()
    assert heard == [
        "Hold for 4 seconds",
        "Breathe out for 4 seconds",
        "Hold for 4 seconds",
        "Breathe in for 4 seconds",
        "Hold for 4 seconds",
        "Breathe out for 4 seconds",
        "Hold for 4 seconds",
        "Breathe in for 4 seconds",
    ]
    assert pacer.accessibleDescription() == "Breathe in for 4 seconds"


def test_it_animates_only_while_visible(qtbot: QtBot) -> None:
    pacer, watch = shown_pacer(qtbot)
    assert pacer.frame_timer.isActive() and pacer.frame_timer.interval() == FRAME_MS
    pacer.hide()
    assert not pacer.frame_timer.isActive()
    watch.seconds = 6.0
    pacer.show()  # back on screen: at once where the breath is now
    assert pacer.frame_timer.isActive() and pacer.phase_text == "Hold"


def test_a_hidden_parent_stops_it_too(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    pacer = BreathingPacer(BOX, Stopwatch(), window)
    assert not pacer.frame_timer.isActive()  # built, not yet shown
    window.show()
    qtbot.waitExposed(window)
    assert pacer.frame_timer.isActive()
    window.hide()
    assert not pacer.frame_timer.isActive()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_words_always_fit(qtbot: QtBot, scale: float) -> None:
    pacer, _ = shown_pacer(qtbot)
    font = pacer.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    pacer.setFont(font)
    assert pacer.sizeHint().width() >= 132
    widest = QFontMetrics(pacer.words_font()).horizontalAdvance("Breathe out")
    assert pacer.sizeHint().width() > widest
    assert pacer.sizeHint().height() > 132 + QFontMetrics(pacer.words_font()).height()


def test_a_breathing_break_shows_the_pacer_in_step_with_its_countdown(qtbot: QtBot) -> None:
    clock = FakeClock()
    catalogue, _ = load_catalogue(Path("/nonexistent"))
    breathing = replace(request(clock), exercise=catalogue.exercises["box-breathing"])
    popup = BreakPopup(breathing, clock, timedelta(minutes=4), "5 min")
    qtbot.addWidget(popup)
    popup.show_on_pointer_screen()
    qtbot.waitExposed(popup)
    pacer = popup.findChild(BreathingPacer)
    assert pacer is not None and pacer.isVisible() and pacer.pattern is BOX
    assert popup.findChildren(QSvgWidget) == []  # the pacer takes the illustration's place
    assert popup.instruction.text().startswith("Breathe in for four seconds")

    clock.moment += timedelta(seconds=6)
    qtbot.waitUntil(lambda: (pacer.phase_text, pacer.state.count) == ("Hold", 3))
    qtbot.waitUntil(lambda: popup.time_left.text() == "24 s left")
    popup.clock_set(timedelta(hours=-1))  # the wall clock set back: the breath goes on
    clock.moment -= timedelta(hours=1)
    clock.moment += timedelta(seconds=4)
    qtbot.waitUntil(lambda: (pacer.phase_text, pacer.state.count) == ("Breathe out", 3))

    frame_timer = pacer.frame_timer
    with qtbot.waitSignal(popup.answered):
        qtbot.mouseClick(popup.done_button, Qt.MouseButton.LeftButton)
    assert not frame_timer.isActive()


def test_a_break_without_a_pacer_has_none(qtbot: QtBot) -> None:
    clock = FakeClock()
    popup = BreakPopup(request(clock), clock, timedelta(minutes=4), "5 min")
    qtbot.addWidget(popup)
    popup.show_on_pointer_screen()
    assert popup.findChild(BreathingPacer) is None
    assert len(popup.findChildren(QSvgWidget)) == 1
