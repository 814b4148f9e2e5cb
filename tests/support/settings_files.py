"""Settings and exercise files as a hand, an editor or a failing disk could leave them
(Hypothesis).

A valid file with values swapped for anything TOML can hold, then its bytes
mangled: bytes replaced, the end cut off, a stretch repeated, deep nesting,
stray NULs, invalid UTF-8, a byte-order mark, carriage returns, or the whole
file blown past the size limit.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from typing import Any

import tomli_w
from hypothesis import strategies as st

from posturebreak.core.reminders import ReminderKind
from posturebreak.core.settings import Settings, settings_to_dict
from posturebreak.resources import resource_path
from posturebreak.services.catalogue_files import SHIPPED_CATALOGUE
from posturebreak.services.settings_store import MAX_SETTINGS_BYTES

_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.text(max_size=12),
    st.floats(allow_nan=False),
    st.times(),
    st.dates(),
    st.datetimes(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=3,
)
_known_keys = st.sampled_from(
    [
        "version",
        "enabled",
        "interval_minutes",
        "break_seconds",
        "style",
        "snooze_minutes",
        "working_days",
        "working_hours_start",
        "working_hours_end",
        "idle_threshold_minutes",
        "notifications_while_busy",
        "sound",
        "icon_theme",
        "daily_goal",
        "on_minutes",
        "x",
    ]
)
# Unknown keys too, some of them long.
_keys = _known_keys | st.text(max_size=8) | st.text(min_size=1, max_size=4).map(lambda t: t * 80)
_DEFAULTS = settings_to_dict(Settings())
_SECTIONS = ["reminders", "schedule", "general", "pack", None]


def _nest(data: bytes, at: int, draw: st.DrawFn) -> bytes:
    opener = draw(st.sampled_from([b"[", b"{a = ", b"[{b = ["]))
    return data + b"\nnested = " + opener * draw(st.integers(1, 5000))


_Fault = Callable[[bytes, int, st.DrawFn], bytes]
_FAULTS: dict[str, _Fault] = {
    "replace": lambda data, at, draw: data[:at] + draw(st.binary(max_size=4)) + data[at + 1 :],
    "cut": lambda data, at, draw: data[:at],
    "repeat": lambda data, at, draw: (
        data[:at] + data[draw(st.integers(0, len(data))) :] + data[at:]
    ),
    "nest": _nest,
    "nul": lambda data, at, draw: data[:at] + b"\0" + data[at:],
    "latin-1": lambda data, at, draw: data[:at] + "é".encode("latin-1") + data[at:],
    "bom": lambda data, at, draw: b"\xef\xbb\xbf" + data,
    "cr": lambda data, at, draw: data.replace(b"\n", b"\r"),
    "huge": lambda data, at, draw: data * (MAX_SETTINGS_BYTES // max(len(data), 1) + 1),
}


@st.composite
def _mangled(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one fault of the kind a disk, an editor or a person brings in."""
    fault = _FAULTS[draw(st.sampled_from(sorted(_FAULTS)))]
    return fault(data, draw(st.integers(0, len(data))), draw)


def _dumped_and_mangled(draw: st.DrawFn, document: dict[str, Any]) -> bytes:
    data = tomli_w.dumps(document).encode()
    for _ in range(draw(st.integers(0, 3))):
        data = draw(_mangled(data))
    return data


@st.composite
def settings_documents(draw: st.DrawFn) -> bytes:
    """A valid settings file with some values swapped for anything, or its bytes mangled."""
    document = copy.deepcopy(_DEFAULTS)
    for _ in range(draw(st.integers(0, 4))):
        section = draw(st.sampled_from(_SECTIONS))
        key = draw(_keys)
        table = document if section is None else document[section]
        if section == "reminders":
            table = table[draw(st.sampled_from([k.value for k in ReminderKind]))]
        table[key] = draw(_values)
    return _dumped_and_mangled(draw, document)


_SHIPPED_EXERCISES = tomllib.loads(resource_path(SHIPPED_CATALOGUE).read_text("utf-8"))
_EXERCISE_FIELDS = {*_SHIPPED_EXERCISES["exercise"][0], "steps", "illustration", "caution", "pacer"}
_exercise_keys = st.sampled_from(sorted(_EXERCISE_FIELDS)) | _keys


@st.composite
def exercise_documents(draw: st.DrawFn) -> bytes:
    """A few of the shipped exercises, some fields swapped for anything, or bytes mangled."""
    document = copy.deepcopy(_SHIPPED_EXERCISES)
    entries = document["exercise"] = document["exercise"][: draw(st.integers(0, 4))]
    for _ in range(draw(st.integers(0, 3))):
        if entries:
            draw(st.sampled_from(entries))[draw(_exercise_keys)] = draw(_values)
        else:
            document[draw(_keys)] = draw(_values)
    return _dumped_and_mangled(draw, document)
