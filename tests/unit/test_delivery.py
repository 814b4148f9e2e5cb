"""What a due reminder shows: by style, never twice while its window is open, one subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from posturebreak.core.delivery import Delivery, notification_text, plan_delivery
from posturebreak.core.reminders import SHIPPED_REMINDERS, NotificationStyle
from posturebreak.services.catalogue_files import load_catalogue


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (NotificationStyle.NOTIFICATION, Delivery(notification=True, window=False)),
        (NotificationStyle.POPUP, Delivery(notification=False, window=True)),
        (NotificationStyle.BOTH, Delivery(notification=True, window=True)),
    ],
)
def test_the_style_says_what_is_shown(style: NotificationStyle, expected: Delivery) -> None:
    assert plan_delivery(style, window_already_open=False) == expected


@pytest.mark.parametrize("style", list(NotificationStyle))
def test_nothing_is_shown_again_while_the_kinds_window_is_open(style: NotificationStyle) -> None:
    assert plan_delivery(style, window_already_open=True) is None


def test_title_and_body_speak_of_the_suggested_exercise() -> None:
    catalogue, _ = load_catalogue(Path("/nonexistent"))
    legs = SHIPPED_REMINDERS["uncross_legs"]
    for exercise in catalogue.in_categories(legs.categories):
        assert notification_text([(legs, exercise)]) == (exercise.title, exercise.instruction)
    assert notification_text([(legs, None)]) == ("Sit evenly", legs.message)


def test_reminders_given_together_share_one_notification_naming_each() -> None:
    catalogue, _ = load_catalogue(Path("/nonexistent"))
    legs, stool = SHIPPED_REMINDERS["uncross_legs"], SHIPPED_REMINDERS["foot_stool"]
    feet = catalogue.exercises["feet-flat"]
    title, body = notification_text([(legs, feet), (stool, None)])
    assert title == "Sit evenly · Foot stool"
    assert body == f"{feet.title}: {feet.instruction}\n{stool.message}"
