"""The workstation check: the checklist's items, a check's answers, and what changed.

The items are data (``resources/catalogue/workstation.toml``), read with the
same strictness as the exercise catalogue: the shipped file must be valid, and
a fault is reported with the item and field named. A check keeps one answer
per item it asked about; comparing two checks gives the lines the history
shows ("Monitor at eye level: Not yet → Yes").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from posturebreak.core.choice import parse_choice, short_repr
from posturebreak.core.data_text import translated
from posturebreak.core.versioned_toml import read_entries
from posturebreak.i18n import N_, _, formats, ngettext

CHECKLIST_VERSION = 1
# The ids other parts (illustrations, the store) name items by; the file gives their words.
ITEM_IDS = ("chair", "desk_height", "monitor", "reach", "feet", "foot_stool", "wrists")
NOTE_MAX_CHARS = 200
_FIELDS = ("id", "title", "question", "guidance")
# What a user reads of an item: translated when loaded, extracted by scripts/catalogue-pot.
TRANSLATED_FIELDS = _FIELDS[1:]
_ItemId = StrEnum("_ItemId", [(ident, ident) for ident in ITEM_IDS])  # type: ignore[misc]


class ChecklistError(ValueError):
    """The checklist file is malformed; the message says where and how."""


class Answer(StrEnum):
    """How an item stands; the value is what the log stores."""

    YES = "yes"
    NOT_YET = "not_yet"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _(_LABELS[self])


_LABELS = {
    Answer.YES: N_("Yes"),
    Answer.NOT_YET: N_("Not yet"),
    Answer.NOT_APPLICABLE: N_("Not applicable"),
}


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to look at: a title for lists, the question, and how to get it right."""

    id: str
    title: str
    question: str
    guidance: str

    @property
    def illustration(self) -> str:
        """Its picture under resources/ (drawn separately; the dialog copes without it)."""
        return f"illustrations/workstation-{self.id.replace('_', '-')}.svg"


@dataclass(frozen=True)
class ItemAnswer:
    """An item's answer and the user's optional short note."""

    answer: Answer
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "note", tidy_note(self.note))

    @property
    def text(self) -> str:
        if not self.note:
            return self.answer.label
        # Translators: a workstation item's answer and the user's note,
        # e.g. "Not yet (order a cushion)".
        return _("{answer} ({note})").format(answer=self.answer.label, note=self.note)


@dataclass(frozen=True)
class WorkstationCheck:
    """One pass through the checklist: when, and the answers given (by item id)."""

    checked_at: datetime
    answers: Mapping[str, ItemAnswer] = field(default_factory=dict)

    @property
    def local_day(self) -> date:
        return self.checked_at.astimezone().date()

    def settled(self) -> int:
        """How many items are in place or do not apply."""
        return sum(answer.answer is not Answer.NOT_YET for answer in self.answers.values())


@dataclass(frozen=True)
class Change:
    """An item whose answer or note differs from the previous check's."""

    item: ChecklistItem
    before: ItemAnswer | None  # None: not answered then
    after: ItemAnswer | None  # None: not answered now

    def text(self) -> str:
        before = self.before.text if self.before else _("not answered")
        after = self.after.text if self.after else _("not answered")
        # Translators: what changed since the last workstation check, e.g.
        # "Monitor at eye level: Not yet → Yes".
        return _("{item}: {before} → {after}").format(
            item=self.item.title, before=before, after=after
        )


def tidy_note(note: str) -> str:
    """A note on one line, trimmed and cut to :data:`NOTE_MAX_CHARS`."""
    return " ".join(note.split())[:NOTE_MAX_CHARS]


def changes(
    items: Sequence[ChecklistItem], previous: WorkstationCheck, current: WorkstationCheck
) -> list[Change]:
    """What differs between two checks, in checklist order."""
    found = []
    for item in items:
        before, after = previous.answers.get(item.id), current.answers.get(item.id)
        if before != after:
            found.append(Change(item, before, after))
    return found


def summary_text(items: Sequence[ChecklistItem], check: WorkstationCheck) -> str:
    """A check in a few words: how many of the items it asked are settled."""
    asked = sum(item.id in check.answers for item in items)
    return ngettext(
        # Translators: a workstation check in a few words, e.g. "5 of 7 in place or not applicable".
        "{settled} of {asked} in place or not applicable",
        "{settled} of {asked} in place or not applicable",
        asked,
    ).format(settled=formats().integer(check.settled()), asked=formats().integer(asked))


def not_yet(items: Sequence[ChecklistItem], check: WorkstationCheck) -> list[str]:
    """The titles of the items answered "Not yet", in checklist order."""
    return [
        item.title
        for item in items
        if item.id in check.answers and check.answers[item.id].answer is Answer.NOT_YET
    ]


def parse_checklist(text: str, source: str) -> tuple[ChecklistItem, ...]:
    """Reads the checklist, its words in the user's language; raises :class:`ChecklistError`
    naming ``source`` and the fault."""
    entries = read_entries(text, source, CHECKLIST_VERSION, "item", ChecklistError)
    items = [_item(entry, f"{source}: item {number}") for number, entry in enumerate(entries, 1)]
    ids = [item.id for item in items]
    if sorted(ids) != sorted(ITEM_IDS):
        raise ChecklistError(
            f"{source}: the items must be {', '.join(ITEM_IDS)}, each once; got {', '.join(ids)}"
        )
    return tuple(items)


def _item(entry: object, where: str) -> ChecklistItem:
    if not isinstance(entry, Mapping):
        raise ChecklistError(f"{where} must be a table")
    if set(entry) != set(_FIELDS):
        missing, unknown = set(_FIELDS) - set(entry), set(entry) - set(_FIELDS)
        raise ChecklistError(
            f"{where} needs exactly {', '.join(_FIELDS)}"
            + (f"; lacks {', '.join(sorted(missing))}" if missing else "")
            + (f"; unknown {', '.join(sorted(unknown))}" if unknown else "")
        )
    try:
        ident = parse_choice(_ItemId, entry["id"])
    except ValueError as error:
        raise ChecklistError(f"{where}: id {error}") from None
    where = f"{where} ({ident})"
    title, question, guidance = (_words(entry, key, where) for key in _FIELDS[1:])
    return translated(ChecklistItem(ident.value, title, question, guidance), TRANSLATED_FIELDS)


def _words(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry[key]
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    raise ChecklistError(f"{where}: {key} must be non-empty text, got {short_repr(value)}")
