"""Loads a macOS framework for ctypes, with the C signatures of the calls we make.

The macOS detectors load their frameworks only when they start, so their
modules import on every platform; elsewhere this says which framework is
missing. Declaring every signature matters: without a ``restype`` ctypes would
cut 64-bit pointers down to ``int``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Mapping, Sequence

# C call name -> (return type, argument types); None returns nothing.
Signatures = Mapping[str, tuple[type | None, Sequence[type]]]


class FrameworkMissingError(RuntimeError):
    """A framework cannot be loaded here; the message says which."""


def framework(name: str, signatures: Signatures) -> ctypes.CDLL:
    """The framework ``name`` (e.g. "CoreFoundation") with ``signatures`` declared."""
    path = ctypes.util.find_library(name)
    if path is None:
        raise FrameworkMissingError(f"no {name} framework (not macOS)")
    try:
        library = ctypes.CDLL(path)
        for call, (restype, argtypes) in signatures.items():
            function = getattr(library, call)
            function.restype = restype
            function.argtypes = list(argtypes)
    except (OSError, AttributeError) as error:
        raise FrameworkMissingError(f"cannot load {name}: {error}") from error
    return library
