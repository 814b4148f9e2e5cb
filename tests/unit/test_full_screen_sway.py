"""Reading sway's layout tree: is a window full screen where a break window would open?

The tree is a real one, taken from headless sway 1.7 with a full-screen Qt window.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from posturebreak.platform.full_screen_sway import SwayFullScreen, full_screen_where_focused

TREE = json.loads((Path(__file__).parent / "data" / "sway_tree_full_screen.json").read_text())


def windows(tree: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for node in [*tree.get("nodes", ()), *tree.get("floating_nodes", ())]:
        if node.get("type") in ("con", "floating_con"):
            found.append(node)
        found += windows(node)
    return found


def test_a_focused_full_screen_window_is_seen() -> None:
    assert full_screen_where_focused(TREE)


def test_the_same_window_not_full_screen_is_not() -> None:
    tree = copy.deepcopy(TREE)
    for window in windows(tree):
        window["fullscreen_mode"] = 0
    assert not full_screen_where_focused(tree)


def test_a_full_screen_window_on_another_output_is_not_in_the_way() -> None:
    tree = copy.deepcopy(TREE)
    window = windows(tree)[0]
    window["focused"] = False
    scratch_output = tree["nodes"][0]  # sway's own "__i3" output: now it has the focus
    scratch_output["focused"] = True
    assert not full_screen_where_focused(tree)
    window["fullscreen_mode"] = 2  # full screen on every output
    assert full_screen_where_focused(tree)


def test_a_hidden_full_screen_window_is_not_in_the_way() -> None:
    tree = copy.deepcopy(TREE)
    windows(tree)[0]["visible"] = False
    assert not full_screen_where_focused(tree)


@pytest.mark.parametrize("answer", [None, [], "tree", {"nodes": "x"}, {"nodes": [1, None]}])
def test_anything_else_is_not_busy(answer: object) -> None:
    assert not full_screen_where_focused(answer)


def test_without_an_answer_from_sway_it_is_not_busy(tmp_path: Path) -> None:
    assert not SwayFullScreen(str(tmp_path / "no-swaymsg"), str(tmp_path / "no-socket")).busy()
