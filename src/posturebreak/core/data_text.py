"""The words in the data files (exercises, the workstation checklist), in the user's language.

The files are written in English, the source language, and their words are translated
as they are loaded, one field at a time.  Each model names its translated fields once;
the loader translates those and ``scripts/catalogue-pot`` extracts those, so a new
field cannot be translated in one place and forgotten in the other.  A user's own
text that no catalogue knows stays as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from posturebreak.i18n import _

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Item = TypeVar("Item", bound="DataclassInstance")
Text = str | tuple[str, ...] | None


def translated(item: Item, fields: Sequence[str]) -> Item:
    """``item`` with each of ``fields`` (text, a tuple of texts, or None) translated."""
    return replace(item, **{name: _translate(getattr(item, name)) for name in fields})


def texts(item: object, fields: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Each text of ``fields`` with where it sits: ("title", …), ("step 2", …)."""
    for name in fields:
        value: Text = getattr(item, name)
        if isinstance(value, tuple):
            singular = name.removesuffix("s")
            yield from ((f"{singular} {number}", text) for number, text in enumerate(value, 1))
        elif value is not None:
            yield name, value


def _translate(value: Text) -> Text:
    if isinstance(value, tuple):
        return tuple(_(text) for text in value)
    return None if value is None else _(value)
