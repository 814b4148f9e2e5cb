"""Makes PySide6's look at every imported module cheap.

PySide6 replaces ``__import__``, and for each module imported after it asks
whether the module's source mentions "PySide6" (for its opt-in ``__feature__``
switches). It asks through :func:`inspect.getsource`, which keeps every line of
every module in :mod:`linecache`: for this app some 200 modules, tens of
milliseconds, and about 4 MB that stay fragmented even once the cache is
cleared. This asks the same question by reading each file's bytes once.

The function it replaces is PySide's own, not a public one: when a later PySide
has no such function, nothing is replaced and only the saving is lost
(``test_pyside_feature_check`` notices).
"""

from __future__ import annotations

import sys
from types import ModuleType


def _mentions_pyside(module: ModuleType) -> bool:
    """The question PySide asks, answered from the file's bytes; like PySide, False for
    a module without a source file."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def check_imports_lightly() -> bool:
    """Puts the cheap check in PySide's place; False when PySide has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _mentions_pyside  # type: ignore[attr-defined]
    return True
