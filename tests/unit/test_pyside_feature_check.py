"""PySide6's look at each imported module gives the same answers without reading the
module's lines into linecache; a PySide upgrade that drops the function it replaces
fails here rather than quietly costing start-up time and memory again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PROBE = """
import linecache
import sys
import PySide6.QtCore
from posturebreak.ui.pyside_feature_check import check_imports_lightly

print("replaced", check_imports_lightly())
sys.path.insert(0, sys.argv[1])
import uses_qt, plain
feature = sys.modules["shibokensupport.feature"]
for name in ("uses_qt", "plain"):
    print(name, feature.pyside_feature_dict[name])
print("lines kept", sorted(path for path in linecache.cache if path.startswith(sys.argv[1])))
"""


def test_pyside_asks_the_cheap_check_and_gets_its_own_answers(tmp_path: Path) -> None:
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("ANSWER = 42\n")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # 0: the module uses PySide (default features); -1: PySide leaves it alone.
    assert result.stdout.splitlines() == [
        "replaced True",
        "uses_qt 0",
        "plain -1",
        "lines kept []",
    ]
