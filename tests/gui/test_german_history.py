"""The history window, its sections and *Log a stretch…* in German (and the words they are
made of in Spanish): translated, every placeholder filled, nothing cut off.

The shipped catalogues are compiled with ``msgfmt --check`` for each test, so a broken
placeholder fails here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.comfort import ComfortDay
from posturebreak.core.events import LoggedEvent, Outcome, ReminderEvent
from posturebreak.core.export import ExportFormat
from posturebreak.core.reminders import NotificationStyle
from posturebreak.core.sit_stand import SitStandSettings
from posturebreak.core.statistics import DayBar
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.ui.comfort_chart import ComfortChart, comfort_day_text
from posturebreak.ui.history_chart import DayChart, day_text
from posturebreak.ui.history_window import HistoryWindow, outcome_text, when_text
from posturebreak.ui.standing_history import StandingHistory
from posturebreak.ui.workstation_history import WorkstationHistory
from tests.gui.conftest import FakeClock
from tests.support.clipping import clipped_text
from tests.support.language import speaking
from tests.support.window_probe import dark_palette

App = tuple[PostureBreakApp, FakeClock]
Speak = Callable[[str], None]


@pytest.fixture
def speak() -> Iterator[Speak]:
    """Installs a shipped language (``speaking``) for the rest of the test."""
    with ExitStack() as stack:
        yield lambda language: stack.enter_context(speaking(language))


def _event(at: datetime, outcome: Outcome) -> ReminderEvent:
    return ReminderEvent("stretch", "side-bend", at, at, NotificationStyle.BOTH, outcome, at)


def _seed(posture_app: PostureBreakApp, now: datetime) -> None:
    """Yesterday two stretches done; today one done and one skipped; sit/stand on."""
    settings = posture_app.settings
    posture_app.apply_settings(
        replace(
            settings,
            general=replace(settings.general, daily_goal=3),
            sit_stand=SitStandSettings(enabled=True),
        )
    )
    for minutes in (60, 120):
        posture_app.events.record(_event(now - timedelta(days=1, minutes=minutes), Outcome.DONE))
    posture_app.events.record(_event(now - timedelta(minutes=30), Outcome.DONE))
    posture_app.events.record(_event(now - timedelta(minutes=20), Outcome.SKIPPED))


@pytest.fixture
def german(app: App, speak: Speak) -> PostureBreakApp:
    """The app speaking German, with a few events and sit/stand on."""
    speak("de")
    posture_app, clock = app
    _seed(posture_app, clock.now())
    return posture_app


def _open_history(posture_app: PostureBreakApp, qtbot: QtBot) -> HistoryWindow:
    window = posture_app.show_history()
    qtbot.addWidget(window)
    qtbot.waitUntil(window.isVisible)
    return window


def _cut_off(window: HistoryWindow) -> list[str]:
    """Labels and buttons, summary headers and chart legends narrower than their text."""
    cut = clipped_text(window)
    header = window.summary_table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) < header.sectionSizeHint(column):
            cut.append(str(header.model().headerData(column, Qt.Orientation.Horizontal)))
    charts: list[DayChart | ComfortChart] = [window.chart, *window.findChildren(ComfortChart)]
    for chart in charts:
        if chart.width() < chart.minimumSizeHint().width():
            cut.extend(chart.legend())
    return cut


def test_the_history_window_speaks_german_and_cuts_nothing_off(
    german: PostureBreakApp, qtbot: QtBot
) -> None:
    window = _open_history(german, qtbot)

    assert window.windowTitle() == "Deine Pausen"
    assert window.today_label.text() == "Heute: 1 von 3 Pausen erledigt"
    assert window.streak_label.text().startswith("Serie: <b>")
    header = window.summary_table.horizontalHeaderItem(1)
    assert header is not None and header.text() == "Übersprungen\nheute"
    assert window.chart_range.currentText() == "Letzte 7 Tage"
    assert window.kind_filter.itemText(0) == "Alle Erinnerungen"
    assert window.export_button.text() == "E&xportieren…"
    first = window.events.topLevelItem(0)
    assert (first.text(0), first.text(3), first.text(4)) == (
        "Heute 08:40",
        "Benachrichtigung und Fenster",
        "Übersprungen",
    )
    assert (
        window.findChild(WorkstationHistory)
        .list.text()
        .startswith("Noch kein Arbeitsplatz-Check. Wähle Arbeitsplatz prüfen…")
    )
    standing = window.findChild(StandingHistory).title.text()
    assert standing.startswith("<b>Zeit im Stehen</b> · ")
    assert standing.endswith(" in den letzten 7 Tagen")
    assert _cut_off(window) == []


def test_an_empty_history_says_so_in_german(app: App, qtbot: QtBot, speak: Speak) -> None:
    speak("de")
    window = _open_history(app[0], qtbot)
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == (
        "Noch nichts eingetragen. Deine Pausen erscheinen hier, sobald du sie machst."
    )
    assert _cut_off(window) == []


def test_a_corrected_outcome_says_what_it_was_in_german(
    german: PostureBreakApp, qtbot: QtBot
) -> None:
    window = _open_history(german, qtbot)
    window.events.setCurrentItem(window.events.topLevelItem(0))
    qtbot.mouseClick(window.mark_done_button, Qt.MouseButton.LeftButton)
    assert window.events.topLevelItem(0).text(4) == "Erledigt (vorher übersprungen)"
    assert window.today_label.text() == "Heute: 2 von 3 Pausen erledigt"


def test_an_export_reports_in_german(german: PostureBreakApp, qtbot: QtBot, tmp_path: Path) -> None:
    window = _open_history(german, qtbot)
    target = tmp_path / "aktivität.csv"
    german.export_activity(target, ExportFormat.CSV)
    qtbot.waitUntil(lambda: window.export_job is None)  # it runs on its own thread
    assert window.message.text() == f"4 Ereignisse nach {target} exportiert."
    assert target.read_text(encoding="utf-8").startswith("id,kind,")  # the file stays English


def test_the_window_fits_in_german_at_twice_the_font_size_in_a_dark_theme(
    app: App, qtbot: QtBot, speak: Speak
) -> None:
    speak("de")
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    usual_font, usual_palette = application.font(), application.palette()
    large = application.font()
    large.setPointSizeF(usual_font.pointSizeF() * 2)
    application.setFont(large)
    application.setPalette(dark_palette())
    try:
        posture_app, clock = app
        _seed(posture_app, clock.now())
        window = _open_history(posture_app, qtbot)
        screen = window.screen().availableGeometry()
        assert window.width() <= screen.width()
        assert _cut_off(window) == []
    finally:
        application.setFont(usual_font)
        application.setPalette(usual_palette)


def test_log_a_stretch_speaks_german_and_cuts_nothing_off(
    app: App, qtbot: QtBot, speak: Speak
) -> None:
    speak("de")
    dialog = app[0].show_log_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Dehnübung eintragen"
    assert dialog.exercise.itemText(0) == "Eine eigene Dehnübung"
    assert dialog.when.displayFormat() == "ddd, d. MMM yyyy, HH:mm"
    assert clipped_text(dialog) == []


def _logged(outcome: Outcome, shown: datetime, before: Outcome | None) -> LoggedEvent:
    return LoggedEvent(1, _event(shown, outcome), shown.date(), before)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            (
                "Gestern 16:40",
                "Mon, 23 Nov, 16:40",
                "Erledigt (vorher natürliche Pause (abwesend))",
                "Mon, 23 Nov: 3 erledigt, 2 übersprungen, ignoriert oder verpasst",
                "Mon, 23 Nov: kein Eintrag, 1 Pause erledigt",
            ),
        ),
        (
            "es",
            (
                "Ayer 16:40",
                "Mon 23 Nov, 16:40",
                "Hecho (antes descanso natural (ausente))",
                "Mon 23 Nov: 3 hechos, 2 omitidos, ignorados o perdidos",
                "Mon 23 Nov: sin registro, 1 descanso hecho",
            ),
        ),
    ],
)
def test_days_outcomes_and_tooltips_fill_every_placeholder(
    speak: Speak, language: str, expected: tuple[str, ...]
) -> None:
    speak(language)
    monday = datetime(2026, 11, 23, 16, 40).astimezone()
    corrected = _logged(Outcome.DONE, monday, Outcome.NATURAL_BREAK)
    texts = (
        when_text(corrected, monday.date() + timedelta(days=1)),
        when_text(corrected, monday.date() + timedelta(days=7)),
        outcome_text(corrected),
        day_text(DayBar(date(2026, 11, 23), done=3, not_done=2)),
        comfort_day_text(ComfortDay(date(2026, 11, 23), None, 1)),
    )
    assert texts == expected
    assert not any("{" in text for text in texts)


def test_an_unreadable_log_is_said_in_german(speak: Speak) -> None:
    speak("de")
    error = ActivityLogError.unreadable(Path("/x/activity.sqlite3"), OSError("kaputt"))
    assert (
        str(error)
        == "Dein Aktivitätsprotokoll /x/activity.sqlite3 kann nicht gelesen werden (kaputt)."
    )
