"""Runs a piece of a test in one of the shipped languages."""

from __future__ import annotations

import gettext
import io
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from posturebreak.i18n import Formats, PlainFormats, use
from posturebreak.i18n.language import locale_dir


def compiled_catalogue(language: str, into: Path) -> Path:
    """``language``'s catalogue compiled with ``msgfmt`` from its ``.po`` file as it is
    now (the shipped ``.mo`` may lag behind while a translator works)."""
    compiled = into / f"{language}.mo"
    source = locale_dir() / f"{language}.po"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(source)], check=True)
    return compiled


@contextmanager
def speaking(language: str, local_formats: Formats | None = None) -> Iterator[None]:
    """Installs ``language`` (and ``local_formats``) for the block, then English again."""
    with tempfile.TemporaryDirectory() as folder:
        compiled = compiled_catalogue(language, Path(folder))
        translations = gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    use(translations, local_formats or PlainFormats())
    try:
        yield
    finally:
        use(gettext.NullTranslations(), PlainFormats())
