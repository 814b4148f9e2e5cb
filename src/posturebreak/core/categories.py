"""The kinds of exercise the catalogue holds; reminders draw their suggestions from them."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    STRETCH = "stretch"
    SITTING = "sitting"
    POSTURE = "posture"
    FOOT_STOOL = "foot_stool"
    MOVEMENT = "movement"
    BREATHING = "breathing"
    MASSAGE = "massage"
    HEAT_COLD = "heat_cold"
