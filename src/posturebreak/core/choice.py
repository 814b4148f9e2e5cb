"""Reading one of a fixed set of words from a file, with a message that lists them."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from posturebreak.i18n import _

C = TypeVar("C", bound=StrEnum)


def short_repr(value: object) -> str:
    """A value from a file, shortened for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_choice(choices: type[C], value: object) -> C:
    """``value`` as a member of ``choices``; ValueError "must be one of ..., got ..." if not."""
    if isinstance(value, str) and value in choices._value2member_map_:
        return choices(value)
    allowed = ", ".join(repr(choice.value) for choice in choices)
    raise ValueError(
        _("must be one of {allowed}, got {value}").format(allowed=allowed, value=short_repr(value))
    )
