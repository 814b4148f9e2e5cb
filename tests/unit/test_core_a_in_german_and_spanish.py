"""The core's words (tray status, countdown, sit/stand prompt, reminder summaries,
busy reasons, shipped reminders) in German and Spanish, every placeholder filled;
a user's own reminder text stays as written."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from posturebreak.core.breathing import BOX, phase_at
from posturebreak.core.countdown import countdown_announcement, time_left_text
from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.core.reminder_text import (
    days_text,
    name_problem,
    no_exercise_reason,
    schedule_problem,
    schedule_summary,
)
from posturebreak.core.reminders import (
    SHIPPED_REMINDERS,
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    ReminderAction,
    ReminderDefinition,
    reminder_message,
    reminder_name,
)
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.sit_stand import Posture, SitStandSettings, duration_text, switch_words
from posturebreak.core.status import describe_wait, status_line
from posturebreak.core.weekdays import Weekday
from tests.support.language import speaking

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)


def core_texts() -> list[str]:
    """The core's main messages, as the running app would show them now."""
    schedule = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0)
    paused = ReminderSchedule({"stretch": timedelta(minutes=23)}, T0)
    paused.pause(T0, T0 + timedelta(days=1, hours=1))
    words = switch_words(Posture.STANDING, SitStandSettings())
    return [
        status_line(schedule, T0, UTC),
        status_line(schedule, T0, UTC, relative=False),
        status_line(paused, T0, UTC),
        status_line(schedule, T0, UTC, BusyReason.CALL),
        describe_wait(timedelta(minutes=65)),
        time_left_text(42),
        time_left_text(0),
        str(countdown_announcement(90, None, 90)),
        str(countdown_announcement(90, 61, 60)),
        words.title,
        words.message,
        words.answer,
        duration_text(timedelta(minutes=65)),
        schedule_summary(EveryActiveMinutes(45), T0.date()),
        schedule_summary(AtTimesOfDay((time(9, 15),), WORKDAYS), T0.date()),
        schedule_summary(EveryNDays(14, date(2026, 1, 5)), T0.date()),
        str(schedule_problem(AtTimesOfDay((), (Weekday.MON,)))),
        str(name_problem("y" * 61)),
        str(no_exercise_reason(ReminderAction.COMFORT_CHECK_IN)),
        phase_at(BOX, 0).announcement,
        reminder_name("stretch"),
        reminder_message(SHIPPED_REMINDERS["stretch"]),
    ]


ENGLISH = core_texts()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            {
                "Dehnen in 23 Min.",
                "Dehnen um 09:23",
                "Pausiert bis Tue 10:00",
                "Erinnerungen warten: du bist in einem Anruf",
                "in 1 Std. 5 Min.",
                "noch 42 s",
                "Pause gestartet: 1 Minute 30 Sekunden.",
                "Noch 1 Minute.",
                "Zeit zum Aufstehen",
                "Fahr deinen Schreibtisch hoch und steh etwa 15 Min.",
                "Alle 45 Min. am Computer",
                "09:15 Mon\u2013Fri",
                "Alle 2 Wochen ab 5 Jan, 09:00",
                "Ein Name hat höchstens 60 Zeichen.",
                "Einatmen für 4 Sekunden",
            },
        ),
        (
            "es",
            {
                "Estiramiento en 23 min",
                "Estiramiento: 09:23",
                "En pausa hasta Tue 10:00",
                "Recordatorios en espera: estás en una llamada",
                "quedan 42 s",
                "Descanso iniciado: 1 minuto y 30 segundos.",
                "Tiempo restante: 1 minuto.",
                "Hora de ponerse de pie",
                "Cada 45 min frente al ordenador",
                "Cada 2 semanas desde el 5 Jan, 09:00",
                "Un nombre tiene como máximo 60 caracteres.",
                "Inhala durante 4 segundos",
            },
        ),
    ],
)
def test_the_core_speaks_german_and_spanish(language: str, expected: set[str]) -> None:
    with speaking(language):
        texts = core_texts()
    assert expected <= set(texts), expected - set(texts)
    for english, translated in zip(ENGLISH, texts, strict=True):
        assert "{" not in translated and "}" not in translated, translated
        assert translated, english
    untranslated = {"09:15 Mon\u2013Fri", "1 h 5 min"}  # the same in Spanish
    assert not (set(ENGLISH) & set(texts)) - untranslated
    assert core_texts() == ENGLISH  # English again afterwards


def test_a_user_s_own_reminder_text_stays_as_written() -> None:
    own = ReminderDefinition("own", "Stretch my wrists", "Rotate both wrists slowly.")
    renamed = ReminderDefinition("stretch", "Dehnen!", "")
    with speaking("de"):
        assert reminder_name("own", (own,)) == "Stretch my wrists"
        assert reminder_message(own) == "Rotate both wrists slowly."
        assert reminder_name("stretch", (renamed,)) == "Dehnen!"
        assert reminder_message(renamed) == ""
        assert days_text(set(Weekday)) == "täglich"
        assert BusyReason.PRESENTING.words == "du präsentierst"
