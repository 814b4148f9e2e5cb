"""The kinds of reminder the app gives, with the words it shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReminderKind(StrEnum):
    """A kind of reminder; its value is the stable id used in files and logs."""

    STRETCH = "stretch"
    UNCROSS_LEGS = "uncross_legs"
    FOOT_STOOL = "foot_stool"


@dataclass(frozen=True)
class Reminder:
    """What a reminder of one kind says."""

    kind: ReminderKind
    title: str
    short_name: str
    instruction: str


REMINDERS: dict[ReminderKind, Reminder] = {
    reminder.kind: reminder
    for reminder in (
        Reminder(
            ReminderKind.STRETCH,
            title="Stretch break",
            short_name="Stretch",
            instruction="Stand up and lean back gently with hands on your hips; stop if it hurts.",
        ),
        Reminder(
            ReminderKind.UNCROSS_LEGS,
            title="Uncross your legs",
            short_name="Sit evenly",
            instruction="Feet flat, weight even on both sit bones, hips back in the chair.",
        ),
        Reminder(
            ReminderKind.FOOT_STOOL,
            title="Foot stool check",
            short_name="Foot stool",
            instruction="Change the stool's height or distance and move your feet to a new spot.",
        ),
    )
}
