"""Reading a shipped data file: TOML with a ``version`` and one array of tables.

The exercise catalogue and the workstation checklist share the file rules,
so a fault reads the same in both: the file named, then what is wrong.
"""

from __future__ import annotations

import tomllib


def read_entries(
    text: str, source: str, version: int, table: str, error: type[ValueError]
) -> list[object]:
    """The ``[[table]]`` entries of ``text``; raises ``error`` naming ``source`` and the fault."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as fault:
        raise error(f"{source} is not valid TOML ({fault})") from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise error(f"{source} nests arrays or tables too deeply") from None
    found = document.get("version")
    if found != version or type(found) is not int:
        raise error(f"{source}: version must be {version}, got {found!r}")
    entries = document.get(table, [])
    if not isinstance(entries, list):
        raise error(f"{source}: {table} must be an array of tables ([[{table}]])")
    return entries
