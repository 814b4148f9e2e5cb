"""The few words a plain start of the app takes, read without argparse.

The usual start (``posture-break``, maybe with ``--verbose`` and ``--profile-dir
DIR``) puts the tray icon up before the command line's parser and its language
load; anything else goes to the whole parser, which has the last word.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def starts_the_app(words: Sequence[str]) -> bool:
    """Whether ``words`` hold nothing but ``--verbose`` and ``--profile-dir DIR``: the usual
    start, which needs no command's parser."""
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--profile-dir" and rest:
            rest.pop(0)
        elif word != "--verbose" and not word.startswith("--profile-dir="):
            return False
    return True


def profile_dir_named(words: Sequence[str]) -> Path | None:
    """The folder ``--profile-dir`` names in ``words`` (the last one given), if any."""
    profile: str | None = None
    for word, following in zip(words, [*words[1:], None], strict=False):
        if word == "--profile-dir" and following is not None:
            profile = following
        elif word.startswith("--profile-dir="):
            profile = word.partition("=")[2]
    return None if profile is None else Path(profile)
